#include <string>

#include "lint/report/reporter.h"
#include "lint/report/snippet.h"

namespace iamlint::lint {

namespace {

// path:line:col: severity: message [code], then `in WHERE` for documents
// inside a template, plan or snapshot, the snippet and the notes.
class TextReporter : public Reporter {
 public:
  TextReporter(std::ostream& out, bool color) : out_(out), color_(color) {}

  void Report(const SourceManager& sources, const Diagnostic& d) override {
    std::string line;
    if (d.span.valid()) {
      LineColumn at = sources.Locate(d.span.source, d.span.begin);
      line = Paint(kBold, SanitizeForTerminal(sources.name(d.span.source)) + ":" +
                              std::to_string(at.line) + ":" + std::to_string(at.column) + ":") +
             " ";
    }
    line += Paint(SeverityColor(d.severity), std::string(SeverityName(d.severity)) + ":") + " " +
            SanitizeForTerminal(d.message) + " " + Paint(kDim, "[" + d.code + "]") + "\n";
    if (!d.where.empty()) line += "  in " + SanitizeForTerminal(d.where) + "\n";
    out_ << line << RenderSnippet(sources, d.span);
    for (const std::string& note : d.notes) out_ << "  note: " << SanitizeForTerminal(note) << "\n";
  }

  void End(const ReportSummary&) override { out_.flush(); }

 private:
  static constexpr const char* kBold = "\033[1m";
  static constexpr const char* kDim = "\033[2m";

  static const char* SeverityColor(Severity severity) {
    switch (severity) {
      case Severity::kError: return "\033[1;31m";
      case Severity::kWarning: return "\033[1;33m";
      case Severity::kInfo: return "\033[1;36m";
    }
    return kBold;
  }

  std::string Paint(const char* code, const std::string& text) const {
    return color_ ? code + text + "\033[0m" : text;
  }

  std::ostream& out_;
  bool color_;
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, const ReporterOptions& options) {
  return std::make_unique<TextReporter>(out, options.color);
}

}  // namespace iamlint::lint
