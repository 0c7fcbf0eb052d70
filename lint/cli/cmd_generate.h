// `iamlint generate`: the least-privilege identity policy for what a
// workload needed, proved by simulation.
//
// Inputs are request cases (shared/spec/cases.md; their policies are
// ignored) or, with --from-cloudtrail, CloudTrail records (a trail file,
// JSON Lines, an array, a single event, EventBridge envelopes), filtered by
// --user, --role and --access-key. The policy goes to stdout (JSON, or a
// text listing with --format text); what was read, what could not be
// mapped, and the proof ("12 of 12 recorded requests allowed; also allows
// 0 other actions") go to stderr.
//
// Exit codes: 0 policy written and every needed request allowed by it;
// 1 no request to generate from, or a request the policy does not allow;
// 2 usage error, unreadable input, a malformed case or a file that is not
// JSON.
#ifndef IAMLINT_LINT_CLI_CMD_GENERATE_H_
#define IAMLINT_LINT_CLI_CMD_GENERATE_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "lint/cli/exit_code.h"

namespace iamlint::cli {

struct GenerateCommandOptions {
  std::vector<std::string> files;
  bool from_cloudtrail = false;
  std::string user;
  std::string role;
  std::string access_key;
  bool only_successful = false;
  size_t collapse = 5;
  std::string format = "json";  // json or text
  bool no_index = false;        // prove with the reference evaluator path
  size_t max_input_bytes = size_t{256} << 20;
};

ExitCode RunGenerateCommand(const GenerateCommandOptions& options, std::ostream& out,
                            std::ostream& err);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_GENERATE_H_
