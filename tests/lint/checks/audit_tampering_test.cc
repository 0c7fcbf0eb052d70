// audit-tampering: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("audit-tampering: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'cloudtrail:*','Resource':'*'}]}");
  auto run = RunCheck("audit-tampering", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning audit-tampering: " +
              "a principal with this policy can stop CloudTrail logging (and 3 more) (`cloudtrail:StopLogging`, `cloudtrail:DeleteTrail`, `cloudtrail:UpdateTrail` and 1 more on all resources)"});
}

TEST_CASE("audit-tampering: negative", "[lint][checks]") {
  CHECK(RunCheck("audit-tampering", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':['cloudtrail:LookupEvents','cloudtrail:DescribeTrails'],'Resource':'*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
