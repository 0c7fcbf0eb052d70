#include "engine/inputs/credential_report.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/inputs/account_snapshot.h"
#include "engine/json/json_reader.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Lines;

struct Report {
  std::unique_ptr<SourceManager> sources = std::make_unique<SourceManager>();
  SourceId id = kNoSource;
  bool ok = false;
  std::vector<CredentialReportRow> rows;
  std::vector<Diagnostic> diagnostics;

  Lines lines() const { return testing::FormatDiagnostics(*sources, diagnostics); }
  std::string At(const Span& span) const {
    LineColumn at = sources->Begin(span);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
  }
};

std::unique_ptr<Report> Parse(std::string text) {
  auto r = std::make_unique<Report>();
  r->id = r->sources->AddBuffer("report.csv", std::move(text));
  DiagnosticSink sink;
  r->ok = ReadCredentialReport(*r->sources, r->id, &r->rows, sink);
  r->diagnostics = sink.Take();
  return r;
}

std::string ReadSample(const std::string& relative) {
  std::ifstream in(std::string(IAMLINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST_CASE("credential report: the story sample", "[credentials]") {
  const std::string text = ReadSample("samples/accounts/story-credentials.csv");
  CHECK(LooksLikeCredentialReport(text));
  auto r = Parse(text);
  CHECK(r->ok);
  CHECK(r->lines() == Lines{});
  REQUIRE(r->rows.size() == 3);

  const CredentialReportRow& root = r->rows[0];
  CHECK(root.user == "<root_account>");
  CHECK(root.arn == "arn:aws:iam::111122223333:root");
  CHECK(r->At(root.span) == "2:1");
  CHECK(root.password == Tristate::kUnknown);  // not_supported
  CHECK(root.password_last_used == "2026-11-02T10:15:00+00:00");
  CHECK(root.mfa == Tristate::kYes);
  CHECK(root.access_key_1_active == Tristate::kNo);
  CHECK(root.access_key_2_active == Tristate::kNo);
  CHECK(root.access_key_1_last_used.empty());

  const CredentialReportRow& alice = r->rows[1];
  CHECK(alice.user == "alice");
  CHECK(alice.arn == "arn:aws:iam::111122223333:user/alice");
  CHECK(r->At(alice.span) == "3:1");
  CHECK(alice.password == Tristate::kYes);
  CHECK(alice.password_last_used == "2026-11-29T16:40:00+00:00");
  CHECK(alice.mfa == Tristate::kNo);
  CHECK(alice.access_key_1_active == Tristate::kYes);
  CHECK(alice.access_key_1_last_used == "2026-11-29T17:05:00+00:00");
  CHECK(alice.access_key_2_active == Tristate::kNo);
  CHECK(alice.access_key_2_last_used.empty());

  const CredentialReportRow& bob = r->rows[2];
  CHECK(bob.user == "bob");
  CHECK(r->At(bob.span) == "4:1");
  CHECK(bob.password == Tristate::kYes);
  CHECK(bob.mfa == Tristate::kYes);
  CHECK(bob.access_key_1_active == Tristate::kNo);
  CHECK(bob.access_key_2_active == Tristate::kNo);
}

TEST_CASE("credential report: applied to the story snapshot", "[credentials]") {
  SourceManager sources;
  SourceId snapshot_id =
      sources.AddBuffer("story.json", ReadSample("samples/accounts/story.json"));
  SourceId report_id =
      sources.AddBuffer("story-credentials.csv", ReadSample("samples/accounts/story-credentials.csv"));
  DiagnosticSink sink;
  JsonDocument doc;
  REQUIRE(ReadJson(sources, snapshot_id, JsonReadOptions{}, &doc, sink));
  Inventory inventory;
  ReadAccountSnapshot(sources, inventory.AddDocument(std::move(doc)), &inventory, sink);
  std::vector<CredentialReportRow> rows;
  REQUIRE(ReadCredentialReport(sources, report_id, &rows, sink));
  CHECK(sink.total() == 0);
  ApplyCredentialReport(rows, &inventory);

  const Entity& alice = inventory.entities[inventory.FindEntity(EntityType::kUser, "alice")];
  CHECK(alice.access_key == Tristate::kYes);
  CHECK(alice.password == Tristate::kYes);
  CHECK(alice.mfa == Tristate::kNo);
  CHECK(alice.access_key_last_used == "2026-11-29T17:05:00+00:00");

  const Entity& bob = inventory.entities[inventory.FindEntity(EntityType::kUser, "bob")];
  CHECK(bob.access_key == Tristate::kNo);
  CHECK(bob.password == Tristate::kYes);
  CHECK(bob.mfa == Tristate::kYes);
  CHECK(bob.access_key_last_used.empty());

  // Groups and roles have no credentials; the root row matches no entity.
  for (const Entity& e : inventory.entities) {
    if (e.type == EntityType::kUser) continue;
    CHECK(e.access_key == Tristate::kUnknown);
    CHECK(e.mfa == Tristate::kUnknown);
  }
}

TEST_CASE("credential report: quotes, CRLF, BOM, column order and N/A", "[credentials]") {
  // Columns in another order, unused columns, quoted fields with commas,
  // doubled quotes and a line break, CRLF line ends, a blank line.
  auto r = Parse(
      "\xEF\xBB\xBFuser,mfa_active,arn,comment,access_key_1_active,access_key_2_active,"
      "access_key_1_last_used_date,access_key_2_last_used_date,password_enabled\r\n"
      "\"ann, the admin\",TRUE,arn:aws:iam::1:user/ann,\"said \"\"hi\"\"\",true,true,"
      "2026-01-02T00:00:00+00:00,2026-03-04T00:00:00+00:00,false\r\n"
      "\r\n"
      "ben,false,\"arn:aws:iam::1:user/ben\",\"two\r\nlines\",N/A,no_information,N/A,N/A,"
      "not_supported\r\n"
      "cy,,,,,,,,\r\n");
  CHECK(r->ok);
  CHECK(r->lines() == Lines{});
  REQUIRE(r->rows.size() == 3);
  CHECK(r->rows[0].user == "ann, the admin");
  CHECK(r->rows[0].mfa == Tristate::kYes);
  CHECK(r->rows[0].arn == "arn:aws:iam::1:user/ann");
  CHECK(r->rows[0].password == Tristate::kNo);
  CHECK(r->rows[0].access_key_1_active == Tristate::kYes);
  CHECK(r->rows[0].access_key_2_active == Tristate::kYes);
  CHECK(r->rows[0].access_key_1_last_used == "2026-01-02T00:00:00+00:00");
  CHECK(r->rows[0].access_key_2_last_used == "2026-03-04T00:00:00+00:00");
  CHECK(r->At(r->rows[0].span) == "2:1");
  CHECK(r->rows[0].span.end - r->rows[0].span.begin ==
        std::string_view("\"ann, the admin\",TRUE,arn:aws:iam::1:user/ann,\"said \"\"hi\"\"\",true,"
                         "true,2026-01-02T00:00:00+00:00,2026-03-04T00:00:00+00:00,false")
            .size());

  CHECK(r->rows[1].user == "ben");
  CHECK(r->rows[1].arn == "arn:aws:iam::1:user/ben");
  CHECK(r->rows[1].mfa == Tristate::kNo);
  CHECK(r->rows[1].password == Tristate::kUnknown);
  CHECK(r->rows[1].access_key_1_active == Tristate::kUnknown);
  CHECK(r->rows[1].access_key_2_active == Tristate::kUnknown);
  CHECK(r->rows[1].access_key_1_last_used.empty());
  CHECK(r->rows[1].access_key_2_last_used.empty());
  CHECK(r->At(r->rows[1].span) == "4:1");

  // The quoted line break counts: cy is on line 6.
  CHECK(r->rows[2].user == "cy");
  CHECK(r->At(r->rows[2].span) == "6:1");
  CHECK(r->rows[2].mfa == Tristate::kUnknown);
}

TEST_CASE("credential report: syntax errors with line and column", "[credentials]") {
  SECTION("a row with the wrong number of fields is reported and skipped") {
    auto r = Parse(
        "user,arn,mfa_active\n"
        "a,arn:aws:iam::1:user/a,true\n"
        "b,arn:aws:iam::1:user/b\n"
        "c,arn:aws:iam::1:user/c,false,extra\n"
        "d,arn:aws:iam::1:user/d,false");
    CHECK_FALSE(r->ok);
    CHECK(r->lines() == Lines{
                            "3:1 error credential-report-syntax: row has 2 fields, the header has 3",
                            "4:1 error credential-report-syntax: row has 4 fields, the header has 3",
                        });
    REQUIRE(r->rows.size() == 2);
    CHECK(r->rows[0].user == "a");
    CHECK(r->rows[1].user == "d");
    CHECK(r->rows[1].mfa == Tristate::kNo);
  }
  SECTION("an unterminated quote stops the read at the quote") {
    auto r = Parse("user,arn\r\na,b\r\nc,\"d\r\ne,f\r\n");
    CHECK_FALSE(r->ok);
    CHECK(r->lines() == Lines{"3:3 error credential-report-syntax: unterminated quoted field"});
    REQUIRE(r->rows.size() == 1);
    CHECK(r->rows[0].user == "a");
  }
  SECTION("text after a closing quote") {
    auto r = Parse("user,arn\n\"a\"x,b\nc,d\n");
    CHECK_FALSE(r->ok);
    CHECK(r->lines() == Lines{"2:4 error credential-report-syntax: unexpected character after a "
                              "closing quote: expected `,` or the end of the line"});
    REQUIRE(r->rows.size() == 1);
    CHECK(r->rows[0].user == "c");
  }
  SECTION("no user column") {
    auto r = Parse("name,arn\na,b\n");
    CHECK_FALSE(r->ok);
    CHECK(r->lines() == Lines{"1:1 error credential-report-syntax: the header has no `user` "
                              "column: expected `user,arn,...`"});
    CHECK(r->rows.empty());
  }
  SECTION("empty") {
    auto r = Parse("");
    CHECK_FALSE(r->ok);
    CHECK(r->lines() ==
          Lines{"1:1 error credential-report-syntax: empty credential report: expected a header line"});
  }
  SECTION("a header only is an empty report, not an error") {
    auto r = Parse("user,arn,mfa_active\n");
    CHECK(r->ok);
    CHECK(r->rows.empty());
  }
}

TEST_CASE("credential report: ApplyCredentialReport matches by ARN, else by name",
          "[credentials]") {
  Inventory inventory;
  auto add = [&](EntityType type, std::string name, std::string arn) {
    Entity e;
    e.type = type;
    e.name = std::move(name);
    e.arn = std::move(arn);
    inventory.entities.push_back(std::move(e));
    return &inventory.entities.back();
  };
  add(EntityType::kUser, "renamed", "arn:aws:iam::1:user/x");   // matched by ARN
  add(EntityType::kUser, "y", "");                              // matched by name
  add(EntityType::kUser, "z", "arn:aws:iam::1:user/z");         // no row
  add(EntityType::kRole, "x", "arn:aws:iam::1:user/x");         // not a user
  add(EntityType::kUser, "w", "");                              // knows more than the report
  inventory.entities[4].access_key = Tristate::kYes;
  inventory.entities[4].password = Tristate::kNo;

  std::vector<CredentialReportRow> rows(4);
  rows[0].user = "x";
  rows[0].arn = "arn:aws:iam::1:user/x";
  rows[0].password = Tristate::kNo;
  rows[0].mfa = Tristate::kYes;
  rows[0].access_key_1_active = Tristate::kNo;
  rows[0].access_key_1_last_used = "2026-05-01T00:00:00+00:00";
  rows[0].access_key_2_active = Tristate::kYes;
  rows[0].access_key_2_last_used = "2026-02-01T00:00:00+00:00";
  rows[1].user = "y";
  rows[1].arn = "arn:aws:iam::1:user/other-path/y";
  rows[1].access_key_1_active = Tristate::kNo;
  rows[1].access_key_2_active = Tristate::kNo;
  rows[2].user = "<root_account>";
  rows[2].arn = "arn:aws:iam::1:root";
  rows[2].mfa = Tristate::kYes;
  rows[3].user = "w";  // every column unknown (N/A)

  ApplyCredentialReport(rows, &inventory);
  const auto& e = inventory.entities;
  CHECK(e[0].access_key == Tristate::kYes);
  CHECK(e[0].password == Tristate::kNo);
  CHECK(e[0].mfa == Tristate::kYes);
  CHECK(e[0].access_key_last_used == "2026-05-01T00:00:00+00:00");  // the later of the two
  CHECK(e[1].access_key == Tristate::kNo);
  CHECK(e[1].mfa == Tristate::kUnknown);
  CHECK(e[1].access_key_last_used.empty());
  CHECK(e[2].access_key == Tristate::kUnknown);
  CHECK(e[3].access_key == Tristate::kUnknown);
  CHECK(e[3].mfa == Tristate::kUnknown);
  CHECK(e[4].access_key == Tristate::kYes);
  CHECK(e[4].password == Tristate::kNo);
}

TEST_CASE("credential report: every truncation and stray character reads safely",
          "[credentials]") {
  const std::string text = ReadSample("samples/accounts/story-credentials.csv");
  REQUIRE(text.size() > 500);
  size_t reads = 0, errors = 0;
  for (size_t at = 0; at <= text.size(); ++at) {
    std::vector<std::string> variants = {text.substr(0, at)};
    for (const char* insert : {"\"", ",", "\r", "\n", "\"\""}) {
      variants.push_back(text.substr(0, at) + insert + text.substr(at));
    }
    for (const std::string& variant : variants) {
      auto r = Parse(variant);
      ++reads;
      for (const Diagnostic& d : r->diagnostics) {
        CHECK(d.code == "credential-report-syntax");
        CHECK(d.span.end <= variant.size());
        ++errors;
      }
      CHECK(r->ok == r->diagnostics.empty());
      CHECK(r->rows.size() <= 3);
      for (const CredentialReportRow& row : r->rows) CHECK(row.span.end <= variant.size());
    }
  }
  CHECK(reads == (text.size() + 1) * 6);
  CHECK(errors > 0);
}

TEST_CASE("LooksLikeCredentialReport", "[credentials]") {
  CHECK(LooksLikeCredentialReport("user,arn,user_creation_time\n"));
  CHECK(LooksLikeCredentialReport("\xEF\xBB\xBFuser,arn\r\n"));
  CHECK(LooksLikeCredentialReport("user,arn"));
  CHECK_FALSE(LooksLikeCredentialReport("user,arnold\n"));
  CHECK_FALSE(LooksLikeCredentialReport("{\"user\": 1}"));
  CHECK_FALSE(LooksLikeCredentialReport(""));
}

}  // namespace
}  // namespace iamlint
