#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("invalid-condition-value: a CIDR with a bad prefix", "[lint][checks]") {
  std::string json = OneStatement(
      "'s3:GetObject'", "'*'", "'Condition':{'IpAddress':{'aws:SourceIp':['10.0.0.0/8','10.0.0.0/33']}}");
  auto run = RunCheck("invalid-condition-value", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"10.0.0.0/33") +
                             " error invalid-condition-value: invalid value `10.0.0.0/33` for "
                             "`IpAddress`: expected an IP address or CIDR block"});
}

TEST_CASE("invalid-condition-value: each operator type", "[lint][checks]") {
  struct Row {
    const char* op;
    const char* key;
    const char* value;
    bool valid;
  };
  const Row rows[] = {
      {"DateLessThan", "aws:CurrentTime", "2026-13-01", false},
      {"DateLessThan", "aws:CurrentTime", "2026-01-31T12:00:00Z", true},
      {"DateLessThan", "aws:CurrentTime", "1700000000", true},
      {"NumericLessThan", "s3:max-keys", "ten", false},
      {"NumericLessThan", "s3:max-keys", "10", true},
      {"Bool", "aws:SecureTransport", "yes", false},
      {"Bool", "aws:SecureTransport", "True", true},
      {"Null", "aws:SourceIp", "maybe", false},
      {"BinaryEquals", "aws:username", "not base64!", false},
      {"BinaryEquals", "aws:username", "QUJD", true},
      {"ArnEquals", "aws:PrincipalArn", "role/admin", false},
      {"ArnLike", "aws:PrincipalArn", "arn:aws:iam::1:role/*", true},
      {"ArnLike", "aws:PrincipalArn", "arn:aws:iam::${aws:PrincipalAccount}:*", true},
      {"IpAddress", "aws:SourceIp", "2001:db8::/32", true},
      {"IpAddress", "aws:SourceIp", "10.0.0", false},
      {"StringEquals", "aws:username", "anything at all", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.op, row.value);
    std::string extra = std::string("'Condition':{'") + row.op + "':{'" + row.key + "':'" +
                        row.value + "'}}";
    CHECK(RunCheck("invalid-condition-value", OneStatement("'s3:*'", "'*'", extra))
              .findings.empty() == row.valid);
  }
}

}  // namespace
}  // namespace iamlint::lint
