// sensitive-actions-without-mfa: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("sensitive-actions-without-mfa: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'iam:CreateAccessKey','Resource':'*'}]}");
  auto run = RunCheck("sensitive-actions-without-mfa", json, PolicyKind::kIdentity, AttachedTo::kUser);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning sensitive-actions-without-mfa: " +
              "sensitive actions allowed without MFA: `iam:CreateAccessKey`"});
  CHECK(run.notes() == std::vector<std::string>{"add \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"});
}

TEST_CASE("sensitive-actions-without-mfa: negative", "[lint][checks]") {
  CHECK(RunCheck("sensitive-actions-without-mfa", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'iam:CreateAccessKey','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}]}"), PolicyKind::kIdentity, AttachedTo::kUser).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
