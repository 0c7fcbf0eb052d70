// `iamlint simulate`: decide requests.
//
// Batch form: CASES files (or `-`) in the case format of
// shared/spec/cases.md; one JSON object per case on stdout, in input order;
// with `expect` fields, "N passed, N failed" on stderr and exit 1 on any
// mismatch. A malformed case is reported on stderr with its position (and
// as an {"id","error"} object on stdout) and does not stop the others; the
// run then exits 2.
//
// One-request form: --policy/--boundary/--session-policy/--resource-policy/
// --scp/--rcp files plus --action, --resource, --principal and --context.
#ifndef IAMLINT_LINT_CLI_CMD_SIMULATE_H_
#define IAMLINT_LINT_CLI_CMD_SIMULATE_H_

#include <ostream>
#include <string>
#include <vector>

#include "lint/cli/exit_code.h"

namespace iamlint::cli {

struct SimulateCommandOptions {
  std::vector<std::string> case_files;
  // One-request form.
  std::vector<std::string> policies;
  std::string boundary;
  std::vector<std::string> session_policies;
  std::string resource_policy;
  std::vector<std::string> scps;  // one level each, root first
  std::vector<std::string> rcps;  // one level each, root first
  std::string action;
  std::string resource = "*";
  std::string principal;
  std::string resource_account;
  std::vector<std::string> context;  // key=value; a repeated key makes a list
  bool derive_context = true;        // add aws:username, aws:PrincipalArn... from --principal
  std::string expect;                // Allow, ExplicitDeny or ImplicitDeny: exit 1 when it differs
  // Both forms.
  bool explain = false;
  bool no_index = false;
  std::string format = "text";  // one-request form: text or json
  size_t max_input_bytes = size_t{256} << 20;
  // Batch form: a progress line on `err` (lint/cli/progress.h); the CLI
  // sets it for a terminal or --progress.
  bool progress = false;
};

ExitCode RunSimulateCommand(const SimulateCommandOptions& options, std::ostream& out,
                            std::ostream& err);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_SIMULATE_H_
