// RunProcess: run a program and capture its stdout, stderr and exit code
// separately (popen cannot: it merges or drops stderr). POSIX only.
//
// The child gets `stdin_data` on its standard input (empty: at once EOF),
// runs in `working_dir`, and inherits the environment. Output is read with
// poll() on both pipes while input is written, so a chatty child never
// blocks. For tests only.
#ifndef IAMLINT_TESTS_TESTING_PROCESS_H_
#define IAMLINT_TESTS_TESTING_PROCESS_H_

#include <string>
#include <vector>

namespace iamlint::testing {

struct ProcessResult {
  std::string out;   // everything written to stdout
  std::string err;   // everything written to stderr
  int exit_code = -1;  // the exit status, or 128 + signal number if killed
};

// `argv[0]` is the program path (not searched in PATH).
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& working_dir,
                         const std::string& stdin_data = "");

}  // namespace iamlint::testing

#endif  // IAMLINT_TESTS_TESTING_PROCESS_H_
