// AnalyzeGrants(): expansion, resource scope, three-valued conditions, gates
// and denies, each as a small table; then the oracle test against the
// concrete evaluator (Authorize) on sampled actions.
#include "engine/analysis/effective.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "engine/analysis/prepared_policy.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/evaluator.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::ParsePolicy;
using testing::Q;

const Catalog& Cat() { return Catalog::BuiltIn(); }

std::string Doc(const std::string& statements) {
  return Q("{'Version':'2012-10-17','Statement':[" + statements + "]}");
}

struct Analyzed {
  testing::PolicyResult parsed;
  GrantSet grants;
  GrantLevel Level(std::string_view action) const { return grants.LevelOf(Cat(), action); }
  const ActionGrant& Grant(std::string_view action) const {
    const ActionGrant* g = grants.Find(*Cat().FindAction(action));
    REQUIRE(g != nullptr);
    return *g;
  }
};

Analyzed Analyze(const std::string& statements, const PartialContext& ctx = {}) {
  Analyzed a;
  a.parsed = ParsePolicy(Doc(statements), PolicyKind::kIdentity);
  REQUIRE(a.parsed.policy);
  AnalysisOptions options;
  options.context = ctx;
  a.grants = AnalyzeGrants(Cat(), *a.parsed.policy, options);
  return a;
}

TEST_CASE("analysis: wildcards expand against the catalog, case-insensitively", "[analysis]") {
  Analyzed a = Analyze("{'Effect':'Allow','Action':'S3:ge*','Resource':'*'}");
  CHECK(a.Level("s3:GetObject") == GrantLevel::kAllResources);
  CHECK(a.Level("s3:PutObject") == GrantLevel::kNever);
  CHECK(a.grants.Find(*Cat().FindAction("s3:PutObject")) == nullptr);
  CHECK(a.Grant("s3:GetObject").decisive == std::vector<StatementLoc>{{0, 0}});
}

TEST_CASE("analysis: NotAction grants every other action", "[analysis]") {
  Analyzed a = Analyze("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}");
  CHECK(a.Level("s3:GetObject") == GrantLevel::kAllResources);
  CHECK(a.Level("ec2:RunInstances") == GrantLevel::kAllResources);
  CHECK(a.Level("iam:CreateUser") == GrantLevel::kNever);
}

TEST_CASE("analysis: resource scope by the action's resource types", "[analysis]") {
  Analyzed a = Analyze(
      "{'Effect':'Allow','Action':['s3:GetObject','s3:ListBucket','s3:ListAllMyBuckets'],"
      "'Resource':'arn:aws:s3:::data/*'}");
  CHECK(a.Level("s3:GetObject") == GrantLevel::kSomeResources);
  CHECK(a.Grant("s3:GetObject").resources == std::vector<std::string>{"arn:aws:s3:::data/*"});
  CHECK(a.Level("s3:ListBucket") == GrantLevel::kNever);        // an object ARN names no bucket
  CHECK(a.Level("s3:ListAllMyBuckets") == GrantLevel::kNever);  // takes no resource: needs `*`
  Analyzed all = Analyze("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::*/*'}");
  CHECK(all.Level("s3:GetObject") == GrantLevel::kAllResources);
  Analyzed roles = Analyze("{'Effect':'Allow','Action':'iam:PassRole','Resource':'arn:aws:iam::*:role/*'}");
  CHECK(roles.Level("iam:PassRole") == GrantLevel::kAllResources);
  Analyzed notres = Analyze(
      "{'Effect':'Allow','Action':'s3:GetObject','NotResource':'arn:aws:s3:::secret/*'}");
  CHECK(notres.Level("s3:GetObject") == GrantLevel::kSomeResources);
  CHECK(notres.Grant("s3:GetObject").resources ==
        std::vector<std::string>{"everything except `arn:aws:s3:::secret/*`"});
}

TEST_CASE("analysis: denies cancel or limit", "[analysis]") {
  Analyzed a = Analyze(
      "{'Effect':'Allow','Action':'*','Resource':'*'},"
      "{'Effect':'Deny','Action':'iam:*','Resource':'*'},"
      "{'Effect':'Deny','Action':'s3:GetObject','Resource':'arn:aws:s3:::secret/*'},"
      "{'Effect':'Deny','Action':'ec2:RunInstances','Resource':'*',"
      " 'Condition':{'StringNotEquals':{'aws:RequestedRegion':'eu-west-1'}}}");
  CHECK(a.Level("iam:CreateUser") == GrantLevel::kNever);
  CHECK(a.Grant("iam:CreateUser").decisive == std::vector<StatementLoc>{{0, 1}});
  CHECK(a.Level("s3:GetObject") == GrantLevel::kSomeResources);
  CHECK(a.Grant("s3:GetObject").resources ==
        std::vector<std::string>{"everything except `arn:aws:s3:::secret/*`"});
  CHECK(a.Level("ec2:RunInstances") == GrantLevel::kConditional);
  REQUIRE(a.Grant("ec2:RunInstances").conditions.size() == 1);
  CHECK(DescribeCondition(a.Grant("ec2:RunInstances").conditions[0]) ==
        "unless `aws:RequestedRegion` StringNotEquals `eu-west-1`");
  CHECK(a.Level("sqs:SendMessage") == GrantLevel::kAllResources);
}

