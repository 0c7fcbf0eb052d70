// allow-notaction: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("allow-notaction: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','NotAction':['iam:*','organizations:*','account:*'],'Resource':'*'}]}");
  auto run = RunCheck("allow-notaction", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"NotAction\"") + " warning allow-notaction: " +
              "`Allow` with `NotAction` grants 21821 actions: every action except those listed, including ones AWS adds later"});
}

TEST_CASE("allow-notaction: negative", "[lint][checks]") {
  CHECK(RunCheck("allow-notaction", Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'iam:Get*','Resource':'*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
