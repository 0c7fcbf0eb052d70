#include "lint/cli/cmd_checks.h"

#include <algorithm>
#include <vector>

#include "engine/base/suggest.h"
#include "engine/json/json_writer.h"
#include "lint/registry.h"
#include "lint/report/snippet.h"

namespace iamlint::cli {

namespace {

struct Row {
  const lint::CheckInfo* info;
  std::string_view kind;  // "check" or "validator"
};

std::vector<Row> AllRows() {
  std::vector<Row> rows;
  for (const lint::Check* c : lint::AllChecks()) rows.push_back({&c->info(), "check"});
  for (const lint::CheckInfo& r : lint::ValidatorRules()) rows.push_back({&r, "validator"});
  rows.push_back({&lint::UnusedSuppressionRule(), "config"});
  return rows;
}

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string ChecksMarkdownTable() {
  std::string out =
      "| Check | Default severity | What it finds |\n"
      "| --- | --- | --- |\n";
  for (const lint::Check* c : lint::AllChecks()) {
    const lint::CheckInfo& info = c->info();
    out += "| `" + std::string(info.id) + "` | " + std::string(SeverityName(info.default_severity)) +
           (info.enabled_by_default ? "" : " (off by default)") + " | " +
           MarkdownEscape(info.summary) + " |\n";
  }
  return out;
}

ExitCode RunChecksCommand(const ChecksCommandOptions& options, std::ostream& out,
                          std::ostream& err) {
  if (!options.id.empty()) {
    const lint::CheckInfo* info = lint::FindRule(options.id);
    if (info == nullptr) {
      err << "iamlint: unknown check `" << lint::SanitizeForTerminal(options.id) << "`";
      std::string guess = ClosestMatch(options.id, lint::AllRuleIds());
      if (!guess.empty()) err << "; did you mean `" << guess << "`?";
      err << "\n";
      return ExitCode::kUsage;
    }
    if (options.format == "json") {
      JsonWriter w;
      w.BeginObject();
      w.Key("id");
      w.String(info->id);
      w.Key("severity");
      w.String(SeverityName(info->default_severity));
      w.Key("enabled");
      w.Bool(info->enabled_by_default);
      w.Key("summary");
      w.String(info->summary);
      w.Key("documentation");
      w.String(info->documentation);
      w.EndObject();
      out << w.text() << "\n";
      return ExitCode::kOk;
    }
    out << info->id << " (" << SeverityName(info->default_severity)
        << (info->enabled_by_default ? "" : ", off by default") << "): " << info->summary
        << "\n\n"
        << info->documentation << "\n";
    return ExitCode::kOk;
  }
  std::vector<Row> rows = AllRows();
  if (options.format == "markdown") {
    out << ChecksMarkdownTable();
    return ExitCode::kOk;
  }
  if (options.format == "json") {
    JsonWriter w;
    w.BeginArray();
    for (const Row& row : rows) {
      w.BeginObject();
      w.Key("id");
      w.String(row.info->id);
      w.Key("kind");
      w.String(row.kind);
      w.Key("severity");
      w.String(SeverityName(row.info->default_severity));
      w.Key("enabled");
      w.Bool(row.info->enabled_by_default);
      w.Key("summary");
      w.String(row.info->summary);
      w.EndObject();
    }
    w.EndArray();
    out << w.text() << "\n";
    return ExitCode::kOk;
  }
  size_t width = 0;
  for (const Row& row : rows) width = std::max(width, row.info->id.size());
  std::string_view section;
  for (const Row& row : rows) {
    if (row.kind != section) {
      out << (section.empty() ? "" : "\n")
          << (row.kind == "check"       ? "Checks:\n"
              : row.kind == "validator" ? "Validator rules:\n"
                                        : "Configuration:\n");
      section = row.kind;
    }
    std::string id(row.info->id);
    id.resize(width, ' ');
    std::string severity(SeverityName(row.info->default_severity));
    severity.resize(8, ' ');
    out << "  " << id << "  " << severity << row.info->summary
        << (row.info->enabled_by_default ? "" : " (off by default)") << "\n";
  }
  return ExitCode::kOk;
}

}  // namespace iamlint::cli
