#include <string>

#include "lint/report/reporter.h"
#include "lint/report/snippet.h"

namespace iamlint::lint {

namespace {

// path:line:col: severity: message [code], then the snippet and the notes.
class TextReporter : public Reporter {
 public:
  explicit TextReporter(std::ostream& out) : out_(out) {}

  void Report(const SourceManager& sources, const Diagnostic& d) override {
    std::string line;
    if (d.span.valid()) {
      LineColumn at = sources.Locate(d.span.source, d.span.begin);
      line = SanitizeForTerminal(sources.name(d.span.source)) + ":" + std::to_string(at.line) +
             ":" + std::to_string(at.column) + ": ";
    }
    line += std::string(SeverityName(d.severity)) + ": " + SanitizeForTerminal(d.message) + " [" +
            d.code + "]\n";
    out_ << line << RenderSnippet(sources, d.span);
    for (const std::string& note : d.notes) out_ << "  note: " << SanitizeForTerminal(note) << "\n";
  }

  void End(const ReportSummary&) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out) {
  return std::make_unique<TextReporter>(out);
}

}  // namespace iamlint::lint
