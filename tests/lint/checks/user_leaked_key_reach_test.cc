// user-leaked-key-reach: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("user-leaked-key-reach: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}");
  auto run = RunCheck("user-leaked-key-reach", json, PolicyKind::kIdentity, AttachedTo::kUser);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " error user-leaked-key-reach: " +
              "a leaked access key of this user can read every object in every S3 bucket (`s3:GetObject` on all resources, no MFA needed)"});
  CHECK(run.notes() == std::vector<std::string>{"use a role instead: an instance profile for EC2, OIDC federation for CI, IAM Identity Center for people"});
}

TEST_CASE("user-leaked-key-reach: negative", "[lint][checks]") {
  CHECK(RunCheck("user-leaked-key-reach", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}]}"), PolicyKind::kIdentity, AttachedTo::kUser).findings.empty());
}

TEST_CASE("user-leaked-key-reach: only for users", "[lint][checks]") {
  CHECK(RunCheck("user-leaked-key-reach",
                 Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"),
                 PolicyKind::kIdentity, AttachedTo::kRole)
            .findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
