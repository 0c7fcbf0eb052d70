#include "engine/json/json_writer.h"
#include "lint/report/reporter.h"

namespace iamlint::lint {

namespace {

// One JSON document:
// {"version":1,"diagnostics":[{"file","line","column","endLine","endColumn","severity",
//   "code","message","notes"[,"where"]}...],"summary":{"files","errors","warnings","infos"}}
// "where" (the document's place inside a template, plan or snapshot) is
// present only when the finding has one.
class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {
    writer_.BeginObject();
    writer_.Key("version");
    writer_.Int(1);
    writer_.Key("diagnostics");
    writer_.BeginArray();
  }

  void Report(const SourceManager& sources, const Diagnostic& d) override {
    writer_.BeginObject();
    if (d.span.valid()) {
      LineColumn begin = sources.Locate(d.span.source, d.span.begin);
      LineColumn end = sources.Locate(d.span.source, d.span.end);
      writer_.Key("file");
      writer_.String(sources.name(d.span.source));
      writer_.Key("line");
      writer_.Int(begin.line);
      writer_.Key("column");
      writer_.Int(begin.column);
      writer_.Key("endLine");
      writer_.Int(end.line);
      writer_.Key("endColumn");
      writer_.Int(end.column);
    }
    writer_.Key("severity");
    writer_.String(SeverityName(d.severity));
    writer_.Key("code");
    writer_.String(d.code);
    writer_.Key("message");
    writer_.String(d.message);
    writer_.Key("notes");
    writer_.BeginArray();
    for (const std::string& note : d.notes) writer_.String(note);
    writer_.EndArray();
    if (!d.where.empty()) {
      writer_.Key("where");
      writer_.String(d.where);
    }
    writer_.EndObject();
  }

  void End(const ReportSummary& summary) override {
    writer_.EndArray();
    writer_.Key("summary");
    writer_.BeginObject();
    writer_.Key("files");
    writer_.Int(static_cast<int64_t>(summary.files));
    writer_.Key("errors");
    writer_.Int(static_cast<int64_t>(summary.errors));
    writer_.Key("warnings");
    writer_.Int(static_cast<int64_t>(summary.warnings));
    writer_.Key("infos");
    writer_.Int(static_cast<int64_t>(summary.infos));
    writer_.EndObject();
    writer_.EndObject();
    out_ << writer_.text() << "\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  JsonWriter writer_;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out) {
  return std::make_unique<JsonReporter>(out);
}

std::vector<std::string_view> ReporterFormats() { return {"text", "json", "sarif", "github"}; }

std::unique_ptr<Reporter> MakeReporter(std::string_view format, std::ostream& out,
                                       const ReporterOptions& options) {
  if (format == "text") return MakeTextReporter(out, options);
  if (format == "json") return MakeJsonReporter(out);
  if (format == "sarif") return MakeSarifReporter(out, options);
  if (format == "github") return MakeGithubReporter(out);
  return nullptr;
}

}  // namespace iamlint::lint
