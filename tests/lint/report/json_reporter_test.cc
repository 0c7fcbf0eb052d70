#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "lint/report/reporter.h"
#include "tests/testing/test_util.h"

namespace iamlint::lint {
namespace {

TEST_CASE("The json reporter writes one document with positions and a summary", "[lint]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("p.json", "{\n  \"Effect\": \"allow\"\n}");
  std::ostringstream out;
  std::unique_ptr<Reporter> reporter = MakeReporter("json", out);
  REQUIRE(reporter);
  reporter->Report(sources, Diagnostic{"invalid-effect", Severity::kError, Span{id, 14, 21},
                                       "invalid `Effect` `allow`", {"did you mean `Allow`?"}, {}});
  reporter->Report(sources, Diagnostic{"x", Severity::kInfo, Span{}, "no position", {}, {}});
  reporter->End(ReportSummary{1, 1, 0, 1});
  CHECK(out.str() ==
        "{\"version\":1,\"diagnostics\":["
        "{\"file\":\"p.json\",\"line\":2,\"column\":13,\"endLine\":2,\"endColumn\":20,"
        "\"severity\":\"error\",\"code\":\"invalid-effect\",\"message\":\"invalid `Effect` "
        "`allow`\",\"notes\":[\"did you mean `Allow`?\"]},"
        "{\"severity\":\"info\",\"code\":\"x\",\"message\":\"no position\",\"notes\":[]}],"
        "\"summary\":{\"files\":1,\"errors\":1,\"warnings\":0,\"infos\":1}}\n");
}

TEST_CASE("The json reporter escapes hostile text into valid JSON", "[lint]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("we\"ird\\name\xFF.json", "[]");
  std::ostringstream out;
  std::unique_ptr<Reporter> reporter = MakeJsonReporter(out);
  reporter->Report(sources, Diagnostic{"c", Severity::kWarning, Span{id, 0, 2},
                                       "a \"quote\", a\nnewline, \x01 and caf\xE9", {}, {}});
  reporter->End(ReportSummary{1, 0, 1, 0});
  testing::ReadResult r = testing::ReadJsonText(out.str());
  REQUIRE(r.ok);
  JsonValue d = r.doc.root().Find("diagnostics").element(0);
  CHECK(d.Find("file").text() == "we\"ird\\name\xEF\xBF\xBD.json");
  CHECK(d.Find("message").text() == "a \"quote\", a\nnewline, \x01 and caf\xEF\xBF\xBD");
  CHECK(d.Find("endColumn").text() == "3");
  CHECK(r.doc.root().Find("summary").Find("warnings").text() == "1");
}

TEST_CASE("The json reporter writes an empty list when there is nothing to say", "[lint]") {
  std::ostringstream out;
  std::unique_ptr<Reporter> reporter = MakeJsonReporter(out);
  reporter->End(ReportSummary{3, 0, 0, 0});
  CHECK(out.str() ==
        "{\"version\":1,\"diagnostics\":[],\"summary\":{\"files\":3,\"errors\":0,\"warnings\":0,\"infos\":0}}\n");
}

}  // namespace
}  // namespace iamlint::lint
