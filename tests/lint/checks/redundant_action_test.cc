#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("redundant-action: covered by a pattern, and duplicates", "[lint][checks]") {
  std::string json = OneStatement("['s3:GetObject','s3:Get*','s3:get*','ec2:RunInstances']", "'*'");
  auto run = RunCheck("redundant-action", json);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"s3:GetObject") +
                  " info redundant-action: `s3:GetObject` is already covered by `s3:Get*`",
              PositionOf(json, "\"s3:get*") + " info redundant-action: duplicate action `s3:get*`"});
}

TEST_CASE("redundant-action: distinct actions are not redundant", "[lint][checks]") {
  for (const char* actions : {"['s3:GetObject','s3:PutObject']", "['s3:Get*','s3:List*']",
                              "['s3:*Object','s3:Get*']", "['s3:GetObject']"}) {
    CAPTURE(actions);
    CHECK(RunCheck("redundant-action", OneStatement(actions, "'*'")).findings.empty());
  }
}

}  // namespace
}  // namespace iamlint::lint
