// oidc-trust-without-aud-sub: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("oidc-trust-without-aud-sub: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'},'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'}}}]}");
  auto run = RunCheck("oidc-trust-without-aud-sub", json, PolicyKind::kTrust, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"arn:aws:iam::111122223333:oidc") + " error oidc-trust-without-aud-sub: " +
              "OIDC trust of `token.actions.githubusercontent.com` without a condition on `sub`: every identity the provider issues tokens for can assume this role"});
  CHECK(run.notes() == std::vector<std::string>{"add a condition on `token.actions.githubusercontent.com:sub` naming the repository, branch or service account"});
}

TEST_CASE("oidc-trust-without-aud-sub: negative", "[lint][checks]") {
  CHECK(RunCheck("oidc-trust-without-aud-sub", Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'},'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},'StringLike':{'token.actions.githubusercontent.com:sub':'repo:org/app:*'}}}]}"), PolicyKind::kTrust, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
