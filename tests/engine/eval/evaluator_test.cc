// Authorize() end to end through the case format: action, resource and
// principal matching (semantics §2), the traps of §8 as named tests, the
// classic demo, the decisive statements (§5.2) and the explanations.
//
// Every request here also runs with the index off and with a trace; the
// harness checks that all three agree (eval_harness.h).
#include "engine/eval/evaluator.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/engine/eval/eval_harness.h"

namespace iamlint {
namespace {

using evaltest::Allow;
using evaltest::AllowTo;
using evaltest::Aws;
using evaltest::CaseSpec;
using evaltest::Deny;
using evaltest::FullAwsAccess;
using evaltest::JsonString;
using evaltest::Outcome;
using evaltest::Policy;
using evaltest::Run;
using evaltest::S;
using testing::Q;

const std::string kAlice(evaltest::kAlice);
const std::string kBob(evaltest::kBob);
const std::string kSession(evaltest::kSessionR1);
const std::string kRootA(evaltest::kRootA);
const std::string kCarol(evaltest::kCarolB);

// ---------------------------------------------------------------------------
// Actions (§2.2, §2.3).

// An identity statement {"Effect":"Allow", <action_json>, "Resource":"*"}.
bool ActionAllows(const std::string& action_element, const std::string& request_action) {
  CaseSpec c;
  c.identity = {Policy({"{\"Effect\":\"Allow\"," + action_element + ",\"Resource\":\"*\"}"})};
  c.action = request_action;
  c.resource = "*";
  return Run(c).decision == "Allow";
}

TEST_CASE("Action matching: service literal, name glob, both case-insensitive (§2.2)",
          "[eval]") {
  struct Row {
    const char* element;
    const char* action;
    bool want;
  };
  const std::vector<Row> rows = {
      {"'Action':'s3:GetObject'", "s3:GetObject", true},
      {"'Action':'s3:GetObject'", "S3:getobject", true},
      {"'Action':'IAM:listaccesskeys'", "iam:ListAccessKeys", true},
      {"'Action':'s3:GetObject'", "s3:GetObjectAcl", false},
      {"'Action':'s3:GetObject'", "s3:PutObject", false},
      {"'Action':'s3:Get*'", "s3:GetObject", true},
      {"'Action':'s3:Get*'", "s3:get", true},
      {"'Action':'s3:Get*'", "s3:PutObject", false},
      {"'Action':'s3:?etObject'", "s3:GetObject", true},
      {"'Action':'s3:?etObject'", "s3:etObject", false},
      {"'Action':'iam:*AccessKey*'", "iam:CreateAccessKey", true},
      {"'Action':'iam:*AccessKey*'", "iam:ListAccessKeys", true},
      {"'Action':'iam:*AccessKey*'", "iam:ListUsers", false},
      {"'Action':'s3:*'", "s3:ListAllMyBuckets", true},
      {"'Action':'s3:*'", "s3express:CreateSession", false},  // prefix is literal
      {"'Action':'s3*:*'", "s3:GetObject", false},             // no wildcards in the prefix (E7)
      {"'Action':'*:GetObject'", "s3:GetObject", false},
      {"'Action':'*'", "ec2:RunInstances", true},
      {"'Action':'*'", "anything:AtAll", true},
      {"'Action':'s3'", "s3:GetObject", false},  // not service:action
      {"'Action':['ec2:*','s3:GetObject']", "s3:GetObject", true},
      {"'Action':[]", "s3:GetObject", false},
      // NotAction (§2.3): every other action of every service.
      {"'NotAction':'iam:*'", "s3:GetObject", true},
      {"'NotAction':'iam:*'", "ec2:RunInstances", true},
      {"'NotAction':'iam:*'", "IAM:CreateUser", false},
      {"'NotAction':['iam:*','s3:Get*']", "s3:GetObject", false},
      {"'NotAction':['iam:*','s3:Get*']", "s3:PutObject", true},
      {"'NotAction':'*'", "s3:GetObject", false},
      {"'NotAction':[]", "s3:GetObject", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.element, row.action);
    CHECK(ActionAllows(Q(row.element), row.action) == row.want);
  }
}

// ---------------------------------------------------------------------------
// Resources (§2.4, §2.5).

enum class Kind { kIdentity, kResourcePolicy };

// Is `request_resource` matched by `resource_element` in an Allow of an
// identity policy, or of a resource policy naming the caller directly?
bool ResourceAllows(const std::string& resource_element, const std::string& request_resource,
                    Kind kind = Kind::kIdentity, const std::string& context = "{}",
                    std::string_view version = "2012-10-17",
                    const std::string& action = "s3:GetObject") {
  CaseSpec c;
  c.action = action;
  c.resource = request_resource;
  c.resource_account = "111111111111";
  c.context = context;
  if (kind == Kind::kIdentity) {
    c.identity = {Policy({"{\"Effect\":\"Allow\",\"Action\":\"*\"," + resource_element + "}"},
                         version)};
  } else {
    c.resource_policy =
        Policy({"{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":" + JsonString(kAlice) +
                    "},\"Action\":\"*\"," + resource_element + "}"},
               version);
  }
  return Run(c).decision == "Allow";
}

std::string ResourceEl(std::string_view pattern) {
  return "\"Resource\":" + JsonString(pattern);
}
std::string NotResourceEl(std::string_view pattern) {
  return "\"NotResource\":" + JsonString(pattern);
}

TEST_CASE("Resource matching: the verified examples of §2.4", "[eval]") {
  struct Row {
    const char* pattern;
    const char* request;
    bool want;
  };
  const std::vector<Row> rows = {
      {"arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false},
      {"arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/k", false},
      {"arn:aws:s3:::buck*", "arn:aws:s3:::bucket/k", true},
      {"arn:aws:sqs:*:queue1", "arn:aws:sqs:us-east-1:111111111111:queue1", false},
      {"arn:aws:sqs:*:*:queue1", "arn:aws:sqs:us-east-1:111111111111:queue1", true},
      {"arn:aws:sqs:us*1:queue1", "arn:aws:sqs:us-east-1:111111111111:queue1", false},
      {"arn:aws:logs:us-east-1:111111111111:log-group:g1:*",
       "arn:aws:logs:us-east-1:111111111111:log-group:g1:log-stream:s1", true},
      {"arn:aws:logs:us-east-1:111111111111:log-group:g1",
       "arn:aws:logs:us-east-1:111111111111:log-group:g1:log-stream:s1", false},
      {"arn:aws:logs:*:log-group:g1:log-stream:s1",
       "arn:aws:logs:us-east-1:111111111111:log-group:g1:log-stream:s1", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern, row.request);
    CHECK(ResourceAllows(ResourceEl(row.pattern), row.request) == row.want);
    CHECK(ResourceAllows(ResourceEl(row.pattern), row.request, Kind::kResourcePolicy) == row.want);
  }
}

TEST_CASE("Resource matching: fields, wildcards, `/`, case (§2.4 rules 1-7)", "[eval]") {
  struct Row {
    const char* pattern;
    const char* request;
    bool want;
  };
  const std::vector<Row> rows = {
      // Rule 1: `*` matches everything, including the `*` resource.
      {"*", "arn:aws:s3:::b/k", true},
      {"*", "*", true},
      // Rule 2: not `*` and not an ARN: nothing.
      {"b/k", "arn:aws:s3:::b/k", false},
      // Rule 4: wildcards in fields 2-5 stay inside their field; the
      // resource field may span `:` and `/`.
      {"arn:aws:ec2:*:111111111111:instance/*",
       "arn:aws:ec2:us-east-1:111111111111:instance/i-1", true},
      {"arn:aws:ec2:*:111111111111:instance/*",
       "arn:aws:ec2:us-east-1:222222222222:instance/i-1", false},
      {"arn:aws:ec2:us-east-?:*:instance/*", "arn:aws:ec2:us-east-1:1:instance/i-1", true},
      {"arn:aws:ec2:us-east-?:*:instance/*", "arn:aws:ec2:us-east-10:1:instance/i-1", false},
      {"arn:aws:logs:*:*:log-group:*", "arn:aws:logs:r:1:log-group:g1:log-stream:s1", true},
      // Fields 2-5 case-insensitive (iamlint decision, §1.4); resource part
      // case-sensitive.
      {"arn:AWS:S3:::b/k", "arn:aws:s3:::b/k", true},
      {"arn:aws:sqs:US-EAST-1:111111111111:q", "arn:aws:sqs:us-east-1:111111111111:q", true},
      {"arn:aws:s3:::b/K", "arn:aws:s3:::b/k", false},
      {"arn:aws:iam::111111111111:user/Alice", "arn:aws:iam::111111111111:user/alice", false},
      // Rule 5: a short pattern whose last field ends in `*` expands past
      // colons.
      {"arn:aws:sqs:*", "arn:aws:sqs:us-east-1:111111111111:queue1", true},
      {"arn:aws:sqs:us-east-1:1*", "arn:aws:sqs:us-east-1:111111111111:queue1", true},
      {"arn:aws:sq*", "arn:aws:sqs:us-east-1:111111111111:queue1", true},
      {"arn:aws:s3:*", "arn:aws:s3:::any-bucket/any/key", true},
      {"arn:aws:s3:*", "arn:aws:sqs:us-east-1:1:q", false},
      // Rule 7: `/` has no special meaning.
      {"arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/1/2/test/x.jpg", true},
      {"arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b//test/x", true},
      {"arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/1/test/", true},
      {"arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/test/x", false},
      {"arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/1-test/x", false},
      {"arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/1/2/test.jpg", false},
      // A `*` request resource (actions without a resource type) matches
      // only the `*` pattern (iamlint decision, §2.4 / trap 5).
      {"arn:aws:s3:::*", "*", false},
      {"arn:*:*:*:*:*", "*", false},
      {"arn:aws:s3:::b", "*", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern, row.request);
    CHECK(ResourceAllows(ResourceEl(row.pattern), row.request) == row.want);
  }
}

TEST_CASE("short ARNs without a trailing `*` depend on the policy kind (§2.4 rule 5)", "[eval]") {
  // iamlint follows iam-simulate: padded with `*` in identity-like policies,
  // never matching in resource policies.
  const std::string short_arn = ResourceEl("arn:aws:sqs:us-east-1:111111111111");
  const std::string queue = "arn:aws:sqs:us-east-1:111111111111:queue1";
  CHECK(ResourceAllows(short_arn, queue, Kind::kIdentity));
  CHECK_FALSE(ResourceAllows(short_arn, "arn:aws:sqs:us-east-1:222222222222:queue1"));
  CHECK_FALSE(ResourceAllows(short_arn, queue, Kind::kResourcePolicy));
}

TEST_CASE("NotResource matches every resource it does not list (§2.5)", "[eval]") {
  // The example of §2.5: Deny s3:* and ec2:* on everything but HRBucket
  // also denies an EC2 call on an instance.
  CaseSpec c;
  c.identity = {Policy({Allow("*"),
                        S("{'Sid':'GuardHR','Effect':'Deny','Action':['s3:*','ec2:*'],"
                          "'NotResource':['arn:aws:s3:::HRBucket/*']}")})};
  c.action = "ec2:TerminateInstances";
  c.resource = "arn:aws:ec2:us-east-1:111111111111:instance/i-1";
  Outcome out = Run(c);
  CHECK(out.decision == "ExplicitDeny");
  CHECK(out.decisive == std::vector<std::string>{"identity[0]/GuardHR"});
  c.action = "s3:GetObject";
  c.resource = "arn:aws:s3:::HRBucket/payroll.csv";
  CHECK(Run(c).decision == "Allow");
  c.resource = "arn:aws:s3:::OtherBucket/x";
  CHECK(Run(c).decision == "ExplicitDeny");
  c.action = "iam:CreateUser";
  CHECK(Run(c).decision == "Allow");

  // A `*` request resource never matches an ARN pattern, so NotResource
  // with only ARNs covers resource-less actions.
  CHECK(ResourceAllows(NotResourceEl("arn:aws:s3:::*"), "*", Kind::kIdentity, "{}", "2012-10-17",
                       "s3:ListAllMyBuckets"));
  CHECK_FALSE(ResourceAllows(NotResourceEl("*"), "*"));
  CHECK_FALSE(ResourceAllows(NotResourceEl("arn:aws:s3:::b/*"), "arn:aws:s3:::b/k"));
  CHECK(ResourceAllows(NotResourceEl("arn:aws:s3:::b/*"), "arn:aws:s3:::b"));
  CHECK(ResourceAllows(Q("'NotResource':[]"), "arn:aws:s3:::b"));
  CHECK_FALSE(ResourceAllows(Q("'Resource':[]"), "arn:aws:s3:::b"));
}

TEST_CASE("a resource-policy statement without Resource applies to its resource (§5.1)",
          "[eval]") {
  CaseSpec c;
  c.action = "sqs:SendMessage";
  c.resource = "arn:aws:sqs:us-east-1:111111111111:q";
  c.resource_policy = Policy({S("{'Effect':'Allow','Principal':{'AWS':'" + kAlice +
                                "'},'Action':'sqs:SendMessage'}")});
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("policy variables in Resource (§2.4 rule 6, §4)", "[eval]") {
  const std::string home = ResourceEl("arn:aws:s3:::b/home/${aws:username}/*");
  const std::string alice = Q("{'aws:username':'alice'}");
  CHECK(ResourceAllows(home, "arn:aws:s3:::b/home/alice/x", Kind::kIdentity, alice));
  CHECK_FALSE(ResourceAllows(home, "arn:aws:s3:::b/home/bob/x", Kind::kIdentity, alice));
  CHECK(ResourceAllows(home, "arn:aws:s3:::b/home/alice/x", Kind::kResourcePolicy, alice));
  // Case of the variable name does not matter; the value is literal text.
  CHECK(ResourceAllows(ResourceEl("arn:aws:s3:::b/${AWS:UserName}"), "arn:aws:s3:::b/alice",
                       Kind::kIdentity, alice));
  CHECK_FALSE(ResourceAllows(ResourceEl("arn:aws:s3:::b/${aws:username}"), "arn:aws:s3:::b/ali",
                             Kind::kIdentity, Q("{'aws:username':'ali*'}")));
  CHECK(ResourceAllows(ResourceEl("arn:aws:s3:::b/${aws:username}"), "arn:aws:s3:::b/ali*",
                       Kind::kIdentity, Q("{'aws:username':'ali*'}")));
  // Unresolved, no default: that pattern matches nothing; others still do.
  CHECK_FALSE(ResourceAllows(home, "arn:aws:s3:::b/home//x"));
  CHECK_FALSE(ResourceAllows(home, "arn:aws:s3:::b/home/${aws:username}/x"));
  CHECK(ResourceAllows(Q("'Resource':['arn:aws:s3:::b/home/${aws:username}/*','arn:aws:s3:::b/"
                         "public/*']"),
                       "arn:aws:s3:::b/public/x"));
  // A default fills in.
  CHECK(ResourceAllows(ResourceEl("arn:aws:s3:::b/${aws:PrincipalTag/team, 'shared'}/*"),
                       "arn:aws:s3:::b/shared/x"));
  // ${*} ${?} ${$} are literal characters.
  CHECK(ResourceAllows(ResourceEl("arn:aws:s3:::b/${*}"), "arn:aws:s3:::b/*"));
  CHECK_FALSE(ResourceAllows(ResourceEl("arn:aws:s3:::b/${*}"), "arn:aws:s3:::b/x"));
  CHECK(ResourceAllows(ResourceEl("arn:aws:s3:::b/${?}*"), "arn:aws:s3:::b/?x"));
  CHECK_FALSE(ResourceAllows(ResourceEl("arn:aws:s3:::b/${?}"), "arn:aws:s3:::b/x"));
  CHECK(ResourceAllows(ResourceEl("arn:aws:s3:::b/${$}x"), "arn:aws:s3:::b/$x"));
  // Only the resource part is substituted; a variable in the account field
  // stays text.
  CHECK_FALSE(ResourceAllows(ResourceEl("arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:q"),
                             "arn:aws:sqs:us-east-1:111111111111:q", Kind::kIdentity,
                             Q("{'aws:PrincipalAccount':'111111111111'}")));
}

TEST_CASE("unresolved variable in NotResource: the statement never applies (§4)", "[eval]") {
  // iamlint decision (iam-simulate behaviour), fail closed for Allow.
  const std::string not_home = NotResourceEl("arn:aws:s3:::b/home/${aws:username}/*");
  CHECK_FALSE(ResourceAllows(not_home, "arn:aws:s3:::other/x"));
  CHECK(ResourceAllows(not_home, "arn:aws:s3:::other/x", Kind::kIdentity,
                       Q("{'aws:username':'alice'}")));
  CHECK_FALSE(ResourceAllows(not_home, "arn:aws:s3:::b/home/alice/x", Kind::kIdentity,
                             Q("{'aws:username':'alice'}")));
  // And a Deny with it does not apply either.
  CaseSpec c;
  c.identity = {Policy({Allow("s3:*"), S("{'Effect':'Deny','Action':'s3:*','NotResource':"
                                         "'arn:aws:s3:::b/home/${aws:username}/*'}")})};
  CHECK(Run(c).decision == "Allow");
  c.context = Q("{'aws:username':'bob'}");
  CHECK(Run(c).decision == "ExplicitDeny");
}

// ---------------------------------------------------------------------------
// Principals (§1.6, §2.6).

// Does a resource-policy Deny naming `principal_json` apply to `caller`?
// (identity allows everything, so ExplicitDeny ⇔ the principal matched.)
bool DenyHits(const std::string& principal_json, const std::string& caller,
              const std::string& boundary = "") {
  CaseSpec c;
  c.principal = caller;
  c.resource_account = "111111111111";
  c.identity = {Policy({Allow("*")})};
  c.boundary = boundary;
  c.resource_policy = Policy({"{\"Effect\":\"Deny\",\"Principal\":" + principal_json +
                              ",\"Action\":\"s3:*\",\"Resource\":\"*\"}"});
  return Run(c).decision == "ExplicitDeny";
}

bool NotPrincipalDenyHits(const std::string& not_principal_json, const std::string& caller,
                          const std::string& boundary = "") {
  CaseSpec c;
  c.principal = caller;
  c.resource_account = "111111111111";
  c.identity = {Policy({Allow("*")})};
  c.boundary = boundary;
  c.resource_policy = Policy({"{\"Effect\":\"Deny\",\"NotPrincipal\":" + not_principal_json +
                              ",\"Action\":\"s3:*\",\"Resource\":\"*\"}"});
  return Run(c).decision == "ExplicitDeny";
}

TEST_CASE("Principal forms and who they match (§1.6, §2.6)", "[eval]") {
  const std::string fed = "arn:aws:sts::111111111111:federated-user/fred";
  const std::string anonymous = "";
  const std::string service = "cloudtrail.amazonaws.com";
  struct Row {
    std::string principal;  // JSON
    std::string caller;
    bool want;
  };
  const std::vector<Row> rows = {
      // "*" and {"AWS":"*"}: everyone, anonymous included; iam-simulate
      // behaviour: service principals too.
      {"\"*\"", kAlice, true},
      {"\"*\"", anonymous, true},
      {"\"*\"", service, true},
      {Aws("*"), kSession, true},
      {Aws("*"), anonymous, true},
      // Account id and root ARN: every principal of the account, never
      // anonymous or service callers.
      {Aws("111111111111"), kAlice, true},
      {Aws("111111111111"), kSession, true},
      {Aws("111111111111"), kRootA, true},
      {Aws("111111111111"), fed, true},
      {Aws("111111111111"), kCarol, false},
      {Aws("111111111111"), anonymous, false},
      {Aws("111111111111"), service, false},
      {Aws(kRootA), kBob, true},
      {Aws("arn:aws:iam::222222222222:root"), kBob, false},
      // User ARN: exact, path and case included.
      {Aws(kAlice), kAlice, true},
      {Aws(kAlice), kBob, false},
      {Aws("arn:aws:iam::111111111111:user/Alice"), kAlice, false},
      {Aws("arn:aws:iam::111111111111:user/team/alice"), kAlice, false},
      {Aws("arn:aws:iam::111111111111:user/team/alice"),
       "arn:aws:iam::111111111111:user/team/alice", true},
      // Role ARN: every session of the role (role path not in session ARNs).
      {Aws(std::string(evaltest::kRoleR1)), kSession, true},
      {Aws(std::string(evaltest::kRoleR1)), "arn:aws:sts::111111111111:assumed-role/r1/other",
       true},
      {Aws("arn:aws:iam::111111111111:role/ops/r1"), kSession, true},
      {Aws(std::string(evaltest::kRoleR1)), "arn:aws:sts::111111111111:assumed-role/r2/sess1",
       false},
      {Aws(std::string(evaltest::kRoleR1)), "arn:aws:sts::222222222222:assumed-role/r1/sess1",
       false},
      {Aws(std::string(evaltest::kRoleR1)), "arn:aws:iam::111111111111:user/r1", false},
      // Session ARN: exactly that session.
      {Aws(kSession), kSession, true},
      {Aws(kSession), "arn:aws:sts::111111111111:assumed-role/r1/sess2", false},
      // Federated user.
      {Aws(fed), fed, true},
      {Aws(fed), "arn:aws:sts::111111111111:federated-user/fran", false},
      // Service principals.
      {Q("{'Service':'cloudtrail.amazonaws.com'}"), service, true},
      {Q("{'Service':['config.amazonaws.com','cloudtrail.amazonaws.com']}"), service, true},
      {Q("{'Service':'config.amazonaws.com'}"), service, false},
      {Q("{'Service':'cloudtrail.amazonaws.com'}"), kAlice, false},
      // Canonical user: the caller given by its canonical id.
      {Q("{'CanonicalUser':'79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'}"),
       "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", true},
      {Q("{'CanonicalUser':'79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'}"),
       kAlice, false},
      // Unique IDs: a stored policy shows one only when the entity was
      // deleted; it matches nobody, not a re-created namesake (§1.6).
      {Aws("AIDAJQABLZS4A3QDU576Q"), kAlice, false},
      {Aws("AROADBQP57FF2AEXAMPLE"), kSession, false},
      // Trap 15: no partial wildcards.
      {Aws("arn:aws:iam::111111111111:user/*"), kAlice, false},
      {Aws("arn:aws:sts::111111111111:assumed-role/r1/*"), kSession, false},
      {Aws("arn:aws:iam::*:root"), kAlice, false},
      // Several keys and values are OR-ed.
      {"{\"AWS\":[" + JsonString(kBob) + "," + JsonString(kCarol) +
           "],\"Service\":\"cloudtrail.amazonaws.com\"}",
       kCarol, true},
      {"{\"AWS\":[" + JsonString(kBob) + "," + JsonString(kCarol) +
           "],\"Service\":\"cloudtrail.amazonaws.com\"}",
       kAlice, false},
      // Empty lists match nobody (§1.2).
      {Q("{'AWS':[]}"), kAlice, false},
      // Invalid forms match nobody: a bare string other than "*" (§9), a
      // mis-cased principal key (§1.4).
      {"\"111111111111\"", kAlice, false},
      {Q("{'aws':'111111111111'}"), kAlice, false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.principal, row.caller);
    CHECK(DenyHits(row.principal, row.caller) == row.want);
  }
}

TEST_CASE("Federated principals in trust policies (§1.6, §5.5)", "[eval]") {
  CaseSpec c;
  c.principal = "cognito-identity.amazonaws.com";
  c.action = "sts:AssumeRoleWithWebIdentity";
  c.resource = "arn:aws:iam::111111111111:role/app";
  c.resource_account = "111111111111";
  c.resource_policy = Policy({S("{'Effect':'Allow','Principal':{'Federated':"
                                "'cognito-identity.amazonaws.com'},'Action':"
                                "'sts:AssumeRoleWithWebIdentity'}")});
  CHECK(Run(c).decision == "Allow");
  c.principal = "accounts.google.com";
  CHECK(Run(c).decision == "ImplicitDeny");
  c.principal = "arn:aws:iam::111111111111:saml-provider/corp";
  c.action = "sts:AssumeRoleWithSAML";
  c.resource_policy = Policy({S("{'Effect':'Allow','Principal':{'Federated':"
                                "'arn:aws:iam::111111111111:saml-provider/corp'},'Action':"
                                "'sts:AssumeRoleWithSAML'}")});
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("NotPrincipal checks every identity level (§2.6)", "[eval]") {
  const std::string root = Aws(kRootA);
  auto list = [](std::vector<std::string> arns) {
    std::string out = "{\"AWS\":[";
    for (size_t i = 0; i < arns.size(); ++i) out += (i ? "," : "") + JsonString(arns[i]);
    return out + "]}";
  };
  struct Row {
    const char* name;
    std::string not_principal;
    std::string caller;
    bool denied;
  };
  const std::vector<Row> rows = {
      {"Bob alone listed: his account level is not, so Bob is denied", list({kBob}), kBob, true},
      {"Bob and his account listed: Bob excepted", list({kBob, kRootA}), kBob, false},
      {"...but Carol-like colleagues of the account are denied", list({kBob, kRootA}), kAlice,
       true},
      {"the account id form counts as the account level", list({kBob, "111111111111"}), kBob,
       false},
      {"another account's user", list({kBob, kRootA}), kCarol, true},
      {"the root user: account listed", list({kRootA}), kRootA, false},
      {"the root user: account not listed", list({kBob}), kRootA, true},
      {"role session needs account, role and session", list({kRootA,
                                                             std::string(evaltest::kRoleR1),
                                                             kSession}),
       kSession, false},
      {"role session: account and role are not enough",
       list({kRootA, std::string(evaltest::kRoleR1)}), kSession, true},
      {"role session: account and session are not enough", list({kRootA, kSession}), kSession,
       true},
      {"federated user: account and the federated-user ARN",
       list({kRootA, "arn:aws:sts::111111111111:federated-user/fred"}),
       "arn:aws:sts::111111111111:federated-user/fred", false},
      {"anonymous callers are never excepted by ARNs", list({kRootA, kBob}), "", true},
      {"NotPrincipal * excepts everyone", Aws("*"), kAlice, false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(NotPrincipalDenyHits(row.not_principal, row.caller) == row.denied);
  }
}

// ---------------------------------------------------------------------------
// The traps of §8, one named test each.

TEST_CASE("trap 01: a negated operator fires on a missing key", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Allow("s3:*"),
                        S("{'Sid':'TeamX','Effect':'Deny','Action':'*','Resource':'*','Condition':"
                          "{'StringNotEquals':{'aws:PrincipalTag/team':'x'}}}")})};
  Outcome out = Run(c);
  CHECK(out.decision == "ExplicitDeny");
  CHECK(out.decisive == std::vector<std::string>{"identity[0]/TeamX"});
  c.context = Q("{'aws:PrincipalTag/team':'x'}");
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 02: ForAllValues is vacuously true", "[eval]") {
  CaseSpec c;
  c.action = "ec2:CreateTags";
  c.resource = "arn:aws:ec2:us-east-1:111111111111:instance/i-1";
  c.identity = {Policy({S("{'Effect':'Allow','Action':'ec2:CreateTags','Resource':'*','Condition':"
                          "{'ForAllValues:StringEquals':{'aws:TagKeys':['env']}}}")})};
  CHECK(Run(c).decision == "Allow");
  c.identity = {Policy({S("{'Effect':'Allow','Action':'ec2:CreateTags','Resource':'*','Condition':"
                          "{'ForAllValues:StringEquals':{'aws:TagKeys':['env']},'Null':"
                          "{'aws:TagKeys':'false'}}}")})};
  CHECK(Run(c).decision == "ImplicitDeny");
}

TEST_CASE("trap 03: ForAnyValue in a Deny does nothing when the key is absent", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Allow("*"),
                        S("{'Effect':'Deny','Action':'*','Resource':'*','Condition':"
                          "{'ForAnyValue:StringEquals':{'aws:TagKeys':['secret']}}}")})};
  CHECK(Run(c).decision == "Allow");
  c.context = Q("{'aws:TagKeys':['public','secret']}");
  CHECK(Run(c).decision == "ExplicitDeny");
}

