// data-exfiltration: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("data-exfiltration: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':'secretsmanager:Get*','Resource':'*'}]}");
  auto run = RunCheck("data-exfiltration", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning data-exfiltration: " +
              "a principal with this policy can read every secret in Secrets Manager (`secretsmanager:GetSecretValue` on all resources)"});
}

TEST_CASE("data-exfiltration: negative", "[lint][checks]") {
  CHECK(RunCheck("data-exfiltration", Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'secretsmanager:*','Resource':'*'},{'Effect':'Deny','Action':'secretsmanager:GetSecretValue','Resource':'*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

TEST_CASE("data-exfiltration: a condition makes it info and says which", "[lint][checks]") {
  auto run = RunCheck("data-exfiltration",
                      Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:Get*',"
                        "'Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}]}"),
                      PolicyKind::kIdentity);
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].severity == Severity::kInfo);
  CHECK(run.findings[0].message ==
        "a principal with this policy can read every object in every S3 bucket only with MFA "
        "(`s3:GetObject` on all resources)");
}

TEST_CASE("data-exfiltration: resource policies are not judged", "[lint][checks]") {
  CHECK(RunCheck("data-exfiltration",
                 Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':"
                   "'arn:aws:iam::111122223333:root'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}"),
                 PolicyKind::kResource)
            .findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