TEST_CASE("analysis: conditions are three-valued; a leaked key has no MFA", "[analysis]") {
  const std::string mfa =
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
      "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}";
  Analyzed unknown = Analyze(mfa);
  CHECK(unknown.Level("s3:GetObject") == GrantLevel::kConditional);
  REQUIRE(unknown.Grant("s3:GetObject").conditions.size() == 1);
  CHECK(DescribeCondition(unknown.Grant("s3:GetObject").conditions[0]) == "with MFA");
  CHECK(Analyze(mfa, PartialContext::LeakedAccessKey()).Level("s3:GetObject") ==
        GrantLevel::kNever);
  // An unrelated condition stays unknown for a leaked key.
  Analyzed ip = Analyze(
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
      "'Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}",
      PartialContext::LeakedAccessKey());
  CHECK(ip.Level("s3:GetObject") == GrantLevel::kConditional);
  CHECK(DescribeCondition(ip.Grant("s3:GetObject").conditions[0]) == "from 203.0.113.0/24");
  // A Deny without MFA: a leaked key is cut off entirely.
  const std::string deny_no_mfa =
      "{'Effect':'Allow','Action':'*','Resource':'*'},"
      "{'Effect':'Deny','NotAction':'iam:ListMFADevices','Resource':'*',"
      "'Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}";
  CHECK(Analyze(deny_no_mfa, PartialContext::LeakedAccessKey()).Level("s3:GetObject") ==
        GrantLevel::kNever);
  Analyzed partial = Analyze(deny_no_mfa);
  CHECK(partial.Level("s3:GetObject") == GrantLevel::kConditional);
  CHECK(DescribeCondition(partial.Grant("s3:GetObject").conditions[0]) == "with MFA");
  CHECK(partial.Level("iam:ListMFADevices") == GrantLevel::kAllResources);
}

TEST_CASE("analysis: boundary and SCP gates intersect", "[analysis]") {
  testing::PolicyResult id = ParsePolicy(Doc("{'Effect':'Allow','Action':'*','Resource':'*'}"),
                                         PolicyKind::kIdentity);
  testing::PolicyResult boundary = ParsePolicy(
      Doc("{'Effect':'Allow','Action':['s3:*','ec2:*'],'Resource':'*'}"), PolicyKind::kBoundary);
  testing::PolicyResult scp = ParsePolicy(
      Doc("{'Effect':'Allow','Action':'*','Resource':'*'},"
          "{'Effect':'Deny','Action':'ec2:*','Resource':'*'}"),
      PolicyKind::kScp);
  REQUIRE((id.policy && boundary.policy && scp.policy));
  GrantSet g = AnalyzeGrants(Cat(), {{&*id.policy, PolicyRole::kGrant, 0},
                                     {&*boundary.policy, PolicyRole::kBoundary, 0},
                                     {&*scp.policy, PolicyRole::kScp, 0}});
  CHECK(g.LevelOf(Cat(), "s3:GetObject") == GrantLevel::kAllResources);
  CHECK(g.LevelOf(Cat(), "ec2:RunInstances") == GrantLevel::kNever);
  CHECK(g.LevelOf(Cat(), "iam:CreateUser") == GrantLevel::kNever);
}

TEST_CASE("analysis: the Expand fast path agrees with the reference scan", "[analysis]") {
  const std::vector<std::string> policies = {
      "{'Effect':'Allow','Action':['s3:Ge*','IAM:*AccessKey*','ec2:?escribeInstances'],'Resource':'*'}",
      "{'Effect':'Allow','NotAction':['s3:*','sqs:Send*'],'Resource':'arn:aws:sqs:*:*:q'}",
      "{'Effect':'Allow','Action':['*:Get*','s3'],'Resource':'*'}",
  };
  for (const std::string& text : policies) {
    testing::PolicyResult parsed = ParsePolicy(Doc(text), PolicyKind::kIdentity);
    REQUIRE(parsed.policy);
    AnalysisOptions fast, reference;
    reference.reference_path = true;
    GrantSet a = AnalyzeGrants(Cat(), *parsed.policy, fast);
    GrantSet b = AnalyzeGrants(Cat(), *parsed.policy, reference);
    CAPTURE(text);
    REQUIRE(a.grants().size() == b.grants().size());
    for (size_t i = 0; i < a.grants().size(); ++i) {
      CHECK(a.grants()[i].action == b.grants()[i].action);
      CHECK(a.grants()[i].level == b.grants()[i].level);
      CHECK(a.grants()[i].resources == b.grants()[i].resources);
    }
  }
}

