// public-resource-policy: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("public-resource-policy: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'Pub','Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}");
  auto run = RunCheck("public-resource-policy", json, PolicyKind::kResource, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Principal\"") + " error public-resource-policy: " +
              "`Principal` `*` without a limiting condition: the resource is public (statement Pub)"});
  CHECK(run.notes() == std::vector<std::string>{"add a condition on `aws:PrincipalOrgID`, `aws:SourceAccount` or `aws:SourceVpce`, or name the principals"});
}

TEST_CASE("public-resource-policy: negative", "[lint][checks]") {
  CHECK(RunCheck("public-resource-policy", Q("{'Version':'2012-10-17','Statement':[{'Sid':'Org','Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*','Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-abc123'}}}]}"), PolicyKind::kResource, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