TEST_CASE("trap 04: bucket vs object ARN", "[eval]") {
  CaseSpec c;
  c.action = "s3:ListBucket";
  c.resource = "arn:aws:s3:::b";
  c.identity = {Policy({Allow("s3:ListBucket", "arn:aws:s3:::b/*")})};
  CHECK(Run(c).decision == "ImplicitDeny");
  c.identity = {Policy({Allow("s3:ListBucket", "arn:aws:s3:::b")})};
  CHECK(Run(c).decision == "Allow");
  c.identity = {Policy({Allow("s3:*", "arn:aws:s3:::b")})};
  c.action = "s3:GetObject";
  c.resource = "arn:aws:s3:::b/k";
  CHECK(Run(c).decision == "ImplicitDeny");
}

TEST_CASE("trap 05: `aws s3 ls` needs s3:ListAllMyBuckets on \"*\"", "[eval]") {
  CaseSpec c;
  c.action = "s3:ListAllMyBuckets";
  c.resource = "*";
  c.identity = {Policy({Allow("s3:ListAllMyBuckets", "arn:aws:s3:::b")})};
  CHECK(Run(c).decision == "ImplicitDeny");
  // iamlint decision (iam-simulate behaviour; AWS UNCONFIRMED).
  c.identity = {Policy({Allow("s3:ListAllMyBuckets", "arn:aws:s3:::*")})};
  CHECK(Run(c).decision == "ImplicitDeny");
  c.identity = {Policy({Allow("s3:ListAllMyBuckets", "*")})};
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 06: naming the account in a resource policy does not grant inside it",
          "[eval]") {
  CaseSpec c;
  c.resource_account = "111111111111";
  c.resource_policy = Policy({AllowTo(Aws("111111111111"), "s3:GetObject", "arn:aws:s3:::b/*")});
  Outcome out = Run(c);
  CHECK(out.decision == "ImplicitDeny");
  CHECK(out.gate == "identity");
  c.resource_policy = Policy({AllowTo(Aws(kAlice), "s3:GetObject", "arn:aws:s3:::b/*")});
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 07: a trust policy naming the account needs an identity Allow", "[eval]") {
  CaseSpec c;
  c.action = "sts:AssumeRole";
  c.resource = "arn:aws:iam::111111111111:role/target";
  c.resource_policy =
      Policy({S("{'Effect':'Allow','Principal':{'AWS':'111111111111'},'Action':'sts:AssumeRole'}")});
  CHECK(Run(c).decision == "ImplicitDeny");
  c.resource_policy = Policy({S("{'Effect':'Allow','Principal':{'AWS':'" + kAlice +
                                "'},'Action':'sts:AssumeRole'}")});
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 08: a permissions boundary never grants", "[eval]") {
  CaseSpec c;
  c.boundary = Policy({Allow("s3:*")});
  Outcome out = Run(c);
  CHECK(out.decision == "ImplicitDeny");
  CHECK(out.gate == "identity");
}

