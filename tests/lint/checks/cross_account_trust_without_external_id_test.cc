// cross-account-trust-without-external-id: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("cross-account-trust-without-external-id: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::444455556666:root'},'Action':'sts:AssumeRole'}]}");
  auto run = RunCheck("cross-account-trust-without-external-id", json, PolicyKind::kTrust, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"arn:aws:iam::444455556666:root") + " warning cross-account-trust-without-external-id: " +
              "role trusts account `444455556666` without `sts:ExternalId` or another condition: any principal that account allows can assume it (confused deputy for third parties)"});
  CHECK(run.notes() == std::vector<std::string>{"add \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"...\"}}, or limit with `aws:PrincipalArn`"});
}

TEST_CASE("cross-account-trust-without-external-id: negative", "[lint][checks]") {
  CHECK(RunCheck("cross-account-trust-without-external-id", Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::444455556666:root'},'Action':'sts:AssumeRole','Condition':{'StringEquals':{'sts:ExternalId':'a1b2'}}}]}"), PolicyKind::kTrust, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
