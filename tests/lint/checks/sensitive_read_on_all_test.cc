// sensitive-read-on-all: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("sensitive-read-on-all: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':['kms:Decrypt','secretsmanager:GetSecretValue'],'Resource':'*'}]}");
  auto run = RunCheck("sensitive-read-on-all", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning sensitive-read-on-all: " +
              "a principal with this policy can read every secret, parameter and KMS-encrypted value (`kms:Decrypt` and `secretsmanager:GetSecretValue` on all resources)"});
}

TEST_CASE("sensitive-read-on-all: negative", "[lint][checks]") {
  CHECK(RunCheck("sensitive-read-on-all", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'secretsmanager:GetSecretValue','Resource':'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app-*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
