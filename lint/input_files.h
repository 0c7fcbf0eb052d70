// Finding and reading the user's inputs: files, folders and `-` (stdin).
//
// Reading never modifies or creates a file. A folder stands for every
// regular `*.json` file below it, and every `*.yaml`, `*.yml` and
// `*.template` file whose first 64 KiB mention `AWSTemplateFormatVersion`,
// `Resources:` or `Statement` (CloudFormation templates and YAML policies,
// not CI workflows or other YAML), in sorted order, so runs are
// deterministic; symbolic links to folders are not followed (no cycles).
#ifndef IAMLINT_LINT_INPUT_FILES_H_
#define IAMLINT_LINT_INPUT_FILES_H_

#include <cstddef>
#include <string>
#include <vector>

namespace iamlint::lint {

inline constexpr const char* kStdinName = "<stdin>";

struct InputProblem {
  std::string path;
  std::string message;  // e.g. "no such file or directory"
};

// Expands `args` into a list of paths ("-" stays "-"). Paths that do not
// exist are reported in `problems`.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& args,
                                      std::vector<InputProblem>* problems);

// Reads a file (or stdin for "-") into *bytes. Refuses files larger than
// `max_bytes` with a message: a regular file by its size before reading
// anything, a pipe or device (stdin) after reading at most max_bytes + 64 KiB.
// On failure *bytes is empty.
bool ReadInput(const std::string& path, size_t max_bytes, std::string* bytes,
               std::string* error);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_INPUT_FILES_H_
