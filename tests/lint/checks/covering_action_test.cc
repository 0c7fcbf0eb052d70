// PreparedCovers against ActionValueCovers, and FindCoveringActions against
// its quadratic reference, on hand-picked values, seeded random lists and
// every statement of the embedded AWS managed policies.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/catalog/managed_policies.h"
#include "lint/checks/check_util.h"
#include "lint/checks/covering_action.h"
#include "tests/testing/test_util.h"

namespace iamlint::lint {
namespace {

const std::vector<std::string>& Pool() {
  static const std::vector<std::string> kPool = {
      "*",           "s3:*",          "S3:Get*",          "s3:GetObject",  "s3:getobject",
      "s3:Get?bject", "*:Describe*",  "ec2:Describe*",    "iam:*AccessKey*", "iam:CreateAccessKey",
      "",            "s3:",           "s3",               "s3:Unknown",    "s3:GetObject*",
      "s3:List*",    "s3:ListBucket", "ec2:*Instances",   "ec2:RunInstances", "s3:G*t*",
      "EC2:describeinstances", "ec2:DescribeInstances", "s3:Get", "nosuchservice:*",
      "nosuchservice:Do", "iam:PassRole", "iam:Pass*", "*Role", "i*"};
  return kPool;
}

std::vector<PreparedAction> Prepare(const std::vector<std::string>& values) {
  std::vector<PreparedAction> prepared;
  for (const std::string& v : values) prepared.push_back(PrepareAction(Catalog::BuiltIn(), v));
  return prepared;
}

TEST_CASE("PreparedCovers answers as ActionValueCovers", "[lint][checks]") {
  const Catalog& catalog = Catalog::BuiltIn();
  std::vector<PreparedAction> prepared = Prepare(Pool());
  for (size_t i = 0; i < Pool().size(); ++i) {
    for (size_t j = 0; j < Pool().size(); ++j) {
      INFO(Pool()[j] << " covers " << Pool()[i]);
      CHECK(PreparedCovers(prepared[j], prepared[i]) ==
            ActionValueCovers(catalog, Pool()[j], Pool()[i]));
    }
  }
}

TEST_CASE("FindCoveringActions: duplicates, prefixes and patterns", "[lint][checks]") {
  std::vector<std::string> values = {"s3:GetObject", "s3:Get*", "S3:GETOBJECT",
                                     "s3:ListBucket", "iam:*AccessKey*", "iam:CreateAccessKey",
                                     "s3:*"};
  std::vector<size_t> covering = FindCoveringActions(Prepare(values));
  // s3:GetObject: covered by s3:Get* (1); s3:Get*: by s3:* (6); the second
  // GetObject: its earlier duplicate (0); ListBucket: s3:* (6); the
  // pattern: nothing; CreateAccessKey: the pattern (4); s3:*: nothing.
  CHECK(covering == std::vector<size_t>{1, 6, 0, 6, kNoCoveringAction, 4, kNoCoveringAction});
}

TEST_CASE("FindCoveringActions agrees with the reference on random lists", "[lint][checks]") {
  std::mt19937 rng(20261130);
  std::uniform_int_distribution<size_t> pick(0, Pool().size() - 1);
  for (size_t round = 0; round < 500; ++round) {
    std::vector<std::string> values(1 + round % 12);
    for (std::string& v : values) v = Pool()[pick(rng)];
    std::vector<PreparedAction> prepared = Prepare(values);
    INFO("round " << round);
    REQUIRE(FindCoveringActions(prepared) == FindCoveringActionsReference(prepared));
  }
}

TEST_CASE("FindCoveringActions agrees with the reference on the AWS managed policies",
          "[lint][checks]") {
  size_t statements = 0;
  for (const ManagedPolicyInfo& info : ManagedPolicyLibrary::BuiltIn().all()) {
    testing::PolicyResult parsed = testing::ParsePolicy(std::string(info.document));
    REQUIRE(parsed.policy);
    for (const Statement& st : parsed.policy->statements) {
      if (!st.action) continue;
      std::vector<PreparedAction> prepared;
      for (const LocatedString& v : st.action->values) {
        prepared.push_back(PrepareAction(Catalog::BuiltIn(), v.value));
      }
      INFO(info.name);
      REQUIRE(FindCoveringActions(prepared) == FindCoveringActionsReference(prepared));
      ++statements;
    }
  }
  CHECK(statements > 5000);
}

}  // namespace
}  // namespace iamlint::lint
