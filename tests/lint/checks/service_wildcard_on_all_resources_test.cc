// service-wildcard-on-all-resources: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("service-wildcard-on-all-resources: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':['s3:*','sqs:Get*'],'Resource':'*'}]}");
  auto run = RunCheck("service-wildcard-on-all-resources", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning service-wildcard-on-all-resources: " +
              "a principal with this policy can perform every action of `s3` on all resources"});
}

TEST_CASE("service-wildcard-on-all-resources: negative", "[lint][checks]") {
  CHECK(RunCheck("service-wildcard-on-all-resources", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
