// Golden tests of the `iamlint` binary: each case runs the built binary
// (IAMLINT_BINARY) with the source root as its working directory, so every
// path in the output is relative, and compares stdout, stderr and the exit
// code with tests/golden/cli/<name>.{stdout,stderr,exit}. The first line of
// each golden file names the command ("# iamlint ARGS [< STDIN]").
// IAMLINT_UPDATE_GOLDEN=1 rewrites the files; review the diff before
// committing (tests/golden/README.md).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/golden.h"
#include "tests/testing/process.h"

namespace iamlint {
namespace {

using testing::CheckGolden;
using testing::GoldenCheck;
using testing::GoldenPath;
using testing::ProcessResult;
using testing::RunProcess;

struct CliCase {
  std::string name;               // golden file stem under tests/golden/cli/
  std::vector<std::string> args;  // arguments after `iamlint`
  std::string stdin_file;         // fed to stdin, relative to the source root
  std::string stdin_text;         // or this text (stdin_label names it)
  std::string stdin_label;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Header(const CliCase& c) {
  std::string header = "# iamlint";
  for (const std::string& a : c.args) header += " " + a;
  if (!c.stdin_file.empty()) header += " < " + c.stdin_file;
  if (!c.stdin_label.empty()) header += " < " + c.stdin_label;
  return header;
}

ProcessResult Run(const CliCase& c) {
  std::vector<std::string> argv = {IAMLINT_BINARY};
  argv.insert(argv.end(), c.args.begin(), c.args.end());
  std::string input = c.stdin_text;
  if (!c.stdin_file.empty()) input = ReadFile(std::string(IAMLINT_SOURCE_DIR) + "/" + c.stdin_file);
  return RunProcess(argv, IAMLINT_SOURCE_DIR, input);
}

void CheckCase(const CliCase& c) {
  CAPTURE(c.name, Header(c));
  ProcessResult r = Run(c);
  const std::string stem = GoldenPath("cli/" + c.name);
  GoldenCheck out = CheckGolden(stem + ".stdout", Header(c), r.out);
  GoldenCheck err = CheckGolden(stem + ".stderr", Header(c), r.err);
  GoldenCheck code = CheckGolden(stem + ".exit", Header(c), std::to_string(r.exit_code) + "\n");
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

// A policy with 12,000 statements that each lack Resource: more findings
// than one file may report.
std::string ManyFindings() {
  std::string text = "{\"Version\": \"2012-10-17\", \"Statement\": [";
  // 6,000 statements (the builder reads up to 8,192), each with an invalid
  // Sid and no Resource: 12,000 errors, and two for the size.
  for (int i = 0; i < 6000; ++i) {
    text += "{\"Sid\": \"s " + std::to_string(i) + "\", \"Effect\": \"Allow\", \"Action\": \"*\"},";
  }
  text.back() = ']';
  return text + "}";
}

const std::string kClean = "samples/policies/identity/ec2-s3-list-buckets.json";
const std::string kTrust = "samples/policies/trust/ec2-role-trust.json";
const std::string kBroken = "samples/policies/broken/many-mistakes.json";
const std::string kBucket = "samples/policies/resource/s3-bucket-reports.json";
const std::string kScp = "samples/policies/scp/deny-outside-eu-regions.json";
const std::string kWarnings = "tests/golden/cli/inputs/warnings-only.json";
const std::string kInfos = "tests/golden/cli/inputs/info-only.json";

TEST_CASE("cli: --help, --version and usage errors", "[cli]") {
  const std::vector<CliCase> cases = {
      {"help", {"--help"}, "", "", ""},
      {"help-lint", {"lint", "--help"}, "", "", ""},
      {"version", {"--version"}, "", "", ""},
      {"no-arguments", {}, "", "", ""},
      {"misspelt-command", {"simulat", "cases.jsonl"}, "", "", ""},
      {"bad-option", {"--bogus", kClean}, "", "", ""},
      {"bad-format", {"--format", "xml", kClean}, "", "", ""},
      {"bad-fail-on", {"--fail-on", "warnings", kClean}, "", "", ""},
      {"bad-policy-type", {"--policy-type", "inline", kClean}, "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

// `iamlint help [TOPIC]` (lint/cli/help_topics.h): the exact text of every
// topic, the topic list, a command's help, and an unknown topic.
TEST_CASE("cli: help topics", "[cli]") {
  const std::vector<CliCase> cases = {
      {"help-topic-list", {"help"}, "", "", ""},
      {"help-topic-exit-codes", {"help", "exit-codes"}, "", "", ""},
      {"help-topic-formats", {"help", "formats"}, "", "", ""},
      {"help-topic-config", {"help", "config"}, "", "", ""},
      {"help-topic-command", {"help", "catalog"}, "", "", ""},
      {"help-topic-unknown", {"help", "exit-code"}, "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("cli: text and json output for the clean and the broken sample", "[cli]") {
  const std::vector<CliCase> cases = {
      {"clean-text", {kClean}, "", "", ""},
      {"clean-json", {"--format", "json", kClean}, "", "", ""},
      {"broken-text", {kBroken}, "", "", ""},
      {"broken-json", {"--format", "json", kBroken}, "", "", ""},
      {"lint-subcommand", {"lint", kTrust}, "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("cli: --fail-on thresholds decide the exit code", "[cli]") {
  const std::vector<CliCase> cases = {
      {"fail-on-default-warnings", {kWarnings}, "", "", ""},
      {"fail-on-error-warnings", {"--fail-on", "error", kWarnings}, "", "", ""},
      {"fail-on-warning-warnings", {"--fail-on", "warning", kWarnings}, "", "", ""},
      {"fail-on-info-warnings", {"--fail-on", "info", kWarnings}, "", "", ""},
      {"fail-on-warning-infos", {"--fail-on", "warning", kInfos}, "", "", ""},
      {"fail-on-info-infos", {"--fail-on", "info", kInfos}, "", "", ""},
      {"fail-on-never-broken", {"--fail-on", "never", kBroken}, "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("cli: --policy-type changes the findings, -v shows the kind", "[cli]") {
  const std::vector<CliCase> cases = {
      {"verbose-inferred-trust", {"-v", kTrust}, "", "", ""},
      {"verbose-json", {"-v", "--format", "json", kBucket}, "", "", ""},
      {"policy-type-identity-on-trust", {"--policy-type", "identity", "-v", kTrust}, "", "", ""},
      {"policy-type-rcp-on-bucket-policy", {"--policy-type", "rcp", kBucket}, "", "", ""},
      {"policy-type-scp", {"--policy-type", "scp", "--verbose", kScp}, "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("cli: stdin, folders and several files", "[cli]") {
  const std::vector<CliCase> cases = {
      {"stdin-trust", {"-v", "-"}, kTrust, "", ""},
      {"stdin-broken-json", {"--format", "json", "-"}, kBroken, "", ""},
      {"folder-samples", {"samples/policies"}, "", "", ""},
      {"files-in-given-order", {kBroken, kWarnings, kClean}, "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("cli: formats, check selection, config files and the checks command", "[cli]") {
  const std::vector<CliCase> cases = {
      {"broken-github", {"--format", "github", kBroken}, "", "", ""},
      {"disable-checks", {"--disable", "action-resource-mismatch,duplicate-sid", kBroken}, "", "",
       ""},
      {"bad-disable", {"--disable", "unknwon-action", kClean}, "", "", ""},
      {"config-missing-reason",
       {"--config", "tests/golden/cli/inputs/bad-config.yaml", kClean}, "", "", ""},
      {"config-suppressions", {"--config", "tests/golden/cli/inputs/suppress.yaml", kBroken}, "",
       "", ""},
      {"checks-doc", {"checks", "unknown-action"}, "", "", ""},
      {"checks-unknown", {"checks", "unknwon-action"}, "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("cli: sarif output is one SARIF 2.1.0 document", "[cli]") {
  ProcessResult r = RunProcess({IAMLINT_BINARY, "--format", "sarif", kBroken}, IAMLINT_SOURCE_DIR, "");
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(r.out.find("\"version\":\"2.1.0\"") != std::string::npos);
  CHECK(r.out.find("\"uri\":\"samples/policies/broken/many-mistakes.json\"") != std::string::npos);
}

// The README's check table is generated: `iamlint checks --format markdown`
// between the two markers. IAMLINT_UPDATE_GOLDEN=1 rewrites it in place.
TEST_CASE("cli: README's check table is the generated one", "[cli]") {
  const std::string begin = "<!-- BEGIN GENERATED: iamlint checks --format markdown -->\n";
  const std::string end = "<!-- END GENERATED -->";
  const std::string path = std::string(IAMLINT_SOURCE_DIR) + "/README.md";
  std::string readme = ReadFile(path);
  size_t b = readme.find(begin);
  size_t e = readme.find(end);
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  ProcessResult r =
      RunProcess({IAMLINT_BINARY, "checks", "--format", "markdown"}, IAMLINT_SOURCE_DIR, "");
  REQUIRE(r.exit_code == 0);
  std::string current = readme.substr(b + begin.size(), e - b - begin.size());
  if (current != r.out && std::getenv("IAMLINT_UPDATE_GOLDEN") != nullptr) {
    readme.replace(b + begin.size(), e - b - begin.size(), r.out);
    std::ofstream(path, std::ios::binary) << readme;
    current = r.out;
  }
  CHECK(current == r.out);
}

TEST_CASE("cli: templates, plans and account snapshots", "[cli]") {
  const std::vector<CliCase> cases = {
      {"cfn-leaky-user", {"samples/templates/leaky-user.yaml"}, "", "", ""},
      {"cfn-app-role", {"samples/templates/app-role.json"}, "", "", ""},
      {"cfn-serverless-json", {"--format", "json", "samples/templates/serverless.yaml"}, "", "", ""},
      {"tf-leaky-user", {"samples/terraform/leaky-user.plan.json"}, "", "", ""},
      {"tf-app-role-verbose", {"-v", "samples/terraform/app-role.plan.json"}, "", "", ""},
      {"account-story",
       {"--credentials", "samples/accounts/story-credentials.csv", "samples/accounts/story.json"},
       "", "", ""},
      {"account-story-github", {"--format", "github", "samples/accounts/story.json"}, "", "", ""},
      {"forced-format",
       {"--input-format", "cloudformation", "samples/policies/identity/ec2-s3-list-buckets.json"},
       "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("cli: unreadable and malformed inputs", "[cli]") {
  const std::vector<CliCase> cases = {
      {"missing-file", {"samples/policies/nope.json"}, "", "", ""},
      {"missing-and-present", {kClean, "samples/policies/nope.json"}, "", "", ""},
      {"too-large", {"--max-input-size", "100", kBucket}, "", "", ""},
      {"yaml-policy", {"tests/golden/cli/inputs/policy.yaml"}, "", "", ""},
      {"yaml-syntax", {"tests/golden/cli/inputs/broken.yaml"}, "", "", ""},
      {"empty-file", {"tests/golden/cli/inputs/empty.json"}, "", "", ""},
      {"truncated", {"tests/golden/cli/inputs/truncated.json"}, "", "", ""},
      {"binary-garbage", {"tests/golden/cli/inputs/garbage.bin"}, "", "", ""},
      {"deep-nesting-stdin", {"-"}, "", std::string(100000, '['), "100000 x ["},
      {"folder-without-json", {"engine/source"}, "", "", ""},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("cli: more findings than one file may report are counted and announced", "[cli]") {
  // Not a golden: the output is 10,000 findings long.
  ProcessResult r = RunProcess({IAMLINT_BINARY, "-"}, IAMLINT_SOURCE_DIR, ManyFindings());
  CHECK(r.exit_code == 1);
  size_t headers = 0;
  for (size_t at = r.out.find("<stdin>:1:"); at != std::string::npos;
       at = r.out.find("<stdin>:1:", at + 1)) {
    ++headers;
  }
  CHECK(headers == 10000);
  CHECK(r.err ==
        "iamlint: 2002 more findings not shown (at most 10000 per file)\n"
        "1 file checked: 12002 errors, 0 warnings, 0 infos\n");
}

}  // namespace
}  // namespace iamlint
