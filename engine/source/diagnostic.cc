#include "engine/source/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace iamlint {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  if (text == "error") return Severity::kError;
  if (text == "warning") return Severity::kWarning;
  if (text == "info") return Severity::kInfo;
  return std::nullopt;
}

void DiagnosticSink::Add(Diagnostic diagnostic) {
  ++counts_[static_cast<size_t>(diagnostic.severity)];
  if (diagnostics_.size() >= cap_) {
    ++dropped_;
    return;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::Report(std::string_view code, Severity severity, Span span,
                            std::string message, std::vector<std::string> notes) {
  Add(Diagnostic{std::string(code), severity, span, std::move(message), std::move(notes), {}});
}

void DiagnosticSink::Sort() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.source, a.span.begin, a.code) <
                            std::tie(b.span.source, b.span.begin, b.code);
                   });
}

std::vector<Diagnostic> DiagnosticSink::Take() {
  std::vector<Diagnostic> out = std::move(diagnostics_);
  diagnostics_.clear();
  counts_ = {};
  dropped_ = 0;
  return out;
}

}  // namespace iamlint
