// RunLint: read every input, validate it as a policy, run the lint checks
// (lint/registry.h) on it, collect findings.
//
// An input is a policy file (JSON or YAML), a CloudFormation template, a
// Terraform plan or state, or an account snapshot (engine/inputs): every
// policy document in it is validated and checked as its kind, with what it
// is attached to (CheckContext::attached_entities), and findings carry the
// document's logical location (Diagnostic::where). Findings about an AWS
// managed policy a template attaches are reported once per check at the
// line that attaches it.
//
// The runner owns no I/O policy beyond reading the inputs it is given; it
// never prints. Findings come back sorted by file, line, column and code.
#ifndef IAMLINT_LINT_RUNNER_H_
#define IAMLINT_LINT_RUNNER_H_

#include <functional>
#include <string>
#include <vector>

#include "engine/inputs/inventory.h"
#include "engine/policy/policy.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"
#include "lint/input_files.h"
#include "lint/lint_options.h"

namespace iamlint::lint {

struct LintedFile {
  SourceId source = kNoSource;
  InputFormat format = InputFormat::kPolicy;
  // Policy files: the document (empty when it could not be read). Other
  // formats: empty; see `documents`.
  std::optional<PolicyDocument> policy;
  size_t documents = 0;  // policy documents linted in the file
  size_t entities = 0;   // users, groups and roles found in it
};

struct LintResult {
  std::vector<LintedFile> files;
  std::vector<Diagnostic> diagnostics;  // sorted
  std::vector<InputProblem> unreadable; // inputs that could not be opened
  size_t errors = 0, warnings = 0, infos = 0;
  size_t suppressed = 0;               // findings hidden by suppressions
  std::vector<bool> suppression_used;  // parallel to LintOptions::suppressions
};

// Reads `paths` (already expanded; "-" is stdin) into `sources` and lints
// them. `on_file`, when set, is called after each path with (paths done,
// paths in all), for a progress display.
LintResult RunLint(const std::vector<std::string>& paths, const LintOptions& options,
                   SourceManager& sources,
                   const std::function<void(size_t done, size_t total)>& on_file = {});

// Lints one buffer already in `sources` (used by tests and other commands):
// reads it as LintOptions::input_format (or detects the format), then per
// policy document the validator, every enabled check (registry order),
// --disable, severity overrides and suppressions. Appends to `result`,
// sorted within the buffer. May add buffers derived from `id` to `sources`.
void LintBuffer(SourceId id, const LintOptions& options, SourceManager& sources,
                LintResult* result);

// Appends an `unused-suppression` finding for every suppression no buffer
// used (RunLint calls it; callers of LintBuffer call it once at the end).
void ReportUnusedSuppressions(const LintOptions& options, LintResult* result);

// Sorts by source, line, column, then code (stable).
void SortDiagnostics(const SourceManager& sources, std::vector<Diagnostic>* diagnostics);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_RUNNER_H_
