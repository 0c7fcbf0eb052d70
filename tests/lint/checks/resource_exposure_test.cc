// resource-exposure: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("resource-exposure: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:PutBucketPolicy','Resource':'*'}]}");
  auto run = RunCheck("resource-exposure", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning resource-exposure: " +
              "a principal with this policy can make any S3 bucket public or shared with another account (`s3:PutBucketPolicy` on all resources)"});
}

TEST_CASE("resource-exposure: negative", "[lint][checks]") {
  CHECK(RunCheck("resource-exposure", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:GetBucketPolicy','Resource':'*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
