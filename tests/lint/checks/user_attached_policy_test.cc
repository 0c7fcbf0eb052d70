// user-attached-policy: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("user-attached-policy: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}");
  auto run = RunCheck("user-attached-policy", json, PolicyKind::kIdentity, AttachedTo::kUser);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "[") + " warning user-attached-policy: " +
              "policy attached directly to an IAM user: attach it to a group, or give the workload a role"});
  CHECK(run.notes() == std::vector<std::string>{"people: IAM Identity Center; EC2: an instance profile; CI: OIDC federation (no long-lived keys to leak)"});
}

TEST_CASE("user-attached-policy: negative (not attached to a user)", "[lint][checks]") {
  CHECK(RunCheck("user-attached-policy", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}"), PolicyKind::kIdentity, AttachedTo::kRole).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
