#include "engine/policy/policy_builder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Lines;
using testing::ParsePolicy;
using testing::PolicyResult;
using testing::Q;

constexpr std::optional<PolicyKind> kInfer = std::nullopt;
constexpr std::optional<PolicyKind> kIdentity = PolicyKind::kIdentity;
constexpr std::optional<PolicyKind> kResource = PolicyKind::kResource;
constexpr std::optional<PolicyKind> kTrust = PolicyKind::kTrust;
constexpr std::optional<PolicyKind> kBoundary = PolicyKind::kBoundary;
constexpr std::optional<PolicyKind> kSession = PolicyKind::kSession;
constexpr std::optional<PolicyKind> kScp = PolicyKind::kScp;
constexpr std::optional<PolicyKind> kRcp = PolicyKind::kRcp;

// A policy with `"Version": "2012-10-17"` and one statement whose members
// are given one per line. The layout is fixed so positions are easy to
// read off: the statement's `{` is at 3:17 and member i (0-based) starts
// at line 4+i, column 5.
//
//   {
//     "Version": "2012-10-17",
//     "Statement": [{
//       <member 0>,
//       <member 1>
//     }]
//   }
std::string Policy(const std::vector<std::string>& members) {
  std::string out = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n";
  for (size_t i = 0; i < members.size(); ++i) {
    out += "    " + members[i] + (i + 1 < members.size() ? ",\n" : "\n");
  }
  out += "  }]\n}\n";
  return out;
}

struct Row {
  std::string name;
  std::optional<PolicyKind> kind;
  std::string text;
  Lines expected;
};

void RunRows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CAPTURE(row.text);
    PolicyResult r = ParsePolicy(row.text, row.kind);
    CHECK(r.lines() == row.expected);
  }
}

