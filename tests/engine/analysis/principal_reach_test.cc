// PrincipalReach (engine/analysis/principal_reach.h): gathering an entity's
// policies from an Inventory, the leaked-key reach, verdicts and ranking,
// on samples/accounts/story.json and on small snapshots written here.
#include "engine/analysis/principal_reach.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/inputs/credential_report.h"
#include "engine/inputs/input_reader.h"
#include "engine/policy/policy_reader.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Q;

const Catalog& Cat() { return Catalog::BuiltIn(); }

ActionId Id(std::string_view name) {
  std::optional<ActionId> id = Cat().FindAction(name);
  REQUIRE(id.has_value());
  return *id;
}

std::string ReadSample(const std::string& relative) {
  std::ifstream in(std::string(IAMLINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// An account read from text, with its cache.
struct Account {
  SourceManager sources;
  Inventory inventory;
  std::unique_ptr<ReachPolicyCache> cache;
  std::vector<std::unique_ptr<PolicyDocument>> external_docs;
  std::vector<ExternalPolicy> external;

  Account(const std::string& name, std::string text) {
    SourceId id = sources.AddBuffer(name, std::move(text));
    DiagnosticSink sink;
    REQUIRE(ReadInventory(sources, id, {}, &inventory, sink));
    cache = std::make_unique<ReachPolicyCache>(sources, inventory);
  }
  uint32_t Entity(EntityType type, std::string_view name) const {
    uint32_t e = inventory.FindEntity(type, name);
    REQUIRE(e != kNoIndex);
    return e;
  }
  void AddExternal(const std::string& json, PolicyKind kind, ReachVia via, int level = 0) {
    SourceId id = sources.AddBuffer("external-" + std::to_string(external.size()) + ".json", json);
    PolicyReadOptions read;
    read.build.kind = kind;
    DiagnosticSink sink;
    std::optional<PolicyDocument> doc = ReadPolicy(sources, id, read, sink);
    REQUIRE(doc.has_value());
    external_docs.push_back(std::make_unique<PolicyDocument>(std::move(*doc)));
    external.push_back({external_docs.back().get(), via, level, "external"});
  }
  PrincipalReach Reach(uint32_t entity, const ReachOptions& options = {}) {
    GatheredPolicies g = GatherPrincipalPolicies(*cache, entity, external);
    return AnalyzeReach(Cat(), g, inventory, options);
  }
};

const ActionReach* Find(const PrincipalReach& r, std::string_view action) {
  for (const ActionReach& a : r.actions) {
    if (a.action == Id(action)) return &a;
  }
  return nullptr;
}

Reach ReachOf(const PrincipalReach& r, std::string_view action) {
  const ActionReach* a = Find(r, action);
  return a == nullptr ? Reach::kNever : a->reach;
}

std::vector<std::string> Names(const PrincipalReach& r) {
  std::vector<std::string> out;
  for (const ActionReach& a : r.actions) {
    if (a.reach != Reach::kNever) out.push_back(Cat().FullName(a.action));
  }
  return out;
}

uint32_t Count(const PrincipalReach& r, RiskCategory category) {
  uint32_t n = 0;
  for (const ReachVerdict& v : r.verdicts) n += v.category == category ? 1u : 0u;
  return n;
}

const ReachVerdict* VerdictFor(const PrincipalReach& r, std::string_view action) {
  for (const ReachVerdict& v : r.verdicts) {
    if (v.actions.size() == 1 && v.actions[0] == Id(action) &&
        v.category != RiskCategory::kPrivilegeEscalation) {
      return &v;
    }
  }
  return nullptr;
}

// A snapshot with one user `u` (access key from the caller), its inline
// policy, an optional boundary (a customer managed policy `boundary`) and
// optional extra managed policies.
std::string UserSnapshot(const std::string& statements, const std::string& boundary = "") {
  std::string user =
      "{'UserName':'u','Arn':'arn:aws:iam::111122223333:user/u','GroupList':[],"
      "'AttachedManagedPolicies':[],'UserPolicyList':[{'PolicyName':'p','PolicyDocument':"
      "{'Version':'2012-10-17','Statement':[" + statements + "]}}]";
  std::string policies;
  if (!boundary.empty()) {
    user += ",'PermissionsBoundary':{'PermissionsBoundaryType':'Policy','PermissionsBoundaryArn':"
            "'arn:aws:iam::111122223333:policy/boundary'}";
    policies = "{'PolicyName':'boundary','Arn':'arn:aws:iam::111122223333:policy/boundary',"
               "'DefaultVersionId':'v1','PolicyVersionList':[{'VersionId':'v1','IsDefaultVersion':"
               "true,'Document':{'Version':'2012-10-17','Statement':[" + boundary + "]}}]}";
  }
  user += "}";
  return Q("{'UserDetailList':[" + user + "],'GroupDetailList':[],'RoleDetailList':[],'Policies':[" +
           policies + "]}");
}

TEST_CASE("reach: the story account, user by user", "[reach]") {
  Account a("samples/accounts/story.json", ReadSample("samples/accounts/story.json"));
  const uint32_t alice = a.Entity(EntityType::kUser, "alice");
  const uint32_t bob = a.Entity(EntityType::kUser, "bob");

  SECTION("alice: AdministratorAccess, every action on every resource, every verdict") {
    GatheredPolicies g = GatherPrincipalPolicies(*a.cache, alice);
    REQUIRE(g.policies.size() == 1);
    CHECK(g.policies[0].via == ReachVia::kManaged);
    CHECK(a.inventory.policies[g.policies[0].found].name == "AdministratorAccess");
    CHECK(a.sources.Begin(g.policies[0].attachment).line == 13);
    CHECK(a.sources.Begin(g.policies[0].attachment).column == 34);
    PrincipalReach r = AnalyzeReach(Cat(), g, a.inventory);
    CHECK(r.leaked_key);
    CHECK(r.full_admin);
    CHECK(r.always == Cat().action_count());
    CHECK(r.conditional == 0);
    CHECK(r.not_by_key == 0);
    CHECK(r.verdicts.size() == 121);
    CHECK(Count(r, RiskCategory::kPrivilegeEscalation) == 32);
    CHECK(Count(r, RiskCategory::kDataExfiltration) == 16);
    CHECK(Count(r, RiskCategory::kAuditTampering) == 14);
    const ReachVerdict* s3 = VerdictFor(r, "s3:GetObject");
    REQUIRE(s3 != nullptr);
    CHECK(s3->consequence == "read every object in every S3 bucket");
    CHECK(s3->reach == Reach::kAlways);
    CHECK(s3->all_resources);
    CHECK(s3->decisive == std::vector<StatementLoc>{{0, 0}});
    const ReachVerdict* trail = VerdictFor(r, "cloudtrail:StopLogging");
    REQUIRE(trail != nullptr);
    CHECK(trail->category == RiskCategory::kAuditTampering);
    CHECK(r.services.size() == Cat().service_count() - 0);
  }

  SECTION("bob: his inline policy and his group's, exactly four actions") {
    GatheredPolicies g = GatherPrincipalPolicies(*a.cache, bob);
    REQUIRE(g.policies.size() == 2);
    CHECK(g.policies[0].via == ReachVia::kInline);
    CHECK(g.policies[1].via == ReachVia::kGroupInline);
    CHECK(g.policies[1].group == "readers");
    PrincipalReach r = AnalyzeReach(Cat(), g, a.inventory);
    CHECK(Names(r) == std::vector<std::string>{"s3:GetBucketLocation", "s3:GetObject",
                                               "s3:ListAllMyBuckets", "s3:ListBucket"});
    const ActionReach* get = Find(r, "s3:GetObject");
    REQUIRE(get != nullptr);
    CHECK(get->reach == Reach::kAlways);
    CHECK_FALSE(get->all_resources);
    CHECK(get->resources == std::vector<std::string>{"arn:aws:s3:::reports-bucket/*"});
    CHECK(get->decisive == std::vector<StatementLoc>{{0, 1}});
    const ActionReach* list = Find(r, "s3:ListAllMyBuckets");
    REQUIRE(list != nullptr);
    CHECK(list->all_resources);
    CHECK(list->decisive == std::vector<StatementLoc>{{1, 0}});
    REQUIRE(r.services.size() == 1);
    CHECK(Cat().service_prefix(r.services[0].service) == "s3");
    const ReachCell& read = r.services[0].cells[static_cast<size_t>(AccessLevel::kRead)];
    CHECK(read.all == 1);   // GetBucketLocation
    CHECK(read.some == 1);  // GetObject
    CHECK(read.conditional == 0);
    const ReachCell& listing = r.services[0].cells[static_cast<size_t>(AccessLevel::kList)];
    CHECK(listing.all == 1);   // ListAllMyBuckets
    CHECK(listing.some == 1);  // ListBucket
    CHECK(r.full_admin == false);
    CHECK(r.always == 4);
    // GetObject on some resources is still a data-exfiltration verdict, scoped.
    REQUIRE(r.verdicts.size() == 1);
    CHECK(r.verdicts[0].category == RiskCategory::kDataExfiltration);
    CHECK_FALSE(r.verdicts[0].all_resources);
    CHECK(r.verdicts[0].resources == std::vector<std::string>{"arn:aws:s3:::reports-bucket/*"});
    // 2×(List 1 + Read 2 + List 1 + Read 2) + one verdict.
    CHECK(r.score == 1012);
  }

  SECTION("roles: an unknown context, their own policies") {
    PrincipalReach ec2 = a.Reach(a.Entity(EntityType::kRole, "ec2-list-buckets"));
    CHECK_FALSE(ec2.leaked_key);
    CHECK(Names(ec2) == std::vector<std::string>{"s3:ListAllMyBuckets"});
    PrincipalReach ci = a.Reach(a.Entity(EntityType::kRole, "ci-deploy"));
    CHECK(Names(ci) == std::vector<std::string>{"s3:PutObject"});
    CHECK(Find(ci, "s3:PutObject")->resources ==
          std::vector<std::string>{"arn:aws:s3:::deploy-artifacts/*"});
  }

  SECTION("each document is built once") {
    GatherPrincipalPolicies(*a.cache, alice);
    GatherPrincipalPolicies(*a.cache, alice);
    GatherPrincipalPolicies(*a.cache, bob);
    CHECK(a.cache->built() == 3);
  }
}

TEST_CASE("reach: a grant needing MFA is not reachable by a leaked key", "[reach]") {
  Account a("mfa.json", UserSnapshot(
      "{'Effect':'Allow','Action':'iam:CreateAccessKey','Resource':'*',"
      "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}},"
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
      "'Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}"));
  const uint32_t u = a.Entity(EntityType::kUser, "u");
  PrincipalReach r = a.Reach(u);
  CHECK(r.leaked_key);
  const ActionReach* key = Find(r, "iam:CreateAccessKey");
  REQUIRE(key != nullptr);
  CHECK(key->reach == Reach::kNotByKey);
  REQUIRE(key->conditions.size() == 1);
  CHECK(key->conditions[0].key == "aws:MultiFactorAuthPresent");
  CHECK(DescribeCondition(key->conditions[0]) == "with MFA");
  const ActionReach* get = Find(r, "s3:GetObject");
  REQUIRE(get != nullptr);
  CHECK(get->reach == Reach::kConditional);
  REQUIRE(get->conditions.size() == 1);
  CHECK(DescribeCondition(get->conditions[0]) == "from 203.0.113.0/24");
  CHECK(r.always == 0);
  CHECK(r.conditional == 1);
  CHECK(r.not_by_key == 1);
  const ReachVerdict* v = VerdictFor(r, "iam:CreateAccessKey");
  REQUIRE(v != nullptr);
  CHECK(v->reach == Reach::kNotByKey);
  CHECK(VerdictFor(r, "s3:GetObject")->reach == Reach::kConditional);

  SECTION("--context aws:MultiFactorAuthPresent=true: reachable") {
    ReachOptions o;
    o.context = {{"aws:MultiFactorAuthPresent", {"true"}, false}};
    PrincipalReach with_mfa = a.Reach(u, o);
    CHECK(ReachOf(with_mfa, "iam:CreateAccessKey") == Reach::kAlways);
  }
  SECTION("--context aws:SourceIp: inside or outside the range") {
    ReachOptions in, out;
    in.context = {{"aws:SourceIp", {"203.0.113.7"}, false}};
    out.context = {{"aws:SourceIp", {"198.51.100.1"}, false}};
    CHECK(ReachOf(a.Reach(u, in), "s3:GetObject") == Reach::kAlways);
    CHECK(ReachOf(a.Reach(u, out), "s3:GetObject") == Reach::kNever);
  }
  SECTION("not as a leaked key: the MFA grant is conditional") {
    ReachOptions o;
    o.leaked_key = false;
    CHECK(ReachOf(a.Reach(u, o), "iam:CreateAccessKey") == Reach::kConditional);
  }
}

TEST_CASE("reach: a Deny with NotAction cuts everything else", "[reach]") {
  Account a("notaction.json", UserSnapshot(
      "{'Effect':'Allow','Action':'*','Resource':'*'},"
      "{'Effect':'Deny','NotAction':['s3:GetObject','s3:ListBucket'],'Resource':'*'}"));
  PrincipalReach r = a.Reach(a.Entity(EntityType::kUser, "u"));
  CHECK(Names(r) == std::vector<std::string>{"s3:GetObject", "s3:ListBucket"});
  CHECK(r.always == 2);
  CHECK_FALSE(r.full_admin);
  const ActionReach* run = Find(r, "ec2:RunInstances");
  REQUIRE(run != nullptr);
  CHECK(run->reach == Reach::kNever);
  CHECK(run->decisive == std::vector<StatementLoc>{{0, 1}});
  CHECK(VerdictFor(r, "ec2:RunInstances") == nullptr);
  REQUIRE(VerdictFor(r, "s3:GetObject") != nullptr);
}

TEST_CASE("reach: a permissions boundary limits reach", "[reach]") {
  Account a("boundary.json", UserSnapshot("{'Effect':'Allow','Action':'*','Resource':'*'}",
                                          "{'Effect':'Allow','Action':'s3:*','Resource':'*'}"));
  const uint32_t u = a.Entity(EntityType::kUser, "u");
  GatheredPolicies g = GatherPrincipalPolicies(*a.cache, u);
  REQUIRE(g.policies.size() == 2);
  CHECK(g.policies[1].via == ReachVia::kBoundary);
  CHECK(g.policies[1].role == PolicyRole::kBoundary);
  PrincipalReach r = AnalyzeReach(Cat(), g, a.inventory);
  ActionRange s3 = Cat().actions_of(*Cat().FindService("s3"));
  CHECK(r.always == s3.end - s3.begin);
  CHECK_FALSE(r.full_admin);
  CHECK(ReachOf(r, "s3:GetObject") == Reach::kAlways);
  CHECK(ReachOf(r, "iam:CreateAccessKey") == Reach::kNever);
  REQUIRE(r.services.size() == 1);
  CHECK(Count(r, RiskCategory::kCredentialsExposure) == 0);
}

TEST_CASE("reach: an SCP that denies other regions", "[reach]") {
  Account a("scp.json", UserSnapshot("{'Effect':'Allow','Action':'ec2:RunInstances','Resource':'*'}"));
  a.AddExternal(Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},"
                  "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringNotEquals':"
                  "{'aws:RequestedRegion':'eu-west-1'}}}]}"),
                PolicyKind::kScp, ReachVia::kScp);
  const uint32_t u = a.Entity(EntityType::kUser, "u");
  GatheredPolicies g = GatherPrincipalPolicies(*a.cache, u, a.external);
  REQUIRE(g.policies.size() == 2);
  CHECK(g.policies[1].via == ReachVia::kScp);
  PrincipalReach open = AnalyzeReach(Cat(), g, a.inventory);
  const ActionReach* run = Find(open, "ec2:RunInstances");
  REQUIRE(run != nullptr);
  CHECK(run->reach == Reach::kConditional);
  REQUIRE(run->conditions.size() == 1);
  CHECK(run->conditions[0].from_deny);
  CHECK(run->limiting_denies == std::vector<StatementLoc>{{1, 1}});
  ReachOptions us, eu;
  us.context = {{"aws:RequestedRegion", {"us-east-1"}, false}};
  eu.context = {{"aws:RequestedRegion", {"eu-west-1"}, false}};
  PrincipalReach in_us = AnalyzeReach(Cat(), g, a.inventory, us);
  CHECK(ReachOf(in_us, "ec2:RunInstances") == Reach::kNever);
  CHECK(Find(in_us, "ec2:RunInstances")->decisive == std::vector<StatementLoc>{{1, 1}});
  CHECK(ReachOf(AnalyzeReach(Cat(), g, a.inventory, eu), "ec2:RunInstances") == Reach::kAlways);
}

TEST_CASE("reach: a resource policy naming the user adds its grant", "[reach]") {
  Account a("story.json", ReadSample("samples/accounts/story.json"));
  a.AddExternal(Q("{'Version':'2012-10-17','Statement':["
                  "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/bob'},"
                  "'Action':'s3:GetObject','Resource':'arn:aws:s3:::payroll-bucket/*'},"
                  "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/alice'},"
                  "'Action':'s3:PutObject','Resource':'arn:aws:s3:::payroll-bucket/*'}]}"),
                PolicyKind::kResource, ReachVia::kResource);
  PrincipalReach bob = a.Reach(a.Entity(EntityType::kUser, "bob"));
  CHECK(Find(bob, "s3:GetObject")->resources ==
        std::vector<std::string>{"arn:aws:s3:::reports-bucket/*", "arn:aws:s3:::payroll-bucket/*"});
  CHECK(ReachOf(bob, "s3:PutObject") == Reach::kNever);
  CHECK(Find(bob, "s3:PutObject") == nullptr);
}

TEST_CASE("reach: ranking and the role-based alternative", "[reach]") {
  Account a("samples/accounts/story.json", ReadSample("samples/accounts/story.json"));
  SourceId csv = a.sources.AddBuffer("story-credentials.csv",
                                     ReadSample("samples/accounts/story-credentials.csv"));
  std::vector<CredentialReportRow> rows;
  DiagnosticSink sink;
  REQUIRE(ReadCredentialReport(a.sources, csv, &rows, sink));
  ApplyCredentialReport(rows, &a.inventory);

  SECTION("users only") {
    std::vector<RankedPrincipal> r = RankPrincipals(Cat(), *a.cache);
    REQUIRE(r.size() == 2);
    CHECK(a.inventory.entities[r[0].entity].name == "alice");
    CHECK(r[0].active_key);
    CHECK(r[0].reach.full_admin);
    CHECK(r[0].reach.actions.empty());  // summaries only
    REQUIRE(r[0].alternative.has_value());
    CHECK(a.inventory.entities[r[0].alternative->role].name == "ci-deploy");
    CHECK(r[0].alternative->trust == RoleTrust::kOidc);
    CHECK(r[0].alternative->trusted == "token.actions.githubusercontent.com");
    CHECK(a.inventory.entities[r[1].entity].name == "bob");
    CHECK_FALSE(r[1].active_key);
    CHECK(r[1].reach.score == 1012);
    REQUIRE(r[1].alternative.has_value());
    CHECK(a.inventory.entities[r[1].alternative->role].name == "ec2-list-buckets");
    CHECK(r[1].alternative->trust == RoleTrust::kInstanceProfile);
    CHECK(r[1].alternative->shared_services == 1);
    CHECK(r[1].alternative->user_services == 2);
  }
  SECTION("with roles: users with a key first, then by score") {
    RankOptions o;
    o.roles = true;
    std::vector<RankedPrincipal> r = RankPrincipals(Cat(), *a.cache, o);
    std::vector<std::string> order;
    for (const RankedPrincipal& p : r) order.push_back(a.inventory.entities[p.entity].name);
    CHECK(order == std::vector<std::string>{"alice", "bob", "ci-deploy", "ec2-list-buckets"});
    CHECK(r[2].reach.score == 6);
    CHECK(r[3].reach.score == 2);
    CHECK_FALSE(r[2].alternative.has_value());
  }
  SECTION("a key outranks a larger reach") {
    a.inventory.entities[a.Entity(EntityType::kUser, "alice")].access_key = Tristate::kNo;
    a.inventory.entities[a.Entity(EntityType::kUser, "bob")].access_key = Tristate::kYes;
    std::vector<RankedPrincipal> r = RankPrincipals(Cat(), *a.cache);
    REQUIRE(r.size() == 2);
    CHECK(a.inventory.entities[r[0].entity].name == "bob");
  }
  SECTION("workload roles") {
    std::vector<RoleAlternative> ec2 = WorkloadRoles(*a.cache, a.Entity(EntityType::kRole, "ec2-list-buckets"));
    REQUIRE(ec2.size() == 1);
    CHECK(ec2[0].trust == RoleTrust::kInstanceProfile);
    CHECK(ec2[0].trusted == "ec2.amazonaws.com");
    CHECK(WorkloadRoles(*a.cache, a.Entity(EntityType::kUser, "alice")).empty());
  }
}

TEST_CASE("reach: a resource policy naming the user's ARN is not limited by the boundary",
          "[reach]") {
  // AWS: within an account, a permissions boundary does not limit what a
  // resource-based policy grants to the user's ARN; the evaluator decides
  // the same (PrincipalGrant::kDirect). Denies still apply.
  Account a("boundary.json", UserSnapshot("{'Effect':'Allow','Action':'*','Resource':'*'}",
                                          "{'Effect':'Allow','Action':'ec2:*','Resource':'*'}"));
  a.AddExternal(Q("{'Version':'2012-10-17','Statement':["
                  "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:user/u'},"
                  "'Action':['s3:GetObject','s3:DeleteObject'],'Resource':'arn:aws:s3:::b/*'},"
                  "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},"
                  "'Action':'s3:PutObject','Resource':'arn:aws:s3:::b/*'},"
                  "{'Effect':'Deny','Principal':'*','Action':'s3:DeleteObject',"
                  "'Resource':'arn:aws:s3:::*'}]}"),
                PolicyKind::kResource, ReachVia::kResource);
  const uint32_t u = a.Entity(EntityType::kUser, "u");
  GatheredPolicies g = GatherPrincipalPolicies(*a.cache, u, a.external);
  // inline, the Deny (kGrant copy), the direct Allow (kDirectGrant copy), the boundary
  REQUIRE(g.policies.size() == 4);
  CHECK(g.policies[1].role == PolicyRole::kGrant);
  CHECK(g.policies[2].role == PolicyRole::kDirectGrant);
  CHECK(g.policies[3].role == PolicyRole::kBoundary);
  PrincipalReach r = AnalyzeReach(Cat(), g, a.inventory);
  REQUIRE(Find(r, "s3:GetObject") != nullptr);
  CHECK(ReachOf(r, "s3:GetObject") == Reach::kAlways);
  CHECK(Find(r, "s3:GetObject")->resources == std::vector<std::string>{"arn:aws:s3:::b/*"});
  CHECK(Find(r, "s3:GetObject")->decisive == std::vector<StatementLoc>{{2, 0}});
  CHECK(ReachOf(r, "s3:DeleteObject") == Reach::kNever);  // the Deny
  CHECK(ReachOf(r, "s3:PutObject") == Reach::kNever);     // the account: the boundary applies
  CHECK(ReachOf(r, "ec2:RunInstances") == Reach::kAlways);
  CHECK(ReachOf(r, "iam:CreateUser") == Reach::kNever);
}

TEST_CASE("reach: run summaries count as the per-action reach does", "[reach]") {
  // AnalyzeReach counts services × access levels from runs of actions;
  // recount them action by action from the kept per-action reach.
  Account a("samples/accounts/story.json", ReadSample("samples/accounts/story.json"));
  Account mfa("mfa.json", UserSnapshot(
      "{'Effect':'Allow','Action':['s3:*','ec2:Describe*'],'Resource':'*'},"
      "{'Effect':'Allow','Action':'iam:*','Resource':'*',"
      " 'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}},"
      "{'Effect':'Allow','Action':'sqs:*','Resource':'arn:aws:sqs:*:*:q',"
      " 'Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}"));
  for (Account* account : {&a, &mfa}) {
    for (uint32_t e = 0; e < account->inventory.entities.size(); ++e) {
      if (account->inventory.entities[e].type == EntityType::kGroup) continue;
      GatheredPolicies g = GatherPrincipalPolicies(*account->cache, e);
      PrincipalReach r = AnalyzeReach(Cat(), g, account->inventory);
      std::map<std::pair<ServiceId, size_t>, ReachCell> cells;
      uint32_t always = 0, conditional = 0, not_by_key = 0;
      for (const ActionReach& x : r.actions) {
        ReachCell& c = cells[{Cat().action_service(x.action),
                              static_cast<size_t>(Cat().access_level(x.action))}];
        switch (x.reach) {
          case Reach::kNever: break;
          case Reach::kNotByKey: ++c.not_by_key; ++not_by_key; break;
          case Reach::kConditional: ++c.conditional; ++conditional; break;
          case Reach::kAlways: ++(x.all_resources ? c.all : c.some); ++always; break;
        }
      }
      CAPTURE(account->inventory.entities[e].name);
      CHECK(r.always == always);
      CHECK(r.conditional == conditional);
      CHECK(r.not_by_key == not_by_key);
      for (const ServiceReach& s : r.services) {
        for (size_t l = 0; l < kAccessLevelCount; ++l) {
          const ReachCell& want = cells[{s.service, l}];
          CHECK(s.cells[l].all == want.all);
          CHECK(s.cells[l].some == want.some);
          CHECK(s.cells[l].conditional == want.conditional);
          CHECK(s.cells[l].not_by_key == want.not_by_key);
        }
      }
      // Summaries only (the ranking's mode) count the same.
      ReachOptions brief;
      brief.keep_actions = false;
      PrincipalReach b = AnalyzeReach(Cat(), g, account->inventory, brief);
      CHECK(b.score == r.score);
      CHECK(b.always == r.always);
      CHECK(b.not_by_key == r.not_by_key);
      CHECK(b.verdicts.size() == r.verdicts.size());
    }
  }
  // The MFA grant is not reachable by the key, the rest is.
  GatheredPolicies g = GatherPrincipalPolicies(*mfa.cache, mfa.Entity(EntityType::kUser, "u"));
  PrincipalReach r = AnalyzeReach(Cat(), g, mfa.inventory);
  CHECK(r.not_by_key == Cat().Expand("iam:*").size());
  // The queue ARN grants the SQS actions that take a queue (ListQueues takes none).
  size_t on_queues = 0;
  for (ActionId id : Cat().Expand("sqs:*")) if (!Cat().TakesNoResource(id)) ++on_queues;
  CHECK(r.conditional == on_queues);
}

TEST_CASE("reach: the same policies conditioned on the caller's name are not shared",
          "[reach]") {
  // Two users attach one managed policy that allows S3 only to alice: the
  // ranking must not reuse alice's reach for bob.
  std::string policy =
      "{'PolicyName':'named','Arn':'arn:aws:iam::111122223333:policy/named','DefaultVersionId':"
      "'v1','PolicyVersionList':[{'VersionId':'v1','IsDefaultVersion':true,'Document':{"
      "'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*',"
      "'Condition':{'StringEquals':{'aws:username':'alice'}}}]}}]}";
  auto user = [](const std::string& name) {
    return "{'UserName':'" + name + "','Arn':'arn:aws:iam::111122223333:user/" + name +
           "','GroupList':[],'UserPolicyList':[],'AttachedManagedPolicies':[{'PolicyName':"
           "'named','PolicyArn':'arn:aws:iam::111122223333:policy/named'}]}";
  };
  Account a("named.json", Q("{'UserDetailList':[" + user("alice") + "," + user("bob") +
                            "],'GroupDetailList':[],'RoleDetailList':[],'Policies':[" + policy +
                            "]}"));
  std::vector<RankedPrincipal> r = RankPrincipals(Cat(), *a.cache);
  REQUIRE(r.size() == 2);
  CHECK(a.inventory.entities[r[0].entity].name == "alice");
  CHECK(r[0].reach.always == Cat().Expand("s3:*").size());
  CHECK(a.inventory.entities[r[1].entity].name == "bob");
  CHECK(r[1].reach.always == 0);
}

}  // namespace
}  // namespace iamlint
