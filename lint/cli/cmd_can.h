// `iamlint can`: one precise question about a principal of an account.
//
//   iamlint can --account SNAPSHOT [--credentials CSV] [--scp FILE...]
//       [--resource-policy FILE...] [--context key=value...]
//       [--format text|json] PRINCIPAL ACTION [RESOURCE]
//
// Answers allow / conditional / deny for ACTION (a catalog action, no
// wildcards) on RESOURCE (an ARN; without it: on any resource), in the
// leaked-key context for users (no MFA, not via an AWS service, any IP)
// and an open context for roles; --context overrides keys. The reason
// cites the decisive statement (file:line:col) and, for conditional, the
// conditions.
//
// With RESOURCE, every gathered statement is narrowed to it first: a
// statement whose Resource/NotResource does not cover RESOURCE is dropped
// (policy variables other than ${aws:username} are taken literally).
//
// Exit codes: 0 allow; 1 deny or conditional (the output says which: a
// script asking "can it?" gets yes only when the answer holds whatever the
// context); 2 usage error, unreadable input, unknown principal or action.
#ifndef IAMLINT_LINT_CLI_CMD_CAN_H_
#define IAMLINT_LINT_CLI_CMD_CAN_H_

#include <ostream>
#include <string>

#include "lint/cli/cmd_access.h"
#include "lint/cli/exit_code.h"

namespace iamlint::cli {

struct CanCommandOptions {
  AccountInputOptions input;
  std::string principal;
  std::string action;
  std::string resource;  // empty: any resource
  std::string format = "text";
};

ExitCode RunCanCommand(const CanCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_CAN_H_
