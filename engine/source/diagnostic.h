// Diagnostic: one problem found in the input, by the reader, the validator
// or a lint check. Engine errors and lint findings share this one type so
// every reporter treats them alike.
//
// Message style (tested as part of the API): lowercase start, no final
// period, one line, user input in backticks; hints go in `notes`.
//
// DiagnosticSink collects diagnostics, counts them by severity and stops
// collecting (but keeps counting) past a cap, so hostile inputs cannot make
// it grow without bound. Not thread-safe; use one sink per thread.
#ifndef IAMLINT_ENGINE_SOURCE_DIAGNOSTIC_H_
#define IAMLINT_ENGINE_SOURCE_DIAGNOSTIC_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/source/span.h"

namespace iamlint {

// Ordered from most to least severe.
enum class Severity { kError = 0, kWarning = 1, kInfo = 2 };

std::string_view SeverityName(Severity severity);  // "error", "warning", "info"
std::optional<Severity> ParseSeverity(std::string_view text);

struct Diagnostic {
  std::string code;  // stable kebab-case id, e.g. "invalid-effect"
  Severity severity = Severity::kError;
  Span span;
  std::string message;
  std::vector<std::string> notes;  // hints such as "did you mean `StringEquals`?"
  // Where inside the file, for documents embedded in a larger input:
  // "Resources.AppRole.Properties.Policies[0].PolicyDocument",
  // "aws_iam_role.app.assume_role_policy", "RoleDetailList[3] (role app)".
  // Empty for a file that is one policy.
  std::string where;
};

class DiagnosticSink {
 public:
  static constexpr size_t kDefaultCap = 10000;
  explicit DiagnosticSink(size_t cap = kDefaultCap) : cap_(cap) {}

  void Add(Diagnostic diagnostic);
  // Convenience: Add({code, severity, span, message, notes}).
  void Report(std::string_view code, Severity severity, Span span, std::string message,
              std::vector<std::string> notes = {});

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  size_t count(Severity severity) const { return counts_[static_cast<size_t>(severity)]; }
  size_t total() const { return counts_[0] + counts_[1] + counts_[2]; }
  size_t dropped() const { return dropped_; }
  bool has_errors() const { return count(Severity::kError) > 0; }

  // Orders diagnostics by (source, offset, code), OPA's Errors.Sort().
  void Sort();
  // Moves everything out, leaving the sink empty (counts are reset too).
  std::vector<Diagnostic> Take();

 private:
  size_t cap_;
  size_t dropped_ = 0;
  std::array<size_t, 3> counts_{};
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_SOURCE_DIAGNOSTIC_H_
