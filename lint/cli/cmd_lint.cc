#include "lint/cli/cmd_lint.h"

#include <sstream>

#include "engine/base/suggest.h"
#include "engine/inputs/credential_report.h"
#include "engine/source/source_manager.h"
#include "lint/cli/cmd_catalog.h"
#include "lint/config/config.h"
#include "lint/cli/progress.h"
#include "lint/input_files.h"
#include "lint/registry.h"
#include "lint/report/reporter.h"
#include "lint/report/snippet.h"
#include "lint/runner.h"

namespace iamlint::cli {

namespace {

// Splits "a,b" and repeated flags into ids; false (with a message) on an
// unknown id.
bool CollectIds(const std::vector<std::string>& values, std::string_view flag,
                std::set<std::string, std::less<>>* ids, std::ostream& err) {
  for (const std::string& value : values) {
    std::stringstream in(value);
    std::string id;
    while (std::getline(in, id, ',')) {
      if (id.empty()) continue;
      if (lint::FindRule(id) == nullptr) {
        err << "iamlint: " << flag << ": unknown check `" << lint::SanitizeForTerminal(id) << "`";
        std::string guess = ClosestMatch(id, lint::AllRuleIds());
        if (!guess.empty()) err << "; did you mean `" << guess << "`?";
        err << "\n";
        return false;
      }
      ids->insert(id);
    }
  }
  return true;
}

}  // namespace

ExitCode RunLintCommand(const LintCommandOptions& options, std::ostream& out, std::ostream& err) {
  lint::LintOptions lint_options;
  lint_options.max_input_bytes = options.max_input_bytes;
  if (!options.policy_type.empty()) lint_options.kind = ParsePolicyKind(options.policy_type);
  SourceManager sources;

  // The config file first, so that command-line flags override it.
  if (!options.no_config) {
    std::filesystem::path config_path = options.config_file.empty()
                                            ? lint::FindConfigFile(std::filesystem::current_path())
                                            : std::filesystem::path(options.config_file);
    if (!config_path.empty()) {
      std::string bytes, error;
      if (!lint::ReadInput(config_path.string(), options.max_input_bytes, &bytes, &error)) {
        err << "iamlint: cannot read " << lint::SanitizeForTerminal(config_path.string()) << ": "
            << error << "\n";
        return ExitCode::kUsage;
      }
      std::string name = config_path.string();
      if (options.config_file.empty()) {
        std::error_code ec;
        std::filesystem::path rel =
            config_path.lexically_relative(std::filesystem::current_path(ec));
        if (!ec && !rel.empty()) name = rel.string();
      }
      SourceId id = sources.AddBuffer(name, std::move(bytes));
      lint::Config config;
      if (!lint::ParseConfig(sources, id, &config, &error)) {
        err << "iamlint: " << lint::SanitizeForTerminal(error) << "\n";
        return ExitCode::kUsage;
      }
      lint::ApplyConfig(config, &lint_options);
    }
  }
  if (options.fail_on_given || options.fail_on != "error") {
    if (options.fail_on == "never") {
      lint_options.fail_on.reset();
    } else {
      lint_options.fail_on = ParseSeverity(options.fail_on);
    }
  }
  std::set<std::string, std::less<>> enable, disable;
  if (!CollectIds(options.enable, "--enable", &enable, err) ||
      !CollectIds(options.disable, "--disable", &disable, err)) {
    return ExitCode::kUsage;
  }
  for (const std::string& id : enable) {
    lint_options.disable.erase(id);
    lint_options.enable.insert(id);
  }
  for (const std::string& id : disable) {
    lint_options.enable.erase(id);
    lint_options.disable.insert(id);
  }
  if (!options.attached_to.empty()) {
    std::optional<lint::AttachedTo> attached = lint::ParseAttachedTo(options.attached_to);
    if (!attached) {
      err << "iamlint: --attached-to: expected user, group or role\n";
      return ExitCode::kUsage;
    }
    lint_options.attached_to = *attached;
  }
  std::unique_ptr<const Catalog> owned_catalog;
  if (!options.catalog_file.empty()) {
    lint_options.catalog = LoadCatalogOption(options.catalog_file, &owned_catalog, err);
    if (lint_options.catalog == nullptr) return ExitCode::kUsage;
  }

  if (!options.input_format.empty()) {
    lint_options.input_format = ParseInputFormat(options.input_format);
  }
  if (!options.credentials_file.empty()) {
    std::string bytes, error;
    if (!lint::ReadInput(options.credentials_file, options.max_input_bytes, &bytes, &error)) {
      err << "iamlint: cannot read " << lint::SanitizeForTerminal(options.credentials_file) << ": "
          << error << "\n";
      return ExitCode::kUsage;
    }
    SourceId id = sources.AddBuffer(options.credentials_file, std::move(bytes));
    DiagnosticSink sink;
    if (!ReadCredentialReport(sources, id, &lint_options.credentials, sink)) {
      for (const Diagnostic& d : sink.diagnostics()) {
        err << "iamlint: " << lint::SanitizeForTerminal(options.credentials_file);
        if (d.span.valid()) {
          LineColumn at = sources.Begin(d.span);
          err << ":" << at.line << ":" << at.column;
        }
        err << ": " << lint::SanitizeForTerminal(d.message) << "\n";
      }
      return ExitCode::kUsage;
    }
  }

  std::vector<lint::InputProblem> problems;
  std::vector<std::string> paths = lint::ExpandInputs(options.paths, &problems);
  Progress progress(err, options.progress, "lint", "files");
  lint::LintResult result =
      lint::RunLint(paths, lint_options, sources,
                    [&progress](size_t done, size_t total) { progress.Update(done, total); });
  progress.Finish();
  problems.insert(problems.end(), result.unreadable.begin(), result.unreadable.end());

  if (options.verbose) {
    for (const lint::LintedFile& f : result.files) {
      if (f.format != InputFormat::kPolicy) {
        err << lint::SanitizeForTerminal(sources.name(f.source)) << ": "
            << InputFormatName(f.format) << ", " << f.documents
            << (f.documents == 1 ? " policy document, " : " policy documents, ") << f.entities
            << (f.entities == 1 ? " user, group or role\n" : " users, groups and roles\n");
        continue;
      }
      if (!f.policy) continue;
      // The kind by its --policy-type name, and where it came from.
      err << lint::SanitizeForTerminal(sources.name(f.source)) << ": kind "
          << PolicyKindName(f.policy->kind);
      if (f.policy->kind_inferred) {
        err << " (inferred: " << lint::SanitizeForTerminal(f.policy->kind_reason) << ")";
      } else {
        err << " (given by --policy-type)";
      }
      err << "\n";
    }
  }

  lint::ReporterOptions reporter_options;
  reporter_options.color = options.color && options.format == "text";
  reporter_options.tool_version = options.tool_version;
  std::unique_ptr<lint::Reporter> reporter =
      lint::MakeReporter(options.format, out, reporter_options);
  if (!reporter) {  // main.cc checks --format; this guards other callers
    err << "iamlint: unknown format `" << lint::SanitizeForTerminal(options.format) << "`\n";
    return ExitCode::kUsage;
  }
  for (const Diagnostic& d : result.diagnostics) reporter->Report(sources, d);
  lint::ReportSummary summary{result.files.size(), result.errors, result.warnings, result.infos};
  reporter->End(summary);

  size_t total = result.errors + result.warnings + result.infos;
  if (total > result.diagnostics.size()) {
    err << "iamlint: " << total - result.diagnostics.size()
        << " more findings not shown (at most " << DiagnosticSink::kDefaultCap
        << " per file)\n";
  }
  for (const lint::InputProblem& p : problems) {
    err << "iamlint: cannot read " << lint::SanitizeForTerminal(p.path) << ": " << p.message
        << "\n";
  }
  if (options.format == "text" || options.verbose) {
    err << result.files.size() << (result.files.size() == 1 ? " file" : " files") << " checked: "
        << result.errors << (result.errors == 1 ? " error, " : " errors, ") << result.warnings
        << (result.warnings == 1 ? " warning, " : " warnings, ") << result.infos
        << (result.infos == 1 ? " info" : " infos");
    if (result.suppressed > 0) err << ", " << result.suppressed << " suppressed";
    err << "\n";
  }
  if (!problems.empty()) return ExitCode::kUsage;
  if (paths.empty()) {
    err << "iamlint: no input files\n";
    return ExitCode::kUsage;
  }
  if (lint_options.fail_on) {
    Severity threshold = *lint_options.fail_on;
    size_t failing = result.errors;
    if (threshold >= Severity::kWarning) failing += result.warnings;
    if (threshold >= Severity::kInfo) failing += result.infos;
    if (failing > 0) return ExitCode::kFindings;
  }
  return ExitCode::kOk;
}

}  // namespace iamlint::cli
