// permissions-management-on-all-resources: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("permissions-management-on-all-resources: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':['s3:PutBucketPolicy','s3:GetObject'],'Resource':'*'}]}");
  auto run = RunCheck("permissions-management-on-all-resources", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning permissions-management-on-all-resources: " +
              "a principal with this policy can use 1 action of level Permissions management on all resources (`s3:PutBucketPolicy`)"});
}

TEST_CASE("permissions-management-on-all-resources: negative", "[lint][checks]") {
  CHECK(RunCheck("permissions-management-on-all-resources", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:PutBucketPolicy','Resource':'arn:aws:s3:::b'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
