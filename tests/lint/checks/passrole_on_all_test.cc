// passrole-on-all: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("passrole-on-all: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'iam:Pass*','Resource':'*'}]}");
  auto run = RunCheck("passrole-on-all", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning passrole-on-all: " +
              "a principal with this policy can pass any role to any service (`iam:PassRole` on all resources)"});
}

TEST_CASE("passrole-on-all: negative", "[lint][checks]") {
  CHECK(RunCheck("passrole-on-all", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'iam:PassRole','Resource':'arn:aws:iam::111122223333:role/app'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
