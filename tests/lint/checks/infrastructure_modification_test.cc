// infrastructure-modification: a positive case with its exact position and message, and a negative case.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using iamlint::testing::Q;
using testing::RunCheck;

TEST_CASE("infrastructure-modification: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'ec2:AuthorizeSecurityGroupIngress','Resource':'*'}]}");
  auto run = RunCheck("infrastructure-modification", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning infrastructure-modification: " +
              "a principal with this policy can open any security group to the internet (`ec2:AuthorizeSecurityGroupIngress` on all resources)"});
}

TEST_CASE("infrastructure-modification: negative", "[lint][checks]") {
  CHECK(RunCheck("infrastructure-modification", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'ec2:DescribeSecurityGroups','Resource':'*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
