#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "lint/report/reporter.h"

namespace iamlint::lint {
namespace {

TEST_CASE("The text reporter prints path:line:col, the snippet and the notes", "[lint]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("dir/p.json", "{\n  \"Effect\": \"allow\"\n}");
  std::ostringstream out;
  std::unique_ptr<Reporter> reporter = MakeReporter("text", out);
  REQUIRE(reporter);
  reporter->Report(sources, Diagnostic{"invalid-effect", Severity::kError, Span{id, 14, 21},
                                       "invalid `Effect` `allow`: expected `Allow` or `Deny`",
                                       {"did you mean `Allow`?"}, {}});
  reporter->Report(sources, Diagnostic{"missing-version", Severity::kWarning, Span{id, 0, 1},
                                       "policy has no `Version`", {}, {}});
  reporter->Report(sources, Diagnostic{"some-info", Severity::kInfo, Span{}, "no position", {}, {}});
  reporter->End(ReportSummary{1, 1, 1, 1});
  CHECK(out.str() ==
        "dir/p.json:2:13: error: invalid `Effect` `allow`: expected `Allow` or `Deny` "
        "[invalid-effect]\n"
        "    \"Effect\": \"allow\"\n"
        "              ^~~~~~~\n"
        "  note: did you mean `Allow`?\n"
        "dir/p.json:1:1: warning: policy has no `Version` [missing-version]\n"
        "  {\n"
        "  ^\n"
        "info: no position [some-info]\n");
}

TEST_CASE("The text reporter never passes control characters to the terminal", "[lint]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("evil\x1B]0;x\x07.json", "[\"\x1B[2J\"]");
  std::ostringstream out;
  std::unique_ptr<Reporter> reporter = MakeTextReporter(out);
  reporter->Report(sources, Diagnostic{"c", Severity::kError, Span{id, 1, 2},
                                       "bad `\x1B[2J`", {"note \x07"}, {}});
  reporter->End(ReportSummary{});
  CHECK(out.str() ==
        "evil?]0;x?.json:1:2: error: bad `?[2J` [c]\n"
        "  [\"?[2J\"]\n"
        "   ^\n"
        "  note: note ?\n");
}

TEST_CASE("Reporter formats are text, json, sarif and github", "[lint]") {
  std::ostringstream out;
  CHECK(ReporterFormats() == std::vector<std::string_view>{"text", "json", "sarif", "github"});
  for (std::string_view format : ReporterFormats()) CHECK(MakeReporter(format, out) != nullptr);
  CHECK(MakeReporter("xml", out) == nullptr);
}

}  // namespace
}  // namespace iamlint::lint

namespace iamlint::lint {
namespace {

TEST_CASE("The text reporter colours severity, position and code only when asked", "[lint]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("p.json", "{}");
  std::ostringstream out;
  ReporterOptions options;
  options.color = true;
  std::unique_ptr<Reporter> reporter = MakeTextReporter(out, options);
  reporter->Report(sources, Diagnostic{"c", Severity::kWarning, Span{id, 0, 1}, "m", {}, {}});
  reporter->End(ReportSummary{});
  CHECK(out.str().starts_with(
      "\033[1mp.json:1:1:\033[0m \033[1;33mwarning:\033[0m m \033[2m[c]\033[0m\n"));
}

}  // namespace
}  // namespace iamlint::lint
