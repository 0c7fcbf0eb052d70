// `iamlint expand PATTERN...`: the actions an IAM Action pattern matches
// (`s3:Get*`, `*:Describe*`, `iam:*AccessKey*`, `*`), from the catalog.
//
// Output (stdout): every matching action once, in catalog order (service
// prefix, then action name), with its access level; text is one action per
// line, json one object {"patterns": [...], "actions": [...]}. A pattern
// that matches nothing is reported on stderr, with a suggestion when a
// catalog name is close, and makes the exit code 1.
#ifndef IAMLINT_LINT_CLI_CMD_EXPAND_H_
#define IAMLINT_LINT_CLI_CMD_EXPAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "lint/cli/exit_code.h"

namespace iamlint::cli {

struct ExpandCommandOptions {
  std::vector<std::string> patterns;
  std::string catalog_file;     // empty: the built-in catalog
  std::string format = "text";  // text or json
};

ExitCode RunExpandCommand(const ExpandCommandOptions& options, std::ostream& out,
                          std::ostream& err);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_EXPAND_H_
