#include "lint/cli/help_topics.h"

namespace iamlint::cli {

namespace {

constexpr std::string_view kExitCodes =
    R"(Exit codes

  0  success: lint found nothing at or above --fail-on; every expected decision
     of simulate matched; can: allowed; exercise check: passed; generate: the
     policy was written and proved; access, expand, catalog, checks: done
  1  lint: findings at or above --fail-on (default: errors);
     simulate: a case's decision differs from its "expect", or from --expect;
     can: denied or conditional; exercise check: failed;
     expand: a pattern matches no action;
     generate: nothing to generate from, or a recorded request not allowed
  2  usage error (unknown command, option or value), unreadable or oversized
     input, a malformed case or exercise, a bad .iamlint.yaml, an unknown
     principal (access, can) or action (can)

`--fail-on never` makes lint exit 0 whatever it finds; `--fail-on warning`
also fails on warnings. In CI, 1 means "the policies need work" and 2 means
"iamlint could not do its job".
)";

constexpr std::string_view kFormats =
    R"(Output formats (--format)

lint (and `iamlint PATH`):
  text     default: `file:line:col: severity: message [id]`, the source line
           and a caret; the summary line goes to stderr; colours only when
           stdout is a terminal and NO_COLOR is unset
  json     one document {"version":1,"diagnostics":[...],"summary":{...}}
           (schema in the README, section "JSON output")
  sarif    SARIF 2.1.0 with every rule's help, for code scanning
           (github/codeql-action/upload-sarif)
  github   `::error file=F,line=L,col=C,...::message` workflow commands
           (::warning, ::notice for infos): annotations in a GitHub Actions
           log, no upload needed

simulate:  text (default) or json for one request; a batch of cases always
           writes JSON Lines, one object per case
access:    text (default) or json; --html FILE also writes an HTML report
can, expand, catalog, exercise check:  text (default) or json
checks:    text (default), json or markdown
generate:  json (default, the policy itself) or text
)";

constexpr std::string_view kConfig =
    R"(Configuration file: .iamlint.yaml

lint reads the nearest .iamlint.yaml in the working folder or a parent;
--config FILE names another one, --no-config ignores it. Flags on the command
line win over the file. A bad file is an error with file:line:col (exit 2).

  fail-on: warning                      # error | warning | info | never
  enable: [some-check]                  # checks or rules to turn on
  disable: [redundant-action]           # ... or off
  severity:
    unknown-action: error               # per-id severity
  policy-type:
    "trust/*.json": trust               # kind per path glob; first match wins
  suppressions:
    - check: action-resource-mismatch   # required
      path: "legacy/*.json"             # optional glob
      sid: LegacyRead                   # optional statement Sid
      reason: the catalog lags this service   # required

Ids are those of `iamlint checks`. A suppression that matches nothing is
reported as an `unused-suppression` info finding in the config file.
)";

}  // namespace

const std::vector<HelpTopic>& HelpTopics() {
  static const std::vector<HelpTopic> topics = {
      {"exit-codes", "what exit codes 0, 1 and 2 mean for each command", kExitCodes},
      {"formats", "the output formats of every command (--format)", kFormats},
      {"config", "the .iamlint.yaml configuration file", kConfig},
  };
  return topics;
}

const HelpTopic* FindHelpTopic(std::string_view name) {
  for (const HelpTopic& t : HelpTopics()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string HelpTopicList(const std::vector<std::string>& commands) {
  std::string text = "Usage: iamlint help TOPIC\n\nTopics:\n";
  for (const HelpTopic& t : HelpTopics()) {
    text += "  " + std::string(t.name);
    text += std::string(t.name.size() < 12 ? 12 - t.name.size() : 1, ' ');
    text += std::string(t.summary) + "\n";
  }
  text += "\nCommands (iamlint help COMMAND is iamlint COMMAND --help):\n ";
  for (const std::string& c : commands) text += " " + c;
  text += "\n";
  return text;
}

}  // namespace iamlint::cli
