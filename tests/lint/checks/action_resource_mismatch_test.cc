#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("action-resource-mismatch: an object action on a bucket ARN", "[lint][checks]") {
  std::string json = OneStatement("['s3:GetObject']", "'arn:aws:s3:::my-bucket'");
  auto run = RunCheck("action-resource-mismatch", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"s3:GetObject") +
                             " warning action-resource-mismatch: `s3:GetObject` can act on none "
                             "of the statement's resources"});
  REQUIRE(run.notes().size() == 1);
  CHECK(run.notes()[0].find("`object` (arn:${Partition}:s3:::${BucketName}/${ObjectName})") != std::string::npos);
}

TEST_CASE("action-resource-mismatch: a bucket action on objects", "[lint][checks]") {
  std::string json = OneStatement("['s3:GetObject','s3:ListBucket']", "'arn:aws:s3:::b/*'");
  auto run = RunCheck("action-resource-mismatch", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"s3:ListBucket") +
                             " warning action-resource-mismatch: `s3:ListBucket` can act on none "
                             "of the statement's resources"});
}

TEST_CASE("action-resource-mismatch: a resource-less action on specific ARNs", "[lint][checks]") {
  std::string json = OneStatement("'s3:ListAllMyBuckets'", "['arn:aws:s3:::a','arn:aws:s3:::b']");
  auto run = RunCheck("action-resource-mismatch", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"s3:ListAllMyBuckets") +
                             " warning action-resource-mismatch: `s3:ListAllMyBuckets` takes no "
                             "resource, so it never matches any of the statement's resources"});
}

TEST_CASE("action-resource-mismatch: statements that can match are not reported",
          "[lint][checks]") {
  const char* rows[][2] = {
      {"'s3:GetObject'", "'arn:aws:s3:::b/*'"},
      {"'s3:ListBucket'", "'arn:aws:s3:::b'"},
      {"['s3:GetObject','s3:ListBucket']", "['arn:aws:s3:::b','arn:aws:s3:::b/*']"},
      {"'s3:*'", "'arn:aws:s3:::b'"},  // some s3 actions take buckets
      {"'s3:ListAllMyBuckets'", "'*'"},
      {"'s3:GetObject'", "'arn:aws:s3:::${aws:username}/*'"},
      {"'logs:CreateLogGroup'", "'arn:aws:logs:*:*:log-group:/aws/x:*'"},
      {"'nosuch:Thing'", "'arn:aws:s3:::b'"},  // unknown: not provable
  };
  for (auto& row : rows) {
    CAPTURE(row[0], row[1]);
    CHECK(RunCheck("action-resource-mismatch", OneStatement(row[0], row[1])).findings.empty());
  }
  // NotResource and NotAction are not judged.
  std::string json = iamlint::testing::Q(
      "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject',"
      "'NotResource':'arn:aws:s3:::b'}]}");
  CHECK(RunCheck("action-resource-mismatch", json).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