// Every detail of two grant sets, and their level runs, compared.
void RequireSameGrants(const GrantSet& a, const GrantSet& b) {
  REQUIRE(a.levels() == b.levels());
  REQUIRE(a.grants().size() == b.grants().size());
  for (size_t i = 0; i < a.grants().size(); ++i) {
    const ActionGrant& x = a.grants()[i];
    const ActionGrant& y = b.grants()[i];
    CAPTURE(Cat().FullName(x.action));
    CHECK(x.action == y.action);
    CHECK(x.level == y.level);
    CHECK(x.resources == y.resources);
    CHECK(x.resources_limited == y.resources_limited);
    CHECK(x.decisive == y.decisive);
    CHECK(x.limiting_denies == y.limiting_denies);
    REQUIRE(x.conditions.size() == y.conditions.size());
    for (size_t c = 0; c < x.conditions.size(); ++c) {
      CHECK(x.conditions[c].where == y.conditions[c].where);
      CHECK(x.conditions[c].key == y.conditions[c].key);
      CHECK(x.conditions[c].from_deny == y.conditions[c].from_deny);
    }
  }
}

TEST_CASE("analysis: runs, segments and prepared documents agree with the reference path",
          "[analysis]") {
  // Grants, boundaries, SCP levels, Denies with resources and conditions,
  // NotAction and NotResource: the fast path (segments evaluated once) and
  // the reference (every action evaluated, reference expansion and
  // coverage) must give identical grants and level runs.
  testing::PolicyResult grant = ParsePolicy(
      Doc("{'Effect':'Allow','Action':['s3:*','iam:*AccessKey*','ec2:Describe*'],'Resource':'*'},"
          "{'Effect':'Allow','Action':'sqs:*','Resource':['arn:aws:sqs:*:*:q','arn:aws:sqs:*:*:*']},"
          "{'Effect':'Allow','NotAction':['iam:*','kms:*'],'Resource':'*',"
          " 'Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}},"
          "{'Effect':'Allow','Action':'kms:Decrypt','NotResource':'arn:aws:kms:*:*:key/secret'},"
          "{'Effect':'Deny','Action':'s3:Put*','Resource':'arn:aws:s3:::logs/*'},"
          "{'Effect':'Deny','Action':'s3:DeleteBucket','Resource':'*',"
          " 'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}}"),
      PolicyKind::kIdentity);
  testing::PolicyResult boundary = ParsePolicy(
      Doc("{'Effect':'Allow','Action':['s3:*','sqs:*','ec2:*','kms:*'],'Resource':'*'}"),
      PolicyKind::kBoundary);
  testing::PolicyResult scp = ParsePolicy(
      Doc("{'Effect':'Allow','Action':'*','Resource':'*'},"
          "{'Effect':'Deny','Action':'ec2:*','Resource':'*',"
          " 'Condition':{'StringNotEquals':{'aws:RequestedRegion':'eu-west-1'}}}"),
      PolicyKind::kScp);
  REQUIRE((grant.policy && boundary.policy && scp.policy));
  const std::vector<AnalyzedPolicy> sets[] = {
      {{&*grant.policy, PolicyRole::kGrant, 0}},
      {{&*grant.policy, PolicyRole::kGrant, 0}, {&*boundary.policy, PolicyRole::kBoundary, 0}},
      {{&*grant.policy, PolicyRole::kGrant, 0},
       {&*boundary.policy, PolicyRole::kBoundary, 0},
       {&*scp.policy, PolicyRole::kScp, 0}},
  };
  for (const PartialContext& context : {PartialContext::Unknown(), PartialContext::LeakedAccessKey()}) {
    for (const std::vector<AnalyzedPolicy>& set : sets) {
      AnalysisOptions fast, reference;
      fast.context = reference.context = context;
      reference.reference_path = true;
      RequireSameGrants(AnalyzeGrants(Cat(), set, fast), AnalyzeGrants(Cat(), set, reference));
      // Documents prepared by the caller give the same answer.
      std::vector<std::unique_ptr<const PreparedPolicy>> prepared;
      std::vector<AnalyzedPolicy> with = set;
      for (AnalyzedPolicy& ap : with) {
        prepared.push_back(PreparedPolicy::Prepare(Cat(), *ap.document));
        ap.prepared = prepared.back().get();
      }
      RequireSameGrants(AnalyzeGrants(Cat(), with, fast), AnalyzeGrants(Cat(), set, fast));
      // Details for a few actions only: the same levels, those grants only.
      std::vector<ActionId> few = {*Cat().FindAction("s3:GetObject"),
                                   *Cat().FindAction("sqs:SendMessage")};
      std::sort(few.begin(), few.end());
      AnalysisOptions brief = fast;
      brief.detail_actions = &few;
      GrantSet all = AnalyzeGrants(Cat(), set, fast);
      GrantSet some = AnalyzeGrants(Cat(), set, brief);
      CHECK(some.levels() == all.levels());
      REQUIRE(some.grants().size() == 2);
      for (const ActionGrant& g : some.grants()) {
        CHECK(g.decisive == all.Find(g.action)->decisive);
        CHECK(g.resources == all.Find(g.action)->resources);
      }
    }
  }
}

