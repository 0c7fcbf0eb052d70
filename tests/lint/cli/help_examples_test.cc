// Every example shown by `iamlint --help` and `iamlint COMMAND --help` runs
// as shown, from the source root, with the built binary first on PATH, and
// exits with the code the help documents: an example line may end in
// `# exits N: why`; without one it must exit 0. A crash, a usage error (2)
// or any other code fails. Each command shows at least two examples.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/process.h"

namespace iamlint {
namespace {

struct Example {
  std::string command;  // as shown, continuation lines joined
  int exit_code = 0;    // documented
};

std::string Help(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {IAMLINT_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::ProcessResult r = testing::RunProcess(argv, IAMLINT_SOURCE_DIR);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The commands of `iamlint help`'s last line.
std::vector<std::string> Commands() {
  std::string text = Help({"help"});
  size_t at = text.find("Commands");
  REQUIRE(at != std::string::npos);
  std::stringstream line(text.substr(text.find('\n', at) + 1));
  std::vector<std::string> commands;
  std::string word;
  while (line >> word) commands.push_back(word);
  return commands;
}

std::vector<Example> Examples(const std::string& help) {
  std::vector<Example> examples;
  size_t at = help.find("Examples:\n");
  if (at == std::string::npos) return examples;
  std::stringstream in(help.substr(at + 10));
  std::string line;
  std::string pending;
  while (std::getline(in, line)) {
    if (line.empty()) break;
    if (pending.empty() && line.rfind("  iamlint ", 0) != 0 && line != "  iamlint") continue;
    size_t first = line.find_first_not_of(' ');
    pending += pending.empty() ? line.substr(first) : " " + line.substr(first);
    if (!pending.empty() && pending.back() == '\\') {
      pending.pop_back();
      while (!pending.empty() && pending.back() == ' ') pending.pop_back();
      continue;
    }
    Example e;
    size_t comment = pending.find("  # exits ");
    if (comment != std::string::npos) {
      e.exit_code = std::atoi(pending.c_str() + comment + 10);
      pending.erase(comment);
    }
    e.command = pending;
    examples.push_back(e);
    pending.clear();
  }
  return examples;
}

void RunExamples(const std::string& where, const std::string& help) {
  std::vector<Example> examples = Examples(help);
  CAPTURE(where);
  CHECK(examples.size() >= 2);
  std::string bin_dir = IAMLINT_BINARY;
  bin_dir.erase(bin_dir.rfind('/'));
  const char* path = std::getenv("PATH");
  for (const Example& e : examples) {
    CAPTURE(e.command, e.exit_code);
    std::vector<std::string> argv = {
        "/usr/bin/env", "PATH=" + bin_dir + ":" + (path != nullptr ? path : "/usr/bin:/bin"),
        "bash", "-c", e.command + " >/dev/null"};
    testing::ProcessResult r = testing::RunProcess(argv, IAMLINT_SOURCE_DIR);
    CAPTURE(r.err);
    CHECK(r.exit_code == e.exit_code);
  }
}

TEST_CASE("help: the examples of iamlint --help run as documented", "[cli][help]") {
  RunExamples("iamlint --help", Help({"--help"}));
}

TEST_CASE("help: the examples of every command's --help run as documented", "[cli][help]") {
  std::vector<std::string> commands = Commands();
  CHECK(commands.size() >= 10);
  for (const std::string& command : commands) {
    RunExamples("iamlint " + command + " --help", Help({command, "--help"}));
  }
}

TEST_CASE("help: examples are parsed with continuations and exit notes", "[cli][help]") {
  std::vector<Example> examples = Examples(
      "usage\n\nExamples:\n  iamlint a \\\n      b  # exits 1: findings\n  iamlint c\n\nmore\n"
      "  iamlint not-an-example\n");
  REQUIRE(examples.size() == 2);
  CHECK(examples[0].command == "iamlint a b");
  CHECK(examples[0].exit_code == 1);
  CHECK(examples[1].command == "iamlint c");
  CHECK(examples[1].exit_code == 0);
}

}  // namespace
}  // namespace iamlint
