#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("condition-key-not-applicable: s3:prefix with GetObject only", "[lint][checks]") {
  std::string json =
      OneStatement("'s3:GetObject'", "'*'", "'Condition':{'StringLike':{'s3:prefix':'home/*'}}");
  auto run = RunCheck("condition-key-not-applicable", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"s3:prefix") +
                             " warning condition-key-not-applicable: condition key `s3:prefix` "
                             "does not apply to `s3:GetObject`"});
}

TEST_CASE("condition-key-not-applicable: a key of another service", "[lint][checks]") {
  std::string json = OneStatement("['s3:GetObject','s3:PutObject']", "'*'",
                                  "'Condition':{'StringEquals':{'ec2:InstanceType':'t3.micro'}}");
  auto run = RunCheck("condition-key-not-applicable", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"ec2:InstanceType") +
                             " warning condition-key-not-applicable: condition key "
                             "`ec2:InstanceType` does not apply to any action of the statement"});
}

TEST_CASE("condition-key-not-applicable: only when provable", "[lint][checks]") {
  const char* rows[][2] = {
      {"'s3:ListBucket'", "'s3:prefix'"},
      {"['s3:GetObject','s3:ListBucket']", "'s3:prefix'"},
      {"'s3:*'", "'s3:prefix'"},
      {"'*'", "'s3:prefix'"},
      {"'s3:GetObject'", "'aws:SourceIp'"},          // global
      {"['s3:GetObject','nosuch:X']", "'s3:prefix'"},  // unknown action: not provable
      {"'s3:GetObject'", "'s3:ExistingObjectTag/team'"},
  };
  for (auto& row : rows) {
    CAPTURE(row[0], row[1]);
    std::string extra = std::string("'Condition':{'StringEquals':{") + row[1] + ":'x'}}";
    CHECK(RunCheck("condition-key-not-applicable", OneStatement(row[0], "'*'", extra))
              .findings.empty());
  }
  std::string json = iamlint::testing::Q(
      "{'Version':'2012-10-17','Statement':[{'Effect':'Deny','NotAction':'s3:GetObject',"
      "'Resource':'*','Condition':{'StringEquals':{'ec2:InstanceType':'x'}}}]}");
  CHECK(RunCheck("condition-key-not-applicable", json).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
