#include "engine/source/diagnostic.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint {
namespace {

TEST_CASE("Severity names round-trip", "[source]") {
  CHECK(SeverityName(Severity::kError) == "error");
  CHECK(SeverityName(Severity::kWarning) == "warning");
  CHECK(SeverityName(Severity::kInfo) == "info");
  CHECK(ParseSeverity("error") == Severity::kError);
  CHECK(ParseSeverity("warning") == Severity::kWarning);
  CHECK(ParseSeverity("info") == Severity::kInfo);
  CHECK_FALSE(ParseSeverity("Error").has_value());
  CHECK_FALSE(ParseSeverity("note").has_value());
  CHECK(Severity::kError < Severity::kWarning);
  CHECK(Severity::kWarning < Severity::kInfo);
}

TEST_CASE("DiagnosticSink counts by severity and caps what it keeps", "[source]") {
  DiagnosticSink sink(3);
  sink.Report("a", Severity::kError, Span{0, 5, 6}, "one");
  sink.Report("b", Severity::kWarning, Span{0, 1, 2}, "two", {"a note"});
  sink.Report("c", Severity::kInfo, Span{0, 9, 9}, "three");
  sink.Report("d", Severity::kError, Span{0, 0, 1}, "four");
  sink.Report("e", Severity::kError, Span{0, 0, 1}, "five");
  CHECK(sink.diagnostics().size() == 3);
  CHECK(sink.dropped() == 2);
  CHECK(sink.count(Severity::kError) == 3);
  CHECK(sink.count(Severity::kWarning) == 1);
  CHECK(sink.count(Severity::kInfo) == 1);
  CHECK(sink.total() == 5);
  CHECK(sink.has_errors());
  CHECK(sink.diagnostics()[1].notes == std::vector<std::string>{"a note"});

  std::vector<Diagnostic> taken = sink.Take();
  CHECK(taken.size() == 3);
  CHECK(sink.diagnostics().empty());
  CHECK(sink.total() == 0);
  CHECK(sink.dropped() == 0);
  CHECK_FALSE(sink.has_errors());
}

TEST_CASE("DiagnosticSink::Sort orders by source, offset, then code, stably", "[source]") {
  DiagnosticSink sink;
  sink.Report("z-code", Severity::kError, Span{1, 0, 1}, "other file");
  sink.Report("b-code", Severity::kError, Span{0, 7, 8}, "later");
  sink.Report("a-code", Severity::kWarning, Span{0, 7, 9}, "same place, smaller code");
  sink.Report("m-code", Severity::kError, Span{0, 2, 3}, "first, 1");
  sink.Report("m-code", Severity::kError, Span{0, 2, 4}, "first, 2");
  sink.Sort();
  std::vector<std::string> messages;
  for (const Diagnostic& d : sink.diagnostics()) messages.push_back(d.message);
  CHECK(messages == std::vector<std::string>{"first, 1", "first, 2", "same place, smaller code",
                                             "later", "other file"});
}

}  // namespace
}  // namespace iamlint
