// compute-abuse: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("compute-abuse: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'ec2:RunInstances','Resource':'*'}]}");
  auto run = RunCheck("compute-abuse", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning compute-abuse: " +
              "a principal with this policy can start EC2 instances of any type in any region (crypto-mining) (`ec2:RunInstances` on all resources)"});
}

TEST_CASE("compute-abuse: negative", "[lint][checks]") {
  CHECK(RunCheck("compute-abuse", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'ec2:DescribeInstances','Resource':'*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