// Members of a valid statement per kind.
const std::string kAllow = R"("Effect": "Allow")";
const std::string kDeny = R"("Effect": "Deny")";
const std::string kGetObject = R"("Action": "s3:GetObject")";
const std::string kObjects = R"("Resource": "arn:aws:s3:::b/*")";
const std::string kAccountPrincipal = R"("Principal": {"AWS": "arn:aws:iam::111122223333:root"})";
const std::string kEc2Principal = R"("Principal": {"Service": "ec2.amazonaws.com"})";
const std::string kAssumeRole = R"("Action": "sts:AssumeRole")";
const std::string kAnyone = R"("Principal": "*")";
const std::string kAllS3 = R"("Action": "s3:*")";
const std::string kAnyResource = R"("Resource": "*")";

TEST_CASE("Policy() lays statements out where the tests expect them", "[policy]") {
  std::string text = Policy({kAllow, kGetObject});
  CHECK(testing::PositionOf(text, "{", 1) == "3:17");
  CHECK(testing::PositionOf(text, "\"Effect\"") == "4:5");
  CHECK(testing::PositionOf(text, "\"Action\"") == "5:5");
}

TEST_CASE("Valid policies of every kind give no diagnostics", "[policy]") {
  const std::vector<Row> rows = {
      {"identity", kIdentity, Policy({kAllow, kGetObject, kObjects}), {}},
      {"identity, inferred", kInfer, Policy({kAllow, kGetObject, kObjects}), {}},
      {"boundary", kBoundary, Policy({kAllow, kAllS3, kAnyResource}), {}},
      {"session", kSession, Policy({kAllow, kGetObject, kObjects}), {}},
      {"resource", kResource, Policy({kAllow, kAccountPrincipal, kGetObject, kObjects}), {}},
      {"resource without Resource", kResource, Policy({kAllow, kAccountPrincipal, kGetObject}),
       {}},
      {"trust", kTrust, Policy({kAllow, kEc2Principal, kAssumeRole}), {}},
      {"scp", kScp, Policy({kDeny, kAllS3, kAnyResource}), {}},
      {"scp allow with NotAction, NotResource and Condition", kScp,
       Policy({kAllow, R"("NotAction": "iam:*")", R"("NotResource": "arn:aws:s3:::b")",
               R"("Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}})"}),
       {}},
      {"rcp", kRcp, Policy({kDeny, kAnyone, kAllS3, kAnyResource}), {}},
      {"rcp with {\"AWS\": \"*\"}", kRcp,
       Policy({kDeny, R"("Principal": {"AWS": "*"})", kAllS3, kAnyResource}), {}},
      {"Statement as a single object", kIdentity,
       "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", "
       "\"Resource\": \"*\"}}",
       {}},
      {"Version 2008-10-17 without variables", kIdentity,
       Q("{'Version': '2008-10-17', 'Statement': {'Effect': 'Deny', 'Action': '*', "
         "'Resource': '*'}}"),
       {}},
  };
  RunRows(rows);
}

TEST_CASE("The policy object: policy-not-object, unknown-element, missing-statement, "
          "empty-statement",
          "[policy]") {
  const std::vector<Row> rows = {
      {"array root", kInfer, "[]",
       {"1:1 error policy-not-object: a policy must be a JSON object, not an array"}},
      {"string root", kInfer, "\n  \"policy\"",
       {"2:3 error policy-not-object: a policy must be a JSON object, not a string"}},
      {"misspelled Statement", kIdentity,
       Q("{'Version': '2012-10-17', 'Statment': []}"),
       {"1:1 error missing-statement: policy has no `Statement`",
        "1:27 error unknown-element: unknown policy element `Statment`"}},
      {"lowercase element", kIdentity,
       Q("{'version': '2012-10-17', 'Statement': {'Effect': 'Allow', 'Action': '*', "
         "'Resource': '*'}}"),
       {"1:1 warning missing-version: policy has no `Version`: AWS applies the 2008-10-17 "
        "language, where policy variables are plain text",
        "1:2 error unknown-element: unknown policy element `version`"}},
      {"empty statement list", kIdentity, Q("{'Version': '2012-10-17', 'Statement': []}"),
       {"1:40 error empty-statement: `Statement` is an empty list"}},
      {"empty object", kIdentity, "{}",
       {"1:1 error missing-statement: policy has no `Statement`",
        "1:1 warning missing-version: policy has no `Version`: AWS applies the 2008-10-17 "
        "language, where policy variables are plain text"}},
  };
  RunRows(rows);

  PolicyResult r = ParsePolicy(Q("{'Version': '2012-10-17', 'Statment': []}"), kIdentity);
  CHECK(r.notes_of("unknown-element") == Lines{"did you mean `Statement`?"});
  CHECK_FALSE(ParsePolicy("[]").policy.has_value());
  CHECK(ParsePolicy("{}", kIdentity).policy.has_value());
}

TEST_CASE("Statement {} and other empty or odd statements", "[policy]") {
  const std::vector<Row> rows = {
      {"Statement: {}", kIdentity, Q("{'Version': '2012-10-17', 'Statement': {}}"),
       {"1:40 error missing-action: statement has neither `Action` nor `NotAction`",
        "1:40 error missing-effect: statement has no `Effect`",
        "1:40 error missing-resource: statement has neither `Resource` nor `NotResource`"}},
      {"Statement: [{}] in a resource policy", kResource,
       Q("{'Version': '2012-10-17', 'Statement': [{}]}"),
       {"1:41 error missing-action: statement has neither `Action` nor `NotAction`",
        "1:41 error missing-effect: statement has no `Effect`",
        "1:41 error missing-principal: statement in a resource-based policy needs `Principal` "
        "or `NotPrincipal`"}},
  };
  RunRows(rows);
  PolicyResult single = ParsePolicy(
      Q("{'Version': '2012-10-17', 'Statement': {'Effect': 'Allow', 'Action': '*', "
        "'Resource': '*'}}"));
  REQUIRE(single.policy);
  CHECK(single.policy->statement_single_object);
  CHECK(single.policy->statements.size() == 1);
  PolicyResult list = ParsePolicy(Policy({kAllow, kGetObject, kObjects}));
  REQUIRE(list.policy);
  CHECK_FALSE(list.policy->statement_single_object);
}

TEST_CASE("invalid-type: numbers, objects and null where strings belong", "[policy]") {
  const std::vector<Row> rows = {
      {"Version as a number", kIdentity,
       Q("{'Version': 2012, 'Statement': {'Effect': 'Allow', 'Action': '*', 'Resource': '*'}}"),
       {"1:13 error invalid-type: `Version` must be a string, not a number"}},
      {"Id as an object", kResource,
       Q("{'Version': '2012-10-17', 'Id': {}, 'Statement': {'Effect': 'Allow', 'Principal': '*', "
         "'Action': '*'}}"),
       {"1:33 error invalid-type: `Id` must be a string, not an object"}},
      {"Statement as a string", kIdentity, Q("{'Version': '2012-10-17', 'Statement': 'x'}"),
       {"1:40 error invalid-type: `Statement` must be an object or a list of objects, not a "
        "string"}},
      {"statement as a number", kIdentity, Q("{'Version': '2012-10-17', 'Statement': [1]}"),
       {"1:41 error invalid-type: a statement must be an object, not a number"}},
      {"Sid as a number", kIdentity, Policy({R"("Sid": 1)", kAllow, kGetObject, kObjects}),
       {"4:12 error invalid-type: `Sid` must be a string, not a number"}},
      {"Effect as a boolean", kIdentity, Policy({R"("Effect": true)", kGetObject, kObjects}),
       {"4:15 error invalid-type: `Effect` must be a string, not a boolean"}},
      {"Action as a number", kIdentity, Policy({kAllow, R"("Action": 42)", kObjects}),
       {"5:15 error invalid-type: `Action` must be a string or a list of strings, not a "
        "number"}},
      {"Action entry as a number", kIdentity,
       Policy({kAllow, R"("Action": ["s3:GetObject", 42])", kObjects}),
       {"5:32 error invalid-type: each `Action` entry must be a string, not a number"}},
      {"Resource as an object", kIdentity, Policy({kAllow, kGetObject, R"("Resource": {})"}),
       {"6:17 error invalid-type: `Resource` must be a string or a list of strings, not an "
        "object"}},
      {"NotResource entry as null", kIdentity,
       Policy({kAllow, kGetObject, R"("NotResource": [null])"}),
       {"6:21 error invalid-type: each `NotResource` entry must be a string, not null"}},
      {"Principal as a number", kResource, Policy({kAllow, R"("Principal": 5)", kGetObject}),
       {"5:18 error invalid-type: `Principal` must be `*` or an object, not a number"}},
      {"principal value as a number", kResource,
       Policy({kAllow, R"("Principal": {"AWS": [111122223333]})", kGetObject}),
       {"5:27 error invalid-type: a principal must be a string, not a number"}},
      {"condition value as null", kIdentity,
       Policy({kAllow, kGetObject, kObjects,
               R"("Condition": {"StringEquals": {"aws:username": null}})"}),
       {"7:52 error invalid-type: a condition value must be a string, number or boolean, not "
        "null"}},
      {"condition value as an object", kIdentity,
       Policy({kAllow, kGetObject, kObjects,
               R"("Condition": {"StringEquals": {"aws:username": [{}]}})"}),
       {"7:53 error invalid-type: a condition value must be a string, number or boolean, not "
        "an object"}},
      {"condition values as numbers and booleans are fine", kIdentity,
       Policy({kAllow, kGetObject, kObjects,
               R"("Condition": {"NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": true}})"}),
       {}},
  };
  RunRows(rows);
}

TEST_CASE("Version: invalid-version and missing-version per kind", "[policy]") {
  const std::string kBody = "'Statement': {'Effect': 'Deny', 'Action': 's3:*', 'Resource': '*'}}";
  const std::string kRcpBody =
      "'Statement': {'Effect': 'Deny', 'Principal': '*', 'Action': 's3:*', 'Resource': '*'}}";
  const std::vector<Row> rows = {
      {"unknown date", kIdentity, Q("{'Version': '2012-10-18', " + kBody),
       {"1:13 error invalid-version: invalid `Version` `2012-10-18`: expected `2012-10-17` or "
        "`2008-10-17`"}},
      {"today's date", kScp, Q("{'Version': '2024-01-01', " + kBody),
       {"1:13 error invalid-version: invalid `Version` `2024-01-01`: expected `2012-10-17` or "
        "`2008-10-17`"}},
      {"2008 in an SCP", kScp, Q("{'Version': '2008-10-17', " + kBody),
       {"1:13 error invalid-version: a service control policy requires `\"Version\": "
        "\"2012-10-17\"`"}},
      {"2008 in an RCP", kRcp, Q("{'Version': '2008-10-17', " + kRcpBody),
       {"1:13 error invalid-version: a resource control policy requires `\"Version\": "
        "\"2012-10-17\"`"}},
      {"2008 in an identity policy", kIdentity, Q("{'Version': '2008-10-17', " + kBody), {}},
      {"missing in an identity policy", kIdentity, Q("{" + kBody),
       {"1:1 warning missing-version: policy has no `Version`: AWS applies the 2008-10-17 "
        "language, where policy variables are plain text"}},
      {"missing in a trust policy", kTrust,
       Q("{'Statement': {'Effect': 'Allow', 'Principal': {'Service': 'ec2.amazonaws.com'}, "
         "'Action': 'sts:AssumeRole'}}"),
       {"1:1 warning missing-version: policy has no `Version`: AWS applies the 2008-10-17 "
        "language, where policy variables are plain text"}},
      {"missing in an SCP", kScp, Q("{" + kBody),
       {"1:1 error missing-version: a service control policy requires `\"Version\": "
        "\"2012-10-17\"`"}},
      {"missing in an RCP", kRcp, Q("{" + kRcpBody),
       {"1:1 error missing-version: a resource control policy requires `\"Version\": "
        "\"2012-10-17\"`"}},
      {"present but not a string is not missing", kScp, Q("{'Version': 1, " + kBody),
       {"1:13 error invalid-type: `Version` must be a string, not a number"}},
  };
  RunRows(rows);
  PolicyResult r = ParsePolicy(Q("{" + kBody), kIdentity);
  CHECK(r.notes_of("missing-version") == Lines{"add \"Version\": \"2012-10-17\""});
}

TEST_CASE("Id: id-not-supported in identity-type policies only", "[policy]") {
  const std::string text =
      Q("{'Version': '2012-10-17', 'Id': 'Doc1', 'Statement': {'Effect': 'Deny', 'Action': "
        "'s3:*', 'Resource': '*'}}");
  const std::vector<Row> rows = {
      {"identity", kIdentity, text,
       {"1:33 warning id-not-supported: `Id` is meant for resource-based policies; IAM ignores "
        "it in an identity policy"}},
      {"boundary", kBoundary, text,
       {"1:33 warning id-not-supported: `Id` is meant for resource-based policies; IAM ignores "
        "it in a permissions boundary"}},
      {"session", kSession, text,
       {"1:33 warning id-not-supported: `Id` is meant for resource-based policies; IAM ignores "
        "it in a session policy"}},
      {"scp", kScp, text, {}},
      {"resource", kResource,
       Q("{'Version': '2012-10-17', 'Id': 'Doc1', 'Statement': {'Effect': 'Deny', 'Principal': "
         "'*', 'Action': 's3:*'}}"),
       {}},
  };
  RunRows(rows);
}

TEST_CASE("Effect: missing-effect and invalid-effect", "[policy]") {
  const std::vector<Row> rows = {
      {"lowercase", kIdentity, Policy({R"("Effect": "allow")", kGetObject, kObjects}),
       {"4:15 error invalid-effect: invalid `Effect` `allow`: expected `Allow` or `Deny`"}},
      {"unrelated word", kIdentity, Policy({R"("Effect": "Permit")", kGetObject, kObjects}),
       {"4:15 error invalid-effect: invalid `Effect` `Permit`: expected `Allow` or `Deny`"}},
      {"missing", kIdentity, Policy({kGetObject, kObjects}),
       {"3:17 error missing-effect: statement has no `Effect`"}},
      {"misspelled key", kIdentity, Policy({R"("Efect": "Allow")", kGetObject, kObjects}),
       {"3:17 error missing-effect: statement has no `Effect`",
        "4:5 error unknown-element: unknown statement element `Efect`"}},
      {"Deny", kIdentity, Policy({kDeny, kGetObject, kObjects}), {}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[0].text, kIdentity).notes_of("invalid-effect") ==
        Lines{"did you mean `Allow`?"});
  CHECK(ParsePolicy(rows[1].text, kIdentity).notes_of("invalid-effect").empty());
  CHECK(ParsePolicy(rows[3].text, kIdentity).notes_of("unknown-element") ==
        Lines{"did you mean `Effect`?"});
}

TEST_CASE("Action: missing-action, conflicting-elements, invalid-action, "
          "action-service-wildcard",
          "[policy]") {
  const std::vector<Row> rows = {
      {"missing", kIdentity, Policy({kAllow, kObjects}),
       {"3:17 error missing-action: statement has neither `Action` nor `NotAction`"}},
      {"both", kIdentity, Policy({kAllow, kGetObject, R"("NotAction": "s3:PutObject")", kObjects}),
       {"6:5 error conflicting-elements: statement has both `Action` and `NotAction`: use "
        "exactly one"}},
      {"no colon", kIdentity, Policy({kAllow, R"("Action": "s3GetObject")", kObjects}),
       {"5:15 error invalid-action: invalid action `s3GetObject`: expected `service:action` or "
        "`*`"}},
      {"two colons", kIdentity, Policy({kAllow, R"("Action": ["s3:Get:Object"])", kObjects}),
       {"5:16 error invalid-action: invalid action `s3:Get:Object`: expected `service:action` "
        "or `*`"}},
      {"empty service", kIdentity, Policy({kAllow, R"("NotAction": ":GetObject")", kObjects}),
       {"5:18 error invalid-action: invalid action `:GetObject`: expected `service:action` or "
        "`*`"}},
      {"empty name", kIdentity, Policy({kAllow, R"("Action": "s3:")", kObjects}),
       {"5:15 error invalid-action: invalid action `s3:`: expected `service:action` or `*`"}},
      {"white space", kIdentity, Policy({kAllow, R"("Action": "s3:Get Object")", kObjects}),
       {"5:15 error invalid-action: action `s3:Get Object` contains white space"}},
      {"wildcard service", kIdentity, Policy({kAllow, R"("Action": "*:GetObject")", kObjects}),
       {"5:15 error action-service-wildcard: wildcard in the service prefix of action "
        "`*:GetObject`"}},
      {"question mark in service", kIdentity,
       Policy({kAllow, R"("Action": ["s?:GetObject"])", kObjects}),
       {"5:16 error action-service-wildcard: wildcard in the service prefix of action "
        "`s?:GetObject`"}},
      {"valid forms", kIdentity,
       Policy({kAllow, R"("Action": ["*", "s3:*", "s3:Get*", "S3:getobject", "ec2:Describe?nstances"])",
               kObjects}),
       {}},
      {"NotAction alone", kIdentity, Policy({kAllow, R"("NotAction": "iam:*")", kAnyResource}),
       {}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[7].text, kIdentity).notes_of("action-service-wildcard") ==
        Lines{"AWS allows wildcards only after the `:`"});
}

TEST_CASE("Resource: missing-resource, resource-not-allowed, invalid-resource, invalid-arn, "
          "empty-arn-resource, arn-service-case, iam-arn-region",
          "[policy]") {
  const std::vector<Row> rows = {
      {"missing in identity", kIdentity, Policy({kAllow, kGetObject}),
       {"3:17 error missing-resource: statement has neither `Resource` nor `NotResource`"}},
      {"missing in boundary", kBoundary, Policy({kAllow, kGetObject}),
       {"3:17 error missing-resource: statement has neither `Resource` nor `NotResource`"}},
      {"missing in session", kSession, Policy({kAllow, kGetObject}),
       {"3:17 error missing-resource: statement has neither `Resource` nor `NotResource`"}},
      {"missing in scp", kScp, Policy({kDeny, kGetObject}),
       {"3:17 error missing-resource: statement has neither `Resource` nor `NotResource`"}},
      {"missing in rcp", kRcp, Policy({kDeny, kAnyone, kGetObject}),
       {"3:17 error missing-resource: statement has neither `Resource` nor `NotResource`"}},
      {"missing in resource policy is fine", kResource,
       Policy({kAllow, kAccountPrincipal, kGetObject}), {}},
      {"both", kIdentity, Policy({kAllow, kGetObject, kObjects, R"("NotResource": "*")"}),
       {"7:5 error conflicting-elements: statement has both `Resource` and `NotResource`: use "
        "exactly one"}},
      {"Resource in trust", kTrust,
       Policy({kAllow, kEc2Principal, kAssumeRole, R"("Resource": "*")"}),
       {"7:5 error resource-not-allowed: a role trust policy must not have `Resource`"}},
      {"NotResource in trust", kTrust,
       Policy({kAllow, kEc2Principal, kAssumeRole, R"("NotResource": "*")"}),
       {"7:5 error resource-not-allowed: a role trust policy must not have `NotResource`"}},
      {"not an ARN", kIdentity, Policy({kAllow, kGetObject, R"("Resource": "my-bucket")"}),
       {"6:17 error invalid-resource: resource `my-bucket` must be an ARN or `*`"}},
      {"uppercase ARN prefix", kIdentity,
       Policy({kAllow, kGetObject, R"("Resource": ["ARN:aws:s3:::b"])"}),
       {"6:18 error invalid-resource: resource `ARN:aws:s3:::b` must be an ARN or `*`"}},
      {"short ARN", kIdentity,
       Policy({kAllow, kGetObject, R"("Resource": "arn:aws:sqs:us-east-1:111122223333")"}),
       {"6:17 error invalid-arn: ARN `arn:aws:sqs:us-east-1:111122223333` is missing fields: "
        "expected `arn:partition:service:region:account:resource`"}},
      {"short ARN ending in a wildcard is fine", kIdentity,
       Policy({kAllow, kGetObject, R"("Resource": ["arn:aws:s3:*", "arn:*"])"}), {}},
      {"empty resource part", kIdentity,
       Policy({kAllow, kGetObject, R"("Resource": "arn:aws:s3:::")"}),
       {"6:17 warning empty-arn-resource: ARN `arn:aws:s3:::` has an empty resource part: it "
        "matches no resource"}},
      {"uppercase service", kIdentity,
       Policy({kAllow, kGetObject, R"("Resource": "arn:aws:S3:::b/*")"}),
       {"6:17 error arn-service-case: service `S3` in ARN `arn:aws:S3:::b/*` must be lowercase"}},
      {"IAM ARN with a region", kIdentity,
       Policy({kAllow, R"("Action": "iam:GetRole")",
               R"("Resource": "arn:aws:iam:us-east-1:111122223333:role/r")"}),
       {"6:17 error iam-arn-region: IAM resource `arn:aws:iam:us-east-1:111122223333:role/r` "
        "must not contain a region"}},
      {"IAM ARN without a region", kIdentity,
       Policy({kAllow, R"("Action": "iam:GetRole")",
               R"("Resource": "arn:aws:iam::111122223333:role/r")"}),
       {}},
      {"NotResource is checked too", kIdentity,
       Policy({kAllow, kGetObject, R"("NotResource": "bucket")"}),
       {"6:20 error invalid-resource: resource `bucket` must be an ARN or `*`"}},
      {"resource ARN kinds are fine", kIdentity,
       Policy({kAllow, kGetObject,
               R"("Resource": ["*", "arn:aws:s3:::b", "arn:aws-cn:s3:::b/k", "arn:aws:ec2:*:*:instance/*", "arn:aws:dynamodb:us-east-1:111122223333:table/T/index/*"])"}),
       {}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[9].text, kIdentity).notes_of("invalid-resource") ==
        Lines{"an ARN looks like `arn:aws:s3:::bucket/key`"});
}

TEST_CASE("Principal: missing-principal, principal-not-allowed, notprincipal-with-allow",
          "[policy]") {
  const std::vector<Row> rows = {
      {"missing in resource", kResource, Policy({kAllow, kGetObject, kObjects}),
       {"3:17 error missing-principal: statement in a resource-based policy needs `Principal` "
        "or `NotPrincipal`"}},
      {"missing in trust", kTrust, Policy({kAllow, kAssumeRole}),
       {"3:17 error missing-principal: statement in a role trust policy needs `Principal` or "
        "`NotPrincipal`"}},
      {"missing in rcp", kRcp, Policy({kDeny, kAllS3, kAnyResource}),
       {"3:17 error missing-principal: statement in a resource control policy needs "
        "`Principal` or `NotPrincipal`"}},
      {"in identity", kIdentity, Policy({kAllow, kAnyone, kGetObject, kObjects}),
       {"5:5 error principal-not-allowed: an identity policy must not have `Principal`"}},
      {"in boundary", kBoundary, Policy({kAllow, kAnyone, kGetObject, kObjects}),
       {"5:5 error principal-not-allowed: a permissions boundary must not have `Principal`"}},
      {"in session", kSession, Policy({kAllow, kAnyone, kGetObject, kObjects}),
       {"5:5 error principal-not-allowed: a session policy must not have `Principal`"}},
      {"in scp", kScp, Policy({kDeny, kAnyone, kGetObject, kObjects}),
       {"5:5 error principal-not-allowed: a service control policy must not have `Principal`"}},
      {"NotPrincipal in identity", kIdentity,
       Policy({kDeny, R"("NotPrincipal": "*")", kGetObject, kObjects}),
       {"5:5 error principal-not-allowed: an identity policy must not have `NotPrincipal`"}},
      {"NotPrincipal in trust", kTrust,
       Policy({kDeny, R"("NotPrincipal": {"AWS": "111122223333"})", kAssumeRole}),
       {"5:5 error principal-not-allowed: a role trust policy must not have `NotPrincipal`"}},
      {"NotPrincipal in rcp", kRcp,
       Policy({kDeny, R"("NotPrincipal": {"AWS": "111122223333"})", kAllS3, kAnyResource}),
       {"5:5 error principal-not-allowed: a resource control policy must not have "
        "`NotPrincipal`"}},
      {"NotPrincipal with Allow", kResource,
       Policy({kAllow, R"("NotPrincipal": {"AWS": "111122223333"})", kGetObject, kObjects}),
       {"5:5 error notprincipal-with-allow: `NotPrincipal` is not supported with `\"Effect\": "
        "\"Allow\"`"}},
      {"NotPrincipal with Deny", kResource,
       Policy({kDeny, R"("NotPrincipal": {"AWS": "111122223333"})", kGetObject, kObjects}), {}},
      {"an unreadable Principal is still not allowed", kIdentity,
       Policy({kAllow, R"("Principal": 5)", kGetObject, kObjects}),
       {"5:5 error principal-not-allowed: an identity policy must not have `Principal`",
        "5:18 error invalid-type: `Principal` must be `*` or an object, not a number"}},
      {"an unreadable NotPrincipal is still not allowed in trust", kTrust,
       Policy({kDeny, R"("NotPrincipal": [])", kAssumeRole}),
       {"5:5 error principal-not-allowed: a role trust policy must not have `NotPrincipal`",
        "5:21 error invalid-type: `NotPrincipal` must be `*` or an object, not an array"}},
      {"an unreadable Resource is still not allowed in trust", kTrust,
       Policy({kAllow, kEc2Principal, kAssumeRole, R"("Resource": 7)"}),
       {"7:5 error resource-not-allowed: a role trust policy must not have `Resource`",
        "7:17 error invalid-type: `Resource` must be a string or a list of strings, not a "
        "number"}},
      {"both", kResource,
       Policy({kAllow, kAnyone, R"("NotPrincipal": "*")", kGetObject, kObjects}),
       {"6:5 error conflicting-elements: statement has both `Principal` and `NotPrincipal`: use "
        "exactly one"}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[10].text, kResource).notes_of("notprincipal-with-allow") ==
        Lines{"use \"Principal\" with a condition on `aws:PrincipalArn` instead"});
}

TEST_CASE("Principal forms: invalid-principal", "[policy]") {
  auto with = [](const std::string& principal) {
    return Policy({kAllow, R"("Principal": )" + principal, kGetObject, kObjects});
  };
  const std::vector<Row> rows = {
      {"bare string other than *", kResource, with(R"("111122223333")"),
       {"5:18 error invalid-principal: a bare `Principal` string must be `*`, not "
        "`111122223333`"}},
      {"unknown type", kResource, with(R"({"aws": "111122223333"})"),
       {"5:19 error invalid-principal: unknown principal type `aws`: expected `AWS`, "
        "`Service`, `Federated` or `CanonicalUser`"}},
      {"account ID too short", kResource, with(R"({"AWS": "11112222333"})"),
       {"5:26 error invalid-principal: account ID `11112222333` must have 12 digits"}},
      {"not an ARN", kResource, with(R"({"AWS": "alice"})"),
       {"5:26 error invalid-principal: AWS principal `alice` must be `*`, a 12-digit account ID "
        "or an ARN"}},
      {"partial wildcard", kResource, with(R"({"AWS": "arn:aws:iam::111122223333:user/*"})"),
       {"5:26 error invalid-principal: unsupported wildcard in principal "
        "`arn:aws:iam::111122223333:user/*`: only `*` alone is a wildcard"}},
      {"wildcard account", kResource, with(R"({"AWS": ["arn:aws:iam::*:root"]})"),
       {"5:27 error invalid-principal: unsupported wildcard in principal "
        "`arn:aws:iam::*:root`: only `*` alone is a wildcard"}},
      {"group", kResource, with(R"({"AWS": "arn:aws:iam::111122223333:group/admins"})"),
       {"5:26 error invalid-principal: IAM groups cannot be principals: "
        "`arn:aws:iam::111122223333:group/admins`"}},
      {"placeholder account in an ARN", kResource,
       with(R"({"AWS": "arn:aws:iam::AccountB-ID:root"})"),
       {"5:26 error invalid-principal: invalid AWS principal `arn:aws:iam::AccountB-ID:root`: "
        "account ID `AccountB-ID` must have 12 digits"}},
      {"11-digit account in an ARN", kResource,
       with(R"({"AWS": "arn:aws:iam::12345678901:user/Dave"})"),
       {"5:26 error invalid-principal: invalid AWS principal "
        "`arn:aws:iam::12345678901:user/Dave`: account ID `12345678901` must have 12 digits"}},
      {"CloudFront origin access identity", kResource,
       with(R"({"AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity EH1HDMB1FH2TC"})"),
       {}},
      {"policy ARN", kResource, with(R"({"AWS": "arn:aws:iam::111122223333:policy/p"})"),
       {"5:26 error invalid-principal: invalid AWS principal "
        "`arn:aws:iam::111122223333:policy/p`: expected an account, user, role, assumed-role or "
        "federated-user ARN"}},
      {"S3 ARN", kResource, with(R"({"AWS": "arn:aws:s3:::b"})"),
       {"5:26 error invalid-principal: invalid AWS principal `arn:aws:s3:::b`: expected an "
        "account, user, role, assumed-role or federated-user ARN"}},
      {"service wildcard", kResource, with(R"({"Service": "*.amazonaws.com"})"),
       {"5:30 error invalid-principal: wildcards are not supported in `Service` principal "
        "`*.amazonaws.com`"}},
      {"empty service", kResource, with(R"({"Service": ""})"),
       {"5:30 error invalid-principal: empty principal"}},
      {"canonical user too short", kResource, with(R"({"CanonicalUser": "abc123"})"),
       {"5:36 error invalid-principal: canonical user ID `abc123` must be 64 hexadecimal "
        "digits"}},
      {"every valid AWS form", kResource,
       with(R"({"AWS": ["*", "111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/path/alice", "arn:aws:iam::111122223333:role/r", "arn:aws:sts::111122223333:assumed-role/r/s", "arn:aws:sts::111122223333:federated-user/bob", "AIDAJQABLZS4A3QDU576Q", "AROAJQABLZS4A3QDU576Q"]})"),
       {}},
      {"service and canonical user", kResource,
       with(R"({"Service": ["cloudtrail.amazonaws.com", "logs.us-east-1.amazonaws.com"], "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"})"),
       {}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[1].text, kResource).notes_of("invalid-principal") ==
        Lines{"did you mean `AWS`?"});
  CHECK(ParsePolicy(rows[0].text, kResource).notes_of("invalid-principal") ==
        Lines{"write {\"AWS\": \"111122223333\"} to name a principal"});
}

TEST_CASE("Trust policies: Federated principals, federated-outside-trust, "
          "trust-action-mismatch",
          "[policy]") {
  const std::string kSaml =
      R"("Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"})";
  const std::string kOidc =
      R"("Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"})";
  const std::vector<Row> rows = {
      {"SAML provider with AssumeRoleWithSAML", kTrust,
       Policy({kAllow, kSaml, R"("Action": "sts:AssumeRoleWithSAML")"}), {}},
      {"OIDC provider with AssumeRoleWithWebIdentity and TagSession", kTrust,
       Policy({kAllow, kOidc, R"("Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"])"}),
       {}},
      {"web identity provider", kTrust,
       Policy({kAllow, R"("Principal": {"Federated": "cognito-identity.amazonaws.com"})",
               R"("Action": "sts:AssumeRoleWithWebIdentity")"}),
       {}},
      {"sts:* fits every principal", kTrust,
       Policy({kAllow, kSaml, R"("Action": "sts:*")"}), {}},
      {"SAML provider with AssumeRole", kTrust, Policy({kAllow, kSaml, kAssumeRole}),
       {"5:32 error trust-action-mismatch: `Federated` principal "
        "`arn:aws:iam::111122223333:saml-provider/Okta` assumes a role with "
        "`sts:AssumeRoleWithSAML`, which this statement does not allow"}},
      {"service with AssumeRoleWithWebIdentity", kTrust,
       Policy({kAllow, kEc2Principal, R"("Action": "sts:AssumeRoleWithWebIdentity")"}),
       {"5:30 error trust-action-mismatch: `Service` principal `ec2.amazonaws.com` assumes a "
        "role with `sts:AssumeRole`, which this statement does not allow"}},
      {"session extras alone are fine", kTrust,
       Policy({kAllow, kEc2Principal, R"("Action": "sts:TagSession")"}), {}},
      {"Deny is never a mismatch", kTrust,
       Policy({kDeny, kEc2Principal, R"("Action": "sts:AssumeRoleWithSAML")"}), {}},
      {"malformed Federated principal", kTrust,
       Policy({kAllow, R"("Principal": {"Federated": "okta.example.com"})",
               R"("Action": "sts:AssumeRoleWithSAML")"}),
       {"5:32 error invalid-principal: invalid `Federated` principal `okta.example.com`: "
        "expected a SAML or OIDC provider ARN or a web identity provider"}},
      {"CanonicalUser in trust", kTrust,
       Policy({kAllow,
               R"("Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"})",
               kAssumeRole}),
       {"5:36 error invalid-principal: a role trust policy cannot name a `CanonicalUser` "
        "principal"}},
      {"Federated in a resource policy", kResource, Policy({kAllow, kSaml, kGetObject, kObjects}),
       {"5:32 warning federated-outside-trust: `Federated` principals are meaningful only in "
        "role trust policies"}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[8].text, kTrust).notes_of("invalid-principal") ==
        Lines{"web identity providers are `cognito-identity.amazonaws.com`, "
              "`accounts.google.com`, `graph.facebook.com` and `www.amazon.com`"});
}

TEST_CASE("RCP restrictions: rcp-syntax", "[policy]") {
  const std::vector<Row> rows = {
      {"Allow", kRcp, Policy({kAllow, kAnyone, kAllS3, kAnyResource}),
       {"4:15 error rcp-syntax: a resource control policy may only `Deny` (only AWS's "
        "RCPFullAWSAccess allows)"}},
      {"NotAction", kRcp, Policy({kDeny, kAnyone, R"("NotAction": "s3:*")", kAnyResource}),
       {"6:5 error rcp-syntax: a resource control policy must not use `NotAction`"}},
      {"Action *", kRcp, Policy({kDeny, kAnyone, R"("Action": ["s3:*", "*"])", kAnyResource}),
       {"6:24 error rcp-syntax: a resource control policy must name a service in `Action`, not "
        "`*`"}},
      {"Principal other than *", kRcp,
       Policy({kDeny, R"("Principal": {"AWS": "111122223333"})", kAllS3, kAnyResource}),
       {"5:18 error rcp-syntax: a resource control policy statement must have `\"Principal\": "
        "\"*\"`"}},
      {"AWS's RCPFullAWSAccess is accepted", kRcp,
       Policy({kAllow, kAnyone, R"("Action": "*")", kAnyResource}), {}},
      {"the same statement in a resource policy", kResource,
       Policy({kAllow, R"("Principal": {"AWS": "111122223333"})", R"("Action": "*")", kAnyResource}),
       {}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[2].text, kRcp).notes_of("rcp-syntax") == Lines{"for example \"s3:*\""});
}

TEST_CASE("Sid: invalid-sid, duplicate-sid, empty-sid per kind", "[policy]") {
  auto two = [](const std::string& sid1, const std::string& sid2, bool principal) {
    std::string p = principal ? "'Principal': '*', " : "";
    return Q("{\n'Version': '2012-10-17',\n'Statement': [\n{'Sid': '" + sid1 +
             "', 'Effect': 'Deny', " + p + "'Action': 's3:*', 'Resource': '*'},\n{'Sid': '" +
             sid2 + "', 'Effect': 'Deny', " + p + "'Action': 's3:*', 'Resource': '*'}\n]}");
  };
  const std::vector<Row> rows = {
      {"space in identity", kIdentity, two("Read Only", "B", false),
       {"4:9 error invalid-sid: `Sid` `Read Only` must contain only letters and digits"}},
      {"dash in trust", kTrust,
       Policy({R"("Sid": "allow-ec2")", kAllow, kEc2Principal, kAssumeRole}),
       {"4:12 error invalid-sid: `Sid` `allow-ec2` must contain only letters and digits"}},
      {"underscore in scp", kScp, two("A_1", "B", false),
       {"4:9 error invalid-sid: `Sid` `A_1` must contain only letters and digits"}},
      {"space in a resource policy is fine", kResource, two("Read Only", "B", true), {}},
      {"duplicate in identity", kIdentity, two("S1", "S1", false),
       {"5:9 error duplicate-sid: duplicate `Sid` `S1`"}},
      {"duplicate in resource", kResource, two("S1", "S1", true),
       {"5:9 warning duplicate-sid: duplicate `Sid` `S1`"}},
      {"differing only in case is not a duplicate", kIdentity, two("S1", "s1", false), {}},
      {"empty", kIdentity, two("", "B", false), {"4:9 info empty-sid: `Sid` is empty"}},
      {"two empty Sids are not duplicates", kIdentity, two("", "", false),
       {"4:9 info empty-sid: `Sid` is empty", "5:9 info empty-sid: `Sid` is empty"}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[4].text, kIdentity).notes_of("duplicate-sid") ==
        Lines{"first used at line 4"});
}

TEST_CASE("Condition block shape: invalid-condition, unknown-condition-operator, "
          "null-with-if-exists, empty-condition",
          "[policy]") {
  auto with = [](const std::string& condition) {
    return Policy({kAllow, kGetObject, kObjects, R"("Condition": )" + condition});
  };
  const std::vector<Row> rows = {
      {"not an object", kIdentity, with(R"(["aws:SecureTransport"])"),
       {"7:18 error invalid-condition: `Condition` must be an object of operators, not an "
        "array"}},
      {"missing operator", kIdentity, with(R"({"aws:SourceIp": "203.0.113.0/24"})"),
       {"7:19 error invalid-condition: condition key `aws:SourceIp` is missing its operator"}},
      {"operator maps to a string", kIdentity, with(R"({"StringEquals": "x"})"),
       {"7:35 error invalid-condition: condition operator `StringEquals` must map to an object "
        "of keys, not a string"}},
      {"unknown operator", kIdentity, with(R"({"StringEqual": {"aws:username": "a"}})"),
       {"7:19 error unknown-condition-operator: unknown condition operator `StringEqual`"}},
      {"wrong case", kIdentity, with(R"({"stringequals": {"aws:username": "a"}})"),
       {"7:19 error unknown-condition-operator: unknown condition operator `stringequals`"}},
      {"NullIfExists", kIdentity, with(R"({"NullIfExists": {"aws:username": "true"}})"),
       {"7:19 error null-with-if-exists: `Null` cannot take `IfExists`: `NullIfExists` is not "
        "an operator"}},
      {"empty Condition", kIdentity, with("{}"),
       {"7:18 info empty-condition: `Condition` is empty: it imposes nothing"}},
      {"empty operator block", kIdentity, with(R"({"StringEquals": {}})"),
       {"7:35 info empty-condition: condition operator `StringEquals` has no keys: it imposes "
        "nothing"}},
      {"every operator form", kIdentity,
       with(R"({"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*"]}, "ForAllValues:StringEquals": {"aws:TagKeys": "b"}, "Null": {"aws:TagKeys": "false"}, "IpAddressIfExists": {"aws:SourceIp": "10.0.0.0/8"}, "DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}, "ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:t"}, "BinaryEquals": {"s3:x": "QmluYXJ5"}, "NumericLessThanEquals": {"s3:max-keys": "10"}})"),
       {}},
  };
  RunRows(rows);
  struct NoteRow {
    std::string condition;
    Lines notes;
  };
  const std::vector<NoteRow> notes = {
      {R"({"StringEqual": {"aws:username": "a"}})", {"did you mean `StringEquals`?"}},
      {R"({"stringequals": {"aws:username": "a"}})", {"did you mean `StringEquals`?"}},
      {R"({"ForAnyValue:StringEqualz": {"aws:TagKeys": "a"}})",
       {"did you mean `ForAnyValue:StringEquals`?"}},
      {R"({"StringLikeIfExist": {"aws:username": "a"}})", {"did you mean `StringLikeIfExists`?"}},
      {R"({"ForAnyValues:StringEqual": {"aws:TagKeys": "a"}})",
       {"did you mean `ForAnyValue:StringEquals`?"}},
      {R"({"aws:SourceIp": {"aws:SourceIp": "10.0.0.0/8"}})", {}},
      {R"({"forallvalues:stringlikeifexists": {"aws:TagKeys": "a"}})",
       {"did you mean `ForAllValues:StringLikeIfExists`?"}},
      {R"({"IpAdress": {"aws:SourceIp": "10.0.0.0/8"}})", {"did you mean `IpAddress`?"}},
      {R"({"Whatever": {"aws:username": "a"}})", {}},
  };
  for (const NoteRow& row : notes) {
    CAPTURE(row.condition);
    CHECK(ParsePolicy(with(row.condition), kIdentity).notes_of("unknown-condition-operator") ==
          row.notes);
  }
  CHECK(ParsePolicy(rows[1].text, kIdentity).notes_of("invalid-condition") ==
        Lines{"write {\"StringEquals\": {\"aws:SourceIp\": ...}}"});
}

TEST_CASE("Condition keys and values: invalid-condition-key, duplicate-condition-key, "
          "missing-set-qualifier, multiple-bool-values",
          "[policy]") {
  auto with = [](const std::string& condition) {
    return Policy({kAllow, kGetObject, kObjects, R"("Condition": )" + condition});
  };
  const std::vector<Row> rows = {
      {"key without prefix", kIdentity, with(R"({"StringEquals": {"username": "a"}})"),
       {"7:36 error invalid-condition-key: condition key `username` must have the form "
        "`prefix:name`"}},
      {"key with an empty name", kIdentity, with(R"({"StringEquals": {"aws:": "a"}})"),
       {"7:36 error invalid-condition-key: condition key `aws:` must have the form "
        "`prefix:name`"}},
      {"tag keys may contain colons", kIdentity,
       with(R"({"StringEquals": {"aws:ResourceTag/aws:cloudformation:stack-name": "a"}})"), {}},
      {"same key in another case", kIdentity,
       with(R"({"StringEquals": {"aws:username": "a", "AWS:UserName": "b"}})"),
       {"7:57 error duplicate-condition-key: condition key `AWS:UserName` repeats "
        "`aws:username` under the same operator (keys ignore letter case)"}},
      {"same key under two operators is fine", kIdentity,
       with(R"({"StringEquals": {"aws:username": "a"}, "StringLike": {"aws:username": "b*"}})"),
       {}},
      {"multivalued key without qualifier", kIdentity,
       with(R"({"StringEquals": {"aws:TagKeys": ["a", "b"]}})"),
       {"7:36 error missing-set-qualifier: multivalued key `aws:TagKeys` needs `ForAllValues:` "
        "or `ForAnyValue:` before `StringEquals`"}},
      {"multivalued key with IfExists but no qualifier", kIdentity,
       with(R"({"StringLikeIfExists": {"aws:calledvia": "athena.amazonaws.com"}})"),
       {"7:42 error missing-set-qualifier: multivalued key `aws:calledvia` needs "
        "`ForAllValues:` or `ForAnyValue:` before `StringLike`"}},
      {"multivalued key under Null", kIdentity, with(R"({"Null": {"aws:TagKeys": "false"}})"),
       {}},
      {"multivalued key with a qualifier", kIdentity,
       with(R"({"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": ["o-a/r-b/ou-c/"]}})"),
       {}},
      {"Bool with two values", kIdentity,
       with(R"({"Bool": {"aws:SecureTransport": ["true", "false"]}})"),
       {"7:51 error multiple-bool-values: `Bool` condition on `aws:SecureTransport` has more "
        "than one value"}},
      {"Bool with one value in a list", kIdentity,
       with(R"({"Bool": {"aws:SecureTransport": ["true"]}})"), {}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[5].text, kIdentity).notes_of("missing-set-qualifier") ==
        Lines{"without a qualifier the condition never matches"});
}

TEST_CASE("Policy variables: invalid-variable, variable-not-allowed, variable-in-arn-prefix, "
          "variable-needs-version",
          "[policy]") {
  auto resource = [](const std::string& value) {
    return Policy({kAllow, kGetObject, R"("Resource": ")" + value + "\""});
  };
  auto condition = [](const std::string& op, const std::string& value) {
    return Policy({kAllow, kGetObject, kObjects,
                   R"("Condition": {")" + op + R"(": {"aws:userid": ")" + value + "\"}}"});
  };
  const std::vector<Row> rows = {
      {"empty", kIdentity, resource("arn:aws:s3:::b/${}"),
       {"6:17 error invalid-variable: empty policy variable `${}` in `arn:aws:s3:::b/${}`"}},
      {"missing brace", kIdentity, resource("arn:aws:s3:::b/${aws:username"),
       {"6:17 error invalid-variable: policy variable is missing its closing `}` in "
        "`arn:aws:s3:::b/${aws:username`"}},
      {"space in the name", kIdentity, resource("arn:aws:s3:::b/${aws: username}"),
       {"6:17 error invalid-variable: policy variable name contains a space in "
        "`arn:aws:s3:::b/${aws: username}`"}},
      {"default without quotes", kIdentity, resource("arn:aws:s3:::b/${aws:username, none}"),
       {"6:17 error invalid-variable: policy variable default must be written `${key, "
        "'default'}` in `arn:aws:s3:::b/${aws:username, none}`"}},
      {"valid forms", kIdentity,
       resource("arn:aws:s3:::b/${aws:username}/${aws:PrincipalTag/team, 'none'}/${*}${?}${$}"),
       {}},
      {"in Action", kIdentity, Policy({kAllow, R"("Action": "s3:${aws:username}")", kObjects}),
       {"5:15 error variable-not-allowed: policy variables are not allowed in `Action`"}},
      {"in NotAction", kIdentity,
       Policy({kAllow, R"("NotAction": "${aws:username}:Get")", kObjects}),
       {"5:18 error variable-not-allowed: policy variables are not allowed in `NotAction`"}},
      {"in the account field of a Resource ARN", kIdentity,
       resource("arn:aws:kms:*:${aws:PrincipalAccount}:key/*"),
       {"6:17 warning variable-in-arn-prefix: policy variable before the resource part of ARN "
        "`arn:aws:kms:*:${aws:PrincipalAccount}:key/*`: AWS documents variables only after the "
        "fifth `:`"}},
      {"a colon inside a variable does not split ARN fields", kIdentity,
       resource("arn:aws:iam::111122223333:user/${aws:username}"), {}},
      {"variables in the account and the resource part", kIdentity,
       resource("arn:aws:iam::${aws:PrincipalAccount}:role/${aws:PrincipalTag/team}"),
       {"6:17 warning variable-in-arn-prefix: policy variable before the resource part of ARN "
        "`arn:aws:iam::${aws:PrincipalAccount}:role/${aws:PrincipalTag/team}`: AWS documents "
        "variables only after the fifth `:`"}},
      {"in Principal", kResource,
       Policy({kAllow, R"("Principal": {"AWS": "arn:aws:iam::111122223333:user/${aws:username}"})",
               kGetObject, kObjects}),
       {"5:26 error variable-not-allowed: policy variables are not allowed in `Principal`"}},
      {"in a condition key", kIdentity,
       Policy({kAllow, kGetObject, kObjects,
               R"("Condition": {"StringEquals": {"aws:PrincipalTag/${aws:username}": "x"}})"}),
       {"7:36 error variable-not-allowed: policy variables are not allowed in condition keys"}},
      {"in a Numeric value", kIdentity, condition("NumericEquals", "${aws:username}"),
       {"7:51 error variable-not-allowed: policy variables are not allowed in values of "
        "`NumericEquals` conditions"}},
      {"in an IpAddress value", kIdentity, condition("IpAddress", "${aws:SourceIp}"),
       {"7:47 error variable-not-allowed: policy variables are not allowed in values of "
        "`IpAddress` conditions"}},
      {"in a Null value", kIdentity, condition("Null", "${x:y}"),
       {"7:42 error variable-not-allowed: policy variables are not allowed in values of `Null` "
        "conditions"}},
      {"in a String value", kIdentity, condition("StringEquals", "${aws:username}"), {}},
      {"in an Arn value", kIdentity, condition("ArnLike", "arn:aws:iam::*:user/${aws:username}"),
       {}},
      {"in a Bool value (docs disagree; accepted)", kIdentity,
       condition("Bool", "${aws:MultiFactorAuthPresent}"), {}},
      {"without Version", kIdentity,
       Q("{'Statement': {'Effect': 'Allow', 'Action': 's3:*', 'Resource': "
         "'arn:aws:s3:::b/${aws:username}'}}"),
       {"1:1 warning missing-version: policy has no `Version`: AWS applies the 2008-10-17 "
        "language, where policy variables are plain text",
        "1:65 error variable-needs-version: policy variable in `arn:aws:s3:::b/${aws:username}` "
        "is plain text without `\"Version\": \"2012-10-17\"`"}},
      {"under 2008-10-17", kIdentity,
       Q("{'Version': '2008-10-17', 'Statement': {'Effect': 'Allow', 'Action': 's3:*', "
         "'Resource': '*', 'Condition': {'StringLike': {'s3:prefix': '${aws:username}/*'}}}}"),
       {"1:137 error variable-needs-version: policy variable in `${aws:username}/*` is plain "
        "text without `\"Version\": \"2012-10-17\"`"}},
  };
  RunRows(rows);
}

TEST_CASE("Duplicate keys: duplicate-key everywhere, the last one counts", "[policy]") {
  const std::vector<Row> rows = {
      {"top level", kIdentity,
       Q("{'Version': '2012-10-17', 'Version': '2012-10-17', 'Statement': {'Effect': 'Deny', "
         "'Action': '*', 'Resource': '*'}}"),
       {"1:27 error duplicate-key: duplicate key `Version` in the same object"}},
      {"statement", kIdentity, Policy({kAllow, kGetObject, kObjects, R"("Effect": "Deny")"}),
       {"7:5 error duplicate-key: duplicate key `Effect` in the same object"}},
      {"Action twice is a duplicate, not a conflict", kIdentity,
       Policy({kAllow, kGetObject, kObjects, R"("Action": "s3:PutObject")"}),
       {"7:5 error duplicate-key: duplicate key `Action` in the same object"}},
      {"principal map", kResource,
       Policy({kAllow, R"("Principal": {"AWS": "111122223333", "AWS": "444455556666"})",
               kGetObject}),
       {"5:42 error duplicate-key: duplicate key `AWS` in the same object"}},
      {"condition operators", kIdentity,
       Policy({kAllow, kGetObject, kObjects,
               R"("Condition": {"StringEquals": {"aws:username": "a"}, "StringEquals": {"aws:userid": "b"}})"}),
       {"7:58 error duplicate-key: duplicate key `StringEquals` in the same object"}},
      {"condition keys", kIdentity,
       Policy({kAllow, kGetObject, kObjects,
               R"("Condition": {"StringEquals": {"aws:username": "a", "aws:username": "b"}})"}),
       {"7:57 error duplicate-key: duplicate key `aws:username` in the same object"}},
  };
  RunRows(rows);
  CHECK(ParsePolicy(rows[1].text, kIdentity).notes_of("duplicate-key") ==
        Lines{"the one at line 4, column 5 is ignored: JSON parsers keep only the last one"});

  // The model keeps the last member, as JSON parsers do.
  PolicyResult effect = ParsePolicy(rows[1].text, kIdentity);
  REQUIRE(effect.policy);
  REQUIRE(effect.policy->statements[0].effect);
  CHECK(effect.policy->statements[0].effect->value == Effect::kDeny);
  PolicyResult action = ParsePolicy(rows[2].text, kIdentity);
  REQUIRE(action.policy);
  CHECK(action.policy->statements[0].action->values.size() == 1);
  CHECK(action.policy->statements[0].action->values[0].value == "s3:PutObject");
  PolicyResult ops = ParsePolicy(rows[4].text, kIdentity);
  REQUIRE(ops.policy);
  REQUIRE(ops.policy->statements[0].conditions.size() == 1);
  CHECK(ops.policy->statements[0].conditions[0].key.value == "aws:userid");
  PolicyResult keys = ParsePolicy(rows[5].text, kIdentity);
  REQUIRE(keys.policy);
  REQUIRE(keys.policy->statements[0].conditions.size() == 1);
  CHECK(keys.policy->statements[0].conditions[0].values[0].value == "b");
}

TEST_CASE("100,000 duplicate keys are reported in bounded time and memory", "[policy]") {
  std::string text = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", ";
  for (int i = 0; i < 100000; ++i) text += "\"Action\": \"s3:GetObject\", ";
  text += "\"Resource\": \"*\"}}";
  auto start = std::chrono::steady_clock::now();
  PolicyResult r = ParsePolicy(text, kIdentity);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.policy);
  // 99,999 duplicates; the sink keeps the first 10,000 (DiagnosticSink's cap).
  CHECK(r.diagnostics.size() == DiagnosticSink::kDefaultCap);
  CHECK(r.lines()[0] == "1:85 error duplicate-key: duplicate key `Action` in the same object");
  CHECK(r.policy->statements[0].action->values.size() == 1);
  CHECK(seconds < 10.0);
}

TEST_CASE("invalid-character: IAM's character set in IAM-stored kinds", "[policy]") {
  // U+2019 (right single quote, 3 bytes) and U+1F600 (4 bytes) are outside
  // U+0000-U+00FF; U+00E9 is inside. Escapes are plain ASCII text.
  const std::string kCurly = "\xE2\x80\x99";
  const std::vector<Row> rows = {
      {"curly quote in a Sid", kIdentity,
       Policy({R"("Sid": "Bob)" + kCurly + R"(s")", kAllow, kGetObject, kObjects}),
       {"4:12 error invalid-sid: `Sid` `Bob\xE2\x80\x99s` must contain only letters and digits",
        "4:16 error invalid-character: character U+2019 is not allowed in an identity policy: "
        "IAM accepts only tab, line feed, carriage return and U+0020 to U+00FF"}},
      {"emoji in a resource, once per string", kTrust,
       Policy({kAllow, kEc2Principal, kAssumeRole,
               R"("Condition": {"StringEquals": {"sts:RoleSessionName": "x)" +
                   std::string("\xF0\x9F\x98\x80\xF0\x9F\x98\x80") + R"("}})"}),
       {"7:61 error invalid-character: character U+1F600 is not allowed in a role trust "
        "policy: IAM accepts only tab, line feed, carriage return and U+0020 to U+00FF"}},
      {"Latin-1 is fine", kIdentity,
       Policy({kAllow, kGetObject, R"("Resource": "arn:aws:s3:::b/caf)" + std::string("\xC3\xA9") + "\""}),
       {}},
      {"escaped is fine", kSession,
       Policy({kAllow, kGetObject, R"("Resource": "arn:aws:s3:::b/\u2019")"}), {}},
      {"not checked in resource policies", kResource,
       Policy({kAllow, kAnyone, kGetObject, R"("Resource": "arn:aws:s3:::b/)" + kCurly + "\""}),
       {}},
  };
  RunRows(rows);
}

TEST_CASE("policy-too-large: quota per kind, white space rules", "[policy]") {
  // One statement padded with a long Sid-free resource list.
  auto sized = [](size_t resource_chars, const std::string& indent) {
    std::string text = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":"
                       "\"s3:*\",\"Resource\":\"arn:aws:s3:::" +
                       std::string(resource_chars, 'b') + "\"}}";
    if (!indent.empty()) {
      std::string spaced;
      for (char c : text) {
        spaced += c;
        if (c == ',') spaced += "\n" + indent;
      }
      text = spaced;
    }
    return text;
  };
  constexpr size_t kBase = 97;
  // A trust policy whose sts:ExternalId value has `value_chars` characters.
  auto trust_sized = [](size_t value_chars, const std::string& value_char) {
    std::string value;
    for (size_t i = 0; i < value_chars; ++i) value += value_char.empty() ? "x" : value_char;
    return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":"
           "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
           "{\"StringEquals\":{\"sts:ExternalId\":\"" +
           value + "\"}}}}";
  };
  constexpr size_t kTrustBase = 176;
  REQUIRE(trust_sized(0, "").size() == kTrustBase);
  // The minified text without the bucket name is 97 characters.
  REQUIRE(sized(0, "").size() == kBase);
  struct SizeRow {
    std::string name;
    PolicyKind kind;
    std::string text;
    Lines expected;
  };
  const std::vector<SizeRow> rows = {
      {"identity at the quota", PolicyKind::kIdentity, sized(6144 - kBase, ""), {}},
      {"identity one over the managed quota", PolicyKind::kIdentity, sized(6145 - kBase, ""),
       {"1:1 warning policy-too-large: policy has 6145 characters without white space, over the "
        "6144-character quota of a customer managed policy"}},
      {"identity over every quota", PolicyKind::kIdentity, sized(10241 - kBase, ""),
       {"1:1 error policy-too-large: policy has 10241 characters without white space, over every "
        "identity-policy quota (6144 managed, 10240 inline in a role)"}},
      {"boundary one over", PolicyKind::kBoundary, sized(6145 - kBase, ""),
       {"1:1 error policy-too-large: policy has 6145 characters without white space, over the "
        "6144-character quota of a permissions boundary"}},
      {"identity formatting does not count", PolicyKind::kIdentity,
       sized(6144 - kBase, "          "), {}},
      {"trust", PolicyKind::kTrust, trust_sized(2049 - kTrustBase, ""),
       {"1:1 error policy-too-large: policy has 2049 characters without white space, over the "
        "2048-character quota of a role trust policy"}},
      {"session", PolicyKind::kSession, sized(2049 - kBase, ""),
       {"1:1 error policy-too-large: policy has 2049 characters without white space, over the "
        "2048-character quota of a session policy"}},
      {"scp minified over", PolicyKind::kScp, sized(5121 - kBase, ""),
       {"1:1 error policy-too-large: policy has 5121 characters without formatting, over the "
        "5120-character quota of a service control policy"}},
      {"scp over only with formatting", PolicyKind::kScp, sized(5120 - kBase, "  "),
       {"1:1 warning policy-too-large: policy has 5129 characters including white space, over "
        "the 5120-character quota of a service control policy if uploaded as written"}},
      {"rcp at the quota", PolicyKind::kRcp,
       "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\","
       "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::" +
           std::string(5120 - kBase - 16, 'b') + "\"}}",
       {}},
  };
  for (const SizeRow& row : rows) {
    CAPTURE(row.name);
    PolicyResult r = ParsePolicy(row.text, row.kind);
    CHECK(r.lines() == row.expected);
  }
  // Spaces inside strings: certainly counted by AWS? Unknown, so a warning.
  CHECK(ParsePolicy(trust_sized(2048 - kTrustBase, " "), PolicyKind::kTrust).lines().empty());
  CHECK(ParsePolicy(trust_sized(2049 - kTrustBase, " "), PolicyKind::kTrust).lines() ==
        Lines{"1:1 warning policy-too-large: policy has 2049 characters without formatting, "
              "over the 2048-character quota of a role trust policy if spaces inside strings "
              "count"});
  // The IAM API refuses documents over 131,072 characters as sent, even when
  // the quota (which ignores white space) is met.
  std::string padded = sized(100, "");
  padded.insert(1, std::string(131073 - padded.size(), '\n'));
  REQUIRE(padded.size() == 131073);
  CHECK(ParsePolicy(padded, PolicyKind::kIdentity).lines() ==
        Lines{"1:1 error policy-too-large: policy has 131073 characters including white space, "
              "over the 131072-character limit of the IAM API"});
  CHECK(ParsePolicy(padded.substr(0, 1) + padded.substr(2), PolicyKind::kIdentity)
            .lines()
            .empty());
  // Not an IAM API kind: Organizations and S3 have their own limits.
  CHECK_FALSE(ParsePolicy(padded, PolicyKind::kResource).has("policy-too-large"));
  // check_size = false turns the check off.
  CHECK(ParsePolicy(sized(6145 - kBase, ""), kIdentity, /*check_size=*/false).lines().empty());
  CHECK(SizeQuotaFor(PolicyKind::kResource).limit == 20480);
  CHECK(SizeQuotaFor(PolicyKind::kBoundary).limit == 6144);
  CHECK(SizeQuotaFor(PolicyKind::kScp).whitespace_counts);
  CHECK_FALSE(SizeQuotaFor(PolicyKind::kIdentity).whitespace_counts);
}

