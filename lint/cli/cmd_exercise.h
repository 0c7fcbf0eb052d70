// `iamlint exercise`: training exercises on minimal permissions.
//
//   iamlint exercise list [--lang en|ja]
//   iamlint exercise check EXERCISE POLICY.json [--lang en|ja] [--format text|json]
//
// EXERCISE is a folder holding exercise.json, an exercise.json file, or the
// name of a folder under --exercises (default samples/exercises). The check
// (lint/exercise/checker.h) prints every requirement with its reason, the
// over-grant report, the linter's findings, the score and hints.
// Exit codes: 0 pass (list: listed), 1 fail, 2 usage error, unreadable
// input or malformed exercise (its problems on stderr with positions).
#ifndef IAMLINT_LINT_CLI_CMD_EXERCISE_H_
#define IAMLINT_LINT_CLI_CMD_EXERCISE_H_

#include <ostream>
#include <string>

#include "lint/cli/exit_code.h"

namespace CLI {
class App;
}  // namespace CLI

namespace iamlint::cli {

struct ExerciseCommandOptions {
  std::string action;  // "list" or "check"
  std::string exercise;
  std::string policy;
  std::string lang = "en";
  std::string format = "text";
  std::string exercises_dir = "samples/exercises";
  size_t max_input_bytes = size_t{64} << 20;
};

// Adds `exercise` with its `list` and `check` subcommands to `app`.
CLI::App* AddExerciseCommand(CLI::App& app, ExerciseCommandOptions& options);

ExitCode RunExerciseCommand(const ExerciseCommandOptions& options, std::ostream& out,
                            std::ostream& err);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_EXERCISE_H_
