// privilege-escalation: a positive case with its exact position and message, and a negative case.
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

TEST_CASE("privilege-escalation: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Sid':'S1','Effect':'Allow','Action':['iam:CreatePolicyVersion'],'Resource':'*'}]}");
  auto run = RunCheck("privilege-escalation", json, PolicyKind::kIdentity, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"Action\"") + " warning privilege-escalation: " +
              "privilege escalation (iam-001): a principal with this policy can rewrite a managed policy attached to itself into full admin (`iam:CreatePolicyVersion` on all resources)"});
  CHECK(run.notes() == std::vector<std::string>{"self-contained: needs nothing but this policy"});
}

TEST_CASE("privilege-escalation: negative", "[lint][checks]") {
  CHECK(RunCheck("privilege-escalation", Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'iam:*','Resource':'*'},{'Effect':'Deny','Action':'iam:*','Resource':'*'}]}"), PolicyKind::kIdentity, AttachedTo::kUnknown).findings.empty());
}

TEST_CASE("privilege-escalation: recipes need every action; a PassRole pair is flagged with its note",
          "[lint][checks]") {
  auto run = RunCheck("privilege-escalation",
                      Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':"
                        "['iam:PassRole','lambda:CreateFunction'],'Resource':'*'}]}"),
                      PolicyKind::kIdentity);
  CHECK(run.findings.empty());  // lambda-001 also needs lambda:InvokeFunction
  run = RunCheck("privilege-escalation",
                 Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':"
                   "['iam:PassRole','ec2:RunInstances'],'Resource':'*'}]}"),
                 PolicyKind::kIdentity);
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].message.starts_with("privilege escalation (ec2-001): "));
  CHECK(run.notes() == std::vector<std::string>{
                           "needs an existing privileged target (a role, user, function or instance)"});
}

TEST_CASE("privilege-escalation: a resource-limited grant is info", "[lint][checks]") {
  auto run = RunCheck("privilege-escalation",
                      Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':"
                        "'iam:CreatePolicyVersion','Resource':'arn:aws:iam::111122223333:policy/app'}]}"),
                      PolicyKind::kIdentity);
  REQUIRE(run.findings.size() == 1);
  CHECK(run.findings[0].severity == Severity::kInfo);
}

}  // namespace
}  // namespace iamlint::lint
