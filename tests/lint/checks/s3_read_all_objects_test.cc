// s3-read-all-objects: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("s3-read-all-objects: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:Ge*','Resource':'*'}]}");
  auto run = RunCheck("s3-read-all-objects", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning s3-read-all-objects: " +
              "a principal with this policy can read every object in every S3 bucket (`s3:GetObject` and `s3:GetObjectVersion` on all resources)"});
}

TEST_CASE("s3-read-all-objects: negative", "[lint][checks]") {
  CHECK(RunCheck("s3-read-all-objects", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::reports/*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