TEST_CASE("trap 09: role ARN vs session ARN in a resource policy", "[eval]") {
  CaseSpec c;
  c.principal = kSession;
  c.resource_account = "111111111111";
  c.boundary = Policy({Allow("ec2:*")});
  c.resource_policy = Policy({AllowTo(Aws(std::string(evaltest::kRoleR1)), "s3:GetObject",
                                      "arn:aws:s3:::b/*")});
  Outcome out = Run(c);
  CHECK(out.decision == "ImplicitDeny");
  CHECK(out.gate == "boundary");
  c.resource_policy = Policy({AllowTo(Aws(kSession), "s3:GetObject", "arn:aws:s3:::b/*")});
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 10: StringEquals does not expand wildcards", "[eval]") {
  CaseSpec c;
  c.context = Q("{'aws:PrincipalTag/team':'abc'}");
  c.identity = {Policy({S("{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                          "{'StringEquals':{'aws:PrincipalTag/team':'a*'}}}")})};
  CHECK(Run(c).decision == "ImplicitDeny");
  c.identity = {Policy({S("{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                          "{'StringLike':{'aws:PrincipalTag/team':'a*'}}}")})};
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 11: ArnLike does not let `*` cross colons; StringLike does", "[eval]") {
  CaseSpec c;
  c.context = Q("{'aws:SourceArn':'arn:aws:svc:us-east-2:999999999999:y:111122223333:x/doc'}");
  c.identity = {Policy({S("{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                          "{'ArnLike':{'aws:SourceArn':'arn:aws:svc:*:111122223333:x/*'}}}")})};
  CHECK(Run(c).decision == "ImplicitDeny");
  c.identity = {Policy({S("{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                          "{'StringLike':{'aws:SourceArn':'arn:aws:svc:*:111122223333:x/*'}}}")})};
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 12: NotAction + Allow grants other services too", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({S("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}")})};
  CHECK(Run(c).decision == "Allow");
  c.action = "ec2:RunInstances";
  c.resource = "arn:aws:ec2:us-east-1:111111111111:instance/i-1";
  CHECK(Run(c).decision == "Allow");
  c.identity = {Policy({S("{'Effect':'Allow','NotAction':'iam:*','Resource':'arn:aws:s3:::*'}")})};
  CHECK(Run(c).decision == "ImplicitDeny");
  c.action = "s3:GetObject";
  c.resource = "arn:aws:s3:::b/k";
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 13: MFA checks with Bool miss long-term keys", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Allow("*"), S("{'Effect':'Deny','Action':'*','Resource':'*','Condition':"
                                      "{'Bool':{'aws:MultiFactorAuthPresent':'false'}}}")})};
  CHECK(Run(c).decision == "Allow");
  c.identity = {Policy({Allow("*"), S("{'Effect':'Deny','Action':'*','Resource':'*','Condition':"
                                      "{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}")})};
  CHECK(Run(c).decision == "ExplicitDeny");
  c.context = Q("{'aws:MultiFactorAuthPresent':'true'}");
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 14: a missing Version turns variables into text", "[eval]") {
  const std::string home = ResourceEl("arn:aws:s3:::b/${aws:username}/*");
  const std::string alice = Q("{'aws:username':'alice'}");
  CHECK(ResourceAllows(home, "arn:aws:s3:::b/alice/x", Kind::kIdentity, alice, "2012-10-17"));
  CHECK_FALSE(ResourceAllows(home, "arn:aws:s3:::b/alice/x", Kind::kIdentity, alice, ""));
  CHECK(ResourceAllows(home, "arn:aws:s3:::b/${aws:username}/x", Kind::kIdentity, alice, ""));
  CHECK_FALSE(ResourceAllows(home, "arn:aws:s3:::b/alice/x", Kind::kIdentity, alice,
                             "2008-10-17"));
  CHECK(ResourceAllows(home, "arn:aws:s3:::b/${aws:username}/x", Kind::kIdentity, alice,
                       "2008-10-17"));
}

TEST_CASE("trap 15: no partial wildcards in Principal", "[eval]") {
  CHECK_FALSE(DenyHits(Aws("arn:aws:iam::111111111111:user/*"), kAlice));
  // The supported way: "*" with ArnLike on aws:PrincipalArn.
  CaseSpec c;
  c.resource_account = "111111111111";
  c.context = Q("{'aws:PrincipalArn':'" + kAlice + "'}");
  c.resource_policy = Policy({S("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject',"
                                "'Resource':'arn:aws:s3:::b/*','Condition':{'ArnLike':"
                                "{'aws:PrincipalArn':'arn:aws:iam::111111111111:user/*'}}}")});
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 16: several values under a negated operator are NOR", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({S("{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                          "{'StringNotEquals':{'aws:PrincipalTag/team':['a','b']}}}")})};
  c.context = Q("{'aws:PrincipalTag/team':'a'}");
  CHECK(Run(c).decision == "ImplicitDeny");
  c.context = Q("{'aws:PrincipalTag/team':'c'}");
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 17: SCP levels multiply", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Allow("*", "*", "Admin")})};
  c.scp = {{FullAwsAccess()}, {Policy({Allow("ec2:*", "*", "OnlyEc2")})}, {FullAwsAccess()}};
  Outcome out = Run(c);
  CHECK(out.decision == "ImplicitDeny");
  CHECK(out.gate == "scp");
  CHECK(out.decisive.empty());
  c.action = "ec2:RunInstances";
  c.resource = "arn:aws:ec2:us-east-1:111111111111:instance/i-1";
  out = Run(c);
  CHECK(out.decision == "Allow");
  CHECK(out.decisive == std::vector<std::string>{"identity[0]/Admin", "scp[0][0]/FullAWSAccess",
                                                 "scp[1][0]/OnlyEc2", "scp[2][0]/FullAWSAccess"});
}

TEST_CASE("trap 18: aws:SourceIp vanishes behind VPC endpoints", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Allow("*"), S("{'Effect':'Deny','Action':'*','Resource':'*','Condition':"
                                      "{'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}")})};
  c.context = Q("{'aws:SourceIp':'203.0.113.10'}");
  CHECK(Run(c).decision == "Allow");
  c.context = "{}";  // through a VPC endpoint
  CHECK(Run(c).decision == "ExplicitDeny");
  // Excluding calls made by services.
  c.identity = {Policy({Allow("*"), S("{'Effect':'Deny','Action':'*','Resource':'*','Condition':"
                                      "{'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'},"
                                      "'Bool':{'aws:ViaAWSService':'false'}}}")})};
  c.context = Q("{'aws:ViaAWSService':'true'}");
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 19: KMS ignores IAM unless the key policy opts in", "[eval]") {
  CaseSpec c;
  c.action = "kms:Decrypt";
  c.resource = "arn:aws:kms:us-east-1:111111111111:key/k1";
  c.identity = {Policy({Allow("kms:Decrypt")})};
  c.resource_policy = Policy({AllowTo(Aws("arn:aws:iam::111111111111:role/KeyAdmin"), "kms:*")});
  Outcome out = Run(c);
  CHECK(out.decision == "ImplicitDeny");
  CHECK(out.gate == "resource");
}

TEST_CASE("trap 20: NotPrincipal + Deny always hits callers with a boundary", "[eval]") {
  const std::string excepted =
      "{\"AWS\":[" + JsonString(kAlice) + "," + JsonString(kRootA) + "]}";
  CHECK_FALSE(NotPrincipalDenyHits(excepted, kAlice));
  CHECK(NotPrincipalDenyHits(excepted, kAlice, Policy({Allow("*")})));
}

TEST_CASE("trap 21: tag key case vs value case", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({S("{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                          "{'StringEquals':{'aws:ResourceTag/Env':'Prod'}}}")})};
  c.context = Q("{'aws:ResourceTag/env':'Prod'}");
  CHECK(Run(c).decision == "Allow");
  c.context = Q("{'aws:ResourceTag/Env':'prod'}");
  CHECK(Run(c).decision == "ImplicitDeny");
}

TEST_CASE("trap 22: negated operator with an unresolved variable", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Allow("*"),
                        S("{'Sid':'OwnTeam','Effect':'Deny','Action':'s3:GetObject','Resource':'*',"
                          "'Condition':{'StringNotEquals':{'s3:ExistingObjectTag/team':"
                          "'${aws:PrincipalTag/team}'}}}")})};
  c.context = Q("{'s3:ExistingObjectTag/team':'red'}");
  Outcome out = Run(c);
  CHECK(out.decision == "ExplicitDeny");  // AWS docs; iam-simulate says Allow (§9)
  CHECK(out.decisive == std::vector<std::string>{"identity[0]/OwnTeam"});
  c.context = Q("{'s3:ExistingObjectTag/team':'red','aws:PrincipalTag/team':'red'}");
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 23: aws:RequestedRegion for global services is us-east-1", "[eval]") {
  CaseSpec c;
  c.action = "iam:CreateUser";
  c.resource = "arn:aws:iam::111111111111:user/new";
  c.context = Q("{'aws:RequestedRegion':'us-east-1'}");
  c.identity = {Policy({Allow("*"), S("{'Effect':'Deny','Action':'*','Resource':'*','Condition':"
                                      "{'StringNotEquals':{'aws:RequestedRegion':'eu-west-1'}}}")})};
  CHECK(Run(c).decision == "ExplicitDeny");
  c.identity = {Policy({Allow("*"), S("{'Effect':'Deny','NotAction':'iam:*','Resource':'*',"
                                      "'Condition':{'StringNotEquals':{'aws:RequestedRegion':"
                                      "'eu-west-1'}}}")})};
  CHECK(Run(c).decision == "Allow");
}

TEST_CASE("trap 24: multi-resource actions are N requests that must all allow", "[eval]") {
  CaseSpec c;
  c.action = "ec2:RunInstances";
  c.identity = {Policy({Allow("ec2:RunInstances", "arn:aws:ec2:*:*:instance/*")})};
  c.resource = "arn:aws:ec2:us-east-1:111111111111:instance/*";
  CHECK(Run(c).decision == "Allow");
  c.resource = "arn:aws:ec2:us-east-1::image/ami-1";
  CHECK(Run(c).decision == "ImplicitDeny");
  c.resource = "arn:aws:ec2:us-east-1:111111111111:subnet/subnet-1";
  CHECK(Run(c).decision == "ImplicitDeny");
  // StringLike on ec2:InstanceType without IfExists breaks the same way.
  c.identity = {Policy({S("{'Effect':'Allow','Action':'ec2:RunInstances','Resource':'*',"
                          "'Condition':{'StringLike':{'ec2:InstanceType':'t3.*'}}}")})};
  CHECK(Run(c).decision == "ImplicitDeny");
  c.identity = {Policy({S("{'Effect':'Allow','Action':'ec2:RunInstances','Resource':'*',"
                          "'Condition':{'StringLikeIfExists':{'ec2:InstanceType':'t3.*'}}}")})};
  CHECK(Run(c).decision == "Allow");
}

// ---------------------------------------------------------------------------
// The classic demo (issue 3, README's first example).

TEST_CASE("classic demo: a role whose only permission is s3:ListAllMyBuckets", "[eval]") {
  const std::string role_policy =
      Policy({Allow("s3:ListAllMyBuckets", "*", "ListAllBuckets")});
  struct Row {
    const char* action;
    const char* resource;
    const char* decision;
  };
  const std::vector<Row> rows = {
      {"s3:ListAllMyBuckets", "*", "Allow"},  // aws s3 ls
      {"s3:GetObject", "arn:aws:s3:::example-bucket/report.csv", "ImplicitDeny"},
      {"s3:ListBucket", "arn:aws:s3:::example-bucket", "ImplicitDeny"},
      {"s3:PutObject", "arn:aws:s3:::example-bucket/report.csv", "ImplicitDeny"},
      {"ec2:RunInstances", "arn:aws:ec2:us-east-1:111111111111:instance/*", "ImplicitDeny"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.action);
    CaseSpec c;
    c.principal = "arn:aws:sts::111111111111:assumed-role/EC2S3ListOnly/i-0123456789abcdef0";
    c.identity = {role_policy};
    c.action = row.action;
    c.resource = row.resource;
    Outcome out = Run(c);
    CHECK(out.decision == row.decision);
    if (out.decision == "Allow") {
      CHECK(out.decisive == std::vector<std::string>{"identity[0]/ListAllBuckets"});
    } else {
      CHECK(out.gate == "identity");
      CHECK(out.decisive.empty());
    }
  }
}

// ---------------------------------------------------------------------------
// Decisive statements (§5.2).

TEST_CASE("ExplicitDeny reports every applicable Deny, of every policy", "[eval]") {
  CaseSpec c;
  c.resource_account = "111111111111";
  c.identity = {Policy({Allow("*", "*", "All"), Deny("s3:*", "*", "NoS3"), Deny("ec2:*", "*", "NoEc2")}),
                Policy({Deny("s3:Get*")})};
  c.boundary = Policy({Allow("*"), Deny("s3:GetObject", "*", "BoundaryDeny")});
  c.resource_policy = Policy({S("{'Sid':'BucketDeny','Effect':'Deny','Principal':'*','Action':"
                                "'s3:GetObject','Resource':'arn:aws:s3:::b/*'}")});
  c.scp = {{FullAwsAccess(), Policy({Deny("s3:GetObject", "*", "ScpDeny")})}};
  Outcome out = Run(c);
  CHECK(out.decision == "ExplicitDeny");
  CHECK(out.gate == "");
  CHECK(out.decisive == std::vector<std::string>{"identity[0]/NoS3", "identity[1]/0",
                                                 "boundary/BoundaryDeny", "resource/BucketDeny",
                                                 "scp[0][1]/ScpDeny"});
}

TEST_CASE("Allow reports the statements that let the request through", "[eval]") {
  CaseSpec c;
  c.principal = kSession;
  c.identity = {Policy({Allow("s3:GetObject", "*", "Read"), Allow("ec2:*", "*", "Ec2")}),
                Policy({Allow("s3:*")})};
  c.boundary = Policy({Allow("s3:*", "*", "BoundaryS3")});
  c.session = {Policy({Allow("s3:GetObject", "arn:aws:s3:::b/*", "SessionRead")})};
  c.scp = {{FullAwsAccess()}};
  Outcome out = Run(c);
  CHECK(out.decision == "Allow");
  CHECK(out.decisive == std::vector<std::string>{"identity[0]/Read", "identity[1]/0",
                                                 "boundary/BoundaryS3", "session[0]/SessionRead",
                                                 "scp[0][0]/FullAWSAccess"});
}

TEST_CASE("ImplicitDeny reports no statement, only the gate", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Allow("s3:GetObject", "*", "Read")})};
  c.boundary = Policy({Allow("ec2:*", "*", "Ec2Only")});
  Outcome out = Run(c);
  CHECK(out.decision == "ImplicitDeny");
  CHECK(out.gate == "boundary");
  CHECK(out.decisive.empty());
}

