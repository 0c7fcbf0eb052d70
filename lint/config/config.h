// Config: the `.iamlint.yaml` file, found upward from the working directory.
//
//   fail-on: warning                 # error | warning | info | never
//   enable: [some-opt-in-check]      # ids of checks or validator rules
//   disable: [redundant-action]
//   severity:                        # per-id severity overrides
//     unknown-action: error
//   policy-type:                     # kind per path glob (fnmatch), first match wins
//     "trust/*.json": trust
//   suppressions:                    # accepted findings; `reason` is required
//     - check: action-resource-mismatch
//       path: "legacy/*.json"        # optional
//       sid: LegacyRead              # optional
//       reason: the catalog lags this service
//
// Unknown keys, unknown ids, bad values and suppressions without a reason
// are errors reported as `path:line:col: message` (the CLI exits 2).
// Unused suppressions become `unused-suppression` findings that point into
// the config file, which is why the file is read into the SourceManager.
//
// yaml-cpp enters the project only through config.cc (style rule 14); it
// reports errors by throwing, and config.cc turns those into error text,
// so nothing escapes this room.
#ifndef IAMLINT_LINT_CONFIG_CONFIG_H_
#define IAMLINT_LINT_CONFIG_CONFIG_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"
#include "lint/lint_options.h"

namespace iamlint::lint {

inline constexpr std::string_view kConfigFileName = ".iamlint.yaml";

struct Config {
  // "error", "warning", "info" or "never"; empty when not set.
  std::optional<std::string> fail_on;
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::map<std::string, Severity, std::less<>> severity;
  std::vector<KindRule> kind_rules;
  std::vector<Suppression> suppressions;  // spans point into the config buffer
};

// The nearest `.iamlint.yaml` in `start` or one of its parents; empty when
// there is none.
std::filesystem::path FindConfigFile(const std::filesystem::path& start);

// Parses the config text held in `sources` as buffer `id`. Returns false
// and sets *error to "name:line:col: message" on the first problem.
bool ParseConfig(const SourceManager& sources, SourceId id, Config* config, std::string* error);

// Applies `config` under `options` (command-line flags are applied by the
// caller afterwards, so they win).
void ApplyConfig(const Config& config, LintOptions* options);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_CONFIG_CONFIG_H_