TEST_CASE("empty-list: empty arrays and principal maps match nothing", "[policy]") {
  const std::vector<Row> rows = {
      {"Action", kIdentity, Policy({kAllow, R"("Action": [])", kObjects}),
       {"5:15 warning empty-list: `Action` is an empty list: the statement matches nothing"}},
      {"Resource", kIdentity, Policy({kAllow, kGetObject, R"("Resource": [])"}),
       {"6:17 warning empty-list: `Resource` is an empty list: the statement matches nothing"}},
      {"Principal {}", kResource, Policy({kAllow, R"("Principal": {})", kGetObject}),
       {"5:18 warning empty-list: `Principal` is empty: the statement matches nobody"}},
      {"AWS []", kResource, Policy({kAllow, R"("Principal": {"AWS": []})", kGetObject}),
       {"5:26 warning empty-list: `AWS` principal list is empty: it matches nobody"}},
      {"condition values []", kIdentity,
       Policy({kAllow, kGetObject, kObjects,
               R"("Condition": {"StringEquals": {"aws:username": []}})"}),
       {"7:52 warning empty-list: condition key `aws:username` has an empty list of values"}},
  };
  RunRows(rows);
}

TEST_CASE("Kind inference: identity, resource or trust, with the reason", "[policy]") {
  struct KindRow {
    std::string name;
    std::string text;
    PolicyKind kind;
    std::string reason;
  };
  const std::vector<KindRow> rows = {
      {"no Principal", Policy({kAllow, kGetObject, kObjects}), PolicyKind::kIdentity,
       "no statement names a `Principal`"},
      {"Principal and an S3 action", Policy({kAllow, kAccountPrincipal, kGetObject, kObjects}),
       PolicyKind::kResource, "statement 1 names a `Principal`"},
      {"Principal in a named statement",
       Policy({R"("Sid": "Public")", kAllow, kAnyone, kGetObject, kObjects}),
       PolicyKind::kResource, "statement `Public` names a `Principal`"},
      {"Principal, sts:AssumeRole, no Resource", Policy({kAllow, kEc2Principal, kAssumeRole}),
       PolicyKind::kTrust,
       "statements name a `Principal`, only `sts:AssumeRole*`-family actions and no `Resource`"},
      {"trust with session extras and wildcards",
       Policy({kAllow, kEc2Principal, R"("Action": ["STS:assumerole", "sts:TagSession", "sts:Set*"])"}),
       PolicyKind::kTrust,
       "statements name a `Principal`, only `sts:AssumeRole*`-family actions and no `Resource`"},
      {"sts action with a Resource", Policy({kAllow, kEc2Principal, kAssumeRole, kAnyResource}),
       PolicyKind::kResource, "statement 1 names a `Principal`"},
      {"sts action that is not a trust action",
       Policy({kAllow, kEc2Principal, R"("Action": "sts:GetCallerIdentity")"}),
       PolicyKind::kResource, "statement 1 names a `Principal`"},
      {"NotAction", Policy({kAllow, kEc2Principal, R"("NotAction": "sts:AssumeRole")"}),
       PolicyKind::kResource, "statement 1 names a `Principal`"},
  };
  for (const KindRow& row : rows) {
    CAPTURE(row.name);
    PolicyResult r = ParsePolicy(row.text);
    REQUIRE(r.policy);
    CHECK(r.policy->kind == row.kind);
    CHECK(r.policy->kind_inferred);
    CHECK(r.policy->kind_reason == row.reason);
  }
  // A given kind is used as is: no inference, no reason.
  PolicyResult given = ParsePolicy(Policy({kAllow, kEc2Principal, kAssumeRole}), kResource);
  REQUIRE(given.policy);
  CHECK(given.policy->kind == PolicyKind::kResource);
  CHECK_FALSE(given.policy->kind_inferred);
  CHECK(given.policy->kind_reason.empty());
  // The same text gives different findings per kind.
  CHECK(ParsePolicy(Policy({kAllow, kAnyone, kGetObject, kObjects})).lines().empty());
  CHECK(ParsePolicy(Policy({kAllow, kAnyone, kGetObject, kObjects}), kIdentity).lines() ==
        Lines{"5:5 error principal-not-allowed: an identity policy must not have `Principal`"});
}