TEST_CASE("statement order never matters; there is no first match (§5.1)", "[eval]") {
  CaseSpec a;
  a.identity = {Policy({Deny("s3:GetObject"), Allow("s3:*")})};
  CaseSpec b;
  b.identity = {Policy({Allow("s3:*")}), Policy({Deny("s3:GetObject")})};
  CHECK(Run(a).decision == "ExplicitDeny");
  CHECK(Run(b).decision == "ExplicitDeny");
}

TEST_CASE("S3: the bucket owner's root user can always manage the bucket policy (§5.3)",
          "[eval]") {
  CaseSpec c;
  c.principal = kRootA;
  c.resource = "arn:aws:s3:::b";
  c.resource_account = "111111111111";
  c.resource_policy = Policy({S("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':"
                                "['arn:aws:s3:::b','arn:aws:s3:::b/*']}")});
  for (const char* action :
       {"s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"}) {
    CAPTURE(action);
    c.action = action;
    Outcome out = Run(c);
    CHECK(out.decision == "Allow");
    CHECK(out.decisive.empty());
  }
  c.action = "s3:GetObject";
  c.resource = "arn:aws:s3:::b/k";
  CHECK(Run(c).decision == "ExplicitDeny");
  c.action = "s3:PutBucketPolicy";
  c.resource = "arn:aws:s3:::b";
  c.principal = kAlice;
  c.identity = {Policy({Allow("s3:*")})};
  CHECK(Run(c).decision == "ExplicitDeny");
}

