// `iamlint help [TOPIC]`: the help topics that belong to no one command.
//
//   exit-codes  what 0, 1 and 2 mean, command by command (lint/cli/exit_code.h)
//   formats     every command's --format values (lint/report/)
//   config      the .iamlint.yaml file (lint/config/config.h)
//
// The texts are checked byte for byte by golden tests
// (tests/golden/cli/help-topic-*.stdout); facts in them follow the code
// named above, so change both together.
#ifndef IAMLINT_LINT_CLI_HELP_TOPICS_H_
#define IAMLINT_LINT_CLI_HELP_TOPICS_H_

#include <string>
#include <string_view>
#include <vector>

namespace iamlint::cli {

struct HelpTopic {
  std::string_view name;     // "exit-codes"
  std::string_view summary;  // one line, for the list
  std::string_view text;     // the whole topic, ending in a newline
};

const std::vector<HelpTopic>& HelpTopics();

// The topic called `name`, or null.
const HelpTopic* FindHelpTopic(std::string_view name);

// What `iamlint help` prints: every topic with its summary, then the
// commands (whose own help is `iamlint help COMMAND`).
std::string HelpTopicList(const std::vector<std::string>& commands);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_HELP_TOPICS_H_
