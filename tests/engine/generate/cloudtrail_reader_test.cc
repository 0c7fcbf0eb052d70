// ReadCloudTrail: every layout (trail file, JSON Lines, array, single event,
// EventBridge and fixture wrappers), positioned warnings for what is not an
// event, one positioned error for a file that is not JSON, and the fields
// DescribeEvent takes from userIdentity.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/engine/generate/generate_testing.h"

namespace iamlint {
namespace {

using testing::Lines;
using testing::Q;
using testing::ReadTrailFixture;
using testing::ReadTrailText;
using testing::Trail;

std::vector<std::string> Names(const Trail& t) {
  std::vector<std::string> names;
  for (const CloudTrailEvent& e : t.events()) names.push_back(e.event_source + " " + e.event_name);
  return names;
}

TEST_CASE("cloudtrail reader: a trail file's Records, in order", "[generate]") {
  Trail t = ReadTrailText(Q("{'Records': [{'eventSource': 's3.amazonaws.com', 'eventName': 'ListBuckets'},"
                            " {'eventSource': 'kms.amazonaws.com', 'eventName': 'Decrypt'}]}"));
  CHECK(t.ok);
  CHECK(t.lines() == Lines{});
  CHECK(Names(t) == std::vector<std::string>{"s3.amazonaws.com ListBuckets", "kms.amazonaws.com Decrypt"});
  LineColumn at = t.sources->Begin(t.events()[0].span);
  CHECK(at.line == 1);
  CHECK(at.column == 14);
}

TEST_CASE("cloudtrail reader: JSON Lines with comments and blank lines", "[generate]") {
  Trail t = ReadTrailFixture("workload.jsonl");
  CHECK(t.ok);
  CHECK(t.lines() == Lines{});
  CHECK(Names(t) == std::vector<std::string>{
                        "ec2.amazonaws.com RunInstances", "ec2.amazonaws.com DescribeInstances",
                        "ec2.amazonaws.com StopInstances", "s3.amazonaws.com CopyObject",
                        "s3.amazonaws.com DeleteObjects", "lambda.amazonaws.com Invoke20150331",
                        "lambda.amazonaws.com GetFunction20150331v2", "kms.amazonaws.com Decrypt",
                        "dynamodb.amazonaws.com GetItem", "sts.amazonaws.com AssumeRole",
                        "apigateway.amazonaws.com CreateStage", "s3.amazonaws.com GetObject",
                        "sts.amazonaws.com GetCallerIdentity", "iam.amazonaws.com ListUsers",
                        "iam.amazonaws.com GetUser"});
  LineColumn last = t.sources->Begin(t.events().back().span);
  CHECK(last.line == 17);
  CHECK(last.column == 1);
}

TEST_CASE("cloudtrail reader: an array, a single event and wrappers", "[generate]") {
  Trail array = ReadTrailText(Q("[{'eventSource': 'sts.amazonaws.com', 'eventName': 'GetCallerIdentity'}]"));
  CHECK(Names(array) == std::vector<std::string>{"sts.amazonaws.com GetCallerIdentity"});
  Trail single = ReadTrailText(Q("{'eventSource': 'sts.amazonaws.com', 'eventName': 'AssumeRole'}"));
  CHECK(Names(single) == std::vector<std::string>{"sts.amazonaws.com AssumeRole"});
  Trail bridge = ReadTrailFixture("eventbridge.json");
  CHECK(bridge.lines() == Lines{});
  CHECK(Names(bridge) == std::vector<std::string>{"s3.amazonaws.com PutObject"});
  Trail fixtures = ReadTrailText(Q(
      "{'records': [{'event': {'eventSource': 'iam.amazonaws.com', 'eventName': 'ListUsers'}},"
      " {'record': {'eventSource': 'iam.amazonaws.com', 'eventName': 'ListRoles'}}]}"));
  CHECK(Names(fixtures) == std::vector<std::string>{"iam.amazonaws.com ListUsers", "iam.amazonaws.com ListRoles"});
}

TEST_CASE("cloudtrail reader: what is not an event is a positioned warning", "[generate]") {
  Trail t = ReadTrailFixture("broken-line.jsonl");
  CHECK(t.ok);
  CHECK(Names(t) == std::vector<std::string>{"iam.amazonaws.com ListUsers", "iam.amazonaws.com ListRoles"});
  CHECK(t.lines() == Lines{
                         "2:51 warning json-syntax: unexpected end of input; line skipped",
                         "3:1 warning cloudtrail-not-event: a CloudTrail event needs `eventSource`; skipped",
                     });
  CHECK(t.input.skipped == 2);
}

TEST_CASE("cloudtrail reader: wrapping deeper than the bound is not followed", "[generate]") {
  std::string text = "{'eventSource': 's3.amazonaws.com', 'eventName': 'ListBuckets'}";
  for (int i = 0; i < kMaxWrapping + 1; ++i) text = "{'event': " + text + "}";
  // Level kMaxWrapping (column 41) is not unwrapped again.
  Trail t = ReadTrailText(Q(text));
  CHECK(t.events().empty());
  CHECK(t.lines() == Lines{"1:41 warning cloudtrail-not-event: not a CloudTrail event (no `eventName` and "
                           "`eventSource`); skipped"});
}

TEST_CASE("cloudtrail reader: a file that is not JSON is one error at its byte", "[generate]") {
  Trail t = ReadTrailFixture("not-json.json");
  CHECK_FALSE(t.ok);
  CHECK(t.events().empty());
  CHECK(t.lines() == Lines{"3:17 error json-syntax: expected a JSON value"});
  Trail empty = ReadTrailText("");
  CHECK_FALSE(empty.ok);
  CHECK(empty.lines() == Lines{"1:1 error json-syntax: empty input: expected a JSON document"});
}

TEST_CASE("cloudtrail reader: principal fields from userIdentity", "[generate]") {
  Trail t = ReadTrailFixture("workload.jsonl");
  REQUIRE(t.events().size() == 15);
  const CloudTrailEvent& role = t.events()[0];
  CHECK(role.identity_type == "AssumedRole");
  CHECK(role.principal_arn == "arn:aws:sts::444455556666:assumed-role/app-role/i-0aaa1111");
  CHECK(role.role_name == "app-role");
  CHECK(role.user_name == "");
  CHECK(role.access_key_id == "ASIAEXAMPLEAPPROLE01");
  CHECK(role.account == "444455556666");
  CHECK(role.region == "us-east-1");
  CHECK(role.event_type == "AwsApiCall");
  CHECK(t.events()[11].error_code == "AccessDenied");
  const CloudTrailEvent& carol = t.events()[13];
  CHECK(carol.user_name == "carol");  // from the ARN user/ops/carol
  CHECK(carol.role_name == "");
  CHECK(carol.access_key_id == "AKIAEXAMPLECAROL0001");
}

}  // namespace
}  // namespace iamlint
