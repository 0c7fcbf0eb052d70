// SARIF 2.1.0 output (OASIS sarif-v2.1.0, the subset GitHub code scanning
// reads): one run, tool.driver.rules = every check, validator code and
// runner code from lint/registry.h, one result per diagnostic.
//
// Fingerprints: `partialFingerprints["iamlint/v1"]` hashes the rule id, the
// file's URI, the text under the diagnostic's span and the message, plus
// the occurrence number of that hash in the file, so a finding keeps its
// fingerprint when lines are inserted above it.
#include <filesystem>
#include <map>
#include <string>

#include "engine/json/json_writer.h"
#include "lint/registry.h"
#include "lint/report/reporter.h"

namespace iamlint::lint {

namespace {

constexpr std::string_view kInformationUri = "https://github.com/iamlint/iamlint";

std::string_view Level(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "warning";
}

// RFC 3986: keep unreserved characters and `/`, percent-encode the rest.
std::string PercentEncode(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// A relative URI for paths under the working directory (what code scanning
// expects, relative to the checkout); `file://` otherwise; "stdin" for `-`.
std::string FileUri(std::string_view name) {
  namespace fs = std::filesystem;
  fs::path path{std::string(name)};
  if (path.is_absolute()) {
    std::error_code ec;
    fs::path base = fs::current_path(ec);
    fs::path rel = ec ? fs::path() : path.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..") return "file://" + PercentEncode(path.string());
    path = rel;
  }
  std::string text = path.lexically_normal().generic_string();
  return PercentEncode(text);
}

uint64_t Fnv1a(uint64_t hash, std::string_view text) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  hash ^= 0xff;  // field separator
  return hash * 1099511628211ULL;
}

std::string Hex(uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[value & 15];
    value >>= 4;
  }
  return out;
}

void WriteRule(JsonWriter& w, const CheckInfo& info) {
  w.BeginObject();
  w.Key("id");
  w.String(info.id);
  w.Key("shortDescription");
  w.BeginObject();
  w.Key("text");
  w.String(info.summary);
  w.EndObject();
  w.Key("fullDescription");
  w.BeginObject();
  w.Key("text");
  w.String(info.documentation.substr(0, info.documentation.find('\n')));
  w.EndObject();
  w.Key("help");
  w.BeginObject();
  w.Key("text");
  w.String(info.documentation);
  w.EndObject();
  w.Key("defaultConfiguration");
  w.BeginObject();
  w.Key("level");
  w.String(Level(info.default_severity));
  w.Key("enabled");
  w.Bool(info.enabled_by_default);
  w.EndObject();
  w.EndObject();
}

class SarifReporter : public Reporter {
 public:
  SarifReporter(std::ostream& out, const ReporterOptions& options) : out_(out) {
    w_.BeginObject();
    w_.Key("$schema");
    w_.String("https://json.schemastore.org/sarif-2.1.0.json");
    w_.Key("version");
    w_.String("2.1.0");
    w_.Key("runs");
    w_.BeginArray();
    w_.BeginObject();
    w_.Key("tool");
    w_.BeginObject();
    w_.Key("driver");
    w_.BeginObject();
    w_.Key("name");
    w_.String("iamlint");
    w_.Key("version");
    w_.String(options.tool_version);
    w_.Key("informationUri");
    w_.String(kInformationUri);
    w_.Key("rules");
    w_.BeginArray();
    int index = 0;
    auto add = [&](const CheckInfo& info) {
      WriteRule(w_, info);
      rule_index_.emplace(std::string(info.id), index++);
    };
    for (const Check* check : AllChecks()) add(check->info());
    for (const CheckInfo& rule : ValidatorRules()) add(rule);
    add(UnusedSuppressionRule());
    w_.EndArray();
    w_.EndObject();  // driver
    w_.EndObject();  // tool
    w_.Key("results");
    w_.BeginArray();
  }

  void Report(const SourceManager& sources, const Diagnostic& d) override {
    w_.BeginObject();
    w_.Key("ruleId");
    w_.String(d.code);
    if (auto it = rule_index_.find(d.code); it != rule_index_.end()) {
      w_.Key("ruleIndex");
      w_.Int(it->second);
    }
    w_.Key("level");
    w_.String(Level(d.severity));
    w_.Key("message");
    w_.BeginObject();
    w_.Key("text");
    std::string text = d.message;
    for (const std::string& note : d.notes) text += "\nnote: " + note;
    w_.String(text);
    w_.EndObject();
    if (d.span.valid()) {
      std::string uri = FileUri(sources.name(d.span.source));
      LineColumn begin = sources.Locate(d.span.source, d.span.begin);
      LineColumn end = sources.Locate(d.span.source, d.span.end);
      w_.Key("locations");
      w_.BeginArray();
      w_.BeginObject();
      w_.Key("physicalLocation");
      w_.BeginObject();
      w_.Key("artifactLocation");
      w_.BeginObject();
      w_.Key("uri");
      w_.String(uri);
      w_.EndObject();
      w_.Key("region");
      w_.BeginObject();
      w_.Key("startLine");
      w_.Int(begin.line);
      w_.Key("startColumn");
      w_.Int(begin.column);
      w_.Key("endLine");
      w_.Int(end.line < begin.line ? begin.line : end.line);
      w_.Key("endColumn");
      w_.Int(end.line < begin.line || (end.line == begin.line && end.column <= begin.column)
                 ? begin.column + 1
                 : end.column);
      w_.EndObject();  // region
      w_.EndObject();  // physicalLocation
      if (!d.where.empty()) {
        // The document's place inside a template, plan or snapshot.
        w_.Key("logicalLocations");
        w_.BeginArray();
        w_.BeginObject();
        w_.Key("fullyQualifiedName");
        w_.String(d.where);
        w_.EndObject();
        w_.EndArray();
      }
      w_.EndObject();
      w_.EndArray();
      std::string_view under =
          sources.text(d.span.source).substr(d.span.begin, d.span.end - d.span.begin);
      uint64_t hash = 14695981039346656037ULL;
      hash = Fnv1a(hash, d.code);
      hash = Fnv1a(hash, uri);
      hash = Fnv1a(hash, under);
      hash = Fnv1a(hash, d.message);
      int occurrence = ++seen_[hash];
      w_.Key("partialFingerprints");
      w_.BeginObject();
      w_.Key("iamlint/v1");
      w_.String(Hex(hash) + ":" + std::to_string(occurrence));
      w_.EndObject();
    }
    w_.EndObject();
  }

  void End(const ReportSummary&) override {
    w_.EndArray();   // results
    w_.Key("columnKind");
    w_.String("unicodeCodePoints");
    w_.EndObject();  // run
    w_.EndArray();   // runs
    w_.EndObject();
    out_ << w_.text() << "\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  JsonWriter w_;
  std::map<std::string, int, std::less<>> rule_index_;
  std::map<uint64_t, int> seen_;
};

}  // namespace

std::unique_ptr<Reporter> MakeSarifReporter(std::ostream& out, const ReporterOptions& options) {
  return std::make_unique<SarifReporter>(out, options);
}

}  // namespace iamlint::lint
