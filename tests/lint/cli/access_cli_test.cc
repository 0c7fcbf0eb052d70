// Golden tests of `iamlint access` and `iamlint can` on the story account
// (samples/accounts/story.json): same harness as cli_test.cc, goldens under
// tests/golden/cli/access-*.{stdout,stderr,exit} and can-*.
// IAMLINT_UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
#include <catch2/catch.hpp>

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
};

std::string Header(const CliCase& c) {
  std::string header = "# iamlint";
  for (const std::string& a : c.args) header += " " + a;
  return header;
}

void CheckCase(const CliCase& c) {
  CAPTURE(c.name, Header(c));
  std::vector<std::string> argv = {IAMLINT_BINARY};
  argv.insert(argv.end(), c.args.begin(), c.args.end());
  ProcessResult r = RunProcess(argv, IAMLINT_SOURCE_DIR, "");
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

const std::string kStory = "samples/accounts/story.json";
const std::string kCredentials = "samples/accounts/story-credentials.csv";
const std::string kScp = "samples/policies/scp/deny-outside-eu-regions.json";
const std::string kBucket = "samples/policies/resource/s3-bucket-reports.json";

TEST_CASE("access cli: one principal, text and json", "[cli][access]") {
  const std::vector<CliCase> cases = {
      {"access-help", {"access", "--help"}},
      {"access-alice", {"access", "--account", kStory, "--credentials", kCredentials, "alice"}},
      {"access-alice-s3-read",
       {"access", "--account", kStory, "--service", "s3", "--level", "read", "alice"}},
      {"access-bob", {"access", "--account", kStory, "--credentials", kCredentials, "bob"}},
      {"access-bob-json", {"access", "--account", kStory, "--format", "json", "bob"}},
      {"access-role-arn",
       {"access", "--account", kStory, "arn:aws:iam::111122223333:role/ec2-list-buckets"}},
      {"access-alice-scp",
       {"access", "--account", kStory, "--scp", kScp, "--service", "ec2", "--level", "list", "alice"}},
      {"access-bob-bucket-policy",
       {"access", "--account", kStory, "--resource-policy", kBucket, "--service", "s3", "bob"}},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("access cli: --all ranking", "[cli][access]") {
  const std::vector<CliCase> cases = {
      {"access-all", {"access", "--account", kStory, "--credentials", kCredentials, "--all"}},
      {"access-all-roles-json",
       {"access", "--account", kStory, "--credentials", kCredentials, "--all", "--roles", "--format",
        "json"}},
      {"access-all-cfn", {"access", "--account", "samples/templates/leaky-user.yaml", "--all"}},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("access cli: usage errors", "[cli][access]") {
  const std::vector<CliCase> cases = {
      {"access-unknown-principal", {"access", "--account", kStory, "alcie"}},
      {"access-no-principal", {"access", "--account", kStory}},
      {"access-no-account", {"access", "alice"}},
      {"access-not-an-account",
       {"access", "--account", "samples/policies/identity/ec2-s3-list-buckets.json", "alice"}},
      {"access-bad-service", {"access", "--account", kStory, "--service", "s4", "alice"}},
      {"access-bad-context", {"access", "--account", kStory, "--context", "mfa", "alice"}},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

TEST_CASE("can cli: allow, deny, conditional and exit codes", "[cli][access]") {
  const std::vector<CliCase> cases = {
      {"can-help", {"can", "--help"}},
      {"can-alice-get-object", {"can", "--account", kStory, "alice", "s3:GetObject"}},
      {"can-bob-get-report",
       {"can", "--account", kStory, "bob", "s3:GetObject", "arn:aws:s3:::reports-bucket/q3.csv"}},
      {"can-bob-get-payroll",
       {"can", "--account", kStory, "bob", "s3:GetObject", "arn:aws:s3:::payroll-bucket/2026.csv"}},
      {"can-bob-get-object-any", {"can", "--account", kStory, "bob", "s3:GetObject"}},
      {"can-ec2-role-get-object",
       {"can", "--account", kStory, "ec2-list-buckets", "s3:GetObject", "--format", "json"}},
      {"can-alice-scp-region",
       {"can", "--account", kStory, "--scp", kScp, "alice", "ec2:RunInstances"}},
      {"can-alice-scp-us",
       {"can", "--account", kStory, "--scp", kScp, "--context", "aws:RequestedRegion=us-east-1",
        "alice", "ec2:RunInstances"}},
      {"can-unknown-action", {"can", "--account", kStory, "alice", "s3:GetObjekt"}},
  };
  for (const CliCase& c : cases) CheckCase(c);
}

}  // namespace
}  // namespace iamlint
