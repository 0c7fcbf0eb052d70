#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "engine/json/json_reader.h"
#include "lint/registry.h"
#include "lint/report/reporter.h"
#include "tests/testing/test_util.h"

namespace iamlint::lint {
namespace {

std::string Sarif(const std::string& file_text, size_t begin, size_t end) {
  SourceManager sources;
  SourceId id = sources.AddBuffer("dir/p q.json", file_text);
  std::ostringstream out;
  ReporterOptions options;
  options.tool_version = "1.2.3";
  std::unique_ptr<Reporter> reporter = MakeReporter("sarif", out, options);
  reporter->Report(sources,
                   Diagnostic{"unknown-action", Severity::kWarning,
                              Span{id, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                              "unknown action `s3:GetObjekt`", {"did you mean `s3:GetObject`?"}, {}});
  reporter->Report(sources, Diagnostic{"empty-sid", Severity::kInfo, Span{id, 0, 1}, "m", {}, {}});
  reporter->End(ReportSummary{});
  return out.str();
}

TEST_CASE("The sarif reporter writes SARIF 2.1.0 with rules, regions and fingerprints",
          "[lint]") {
  std::string text = "{\n  \"Action\": \"s3:GetObjekt\"\n}";
  size_t at = text.find("\"s3:");
  auto r = testing::ReadJsonText(Sarif(text, at, at + 14));
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  CHECK(root.Find("version").text() == "2.1.0");
  JsonValue run = root.Find("runs").element(0);
  JsonValue driver = run.Find("tool").Find("driver");
  CHECK(driver.Find("name").text() == "iamlint");
  CHECK(driver.Find("version").text() == "1.2.3");
  CHECK(!driver.Find("informationUri").text().empty());
  size_t rules = driver.Find("rules").size();
  CHECK(rules == AllChecks().size() + ValidatorRules().size() + 1);
  JsonValue rule = driver.Find("rules").element(0);
  CHECK(rule.Find("id").text() == AllChecks()[0]->info().id);
  CHECK(rule.Find("shortDescription").Find("text").text() == AllChecks()[0]->info().summary);
  CHECK(rule.Find("help").Find("text").text() == AllChecks()[0]->info().documentation);

  JsonValue result = run.Find("results").element(0);
  CHECK(result.Find("ruleId").text() == "unknown-action");
  CHECK(result.Find("level").text() == "warning");
  CHECK(result.Find("message").Find("text").text() ==
        "unknown action `s3:GetObjekt`\nnote: did you mean `s3:GetObject`?");
  JsonValue location = result.Find("locations").element(0).Find("physicalLocation");
  CHECK(location.Find("artifactLocation").Find("uri").text() == "dir/p%20q.json");
  JsonValue region = location.Find("region");
  CHECK(region.Find("startLine").text() == "2");
  CHECK(region.Find("startColumn").text() == "13");
  CHECK(region.Find("endLine").text() == "2");
  CHECK(region.Find("endColumn").text() == "27");
  CHECK(run.Find("results").element(1).Find("level").text() == "note");
}

TEST_CASE("SARIF fingerprints survive lines inserted above the finding", "[lint]") {
  std::string text = "{\n  \"Action\": \"s3:GetObjekt\"\n}";
  std::string shifted = "{\n\n\n  \"Action\": \"s3:GetObjekt\"\n}";
  auto fingerprint = [](const std::string& t) {
    size_t at = t.find("\"s3:");
    auto r = testing::ReadJsonText(Sarif(t, at, at + 14));
    REQUIRE(r.ok);
    return std::string(r.doc.root()
                           .Find("runs")
                           .element(0)
                           .Find("results")
                           .element(0)
                           .Find("partialFingerprints")
                           .Find("iamlint/v1")
                           .text());
  };
  CHECK(fingerprint(text) == fingerprint(shifted));
  CHECK(fingerprint(text).ends_with(":1"));
}

}  // namespace
}  // namespace iamlint::lint
