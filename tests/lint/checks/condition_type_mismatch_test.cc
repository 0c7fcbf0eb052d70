#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("condition-type-mismatch: a string operator on an IP key", "[lint][checks]") {
  std::string json = OneStatement("'s3:GetObject'", "'*'",
                                  "'Condition':{'StringEquals':{'aws:SourceIp':'10.0.0.0/8'}}");
  auto run = RunCheck("condition-type-mismatch", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"StringEquals") +
                             " warning condition-type-mismatch: `StringEquals` compares "
                             "`aws:SourceIp` as the wrong type: the key is IPAddress"});
  CHECK(run.notes() == std::vector<std::string>{"use a `IpAddress` operator"});
}

TEST_CASE("condition-type-mismatch: typed operators on other types", "[lint][checks]") {
  const char* bad[][2] = {
      {"NumericLessThan", "aws:username"},
      {"DateGreaterThan", "aws:SourceIp"},
      {"Bool", "aws:CurrentTime"},
      {"IpAddress", "aws:username"},
      {"ArnEquals", "aws:SecureTransport"},
  };
  for (auto& row : bad) {
    CAPTURE(row[0], row[1]);
    std::string extra = std::string("'Condition':{'") + row[0] + "':{'" + row[1] + "':'1'}}";
    CHECK(RunCheck("condition-type-mismatch", OneStatement("'s3:*'", "'*'", extra))
              .findings.size() == 1);
  }
  const char* good[][2] = {
      {"StringEquals", "aws:username"},  {"IpAddress", "aws:SourceIp"},
      {"DateLessThan", "aws:CurrentTime"}, {"Bool", "aws:SecureTransport"},
      {"StringEquals", "aws:SecureTransport"}, {"ArnLike", "aws:PrincipalArn"},
      {"StringLike", "aws:PrincipalArn"}, {"Null", "aws:SourceIp"},
      {"NumericLessThan", "s3:max-keys"}, {"StringEquals", "nosuch:key"},
  };
  for (auto& row : good) {
    CAPTURE(row[0], row[1]);
    std::string extra = std::string("'Condition':{'") + row[0] + "':{'" + row[1] + "':'1'}}";
    CHECK(RunCheck("condition-type-mismatch", OneStatement("'s3:*'", "'*'", extra))
              .findings.empty());
  }
}

TEST_CASE("condition-type-mismatch: a string compare with a policy variable is fine",
          "[lint][checks]") {
  std::string json = OneStatement(
      "'s3:*'", "'*'",
      "'Condition':{'StringNotEquals':{'aws:Ec2InstanceSourcePrivateIPv4':'${aws:VpcSourceIp}'}}");
  CHECK(RunCheck("condition-type-mismatch", json).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
