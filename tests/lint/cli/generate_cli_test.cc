// Golden tests of `iamlint generate` (the conventions of cli_test.cc):
// stdout, stderr and the exit code of each command, compared with
// tests/golden/cli/generate-*.{stdout,stderr,exit}.
// IAMLINT_UPDATE_GOLDEN=1 rewrites them; review the diff.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/golden.h"
#include "tests/testing/process.h"

namespace iamlint {
namespace {

struct GenerateCase {
  std::string name;               // golden stem under tests/golden/cli/
  std::vector<std::string> args;  // after `iamlint`
  std::string stdin_file;         // relative to the source root
};

std::string Header(const GenerateCase& c) {
  std::string header = "# iamlint";
  for (const std::string& a : c.args) header += " " + a;
  if (!c.stdin_file.empty()) header += " < " + c.stdin_file;
  return header;
}

void CheckCase(const GenerateCase& c) {
  CAPTURE(c.name, Header(c));
  std::vector<std::string> argv = {IAMLINT_BINARY};
  argv.insert(argv.end(), c.args.begin(), c.args.end());
  std::string input;
  if (!c.stdin_file.empty()) {
    std::ifstream in(std::string(IAMLINT_SOURCE_DIR) + "/" + c.stdin_file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    input = text.str();
  }
  testing::ProcessResult r = testing::RunProcess(argv, IAMLINT_SOURCE_DIR, input);
  const std::string stem = testing::GoldenPath("cli/" + c.name);
  testing::GoldenCheck out = testing::CheckGolden(stem + ".stdout", Header(c), r.out);
  testing::GoldenCheck err = testing::CheckGolden(stem + ".stderr", Header(c), r.err);
  testing::GoldenCheck code =
      testing::CheckGolden(stem + ".exit", Header(c), std::to_string(r.exit_code) + "\n");
  INFO(out.message);
  CHECK(r.out == out.expected);
  INFO(err.message);
  CHECK(r.err == err.expected);
  INFO(code.message);
  CHECK(std::to_string(r.exit_code) + "\n" == code.expected);
  CHECK(out.ok);
  CHECK(err.ok);
  CHECK(code.ok);
}

const std::string kAlice = "samples/cloudtrail/alice-trail.json";
const std::string kWorkload = "tests/engine/generate/fixtures/workload.jsonl";
const std::string kFixtures = "tests/engine/generate/fixtures/";

TEST_CASE("generate cli: alice's key, from the sample trail", "[cli][generate]") {
  const std::vector<GenerateCase> cases = {
      {"generate-alice", {"generate", "--from-cloudtrail", "--user", "alice", kAlice}, ""},
      {"generate-alice-text",
       {"generate", "--from-cloudtrail", "--user", "alice", "--format", "text", kAlice}, ""},
      {"generate-alice-key-collapse",
       {"generate", "--from-cloudtrail", "--access-key", "AKIAYEXAMPLEALICE001", "--collapse", "2",
        kAlice},
       ""},
      {"generate-whole-trail", {"generate", "--from-cloudtrail", kAlice}, ""},
  };
  for (const GenerateCase& c : cases) CheckCase(c);
}

TEST_CASE("generate cli: a workload's events, filters, failed events", "[cli][generate]") {
  const std::vector<GenerateCase> cases = {
      {"generate-workload", {"generate", "--from-cloudtrail", kWorkload}, ""},
      {"generate-workload-role-successful",
       {"generate", "--from-cloudtrail", "--role", "app-role", "--only-successful", kWorkload}, ""},
      {"generate-stdin-eventbridge",
       {"generate", "--from-cloudtrail", "-"}, kFixtures + "eventbridge.json"},
      {"generate-collapse",
       {"generate", "--from-cloudtrail", kFixtures + "seven-objects.json"}, ""},
  };
  for (const GenerateCase& c : cases) CheckCase(c);
}

TEST_CASE("generate cli: request cases", "[cli][generate]") {
  CheckCase({"generate-cases", {"generate", kFixtures + "requests.jsonl"}, ""});
}

TEST_CASE("generate cli: errors and usage", "[cli][generate]") {
  const std::vector<GenerateCase> cases = {
      {"generate-help", {"generate", "--help"}, ""},
      {"generate-no-files", {"generate"}, ""},
      {"generate-filter-needs-cloudtrail", {"generate", "--user", "alice", kAlice}, ""},
      {"generate-no-match", {"generate", "--from-cloudtrail", "--user", "nobody", kAlice}, ""},
      {"generate-not-json", {"generate", "--from-cloudtrail", kFixtures + "not-json.json"}, ""},
      {"generate-broken-line", {"generate", "--from-cloudtrail", kFixtures + "broken-line.jsonl"}, ""},
      {"generate-trail-as-cases", {"generate", kAlice}, ""},
      {"generate-missing-file", {"generate", "--from-cloudtrail", "no/such/trail.json"}, ""},
      {"generate-bad-format", {"generate", "--format", "yaml", kAlice}, ""},
  };
  for (const GenerateCase& c : cases) CheckCase(c);
}

}  // namespace
}  // namespace iamlint