// ---------------------------------------------------------------------------
// Explanations.

TEST_CASE("the trace gives every statement's outcome and first reason", "[eval]") {
  CaseSpec c;
  c.resource_account = "111111111111";
  c.identity = {Policy({
      Allow("ec2:*", "*", "Ec2"),
      S("{'Sid':'NotS3','Effect':'Allow','NotAction':'s3:*','Resource':'*'}"),
      Allow("s3:GetObject", "arn:aws:s3:::other/*", "Other"),
      S("{'Sid':'NotB','Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::b/*'}"),
      S("{'Sid':'Tagged','Effect':'Allow','Action':'s3:*','Resource':'*','Condition':"
        "{'StringEquals':{'aws:PrincipalTag/team':'red'}}}"),
      S("{'Action':'s3:*','Resource':'*'}"),
      Allow("s3:Get*", "arn:aws:s3:::b/*", "Read"),
  })};
  c.resource_policy = Policy({AllowTo(Aws(kBob), "s3:GetObject", "arn:aws:s3:::b/*", "ForBob")});
  c.context = Q("{'aws:PrincipalTag/team':'blue'}");
  Outcome out = Run(c);
  CHECK(out.decision == "Allow");
  CHECK(out.trace ==
        std::vector<std::string>{
            "identity[0]/Ec2 action: action `s3:GetObject` is not listed",
            "identity[0]/NotS3 action: action `s3:GetObject` is excluded by `NotAction`",
            "identity[0]/Other resource: resource `arn:aws:s3:::b/k` is not matched",
            "identity[0]/NotB resource: resource `arn:aws:s3:::b/k` is excluded by `NotResource`",
            "identity[0]/Tagged condition: `StringEquals` on `aws:PrincipalTag/team`: request "
            "value `blue` does not match `red`",
            "identity[0]/5 invalid: statement has no valid `Effect` or `Action`",
            "identity[0]/Read applies",
            "resource/ForBob principal: principal `arn:aws:iam::111111111111:user/alice` is not "
            "named",
        });
}

}  // namespace
}  // namespace iamlint