TEST_CASE("The model records values, shapes and spans", "[policy]") {
  std::string text = Policy({
      R"("Sid": "S1")",                                          // line 4
      kAllow,                                                    // line 5
      R"("Principal": {"AWS": ["111122223333", "*"], "Service": "ec2.amazonaws.com"})",  // 6
      R"("NotAction": "s3:Delete*")",                            // line 7
      R"("Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"])",   // line 8
      R"("Condition": {"NumericLessThan": {"s3:max-keys": 10}, "ForAnyValue:StringLike": {"aws:TagKeys": ["a*", true]}})",
  });
  PolicyResult r = ParsePolicy(text, kResource);
  REQUIRE(r.lines().empty());
  REQUIRE(r.policy);
  const PolicyDocument& doc = *r.policy;
  CHECK(doc.kind == PolicyKind::kResource);
  CHECK(doc.version->value == "2012-10-17");
  CHECK(r.Where(doc.version->span) == "2:14");
  CHECK(doc.variables_enabled());
  CHECK(r.Where(doc.statement_span) == "3:16");
  REQUIRE(doc.statements.size() == 1);
  const Statement& st = doc.statements[0];
  CHECK(st.index == 0);
  CHECK(r.Where(st.span) == "3:17");
  CHECK(st.sid->value == "S1");
  CHECK(st.Label() == "S1");
  CHECK(st.effect->value == Effect::kAllow);
  CHECK(r.Where(st.effect->span) == "5:15");

  REQUIRE(st.principal);
  CHECK_FALSE(st.principal->negated);
  CHECK_FALSE(st.principal->wildcard);
  CHECK(r.Where(st.principal->key_span) == "6:5");
  REQUIRE(st.principal->entries.size() == 3);
  CHECK(st.principal->entries[0].type == PrincipalType::kAws);
  CHECK(st.principal->entries[0].value.value == "111122223333");
  CHECK(r.Where(st.principal->entries[0].value.span) == "6:27");
  CHECK(st.principal->entries[1].value.value == "*");
  CHECK(st.principal->entries[2].type == PrincipalType::kService);

  REQUIRE(st.action);
  CHECK(st.action->negated);
  CHECK(st.action->single_string);
  CHECK(r.Where(st.action->key_span) == "7:5");
  CHECK(r.Where(st.action->values[0].span) == "7:18");

  REQUIRE(st.resource);
  CHECK_FALSE(st.resource->negated);
  CHECK_FALSE(st.resource->single_string);
  REQUIRE(st.resource->values.size() == 2);
  CHECK(st.resource->values[1].value == "arn:aws:s3:::b/*");
  CHECK(r.Where(st.resource->values[1].span) == "8:36");

  CHECK(st.has_condition);
  CHECK(r.Where(st.condition_span) == "9:18");
  REQUIRE(st.conditions.size() == 2);
  const ConditionEntry& numeric = st.conditions[0];
  CHECK(numeric.operator_text.value == "NumericLessThan");
  REQUIRE(numeric.op);
  CHECK(numeric.op->base == BaseOperator::kNumericLessThan);
  CHECK(numeric.key.value == "s3:max-keys");
  CHECK(numeric.single_value);
  REQUIRE(numeric.values.size() == 1);
  CHECK(numeric.values[0].value == "10");  // a JSON number, as its source text
  const ConditionEntry& like = st.conditions[1];
  CHECK(like.op->qualifier == SetQualifier::kForAnyValue);
  CHECK_FALSE(like.single_value);
  REQUIRE(like.values.size() == 2);
  CHECK(like.values[1].value == "true");  // a JSON boolean, as its source text
  CHECK(r.Where(like.values[1].span) == "9:108");

  // Bare "*" principal and an unknown operator (kept, with no op).
  PolicyResult star = ParsePolicy(
      Policy({kDeny, kAnyone, kGetObject, R"("Condition": {"StringEqual": {"aws:username": "a"}})"}),
      kResource);
  REQUIRE(star.policy);
  CHECK(star.policy->statements[0].principal->wildcard);
  CHECK(star.policy->statements[0].principal->entries.empty());
  REQUIRE(star.policy->statements[0].conditions.size() == 1);
  CHECK_FALSE(star.policy->statements[0].conditions[0].op.has_value());
}

