// Reporters render diagnostics for people (text) and machines (json).
//
// A reporter writes to the std::ostream it is given and never to std::cout
// directly, which keeps it testable. Diagnostics arrive already sorted.
// Everything taken from the input is escaped (JSON) or sanitized (text).
#ifndef IAMLINT_LINT_REPORT_REPORTER_H_
#define IAMLINT_LINT_REPORT_REPORTER_H_

#include <memory>
#include <ostream>
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

// `out` must outlive the reporter.
std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out);
std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out);

// The names --format accepts, and a factory by name (null for an unknown name).
std::vector<std::string_view> ReporterFormats();
std::unique_ptr<Reporter> MakeReporter(std::string_view format, std::ostream& out);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_REPORT_REPORTER_H_
