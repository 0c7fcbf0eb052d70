#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("unknown-condition-key flags misspelt aws: and service keys", "[lint][checks]") {
  std::string json = OneStatement(
      "'s3:ListBucket'", "'*'",
      "'Condition':{'IpAddress':{'aws:SourceIps':'10.0.0.0/8'},'StringLike':{'s3:prefixes':'a'}}");
  auto run = RunCheck("unknown-condition-key", json);
  std::string date = Catalog::BuiltIn().info().updated.substr(0, 10);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"aws:SourceIps") +
                  " warning unknown-condition-key: unknown condition key `aws:SourceIps`: not in "
                  "the catalog of " + date,
              PositionOf(json, "\"s3:prefixes") +
                  " warning unknown-condition-key: unknown condition key `s3:prefixes`: not in "
                  "the catalog of " + date});
}

TEST_CASE("unknown-condition-key accepts known keys, tag families and IdP keys",
          "[lint][checks]") {
  for (const char* key : {"aws:sourceip", "s3:prefix", "aws:PrincipalTag/team",
                          "secretsmanager:ResourceTag/aws:secretsmanager:owningService",
                          "token.actions.githubusercontent.com:sub", "saml:aud", "foo:bar"}) {
    CAPTURE(key);
    std::string extra = std::string("'Condition':{'StringEquals':{'") + key + "':'x'}}";
    CHECK(RunCheck("unknown-condition-key", OneStatement("'s3:*'", "'*'", extra)).findings.empty());
  }
}

}  // namespace
}  // namespace iamlint::lint
