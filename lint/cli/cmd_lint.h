// `iamlint lint PATH... | -`: validate policies and report findings.
#ifndef IAMLINT_LINT_CLI_CMD_LINT_H_
#define IAMLINT_LINT_CLI_CMD_LINT_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "lint/cli/exit_code.h"

namespace iamlint::cli {

struct LintCommandOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on = "error";
  std::string policy_type;  // empty: infer
  bool verbose = false;
  size_t max_input_bytes = size_t{64} << 20;
  // Comma-separated or repeated ids of checks and validator rules.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::string attached_to;   // user, group, role; empty: unknown
  std::string config_file;   // empty: find .iamlint.yaml upward from the working directory
  bool no_config = false;    // ignore any .iamlint.yaml
  bool fail_on_given = false;  // --fail-on was on the command line (it beats the config)
  std::string catalog_file;  // empty: the built-in catalog
  std::string input_format;  // policy, cloudformation, terraform, account; empty: detect
  std::string credentials_file;  // credential report CSV for account snapshots; may be empty
  // Colour the text format; the CLI sets it for a terminal without NO_COLOR.
  bool color = false;
  // A progress line on `err` (lint/cli/progress.h); the CLI sets it for a
  // terminal or --progress.
  bool progress = false;
  std::string tool_version = "0";
};

// Runs the command; results go to `out`, commentary to `err`.
ExitCode RunLintCommand(const LintCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_LINT_H_
