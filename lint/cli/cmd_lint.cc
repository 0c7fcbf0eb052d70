#include "lint/cli/cmd_lint.h"

#include "engine/source/source_manager.h"
#include "lint/report/reporter.h"
#include "lint/report/snippet.h"
#include "lint/runner.h"

namespace iamlint::cli {

ExitCode RunLintCommand(const LintCommandOptions& options, std::ostream& out, std::ostream& err) {
  lint::LintOptions lint_options;
  lint_options.max_input_bytes = options.max_input_bytes;
  if (!options.policy_type.empty()) lint_options.kind = ParsePolicyKind(options.policy_type);
  if (options.fail_on == "never") {
    lint_options.fail_on.reset();
  } else {
    lint_options.fail_on = ParseSeverity(options.fail_on);
  }

  std::vector<lint::InputProblem> problems;
  std::vector<std::string> paths = lint::ExpandInputs(options.paths, &problems);
  SourceManager sources;
  lint::LintResult result = lint::RunLint(paths, lint_options, sources);
  problems.insert(problems.end(), result.unreadable.begin(), result.unreadable.end());

  if (options.verbose) {
    for (const lint::LintedFile& f : result.files) {
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

  std::unique_ptr<lint::Reporter> reporter = lint::MakeReporter(options.format, out);
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
        << (result.infos == 1 ? " info" : " infos") << "\n";
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
