#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "lint/report/reporter.h"

namespace iamlint::lint {
namespace {

TEST_CASE("The github reporter writes workflow commands with escaped properties and data",
          "[lint]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("./dir/a,b:c.json", "{\n  \"Effect\": \"allow\"\n}");
  std::ostringstream out;
  std::unique_ptr<Reporter> reporter = MakeReporter("github", out);
  REQUIRE(reporter);
  reporter->Report(sources, Diagnostic{"invalid-effect", Severity::kError, Span{id, 14, 21},
                                       "100% `allow`\r", {"did you mean `Allow`?"}, {}});
  reporter->Report(sources, Diagnostic{"w", Severity::kWarning, Span{id, 0, 1}, "m", {}, {}});
  reporter->Report(sources, Diagnostic{"i", Severity::kInfo, Span{}, "no position", {}, {}});
  reporter->End(ReportSummary{});
  CHECK(out.str() ==
        "::error file=dir/a%2Cb%3Ac.json,line=2,col=13,endLine=2,endColumn=20,"
        "title=invalid-effect::100%25 `allow`%0D%0Anote: did you mean `Allow`?\n"
        "::warning file=dir/a%2Cb%3Ac.json,line=1,col=1,endLine=1,endColumn=2,title=w::m\n"
        "::notice title=i::no position\n");
}

}  // namespace
}  // namespace iamlint::lint
