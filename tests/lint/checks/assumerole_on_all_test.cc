// assumerole-on-all: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("assumerole-on-all: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}]}");
  auto run = RunCheck("assumerole-on-all", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning assumerole-on-all: " +
              "a principal with this policy can assume any role that trusts this account (`sts:AssumeRole` on all resources)"});
}

TEST_CASE("assumerole-on-all: negative", "[lint][checks]") {
  CHECK(RunCheck("assumerole-on-all", Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'},{'Effect':'Deny','Action':'sts:*','Resource':'*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
