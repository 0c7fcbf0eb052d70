// Reporters render diagnostics for people (text) and machines (json, sarif,
// github workflow annotations).
//
// A reporter writes to the std::ostream it is given and never to std::cout
// directly, which keeps it testable. Diagnostics arrive already sorted.
// Everything taken from the input is escaped (JSON) or sanitized (text).
#ifndef IAMLINT_LINT_REPORT_REPORTER_H_
#define IAMLINT_LINT_REPORT_REPORTER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint::lint {

struct ReportSummary {
  size_t files = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void Report(const SourceManager& sources, const Diagnostic& diagnostic) = 0;
  virtual void End(const ReportSummary& summary) = 0;
};

// What the caller knows that a reporter cannot find out itself.
struct ReporterOptions {
  // Text only: ANSI colours. The CLI sets it when stdout is a terminal and
  // NO_COLOR is unset; never set for machine formats.
  bool color = false;
  // SARIF only: tool.driver.version.
  std::string tool_version = "0";
};

// `out` must outlive the reporter.
std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, const ReporterOptions& options = {});
// {"version": 1, "diagnostics": [...], "summary": {...}}; schema in
// lint/report/README.md.
std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out);
// SARIF 2.1.0, one run; rules are every check and validator code.
std::unique_ptr<Reporter> MakeSarifReporter(std::ostream& out, const ReporterOptions& options = {});
// GitHub Actions workflow commands: `::error file=..,line=..::message`.
std::unique_ptr<Reporter> MakeGithubReporter(std::ostream& out);

// The names --format accepts, and a factory by name (null for an unknown name).
std::vector<std::string_view> ReporterFormats();
std::unique_ptr<Reporter> MakeReporter(std::string_view format, std::ostream& out,
                                       const ReporterOptions& options = {});

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_REPORT_REPORTER_H_
