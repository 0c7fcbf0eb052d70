// Policy generation: principal filters, collapse, Sid grouping, escaping,
// the exact JSON text, and the round trip — the generated policy allows
// every recorded request and nothing next to it, with the index and with
// the reference evaluator path alike.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/generate/policy_generator.h"
#include "tests/engine/generate/generate_testing.h"

namespace iamlint {
namespace {

using testing::Q;
using testing::ReadTrailFixture;
using testing::ReadTrailText;
using testing::Trail;

const Catalog& Cat() { return Catalog::BuiltIn(); }

Needs NeedsOf(const Trail& t, const PrincipalFilter& filter = {}) {
  Needs needs;
  AddEvents(Cat(), t.events(), filter, &needs);
  return needs;
}

NeededRequest Probe(const std::string& principal, const std::string& action, const std::string& resource) {
  NeededRequest r;
  r.principal = principal;
  std::optional<ActionId> id = Cat().FindAction(action);
  REQUIRE(id);
  r.action = *id;
  r.resource = resource;
  return r;
}

// "Sid: actions | resources" per statement.
std::vector<std::string> Outline(const GeneratedPolicy& p) {
  std::vector<std::string> out;
  for (const GeneratedStatement& s : p.statements) {
    std::string line = s.sid + ":";
    for (const std::string& a : s.actions) line += " " + a;
    line += " |";
    for (const std::string& r : s.resources) line += " " + r;
    out.push_back(line);
  }
  return out;
}

// Every exact recorded ARN with a suffix: a different resource of the same
// kind, which a policy listing exact ARNs must deny.
std::vector<NeededRequest> Neighbours(const std::vector<NeededRequest>& needed) {
  std::vector<NeededRequest> out;
  for (const NeededRequest& r : needed) {
    if (r.unrecorded || r.resource == "*") continue;
    NeededRequest n = r;
    n.resource += "-other";
    out.push_back(n);
  }
  return out;
}

TEST_CASE("generate: principal filters and what counts", "[generate]") {
  Trail t = ReadTrailFixture("workload.jsonl");
  Needs all = NeedsOf(t);
  CHECK(all.records == 15);
  CHECK(all.used == 14);
  CHECK(all.failed_used == 1);
  CHECK(all.unmapped == std::map<std::string, size_t>{
                            {"`apigateway:CreateStage` (apigateway.amazonaws.com CreateStage)", 1}});
  CHECK(all.requests.size() == 18);

  Needs role = NeedsOf(t, {"", "app-role", "", false});
  CHECK(role.used == 12);
  CHECK(role.filtered_out == 2);
  Needs carol = NeedsOf(t, {"carol", "", "", false});
  CHECK(carol.used == 2);
  CHECK(carol.requests.size() == 2);
  CHECK(carol.requests[0].principal == "arn:aws:iam::444455556666:user/ops/carol");
  Needs key = NeedsOf(t, {"", "", "AKIAEXAMPLECAROL0001", false});
  CHECK(key.used == 2);
  Needs both = NeedsOf(t, {"carol", "app-role", "", false});
  CHECK(both.used == 0);
  CHECK(both.filtered_out == 15);
  Needs ok = NeedsOf(t, {"", "app-role", "", true});
  CHECK(ok.used == 11);
  CHECK(ok.failed_skipped == 1);
  CHECK(ok.failed_used == 0);

  Trail signin = ReadTrailText(Q("{'eventSource': 'signin.amazonaws.com', 'eventName': 'ConsoleLogin', "
                                 "'eventType': 'AwsConsoleSignIn'}"));
  Needs s = NeedsOf(signin);
  CHECK(s.not_api_calls == 1);
  CHECK(s.used == 0);
  Trail other = ReadTrailText(Q("{'eventSource': 'example.com', 'eventName': 'Anything'}"));
  CHECK(NeedsOf(other).unmapped == std::map<std::string, size_t>{
                                       {"no IAM action for event source `example.com` (example.com Anything)", 1}});
}

TEST_CASE("generate: statements grouped by service and class, with readable Sids", "[generate]") {
  Trail t = ReadTrailFixture("workload.jsonl");
  GeneratedPolicy p = GeneratePolicy(Cat(), NeedsOf(t).requests, {});
  CHECK(Outline(p) == std::vector<std::string>{
      "Dynamodb: dynamodb:GetItem | arn:aws:dynamodb:us-east-1:444455556666:table/orders",
      "Ec2Read: ec2:DescribeInstances | *",
      "Ec2WriteInstance: ec2:StopInstances | arn:aws:ec2:us-east-1:444455556666:instance/i-0bbb2222",
      "Ec2WriteInstance2: ec2:RunInstances | arn:aws:ec2:us-east-1:444455556666:instance/i-0bbb2222 "
      "arn:aws:ec2:us-east-1::image/ami-0abc1234",
      "IamReadAll: iam:ListUsers | *",
      "IamReadUser: iam:GetUser | arn:aws:iam::444455556666:user/dave",
      "IamWrite: iam:PassRole | arn:aws:iam::444455556666:role/*",
      "Kms: kms:Decrypt | arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      "LambdaRead: lambda:GetFunction | arn:aws:lambda:us-east-1:444455556666:function:thumbnailer",
      "LambdaWrite: lambda:InvokeFunction | arn:aws:lambda:us-east-1:444455556666:function:thumbnailer",
      "S3Read: s3:GetObject | arn:aws:s3:::src-bucket/data/a.txt arn:aws:s3:::src-bucket/data/secret.txt",
      "S3WriteObject: s3:PutObject | arn:aws:s3:::dst-bucket/copies/a.txt",
      "S3WriteObject2: s3:DeleteObject | arn:aws:s3:::tmp-bucket/x/1 arn:aws:s3:::tmp-bucket/x/2",
      "StsRead: sts:GetCallerIdentity | *",
      "StsWrite: sts:AssumeRole | arn:aws:iam::444455556666:role/deployer",
  });
  // Actions with the same resources, service and class share a statement.
  Trail shared = ReadTrailText(Q(
      "{'Records': ["
      "{'eventSource': 's3.amazonaws.com', 'eventName': 'GetObject', 'requestParameters': {'bucketName': 'b', 'key': 'k'}},"
      "{'eventSource': 's3.amazonaws.com', 'eventName': 'GetObjectTagging', 'requestParameters': {'bucketName': 'b', 'key': 'k'}},"
      "{'eventSource': 's3.amazonaws.com', 'eventName': 'PutObject', 'requestParameters': {'bucketName': 'b', 'key': 'k'}},"
      "{'eventSource': 's3.amazonaws.com', 'eventName': 'PutObjectTagging', 'requestParameters': {'bucketName': 'b', 'key': 'k'}}]}"));
  CHECK(Outline(GeneratePolicy(Cat(), NeedsOf(shared).requests, {})) == std::vector<std::string>{
      "S3Read: s3:GetObject s3:GetObjectTagging | arn:aws:s3:::b/k",
      "S3Write: s3:PutObject s3:PutObjectTagging | arn:aws:s3:::b/k",
  });
}

TEST_CASE("generate: collapse more than N ARNs of one kind to their common prefix", "[generate]") {
  Trail t = ReadTrailFixture("seven-objects.json");
  std::vector<NeededRequest> needed = NeedsOf(t).requests;
  REQUIRE(needed.size() == 8);
  GeneratedPolicy five = GeneratePolicy(Cat(), needed, {5});
  CHECK(five.collapsed == 1);
  CHECK(Outline(five) == std::vector<std::string>{
                             "S3: s3:GetObject | arn:aws:s3:::archive-bucket/2019/all.csv "
                             "arn:aws:s3:::reports-bucket/2026/q*"});
  GeneratedPolicy seven = GeneratePolicy(Cat(), needed, {7});
  CHECK(seven.collapsed == 0);
  CHECK(seven.statements.at(0).resources.size() == 8);
  GeneratedPolicy never = GeneratePolicy(Cat(), needed, {0});
  CHECK(never.collapsed == 0);
  CHECK(never.statements.at(0).resources.size() == 8);
  GeneratedPolicy one = GeneratePolicy(Cat(), needed, {1});
  CHECK(one.collapsed == 1);
  CHECK(one.statements.at(0).resources ==
        std::vector<std::string>{"arn:aws:s3:::archive-bucket/2019/all.csv", "arn:aws:s3:::reports-bucket/2026/q*"});

  CHECK(ArnCluster("arn:aws:s3:::reports-bucket/2026/q1.csv") == "arn:aws:s3:::reports-bucket/");
  CHECK(ArnCluster("arn:aws:s3:::reports-bucket") == "arn:aws:s3:::");
  CHECK(ArnCluster("arn:aws:ec2:us-east-1:1:instance/i-1") == "arn:aws:ec2:us-east-1:1:instance/");
  CHECK(ArnCluster("arn:aws:lambda:us-east-1:1:function:f") == "arn:aws:lambda:us-east-1:1:function:");
  CHECK(ArnCluster("arn:aws") == "arn:aws");
  CHECK(CommonPrefix({"abc", "abd", "ab"}) == "ab");
  CHECK(CommonPrefix({"x"}) == "x");
}

TEST_CASE("generate: recorded `$`, `*` and `?` stay literal", "[generate]") {
  CHECK(EscapeResourceLiteral("a$b*c?d") == "a${$}b${*}c${?}d");
  CHECK(EscapeResourceLiteral("arn:aws:iam::*:user/a*") == "arn:aws:iam::*:user/a${*}");
  CHECK(EscapeResourceLiteral("arn:aws:s3:::b/$") == "arn:aws:s3:::b/${$}");
  Trail t = ReadTrailFixture("eventbridge.json");
  std::vector<NeededRequest> needed = NeedsOf(t).requests;
  GeneratedPolicy p = GeneratePolicy(Cat(), needed, {});
  CHECK(Outline(p) == std::vector<std::string>{
                          "S3: s3:PutObject | arn:aws:s3:::drop-bucket/in/${$}weird${*}name${?}.txt"});
  std::string json = PolicyToJson(p);
  ProofResult proof = ProvePolicy(Cat(), json, needed);
  CHECK(proof.allowed == 1);
  std::vector<NeededRequest> probes = {
      Probe(needed[0].principal, "s3:PutObject", "arn:aws:s3:::drop-bucket/in/$weirdXXname!.txt")};
  CHECK(ProvePolicy(Cat(), json, probes).denied == std::vector<size_t>{0});
}

TEST_CASE("generate: the policy text is pretty-printed in a stable order", "[generate]") {
  Trail t = ReadTrailText(Q(
      "{'Records': ["
      "{'userIdentity': {'arn': 'arn:aws:iam::111122223333:user/alice'}, 'eventSource': 's3.amazonaws.com',"
      " 'eventName': 'GetObject', 'requestParameters': {'bucketName': 'reports-bucket', 'key': 'q2.csv'}},"
      "{'userIdentity': {'arn': 'arn:aws:iam::111122223333:user/alice'}, 'eventSource': 's3.amazonaws.com',"
      " 'eventName': 'HeadObject', 'requestParameters': {'bucketName': 'reports-bucket', 'key': 'q1.csv'}},"
      "{'userIdentity': {'arn': 'arn:aws:iam::111122223333:user/alice'}, 'eventSource': 's3.amazonaws.com',"
      " 'eventName': 'ListBuckets'}]}"));
  GeneratedPolicy p = GeneratePolicy(Cat(), NeedsOf(t).requests, {});
  CHECK(PolicyToJson(p) ==
        "{\n"
        "  \"Version\": \"2012-10-17\",\n"
        "  \"Statement\": [\n"
        "    {\n"
        "      \"Sid\": \"S3ReadAll\",\n"
        "      \"Effect\": \"Allow\",\n"
        "      \"Action\": \"s3:ListAllMyBuckets\",\n"
        "      \"Resource\": \"*\"\n"
        "    },\n"
        "    {\n"
        "      \"Sid\": \"S3ReadObject\",\n"
        "      \"Effect\": \"Allow\",\n"
        "      \"Action\": \"s3:GetObject\",\n"
        "      \"Resource\": [\n"
        "        \"arn:aws:s3:::reports-bucket/q1.csv\",\n"
        "        \"arn:aws:s3:::reports-bucket/q2.csv\"\n"
        "      ]\n"
        "    }\n"
        "  ]\n"
        "}\n");
  CHECK(PolicyToJson(GeneratedPolicy{}) == "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n");
}

TEST_CASE("generate: round trip — exactly the recorded requests, both evaluator paths", "[generate]") {
  for (const char* fixture : {"workload.jsonl", "seven-objects.json", "eventbridge.json"}) {
    CAPTURE(fixture);
    Trail t = ReadTrailFixture(fixture);
    std::vector<NeededRequest> needed = NeedsOf(t).requests;
    for (size_t collapse : {size_t{0}, size_t{5}}) {
      CAPTURE(collapse);
      std::string json = PolicyToJson(GeneratePolicy(Cat(), needed, {collapse}));
      ProofResult indexed = ProvePolicy(Cat(), json, needed, true);
      ProofResult reference = ProvePolicy(Cat(), json, needed, false);
      CHECK(indexed.policy_valid);
      CHECK(indexed.policy_errors.empty());
      CHECK(indexed.allowed == needed.size());
      CHECK(indexed.denied == std::vector<size_t>{});
      CHECK(indexed.other_actions == 0);
      CHECK(reference.allowed == indexed.allowed);
      CHECK(reference.denied == indexed.denied);
      if (collapse == 0) {
        std::vector<NeededRequest> neighbours = Neighbours(needed);
        ProofResult probe = ProvePolicy(Cat(), json, neighbours, true);
        ProofResult probe_reference = ProvePolicy(Cat(), json, neighbours, false);
        CHECK(probe.allowed == 0);
        CHECK(probe.denied.size() == neighbours.size());
        CHECK(probe_reference.denied == probe.denied);
      }
    }
  }
  // Other actions on the recorded resources are denied.
  Trail t = ReadTrailFixture("workload.jsonl");
  std::vector<NeededRequest> needed = NeedsOf(t).requests;
  std::string json = PolicyToJson(GeneratePolicy(Cat(), needed, {}));
  const std::string role = "arn:aws:sts::444455556666:assumed-role/app-role/i-0aaa1111";
  std::vector<NeededRequest> probes = {
      Probe(role, "s3:PutObject", "arn:aws:s3:::src-bucket/data/a.txt"),
      Probe(role, "s3:GetObject", "arn:aws:s3:::dst-bucket/copies/a.txt"),
      Probe(role, "ec2:TerminateInstances", "arn:aws:ec2:us-east-1:444455556666:instance/i-0bbb2222"),
      Probe(role, "lambda:UpdateFunctionCode", "arn:aws:lambda:us-east-1:444455556666:function:thumbnailer"),
      Probe(role, "kms:Encrypt", "arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
      Probe(role, "iam:ListRoles", "*"),
      Probe(role, "s3:GetObject", "arn:aws:s3:::src-bucket/data/a.txt"),
  };
  ProofResult proof = ProvePolicy(Cat(), json, probes);
  CHECK(proof.denied == std::vector<size_t>{0, 1, 2, 3, 4, 5});
  CHECK(proof.allowed == 1);
}

TEST_CASE("generate: request cases and the proof summary", "[generate]") {
  Needs needs;
  Request r;
  r.set_principal("arn:aws:iam::111122223333:user/alice");
  r.set_action("s3:getobject");
  r.set_resource("arn:aws:s3:::reports-bucket/q1.csv");
  r.Finish();
  AddCaseRequest(Cat(), r, Span{}, &needs);
  Request typo;
  typo.set_action("s3:GetObjekt");
  typo.Finish();
  AddCaseRequest(Cat(), typo, Span{}, &needs);
  Request anonymous;
  anonymous.set_action("s3:ListAllMyBuckets");
  anonymous.set_resource("arn:aws:s3:::ignored");
  anonymous.Finish();
  AddCaseRequest(Cat(), anonymous, Span{}, &needs);
  CHECK(needs.records == 3);
  CHECK(needs.used == 2);
  CHECK(needs.unmapped == std::map<std::string, size_t>{{"`s3:GetObjekt` (request case)", 1}});
  REQUIRE(needs.requests.size() == 2);
  CHECK(needs.requests[0].principal == "arn:aws:iam::111122223333:user/alice");
  CHECK(Cat().FullName(needs.requests[0].action) == "s3:GetObject");
  CHECK(needs.requests[1].principal == std::string(kDefaultCaller));
  CHECK(needs.requests[1].resource == "*");

  ProofResult proof;
  proof.allowed = 12;
  CHECK(ProofSummary(proof, 12) == "12 of 12 recorded requests allowed; also allows 0 other actions");
  ProofResult one;
  one.allowed = 1;
  one.other_actions = 1;
  one.other_by_service["s3"] = {0, 1, 0, 0, 0};
  CHECK(ProofSummary(one, 1) == "1 of 1 recorded request allowed; also allows 1 other action (s3: 1 Read)");
  proof.other_actions = 3;
  proof.other_by_service["s3"] = {1, 2, 0, 0, 0};
  proof.other_by_service["ec2"] = {0, 0, 0, 0, 1};
  CHECK(ProofSummary(proof, 13) == "12 of 13 recorded requests allowed; also allows 3 other actions "
                                   "(ec2: 1 Tagging; s3: 1 List, 2 Read)");
  // A wildcard action is what the other-actions count is for.
  std::string wide = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                     "\"Action\": \"sts:Get*\", \"Resource\": \"*\"}]}";
  ProofResult p = ProvePolicy(Cat(), wide, {Probe("arn:aws:iam::1:user/u", "sts:GetCallerIdentity", "*")});
  CHECK(p.allowed == 1);
  CHECK(p.other_actions == Cat().Expand("sts:Get*").size() - 1);
}

}  // namespace
}  // namespace iamlint