TEST_CASE("User input in messages stays on one line and is cut when long", "[policy]") {
  std::string long_name(300, 'x');
  const std::vector<Row> rows = {
      {"escaped newline and tab in a key", kIdentity,
       Policy({kAllow, kGetObject, kObjects, R"("Ef\nfe\tct": 1)"}),
       {"7:5 error unknown-element: unknown statement element `Ef\\nfe\\tct`"}},
      {"control character in a value", kIdentity,
       Policy({R"("Effect": "Allow\u0001")", kGetObject, kObjects}),
       {"4:15 error invalid-effect: invalid `Effect` `Allow\\x01`: expected `Allow` or `Deny`"}},
      {"a 300-character resource", kIdentity,
       Policy({kAllow, kGetObject, R"("Resource": ")" + long_name + "\""}),
       {"6:17 error invalid-resource: resource `" + std::string(200, 'x') +
        "...` must be an ARN or `*`"}},
  };
  RunRows(rows);
}

TEST_CASE("Random byte mutations of a policy never crash; spans stay inside the input",
          "[policy]") {
  const std::string base = Policy({R"("Sid": "S1")", kAllow, kAnyone, R"("Action": ["s3:Get*", "s3:List*"])",
                                   R"("Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/${aws:username}/*"])",
                                   R"("Condition": {"ForAnyValue:StringLike": {"aws:TagKeys": ["a*", 1, true]}, "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})"});
  const char kAlphabet[] = "{}[]:,\"\\ aA*?${}:/0\x01\xC3\xA9\xFF\xED";
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) & 0xFFFFFFu;
  };
  const std::optional<PolicyKind> kinds[] = {kInfer, kIdentity, kResource, kTrust, kScp, kRcp};
  size_t read_ok = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = base;
    int edits = 1 + static_cast<int>(next() % 4);
    for (int e = 0; e < edits; ++e) {
      size_t at = next() % text.size();
      char c = kAlphabet[next() % (sizeof kAlphabet - 1)];
      switch (next() % 3) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(at, 1, c);
          break;
        default:
          text.erase(at, 1);
      }
    }
    CAPTURE(round, text);
    PolicyResult r = ParsePolicy(text, kinds[round % 6]);
    if (r.policy) ++read_ok;
    for (const Diagnostic& d : r.diagnostics) {
      CHECK(d.span.begin <= d.span.end);
      CHECK(d.span.end <= text.size());
      CHECK_FALSE(d.message.empty());
      // Message style: one line, no final period, lowercase start (or user
      // input in backticks, or an acronym such as IAM or ARN).
      std::string first_word = d.message.substr(0, d.message.find(' '));
      bool acronym = first_word.size() > 1 &&
                     std::all_of(first_word.begin(), first_word.end(),
                                 [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
      CHECK((std::islower(static_cast<unsigned char>(d.message[0])) || d.message[0] == '`' ||
             acronym));
      CHECK(d.message.back() != '.');
      CHECK(d.message.find('\n') == std::string::npos);
    }
  }
  CHECK(read_ok > 500);  // many mutations still read as JSON and reach the builder
}

TEST_CASE("Diagnostics keep coming after the first problem", "[policy]") {
  std::string text = Policy({R"("Sid": "bad sid")", R"("Effect": "allow")",
                             R"("Action": "*:*")", R"("Resource": "bucket")"});
  CHECK(ParsePolicy(text, kIdentity).lines() ==
        Lines{"4:12 error invalid-sid: `Sid` `bad sid` must contain only letters and digits",
              "5:15 error invalid-effect: invalid `Effect` `allow`: expected `Allow` or `Deny`",
              "6:15 error action-service-wildcard: wildcard in the service prefix of action `*:*`",
              "7:17 error invalid-resource: resource `bucket` must be an ARN or `*`"});
}

}  // namespace
}  // namespace iamlint

namespace iamlint {
namespace {

TEST_CASE("too-many-statements: statements past max_statements are not read", "[policy]") {
  const std::string statement = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}";
  std::string text = "{\"Version\":\"2012-10-17\",\"Statement\":[";
  for (int i = 0; i < 5; ++i) text += (i > 0 ? "," : "") + statement;
  text += "]}";
  SourceManager sources;
  const SourceId id = sources.AddBuffer("p.json", text);
  JsonDocument doc;
  DiagnosticSink read_sink;
  REQUIRE(ReadJson(sources, id, JsonReadOptions{}, &doc, read_sink));
  PolicyBuildOptions options;
  options.max_statements = 3;
  DiagnosticSink sink;
  std::optional<PolicyDocument> policy = BuildPolicy(sources, doc.root(), options, sink);
  REQUIRE(policy);
  CHECK(policy->statements.size() == 3);
  CHECK(testing::FormatDiagnostics(sources, sink.diagnostics()) ==
        testing::Lines{"1:" + std::to_string(38 + 3 * (statement.size() + 1)) +
                       " error too-many-statements: policy has 5 statements, more than the "
                       "limit of 3; the rest are not read"});
  // The default is far above any policy AWS accepts.
  CHECK(PolicyBuildOptions{}.max_statements == 8192);
}

}  // namespace
}  // namespace iamlint
