// Golden tests of `iamlint simulate`: the batch form (JSON Lines out,
// "N passed, N failed" on stderr, exit codes 0/1/2, malformed cases that do
// not stop the others) and the one-request form (text and json, --explain,
// derived context, the default principal). Goldens: tests/golden/simulate/.
// IAMLINT_UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/testing/golden.h"
#include "tests/testing/process.h"

namespace iamlint {
namespace {

struct SimulateCase {
  std::string name;
  std::vector<std::string> args;
  std::string stdin_text;
};

void CheckSimulate(const SimulateCase& c) {
  std::string header = "# iamlint";
  for (const std::string& a : c.args) header += " " + a;
  CAPTURE(c.name, header);
  std::vector<std::string> argv = {IAMLINT_BINARY};
  argv.insert(argv.end(), c.args.begin(), c.args.end());
  testing::ProcessResult r = testing::RunProcess(argv, IAMLINT_SOURCE_DIR, c.stdin_text);
  const std::string stem = testing::GoldenPath("simulate/" + c.name);
  testing::GoldenCheck out = testing::CheckGolden(stem + ".stdout", header, r.out);
  testing::GoldenCheck err = testing::CheckGolden(stem + ".stderr", header, r.err);
  testing::GoldenCheck code =
      testing::CheckGolden(stem + ".exit", header, std::to_string(r.exit_code) + "\n");
  INFO(out.message);
  CHECK(r.out == out.expected);
  INFO(err.message);
  CHECK(r.err == err.expected);
  CHECK(std::to_string(r.exit_code) + "\n" == code.expected);
  CHECK((out.ok && err.ok && code.ok));
}

const std::string kDemo = "samples/policies/identity/ec2-s3-list-buckets.json";
const std::string kBucket = "samples/policies/resource/s3-bucket-reports.json";
const std::string kBoundary = "samples/policies/boundary/developer-boundary.json";
const std::string kScp = "samples/policies/scp/deny-outside-eu-regions.json";

TEST_CASE("simulate: batch form", "[cli][simulate]") {
  const std::vector<SimulateCase> cases = {
      {"classic-demo", {"simulate", "samples/cases/classic-demo.jsonl"}, ""},
      {"conformance", {"simulate", "tests/conformance/cases.jsonl"}, ""},
      {"conformance-no-index", {"simulate", "--no-index", "tests/conformance/cases.jsonl"}, ""},
      {"mixed-batch", {"simulate", "tests/golden/simulate/inputs/mixed.jsonl"}, ""},
      {"explain-batch", {"simulate", "--explain", "samples/cases/classic-demo.jsonl"}, ""},
      {"stdin-array",
       {"simulate", "-"},
       R"([{"id":"a","request":{"principal":"arn:aws:iam::123456789012:root","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},"expect":"Allow"}])"},
      {"missing-file", {"simulate", "no/such/cases.jsonl"}, ""},
      {"no-input", {"simulate"}, ""},
  };
  for (const SimulateCase& c : cases) CheckSimulate(c);
}

TEST_CASE("simulate: one request", "[cli][simulate]") {
  const std::vector<SimulateCase> cases = {
      {"one-allow",
       {"simulate", "--policy", kDemo, "--principal",
        "arn:aws:sts::123456789012:assumed-role/ec2-s3-list/i-0abc", "--action",
        "s3:ListAllMyBuckets", "--resource", "*"},
       ""},
      {"one-deny-explain",
       {"simulate", "--policy", kDemo, "--action", "s3:GetObject", "--resource",
        "arn:aws:s3:::example-reports/q1.csv", "--explain"},
       ""},
      {"one-json-explain",
       {"simulate", "--policy", kDemo, "--action", "s3:ListAllMyBuckets", "--format", "json",
        "--explain"},
       ""},
      {"one-resource-policy",
       {"simulate", "--resource-policy", kBucket, "--principal",
        "arn:aws:iam::111122223333:user/alice", "--action", "s3:GetObject", "--resource",
        "arn:aws:s3:::example-reports/q1.csv", "--explain"},
       ""},
      {"one-boundary-scp",
       {"simulate", "--policy", kDemo, "--boundary", kBoundary, "--scp", kScp, "--action",
        "s3:ListAllMyBuckets", "--context", "aws:RequestedRegion=us-east-1", "--explain"},
       ""},
      {"one-expect-mismatch",
       {"simulate", "--policy", kDemo, "--action", "s3:GetObject", "--resource",
        "arn:aws:s3:::b/k", "--expect", "Allow"},
       ""},
      {"one-expect-match",
       {"simulate", "--policy", kDemo, "--action", "ec2:RunInstances", "--resource",
        "arn:aws:ec2:us-east-1:123456789012:instance/*", "--expect", "ImplicitDeny"},
       ""},
      {"one-bad-context", {"simulate", "--policy", kDemo, "--action", "s3:GetObject", "--context",
                           "novalue"},
       ""},
      {"one-and-batch", {"simulate", "--action", "s3:GetObject", "samples/cases/classic-demo.jsonl"},
       ""},
  };
  for (const SimulateCase& c : cases) CheckSimulate(c);
}

}  // namespace
}  // namespace iamlint
