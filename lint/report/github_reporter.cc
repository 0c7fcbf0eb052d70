// GitHub Actions workflow commands, one line per diagnostic:
//   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=ID::message
// Escaping follows the Actions toolkit (command.ts): in the message `%`,
// CR and LF; in property values also `:` and `,`. The runner's log is a
// terminal too (it renders ANSI sequences), so text from the input goes
// through SanitizeForTerminal first: no control character reaches it
// except CR and LF, which the escaping turns into %0D and %0A.
#include <string>

#include "lint/report/reporter.h"
#include "lint/report/snippet.h"

namespace iamlint::lint {

namespace {

std::string EscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

// SanitizeForTerminal, keeping CR and LF (EscapeData escapes them).
std::string Sanitize(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t at = text.find_first_of("\r\n", start);
    out += SanitizeForTerminal(text.substr(start, at - start));
    if (at == std::string_view::npos) return out;
    out += text[at];
    start = at + 1;
  }
}

std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view Command(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "warning";
}

class GithubReporter : public Reporter {
 public:
  explicit GithubReporter(std::ostream& out) : out_(out) {}

  void Report(const SourceManager& sources, const Diagnostic& d) override {
    std::string line = "::" + std::string(Command(d.severity)) + " ";
    if (d.span.valid()) {
      LineColumn begin = sources.Locate(d.span.source, d.span.begin);
      LineColumn end = sources.Locate(d.span.source, d.span.end);
      std::string name = Sanitize(sources.name(d.span.source));
      if (name.rfind("./", 0) == 0) name = name.substr(2);
      line += "file=" + EscapeProperty(name) + ",line=" + std::to_string(begin.line) +
              ",col=" + std::to_string(begin.column) + ",endLine=" + std::to_string(end.line) +
              ",endColumn=" + std::to_string(end.column) + ",";
    }
    line += "title=" + EscapeProperty(Sanitize(d.code)) + "::";
    std::string message = Sanitize(d.message);
    if (!d.where.empty()) message += "\nin " + Sanitize(d.where);
    for (const std::string& note : d.notes) message += "\nnote: " + Sanitize(note);
    line += EscapeData(message) + "\n";
    out_ << line;
  }

  void End(const ReportSummary&) override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Reporter> MakeGithubReporter(std::ostream& out) {
  return std::make_unique<GithubReporter>(out);
}

}  // namespace iamlint::lint
