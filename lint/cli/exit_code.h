// The process exit codes of `iamlint`, documented in README.md and --help.
#ifndef IAMLINT_LINT_CLI_EXIT_CODE_H_
#define IAMLINT_LINT_CLI_EXIT_CODE_H_

namespace iamlint::cli {

enum class ExitCode {
  kOk = 0,          // clean: nothing at or above --fail-on, every expect matched
  kFindings = 1,    // findings at or above --fail-on, or an expect mismatch
  kUsage = 2,       // usage error, unreadable input, malformed case file
  kInterrupted = 130,
};

inline int ToInt(ExitCode code) { return static_cast<int>(code); }

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_EXIT_CODE_H_
