// `iamlint checks [ID]`: list every lint check and validator rule (id,
// default severity, summary), or print one rule's documentation.
// `--format markdown` prints the README's check table (tests compare it
// with README.md, so the table is generated, never edited by hand).
#ifndef IAMLINT_LINT_CLI_CMD_CHECKS_H_
#define IAMLINT_LINT_CLI_CMD_CHECKS_H_

#include <ostream>
#include <string>

#include "lint/cli/exit_code.h"

namespace iamlint::cli {

struct ChecksCommandOptions {
  std::string id;               // empty: list everything
  std::string format = "text";  // text, json or markdown
};

ExitCode RunChecksCommand(const ChecksCommandOptions& options, std::ostream& out,
                          std::ostream& err);

// The markdown table of the README's `## Checks` section: every check (the
// validator's rules have their own README table).
std::string ChecksMarkdownTable();

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_CHECKS_H_
