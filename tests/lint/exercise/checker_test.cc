// CheckExercise over the sample exercises: every reference solution
// passes; an AdministratorAccess-like policy fails every exercise with an
// over-grant report; a policy one action short fails naming the missing
// request; the Japanese report.
#include "lint/exercise/checker.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/catalog/catalog.h"
#include "tests/testing/golden.h"
#include "tests/testing/test_util.h"

namespace iamlint::exercise {
namespace {

namespace fs = std::filesystem;
using testing::Lines;

const fs::path kRoot = fs::path(IAMLINT_SOURCE_DIR) / "samples" / "exercises";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Folders() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(kRoot)) {
    if (entry.is_directory()) out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// One exercise and one policy, checked.
struct Checked {
  SourceManager sources;
  std::optional<Exercise> exercise;
  CheckResult result;
  std::string Text(Lang lang) const { return RenderText(result, sources, lang); }
  std::vector<std::string> Failed() const {
    std::vector<std::string> ids;
    for (const RequirementResult& r : result.requirements) {
      if (!r.pass) ids.push_back(r.requirement->id);
    }
    return ids;
  }
};

std::unique_ptr<Checked> Check(const std::string& folder, std::string policy,
                               std::string policy_name = "policy.json") {
  auto c = std::make_unique<Checked>();
  SourceId ex_id = c->sources.AddBuffer("samples/exercises/" + folder + "/exercise.json",
                                        ReadFile(kRoot / folder / "exercise.json"));
  DiagnosticSink sink;
  c->exercise = ReadExercise(c->sources, ex_id, Catalog::BuiltIn(), sink);
  REQUIRE(testing::FormatDiagnostics(c->sources, sink.Take()) == Lines{});
  REQUIRE(c->exercise);
  SourceId policy_id = c->sources.AddBuffer(policy_name, std::move(policy));
  c->result = CheckExercise(*c->exercise, policy_id, c->sources, Catalog::BuiltIn());
  return c;
}

// Long reports are compared with golden files (tests/golden/cli/exercise-report-*.txt;
// IAMLINT_UPDATE_GOLDEN=1 rewrites them).
void CheckReport(const std::string& name, const std::string& header, const std::string& text) {
  testing::GoldenCheck g = testing::CheckGolden(testing::GoldenPath("cli/" + name), header, text);
  INFO(g.message);
  CHECK(text == g.expected);
  CHECK(g.ok);
}

size_t AllowCount(const Exercise& ex) {
  return static_cast<size_t>(std::count_if(ex.requirements.begin(), ex.requirements.end(),
                                           [](const Requirement& r) { return r.must_allow; }));
}

TEST_CASE("exercise check: the sample exercises", "[exercise]") {
  CHECK(Folders() == std::vector<std::string>{
                         "01-list-buckets", "02-read-prefix", "03-home-folder", "04-mfa-delete",
                         "05-team-instances", "06-pass-role", "07-bucket-cross-account",
                         "08-github-oidc-trust"});
}

TEST_CASE("exercise check: every reference solution passes with 100 points", "[exercise]") {
  for (const std::string& folder : Folders()) {
    CAPTURE(folder);
    auto c = Check(folder, ReadFile(kRoot / folder / "solution.json"), "solution.json");
    CHECK(c->Failed() == std::vector<std::string>{});
    CHECK(c->result.passed == c->exercise->requirements.size());
    CHECK(c->result.over.extra == 0);
    CHECK(c->result.errors == 0);
    CHECK(c->result.warnings == 0);
    CHECK(c->result.score.total() == 100);
    CHECK(c->result.hints.empty());
    CHECK(c->result.pass);
  }
}

// AdministratorAccess for an identity exercise; "everyone may do
// everything" for a bucket policy; "anyone may assume" for a trust policy.
std::string AdminLike(const Exercise& ex) {
  switch (ex.kind) {
    case PolicyKind::kResource:
      return R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", )"
             R"("Action": "*", "Resource": "*"}]})";
    case PolicyKind::kTrust:
      return R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", )"
             R"("Action": "sts:*"}]})";
    default:
      return R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", )"
             R"("Resource": "*"}]})";
  }
}

TEST_CASE("exercise check: an admin-like policy fails every exercise with an over-grant report",
          "[exercise]") {
  const Catalog& catalog = Catalog::BuiltIn();
  const size_t sts = catalog.actions_of(*catalog.FindService("sts")).size();
  for (const std::string& folder : Folders()) {
    CAPTURE(folder);
    auto first = Check(folder, "{}");
    const Exercise& ex = *first->exercise;
    auto c = Check(folder, AdminLike(ex));
    CHECK_FALSE(c->result.pass);
    // Every allow requirement passes; every deny probe is allowed.
    CHECK(c->result.passed == AllowCount(ex));
    size_t granted = ex.kind == PolicyKind::kTrust ? sts : catalog.action_count();
    CHECK(c->result.over.extra == granted - ex.budget.size());
    CHECK(c->result.score.least_privilege == 0);
    CHECK(c->result.over.riskiest.size() == kMaxRiskiest);
    CHECK_FALSE(c->result.hints.empty());
  }
}

TEST_CASE("exercise check: the admin report names the riskiest grants", "[exercise]") {
  auto c = Check("01-list-buckets", AdminLike(Exercise{}));
  CheckReport("exercise-report-01-admin.txt", "# CheckExercise 01-list-buckets, Action * on *",
              c->Text(Lang::kEn));
}

TEST_CASE("exercise check: a policy one action short fails naming the missing request",
          "[exercise]") {
  const std::string policy =
      "{\n"
      "  \"Version\": \"2012-10-17\",\n"
      "  \"Statement\": [\n"
      "    {\"Sid\": \"ReadWriteBackups\", \"Effect\": \"Allow\",\n"
      "     \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],\n"
      "     \"Resource\": \"arn:aws:s3:::example-backups/*\"}\n"
      "  ]\n"
      "}\n";
  auto c = Check("04-mfa-delete", policy);
  CHECK(c->Failed() == std::vector<std::string>{"delete-with-mfa"});
  CHECK_FALSE(c->result.pass);
  CHECK(c->result.over.extra == 0);
  CHECK(c->result.score.total() == 90);
  REQUIRE(c->result.requirements.size() == 7);
  const RequirementResult& missing = c->result.requirements[2];
  CHECK(missing.requirement->id == "delete-with-mfa");
  CHECK(missing.decision == DecisionKind::kImplicitDeny);
  REQUIRE(missing.misses.size() == 1);
  CHECK(missing.misses[0].statement.label == "ReadWriteBackups");
  CHECK(missing.misses[0].statement.at == "policy.json:4:5");
  CHECK(missing.misses[0].reason == MissReason::kAction);
  CHECK(missing.misses[0].detail == "action `s3:DeleteObject` is not listed");
  REQUIRE(c->result.hints.size() == 1);
  CHECK(c->result.hints[0]->text.en ==
        "A condition on `aws:MultiFactorAuthPresent` says whether the caller used MFA.");
  CheckReport("exercise-report-04-one-short.txt",
              "# CheckExercise 04-mfa-delete, s3:DeleteObject missing", c->Text(Lang::kEn));
}

TEST_CASE("exercise check: the Japanese report", "[exercise]") {
  const std::string policy =
      "{\n"
      "  \"Version\": \"2012-10-17\",\n"
      "  \"Statement\": [\n"
      "    {\"Sid\": \"AllS3\", \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}\n"
      "  ]\n"
      "}\n";
  auto c = Check("01-list-buckets", policy);
  CHECK(c->Failed() == std::vector<std::string>{"get-object", "list-bucket", "put-object"});
  CheckReport("exercise-report-01-s3-star-ja.txt", "# CheckExercise 01-list-buckets, s3:* (ja)",
              c->Text(Lang::kJa));
  CheckReport("exercise-report-01-s3-star-ja.json", "# RenderJson 01-list-buckets, s3:* (ja)",
              RenderJson(c->result, c->sources, Lang::kJa));
}

TEST_CASE("exercise check: an unreadable policy fails every requirement", "[exercise]") {
  auto c = Check("01-list-buckets", "{\"Version\": ");
  CHECK_FALSE(c->result.policy_read);
  CHECK(c->result.passed == 0);
  CHECK(c->result.errors == 1);
  CHECK(c->result.score.total() == 5);
  CHECK_FALSE(c->result.pass);
}

TEST_CASE("exercise messages: Format fills placeholders in order or by index", "[exercise]") {
  CHECK(Format("{} of {}", {"a", "b"}) == "a of b");
  CHECK(Format("{1} の {0}", {"a", "b"}) == "b の a");
  CHECK(Format("{x} {}", {"a"}) == "{x} a");
  CHECK(Format("{}", {}) == "");
}

}  // namespace
}  // namespace iamlint::exercise
