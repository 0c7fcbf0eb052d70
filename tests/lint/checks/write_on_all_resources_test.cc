// write-on-all-resources: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("write-on-all-resources: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':['sqs:SendMessage','sqs:Get*'],'Resource':'*'}]}");
  auto run = RunCheck("write-on-all-resources", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " info write-on-all-resources: " +
              "a principal with this policy can use 1 action of level Write on all resources (`sqs:SendMessage`)"});
}

TEST_CASE("write-on-all-resources: negative", "[lint][checks]") {
  CHECK(RunCheck("write-on-all-resources", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'sqs:SendMessage','Resource':'arn:aws:sqs:eu-west-1:111122223333:q'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
