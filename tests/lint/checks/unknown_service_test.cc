#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("unknown-service flags an action of a service that does not exist", "[lint][checks]") {
  std::string json = OneStatement("['s3:GetObject','cloudwatchlogs:PutLogEvents']", "'*'");
  auto run = RunCheck("unknown-service", json);
  std::string date = Catalog::BuiltIn().info().updated.substr(0, 10);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"cloudwatchlogs") +
              " warning unknown-service: unknown service `cloudwatchlogs` in "
              "`cloudwatchlogs:PutLogEvents`: not in the catalog of " + date});
}

TEST_CASE("unknown-service suggests the closest prefix", "[lint][checks]") {
  auto run = RunCheck("unknown-service", OneStatement("'ecc2:RunInstances'", "'*'"));
  REQUIRE(run.findings.size() == 1);
  CHECK(run.notes() == std::vector<std::string>{"did you mean `ec2`?"});
}

TEST_CASE("unknown-service accepts known services, any case, and leaves malformed ones",
          "[lint][checks]") {
  for (const char* action : {"'S3:GetObject'", "'*'", "'iam:*'", "['s*:Get*']", "'x'"}) {
    CAPTURE(action);
    CHECK(RunCheck("unknown-service", OneStatement(action, "'*'")).findings.empty());
  }
}

}  // namespace
}  // namespace iamlint::lint