// A concrete ARN of the action's first resource type: placeholders filled.
std::string ConcreteArn(ActionId action) {
  if (Cat().TakesNoResource(action)) return "*";
  std::string_view tmpl = Cat().arn_templates(Cat().ResourceTypesOf(action)[0].type)[0];
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 2, "${") == 0) {
      size_t end = tmpl.find('}', i);
      std::string_view var = tmpl.substr(i + 2, end - i - 2);
      out += var == "Partition" ? "aws" : var == "Region" ? "us-east-1"
             : var == "Account" ? "111111111111" : "x1";
      i = end + 1;
    } else {
      out += tmpl[i++];
    }
  }
  return out;
}

TEST_CASE("analysis agrees with Authorize on sampled concrete requests (oracle)", "[analysis]") {
  const std::vector<std::string> policies = {
      "{'Effect':'Allow','Action':'*','Resource':'*'},"
      "{'Effect':'Deny','Action':['iam:*','s3:Put*'],'Resource':'*'}",
      "{'Effect':'Allow','NotAction':['ec2:*','lambda:*'],'Resource':'*'}",
      "{'Effect':'Allow','Action':['s3:Get*','kms:*','sqs:Send*'],'Resource':'*'},"
      "{'Effect':'Deny','Action':'kms:Decrypt','Resource':'*',"
      " 'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}}",
      "{'Effect':'Allow','Action':['ec2:Describe*','s3:List*','iam:List*','*:Get*'],'Resource':'*'},"
      "{'Effect':'Deny','NotAction':['ec2:*'],'Resource':'*',"
      " 'Condition':{'Null':{'aws:SourceIp':'false'}}}",
  };
  PartialContext closed;
  closed.closed = true;  // a concrete request with an empty context
  for (const std::string& text : policies) {
    Analyzed a = Analyze(text, closed);
    auto doc = std::make_shared<const PolicyDocument>(*a.parsed.policy);
    auto compiled = CompiledPolicy::Compile(doc);
    PolicyBundle bundle;
    bundle.identity = {compiled.get()};
    EvalScratch scratch;
    Decision decision;
    int all = 0, never = 0;
    std::vector<ActionId> sample;
    for (ActionId id = 0; id < Cat().action_count(); id += 37) sample.push_back(id);
    for (size_t k = 0; k < a.grants.grants().size(); k += 7) {
      sample.push_back(a.grants.grants()[k].action);
    }
    for (ActionId id : sample) {
      GrantLevel level = a.grants.LevelOf(id);
      if (level == GrantLevel::kSomeResources || level == GrantLevel::kConditional) continue;
      Request request;
      request.set_principal("arn:aws:iam::111111111111:user/alice");
      request.set_action(Cat().FullName(id));
      request.set_resource(ConcreteArn(id));
      request.Finish();
      Authorize(bundle, request, EvalOptions{}, &scratch, &decision);
      CAPTURE(text, Cat().FullName(id), request.resource());
      // KMS keys need their key policy (semantics: the resource gate); the
      // analysis is identity-side, so those requests are not comparable.
      if (decision.gate == Gate::kResource) continue;
      CHECK((decision.kind == DecisionKind::kAllow) == (level == GrantLevel::kAllResources));
      (level == GrantLevel::kAllResources ? all : never)++;
    }
    CHECK(all > 0);
    CHECK(never > 0);
  }
}

}  // namespace
}  // namespace iamlint
