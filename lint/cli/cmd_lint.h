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
};

// Runs the command; results go to `out`, commentary to `err`.
ExitCode RunLintCommand(const LintCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_LINT_H_