namespace iamlint {
namespace {

// `?` in a Resource pattern matches one character of a UTF-8 object key
// (S3 keys are UTF-8), not one byte (see condition_eval_test.cc).
TEST_CASE("`?` in Resource matches one character of a UTF-8 key (§2.1)",
          "[eval]") {
  CHECK(ResourceAllows(ResourceEl("arn:aws:s3:::b/caf?"), "arn:aws:s3:::b/café"));
  CHECK_FALSE(ResourceAllows(ResourceEl("arn:aws:s3:::b/caf??"), "arn:aws:s3:::b/café"));
}

}  // namespace
}  // namespace iamlint

namespace iamlint {
namespace {

TEST_CASE("the trace lists statements of policies that do not apply to the caller", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Allow("s3:GetObject", "*", "Read")})};
  c.session = {Policy({Allow("s3:*", "*", "SessionS3")})};
  c.scp = {{FullAwsAccess()}};
  Outcome user = Run(c);
  CHECK(user.decision == "Allow");
  CHECK(user.trace == std::vector<std::string>{
                          "identity[0]/Read applies",
                          "session[0]/SessionS3 policy: session policies apply only to role and "
                          "federated-user sessions",
                          "scp[0][0]/FullAWSAccess applies",
                      });

  CaseSpec anon;
  anon.principal = "";
  anon.resource_account = "111111111111";
  anon.identity = {Policy({Allow("*", "*", "All")})};
  anon.boundary = Policy({Allow("*", "*", "B")});
  anon.scp = {{FullAwsAccess()}};
  anon.resource_policy = Policy({AllowTo("\"*\"", "s3:GetObject", "arn:aws:s3:::b/*", "Public")});
  Outcome out = Run(anon);
  CHECK(out.decision == "Allow");
  CHECK(out.decisive == std::vector<std::string>{"resource/Public"});
  CHECK(out.trace ==
        std::vector<std::string>{
            "identity[0]/All policy: identity-based policies do not apply to anonymous requests",
            "boundary/B policy: a permissions boundary applies only to IAM users, roles and their "
            "sessions",
            "resource/Public applies",
            "scp[0][0]/FullAWSAccess policy: SCPs do not apply to anonymous requests",
        });
}

}  // namespace
}  // namespace iamlint
