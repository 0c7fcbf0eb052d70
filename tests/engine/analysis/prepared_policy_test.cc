// PreparedPolicy (engine/analysis/prepared_policy.h): action runs, pattern
// coverage against its reference, condition keys.
#include "engine/analysis/prepared_policy.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::ParsePolicy;
using testing::Q;

const Catalog& Cat() { return Catalog::BuiltIn(); }

std::string Doc(const std::string& statements) {
  return Q("{'Version':'2012-10-17','Statement':[" + statements + "]}");
}

TEST_CASE("prepared: actions as runs, the same by Expand and by the reference scan",
          "[analysis]") {
  testing::PolicyResult parsed = ParsePolicy(
      Doc("{'Effect':'Allow','Action':'*','Resource':'*'},"
          "{'Effect':'Allow','Action':['s3:Get*','s3:GetObject','S3:LIST*'],'Resource':'*'},"
          "{'Effect':'Deny','NotAction':['iam:*','s3:Get*'],'Resource':'*'},"
          "{'Effect':'Allow','Action':['ec2:*Instances','*:Get*'],'Resource':'*'},"
          "{'Effect':'Allow','Resource':'*'}"),
      PolicyKind::kIdentity);
  REQUIRE(parsed.policy);
  auto fast = PreparedPolicy::Prepare(Cat(), *parsed.policy);
  auto reference = PreparedPolicy::Prepare(Cat(), *parsed.policy, /*reference=*/true);
  // The statement without Action is not usable.
  REQUIRE(fast->statements().size() == 4);
  REQUIRE(reference->statements().size() == 4);
  for (size_t i = 0; i < 4; ++i) CHECK(fast->statements()[i].actions == reference->statements()[i].actions);
  // `*`: one run over the whole catalog.
  CHECK(fast->statements()[0].actions ==
        std::vector<ActionRun>{{0, static_cast<ActionId>(Cat().action_count())}});
  // s3:Get* and s3:List*: two runs (GetObject inside the first).
  CHECK(fast->statements()[1].actions.size() == 2);
  // NotAction: everything but iam and s3:Get*: three runs.
  CHECK(fast->statements()[2].actions.size() == 3);
  CHECK(fast->statements()[2].action_count() ==
        Cat().action_count() - Cat().Expand("iam:*").size() - Cat().Expand("s3:Get*").size());
  // A wildcard service prefix matches nothing (semantics E7).
  CHECK(fast->statements()[3].action_count() == Cat().Expand("ec2:*Instances").size());
}

TEST_CASE("prepared: whole-resource patterns agree with the reference test", "[analysis]") {
  const std::vector<std::string> patterns = {
      "arn:*",           "arn:aws:s3:::*",          "arn:aws:s3:::bucket/*",
      "arn:*:iam::*:role/*", "arn:aws:iam::*:user/*", "arn:aws:ec2:*:*:instance/*",
      "arn:aws:EC2:*:*:Instance/*", "arn:aws:*:*:*:*", "arn:aws-cn:s3:::*",
      "arn:aws:ec2:us-east-1:*:instance/*", "arn:aws:sqs:*:*:*", "arn:aws:sqs:*:*:q",
      "ARN:aws:kms:*:*:key/*", "arn:aws:kms:*:*:key:*", "arn:aws:s3:::*/*", "arn:aws:s3",
      "arn:aws:lambda:*:*:function:*"};
  std::string resources;
  for (const std::string& p : patterns) resources += (resources.empty() ? "'" : ",'") + p + "'";
  testing::PolicyResult parsed = ParsePolicy(
      Doc("{'Effect':'Allow','Action':'*','Resource':[" + resources + "]}"), PolicyKind::kIdentity);
  REQUIRE(parsed.policy);
  auto prepared = PreparedPolicy::Prepare(Cat(), *parsed.policy);
  REQUIRE(prepared->statements().size() == 1);
  const std::vector<PreparedPattern>& prepared_patterns = prepared->statements()[0].patterns;
  REQUIRE(prepared_patterns.size() == patterns.size());
  size_t covered = 0;
  for (ActionId id = 0; id < Cat().action_count(); id += 7) {
    for (const PreparedPattern& p : prepared_patterns) {
      const bool fast = PatternCoversAll(Cat(), id, p);
      CAPTURE(p.text, Cat().FullName(id));
      REQUIRE(fast == PatternCoversAllReference(Cat(), id, p.text));
      if (fast) ++covered;
    }
  }
  CHECK(covered > 3000);
}

TEST_CASE("prepared: condition keys, lower-cased and unique", "[analysis]") {
  testing::PolicyResult parsed = ParsePolicy(
      Doc("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{"
          "'StringEquals':{'aws:Username':'alice','aws:PrincipalTag/team':'x'},"
          "'Bool':{'aws:MultiFactorAuthPresent':'true'}}},"
          "{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{"
          "'StringEquals':{'aws:username':'bob'}}}"),
      PolicyKind::kIdentity);
  REQUIRE(parsed.policy);
  auto prepared = PreparedPolicy::Prepare(Cat(), *parsed.policy);
  CHECK(prepared->condition_keys() ==
        std::vector<std::string>{"aws:multifactorauthpresent", "aws:principaltag/team",
                                 "aws:username"});
}

}  // namespace
}  // namespace iamlint
