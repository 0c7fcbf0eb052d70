#include "engine/inputs/terraform.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/json/json_reader.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Lines;

struct TfResult {
  std::unique_ptr<SourceManager> sources = std::make_unique<SourceManager>();
  SourceId id = kNoSource;
  std::string text;
  Inventory inventory;
  std::vector<Diagnostic> diagnostics;

  Lines lines() const { return testing::FormatDiagnostics(*sources, diagnostics); }
  std::string Where(const Span& span) const {
    LineColumn lc = sources->Begin(span);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }
  const FoundPolicy& policy(std::string_view where) const {
    for (const FoundPolicy& p : inventory.policies) {
      if (p.where == where) return p;
    }
    FAIL("no policy at " << where);
    return inventory.policies.front();
  }
  const Entity& entity(EntityType type, std::string_view name) const {
    uint32_t i = inventory.FindEntity(type, name);
    REQUIRE(i != kNoIndex);
    return inventory.entities[i];
  }
};

TfResult ReadPlanText(std::string text, std::string name = "plan.json") {
  TfResult r;
  r.text = text;
  r.id = r.sources->AddBuffer(std::move(name), std::move(text));
  JsonDocument doc;
  DiagnosticSink sink;
  REQUIRE(ReadJson(*r.sources, r.id, JsonReadOptions{}, &doc, sink));
  REQUIRE(LooksLikeTerraform(doc.root()));
  uint32_t index = r.inventory.AddDocument(std::move(doc));
  ReadTerraform(*r.sources, index, &r.inventory, sink);
  sink.Sort();
  r.diagnostics = sink.Take();
  return r;
}

TfResult ReadSample(const std::string& file) {
  std::filesystem::path path =
      std::filesystem::path(IAMLINT_SOURCE_DIR) / "samples" / "terraform" / file;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return ReadPlanText(s.str(), "samples/terraform/" + file);
}

std::string TriName(Tristate t) {
  switch (t) {
    case Tristate::kUnknown: return "?";
    case Tristate::kNo: return "no";
    case Tristate::kYes: return "yes";
  }
  return "?";
}

// "where | kind | name | attached: a,b | arn | resource_type"
Lines PolicyLines(const Inventory& inv) {
  Lines out;
  for (const FoundPolicy& p : inv.policies) {
    std::string line = p.where + " | " +
                       (p.kind ? std::string(PolicyKindName(*p.kind)) : std::string("-")) +
                       " | " + p.name + " | attached:";
    for (uint32_t e : p.attached) line += " " + inv.entities[e].name;
    if (!p.arn.empty()) line += " | arn " + p.arn;
    if (!p.resource_type.empty()) line += " | " + p.resource_type;
    out.push_back(line);
  }
  return out;
}

std::string RefText(const Inventory& inv, const ManagedPolicyRef& ref) {
  std::string s = ref.arn;
  if (ref.policy != kNoIndex) s += " -> " + inv.policies[ref.policy].where;
  return s;
}

// "role app-server (aws_iam_role.app) key=? pw=? trust=... inline=[...]
// managed=[...] boundary=... groups=[...] profiles=[...]"
Lines EntityLines(const Inventory& inv) {
  Lines out;
  for (const Entity& e : inv.entities) {
    std::string line = std::string(EntityTypeName(e.type)) + " " + e.name;
    if (!e.logical_id.empty()) line += " (" + e.logical_id + ")";
    line += " key=" + TriName(e.access_key) + " pw=" + TriName(e.password);
    if (e.trust_policy != kNoIndex) line += " trust=" + inv.policies[e.trust_policy].where;
    if (!e.inline_policies.empty()) {
      line += " inline=[";
      for (size_t i = 0; i < e.inline_policies.size(); ++i) {
        line += (i ? ", " : "") + inv.policies[e.inline_policies[i]].where;
      }
      line += "]";
    }
    if (!e.managed_policies.empty()) {
      line += " managed=[";
      for (size_t i = 0; i < e.managed_policies.size(); ++i) {
        line += (i ? ", " : "") + RefText(inv, e.managed_policies[i]);
      }
      line += "]";
    }
    if (e.boundary) line += " boundary=" + RefText(inv, *e.boundary);
    if (!e.groups.empty()) {
      line += " groups=[";
      for (size_t i = 0; i < e.groups.size(); ++i) line += (i ? ", " : "") + e.groups[i];
      line += "]";
    }
    if (!e.instance_profiles.empty()) {
      line += " profiles=[";
      for (size_t i = 0; i < e.instance_profiles.size(); ++i) {
        line += (i ? ", " : "") + e.instance_profiles[i];
      }
      line += "]";
    }
    out.push_back(line);
  }
  return out;
}

// The span of the first member `key` of the policy's first statement.
Span StatementKeySpan(const FoundPolicy& p, std::string_view key, uint32_t statement = 0) {
  JsonValue statements = p.root.Find("Statement");
  REQUIRE(statements.valid());
  REQUIRE(statements.is_array());
  REQUIRE(statement < statements.size());
  JsonValue s = statements.element(statement);
  for (uint32_t i = 0; i < s.size(); ++i) {
    if (s.key(i) == key) return s.key_span(i);
  }
  FAIL("no key " << key);
  return {};
}

Span StatementValueSpan(const FoundPolicy& p, std::string_view key, uint32_t statement = 0) {
  JsonValue statements = p.root.Find("Statement");
  REQUIRE(statements.valid());
  REQUIRE(statement < statements.size());
  JsonValue v = statements.element(statement).Find(key);
  REQUIRE(v.valid());
  return v.span();
}

TEST_CASE("terraform: leaky-user plan", "[terraform]") {
  TfResult r = ReadSample("leaky-user.plan.json");
  CHECK(r.lines() == Lines{});
  CHECK(r.inventory.format == InputFormat::kTerraform);
  CHECK(r.inventory.account_id.empty());  // every ARN is known after apply
  CHECK(PolicyLines(r.inventory) == Lines{
      "aws_iam_user_policy.deploy.policy | identity | deploy-everything | attached: ci-deploy",
  });
  CHECK(EntityLines(r.inventory) == Lines{
      "group ops (aws_iam_group.ops) key=? pw=? "
      "managed=[arn:aws:iam::aws:policy/ReadOnlyAccess]",
      "user ci-deploy (aws_iam_user.deploy) key=yes pw=yes "
      "inline=[aws_iam_user_policy.deploy.policy] "
      "managed=[arn:aws:iam::aws:policy/AdministratorAccess] groups=[ops]",
  });

  const Entity& user = r.entity(EntityType::kUser, "ci-deploy");
  CHECK(r.Where(user.span) == testing::PositionOf(r.text, "\"aws_iam_user.deploy\""));
  CHECK(r.Where(user.access_key_span) ==
        testing::PositionOf(r.text, "\"aws_iam_access_key.deploy\""));
  REQUIRE(user.managed_policies.size() == 1);
  CHECK(r.Where(user.managed_policies[0].span) ==
        testing::PositionOf(r.text, "\"arn:aws:iam::aws:policy/AdministratorAccess\""));
  CHECK(user.managed_policies[0].policy == kNoIndex);  // AWS managed: resolved elsewhere

  // Spans inside the decoded policy land on the plan's line and column.
  const FoundPolicy& p = r.policy("aws_iam_user_policy.deploy.policy");
  CHECK(r.Where(p.anchor) == testing::PositionOf(r.text, "\"{\\\"Statement\\\":[{\\\"Action"));
  CHECK(p.anchor.source == r.id);
  CHECK(r.Where(p.root.span()) == testing::PositionOf(r.text, "{\\\"Statement\\\":[{\\\"Action"));
  CHECK(r.Where(StatementKeySpan(p, "Resource", 1)) ==
        testing::PositionOf(r.text, "\\\"Resource\\\":\\\"arn:aws:iam::*:user/"));
  CHECK(r.Where(StatementValueSpan(p, "Sid", 0)) ==
        testing::PositionOf(r.text, "\\\"DeployAnything\\\""));
  CHECK(r.sources->name(p.root.span().source) == "samples/terraform/leaky-user.plan.json");
  CHECK(r.sources->Origin(p.root.span().source) == r.id);
}

TEST_CASE("terraform: app-role plan", "[terraform]") {
  TfResult r = ReadSample("app-role.plan.json");
  CHECK(r.lines() == Lines{});
  CHECK(r.inventory.account_id == "111122223333");  // data.aws_caller_identity
  // aws_iam_role_policy.uploads is known after apply: no document. The
  // bucket policy is read once (not again from its data source).
  CHECK(PolicyLines(r.inventory) == Lines{
      "aws_iam_policy.reports_read.policy | identity | app-reports-read | attached: app-server",
      "aws_iam_role.app.assume_role_policy | trust | app-server | attached:",
      "aws_iam_role.app.inline_policy[0].policy | identity | read-config | attached: app-server",
      "aws_s3_bucket_policy.reports.policy | resource | aws_s3_bucket_policy.reports | attached: "
      "| aws_s3_bucket_policy",
  });
  CHECK(EntityLines(r.inventory) == Lines{
      "role app-server (aws_iam_role.app) key=? pw=? "
      "trust=aws_iam_role.app.assume_role_policy "
      "inline=[aws_iam_role.app.inline_policy[0].policy] "
      "managed=[{{aws_iam_policy.reports_read.arn}} -> aws_iam_policy.reports_read.policy] "
      "boundary=arn:aws:iam::111122223333:policy/app-boundary profiles=[app-server]",
  });

  const FoundPolicy& bucket = r.policy("aws_s3_bucket_policy.reports.policy");
  // The data source's copy of the same text comes later in the file.
  size_t first = r.text.find("\\\"Sid\\\": \\\"PublicRead\\\"");
  size_t data_copy = r.text.find("\\\"Sid\\\": \\\"PublicRead\\\"", first + 1);
  REQUIRE(data_copy != std::string::npos);
  CHECK(r.Where(StatementValueSpan(bucket, "Principal", 1)) ==
        testing::PositionOf(r.text, "\\\"*\\\"\\n    }\\n  ]\\n}"));
  CHECK(r.Where(StatementKeySpan(bucket, "Sid", 1)) ==
        testing::PositionOf(r.text, "\\\"Sid\\\": \\\"PublicRead\\\""));

  const FoundPolicy& trust = r.policy("aws_iam_role.app.assume_role_policy");
  CHECK(r.Where(StatementValueSpan(trust, "Principal")) ==
        testing::PositionOf(r.text, "{\\\"Service\\\":\\\"ec2.amazonaws.com\\\"}"));

  // The unknown ARN's reference points at the configuration expression.
  const Entity& role = r.entity(EntityType::kRole, "app-server");
  REQUIRE(role.managed_policies.size() == 1);
  CHECK(r.Where(role.managed_policies[0].span) ==
        testing::PositionOf(r.text, "{\n              \"references\": [\n                "
                                    "\"aws_iam_policy.reports_read.arn\""));
}

TEST_CASE("terraform: state with child modules and count", "[terraform]") {
  TfResult r = ReadSample("modules.state.json");
  CHECK(r.lines() == Lines{});
  CHECK(r.inventory.account_id == "444455556666");
  CHECK(PolicyLines(r.inventory) == Lines{
      "aws_organizations_policy.deny_leave.content | scp | deny-leave-org | attached:",
      "module.ci.aws_iam_policy.push.policy | identity | ci-push | attached: ci-runner "
      "| arn arn:aws:iam::444455556666:policy/ci-push",
      "module.ci.aws_iam_role.runner.assume_role_policy | trust | ci-runner | attached:",
      "module.team.module.group.aws_iam_group_policy.describe.policy | identity | describe "
      "| attached: developers",
  });
  CHECK(EntityLines(r.inventory) == Lines{
      "role ci-runner (module.ci.aws_iam_role.runner) key=? pw=? "
      "trust=module.ci.aws_iam_role.runner.assume_role_policy "
      "managed=[arn:aws:iam::444455556666:policy/ci-push -> module.ci.aws_iam_policy.push.policy]",
      "user dev-0 (module.team.aws_iam_user.dev[0]) key=? pw=? groups=[developers]",
      "user dev-1 (module.team.aws_iam_user.dev[1]) key=? pw=? groups=[developers]",
      "group developers (module.team.module.group.aws_iam_group.this) key=? pw=? "
      "inline=[module.team.module.group.aws_iam_group_policy.describe.policy]",
  });
  const Entity& role = r.entity(EntityType::kRole, "ci-runner");
  CHECK(role.arn == "arn:aws:iam::444455556666:role/ci-runner");
  CHECK(!role.boundary);  // "" is no boundary
}

// A minimal plan around one resource; `after_unknown` and `configuration`
// as given.
std::string Plan(const std::string& resource_values, const std::string& type,
                 const std::string& after_unknown = "{}",
                 const std::string& expressions = "{}") {
  return "{\n"
         "  \"format_version\": \"1.2\",\n"
         "  \"planned_values\": {\"root_module\": {\"resources\": [\n"
         "    {\"address\": \"" + type + ".x\", \"mode\": \"managed\", \"type\": \"" + type +
         "\", \"name\": \"x\",\n"
         "     \"values\": " + resource_values + "}\n"
         "  ]}},\n"
         "  \"resource_changes\": [\n"
         "    {\"address\": \"" + type + ".x\", \"mode\": \"managed\", \"type\": \"" + type +
         "\", \"name\": \"x\",\n"
         "     \"change\": {\"actions\": [\"create\"], \"after_unknown\": " + after_unknown +
         "}}\n"
         "  ],\n"
         "  \"configuration\": {\"root_module\": {\"resources\": [\n"
         "    {\"address\": \"" + type + ".x\", \"mode\": \"managed\", \"type\": \"" + type +
         "\", \"name\": \"x\", \"expressions\": " + expressions + "}\n"
         "  ]}}\n"
         "}\n";
}

TEST_CASE("terraform: a value known after apply yields nothing", "[terraform]") {
  TfResult r = ReadPlanText(Plan("{\"name\": \"p\"}", "aws_iam_policy", "{\"policy\": true}",
                                 "{\"policy\": {\"references\": [\"aws_s3_bucket.b.arn\"]}}"));
  CHECK(r.lines() == Lines{});
  CHECK(r.inventory.policies.empty());
  CHECK(r.inventory.documents.size() == 1);  // the plan only

  // Even when the planned values carry a (stale) string, after_unknown wins.
  TfResult stale = ReadPlanText(Plan("{\"name\": \"p\", \"policy\": \"{}\"}", "aws_iam_policy",
                                     "{\"policy\": true}"));
  CHECK(stale.inventory.policies.empty());

  // An inline_policy element unknown, the other known.
  TfResult role = ReadPlanText(
      Plan("{\"name\": \"r\", \"inline_policy\": [{\"name\": \"a\"}, {\"name\": \"b\", "
           "\"policy\": \"{\\\"Statement\\\": []}\"}]}",
           "aws_iam_role", "{\"assume_role_policy\": true, \"inline_policy\": [{\"policy\": true}, {}]}"));
  CHECK(PolicyLines(role.inventory) == Lines{
      "aws_iam_role.x.inline_policy[1].policy | identity | b | attached: r",
  });
}

TEST_CASE("terraform: malformed policy strings are json-syntax in the plan", "[terraform]") {
  std::string values = "{\"name\": \"p\", \"policy\": \"{\\\"Version\\\": \\\"2012-10-17\\\",}\"}";
  TfResult r = ReadPlanText(Plan(values, "aws_iam_policy"));
  CHECK(r.inventory.policies.empty());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "json-syntax");
  CHECK(r.diagnostics[0].where == "aws_iam_policy.x.policy");
  // The error is at the `}` after the trailing comma, inside the string.
  CHECK(r.Where(r.diagnostics[0].span) == testing::PositionOf(r.text, "}\"}"));
  CHECK(r.sources->Origin(r.diagnostics[0].span.source) == r.id);

  // An empty string where a policy is required.
  TfResult empty = ReadPlanText(Plan("{\"name\": \"p\", \"policy\": \"\"}", "aws_iam_policy"));
  REQUIRE(empty.diagnostics.size() == 1);
  CHECK(empty.diagnostics[0].code == "json-syntax");
  // At the closing quote: where the text ended.
  CHECK(empty.Where(empty.diagnostics[0].span) == testing::PositionOf(empty.text, "\"}}"));

  // An empty optional policy (aws_s3_bucket.policy) is no policy.
  TfResult bucket = ReadPlanText(Plan("{\"bucket\": \"b\", \"policy\": \"\"}", "aws_s3_bucket"));
  CHECK(bucket.lines() == Lines{});
  CHECK(bucket.inventory.policies.empty());
}

TEST_CASE("terraform: organizations policies by type", "[terraform]") {
  std::string policy = "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"";
  TfResult rcp = ReadPlanText(Plan(
      "{\"name\": \"r\", \"type\": \"RESOURCE_CONTROL_POLICY\", \"content\": " + policy + "}",
      "aws_organizations_policy"));
  CHECK(PolicyLines(rcp.inventory) == Lines{
      "aws_organizations_policy.x.content | rcp | r | attached:",
  });
  TfResult tag = ReadPlanText(Plan(
      "{\"name\": \"t\", \"type\": \"TAG_POLICY\", \"content\": \"{}\"}", "aws_organizations_policy"));
  CHECK(tag.inventory.policies.empty());
}

TEST_CASE("terraform: references resolve unknown links, in modules and by index",
          "[terraform]") {
  // A user and a group in module.m[0] whose names are unknown; the
  // membership, the key (inactive: not counted) and the login profile refer
  // to them by configuration references only.
  std::string plan = R"({
  "format_version": "1.0",
  "planned_values": {"root_module": {"child_modules": [{"address": "module.m[0]", "resources": [
    {"address": "module.m[0].aws_iam_user.u[\"a\"]", "mode": "managed", "type": "aws_iam_user", "name": "u", "index": "a", "values": {}},
    {"address": "module.m[0].aws_iam_user.u[\"b\"]", "mode": "managed", "type": "aws_iam_user", "name": "u", "index": "b", "values": {}},
    {"address": "module.m[0].aws_iam_access_key.k[\"a\"]", "mode": "managed", "type": "aws_iam_access_key", "name": "k", "index": "a", "values": {"status": "Active"}},
    {"address": "module.m[0].aws_iam_access_key.old", "mode": "managed", "type": "aws_iam_access_key", "name": "old", "values": {"status": "Inactive"}},
    {"address": "module.m[0].aws_iam_user_login_profile.p", "mode": "managed", "type": "aws_iam_user_login_profile", "name": "p", "values": {}},
    {"address": "module.m[0].aws_iam_group.g", "mode": "managed", "type": "aws_iam_group", "name": "g", "values": {"name": "admins"}},
    {"address": "module.m[0].aws_iam_user_group_membership.mem", "mode": "managed", "type": "aws_iam_user_group_membership", "name": "mem", "values": {}}
  ]}]}},
  "resource_changes": [],
  "configuration": {"root_module": {"module_calls": {"m": {"module": {"resources": [
    {"address": "aws_iam_access_key.k", "expressions": {"user": {"references": ["aws_iam_user.u", "each.key"]}}},
    {"address": "aws_iam_access_key.old", "expressions": {"user": {"references": ["aws_iam_user.u[\"b\"].name", "aws_iam_user.u[\"b\"]"]}}},
    {"address": "aws_iam_user_login_profile.p", "expressions": {"user": {"references": ["aws_iam_user.u[\"b\"].name", "aws_iam_user.u[\"b\"]"]}}},
    {"address": "aws_iam_user_group_membership.mem", "expressions": {
      "user": {"references": ["aws_iam_user.u[\"a\"].name", "aws_iam_user.u[\"a\"]"]},
      "groups": {"references": ["aws_iam_group.g.name", "aws_iam_group.g", "var.extra"]}}}
  ]}}}}}
})";
  TfResult r = ReadPlanText(plan);
  CHECK(r.lines() == Lines{});
  CHECK(EntityLines(r.inventory) == Lines{
      "user module.m[0].aws_iam_user.u[\"a\"] (module.m[0].aws_iam_user.u[\"a\"]) key=yes pw=? "
      "groups=[admins]",
      "user module.m[0].aws_iam_user.u[\"b\"] (module.m[0].aws_iam_user.u[\"b\"]) key=? pw=yes",
      "group admins (module.m[0].aws_iam_group.g) key=? pw=?",
  });
}

TEST_CASE("terraform: attachments by ARN, boundary-only policies, external entities",
          "[terraform]") {
  std::string plan = R"({
  "format_version": "0.1",
  "values": {"root_module": {"resources": [
    {"address": "aws_iam_policy.b", "mode": "managed", "type": "aws_iam_policy", "name": "b", "values": {"name": "boundary", "arn": "arn:aws:iam::123456789012:policy/boundary", "policy": "{\"Statement\":[]}"}},
    {"address": "aws_iam_user.u", "mode": "managed", "type": "aws_iam_user", "name": "u", "values": {"name": "alice", "permissions_boundary": "arn:aws:iam::123456789012:policy/boundary"}},
    {"address": "aws_iam_policy_attachment.a", "mode": "managed", "type": "aws_iam_policy_attachment", "name": "a", "values": {"policy_arn": "arn:aws:iam::aws:policy/PowerUserAccess", "users": ["alice"], "roles": ["existing-role"], "groups": []}},
    {"address": "aws_iam_role_policy.rp", "mode": "managed", "type": "aws_iam_role_policy", "name": "rp", "values": {"name": "extra", "role": "existing-role", "policy": "{\"Statement\":[]}"}},
    {"address": "aws_sqs_queue_policy.q", "mode": "managed", "type": "aws_sqs_queue_policy", "name": "q", "values": {"queue_url": "https://sqs", "policy": "{\"Statement\":[]}"}}
  ]}}
})";
  TfResult r = ReadPlanText(plan);
  CHECK(r.lines() == Lines{});
  CHECK(r.inventory.account_id == "123456789012");
  CHECK(PolicyLines(r.inventory) == Lines{
      "aws_iam_policy.b.policy | boundary | boundary | attached: alice "
      "| arn arn:aws:iam::123456789012:policy/boundary",
      "aws_iam_role_policy.rp.policy | identity | extra | attached: existing-role",
      "aws_sqs_queue_policy.q.policy | resource | aws_sqs_queue_policy.q | attached: "
      "| aws_sqs_queue_policy",
  });
  CHECK(EntityLines(r.inventory) == Lines{
      "user alice (aws_iam_user.u) key=? pw=? managed=[arn:aws:iam::aws:policy/PowerUserAccess] "
      "boundary=arn:aws:iam::123456789012:policy/boundary -> aws_iam_policy.b.policy",
      "role existing-role key=? pw=? inline=[aws_iam_role_policy.rp.policy] "
      "managed=[arn:aws:iam::aws:policy/PowerUserAccess]",
  });
}

TEST_CASE("terraform: resources in several sections are read once", "[terraform]") {
  // planned_values, resource_changes and prior_state all hold the policy.
  std::string plan = R"({
  "format_version": "1.0",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_iam_policy.p", "mode": "managed", "type": "aws_iam_policy", "name": "p", "values": {"name": "p", "policy": "{\"Statement\":[]}"}}
  ]}},
  "resource_changes": [
    {"address": "aws_iam_policy.p", "mode": "managed", "type": "aws_iam_policy", "name": "p", "change": {"actions": ["update"], "after": {"name": "p", "policy": "{\"Statement\":[]}"}, "after_unknown": {}}},
    {"address": "aws_iam_policy.only_here", "mode": "managed", "type": "aws_iam_policy", "name": "only_here", "change": {"actions": ["create"], "after": {"name": "q", "policy": "{\"Statement\":[]}"}, "after_unknown": {}}},
    {"address": "aws_iam_policy.gone", "mode": "managed", "type": "aws_iam_policy", "name": "gone", "change": {"actions": ["delete"], "after": null}}
  ],
  "prior_state": {"values": {"root_module": {"resources": [
    {"address": "aws_iam_policy.p", "mode": "managed", "type": "aws_iam_policy", "name": "p", "values": {"name": "p", "policy": "{\"Statement\":[]}"}},
    {"address": "aws_iam_policy.gone", "mode": "managed", "type": "aws_iam_policy", "name": "gone", "values": {"name": "gone", "policy": "{\"Statement\":[]}"}}
  ]}}}
})";
  TfResult r = ReadPlanText(plan);
  CHECK(PolicyLines(r.inventory) == Lines{
      "aws_iam_policy.p.policy | identity | p | attached:",
      "aws_iam_policy.only_here.policy | identity | q | attached:",
  });
  CHECK(r.Where(r.policy("aws_iam_policy.p.policy").anchor) ==
        testing::PositionOf(r.text, "\"{\\\"Statement\\\":[]}\""));
}

TEST_CASE("terraform: an unknown policy is read from its known policy document",
          "[terraform]") {
  // The role policy's `policy` is unknown in the plan; its configuration
  // references a data source whose `json` prior_state knows. The data
  // source itself is not a policy of its own.
  std::string plan = R"({
  "format_version": "1.1",
  "planned_values": {"root_module": {"child_modules": [{"address": "module.svc", "resources": [
    {"address": "module.svc.aws_iam_role_policy.rp", "mode": "managed", "type": "aws_iam_role_policy", "name": "rp", "values": {"name": "svc", "role": "svc-role"}},
    {"address": "module.svc.aws_elasticsearch_domain_policy.es", "mode": "managed", "type": "aws_elasticsearch_domain_policy", "name": "es", "values": {"domain_name": "logs", "access_policies": "{\"Statement\":[]}"}}
  ]}]}},
  "resource_changes": [
    {"address": "module.svc.aws_iam_role_policy.rp", "module_address": "module.svc", "mode": "managed", "type": "aws_iam_role_policy", "name": "rp", "change": {"actions": ["create"], "after": {"name": "svc", "role": "svc-role"}, "after_unknown": {"id": true, "policy": true}}}
  ],
  "prior_state": {"values": {"root_module": {"child_modules": [{"address": "module.svc", "resources": [
    {"address": "module.svc.data.aws_iam_policy_document.d", "mode": "data", "type": "aws_iam_policy_document", "name": "d", "values": {"json": "{\"Statement\":[{\"Effect\":\"Allow\"}]}"}}
  ]}]}}},
  "configuration": {"root_module": {"module_calls": {"svc": {"module": {"resources": [
    {"address": "aws_iam_role_policy.rp", "expressions": {"policy": {"references": ["data.aws_iam_policy_document.d.json", "data.aws_iam_policy_document.d"]}}}
  ]}}}}}
})";
  TfResult r = ReadPlanText(plan);
  CHECK(r.lines() == Lines{});
  CHECK(PolicyLines(r.inventory) == Lines{
      "module.svc.aws_iam_role_policy.rp.policy | identity | svc | attached: svc-role",
      "module.svc.aws_elasticsearch_domain_policy.es.access_policies | resource "
      "| module.svc.aws_elasticsearch_domain_policy.es | attached: "
      "| aws_elasticsearch_domain_policy",
  });
  const FoundPolicy& p = r.policy("module.svc.aws_iam_role_policy.rp.policy");
  CHECK(r.Where(p.root.span()) == testing::PositionOf(r.text, "{\\\"Statement\\\":[{\\\"Effect"));
}

TEST_CASE("terraform: LooksLikeTerraform", "[terraform]") {
  auto looks = [](const std::string& text) {
    testing::ReadResult r = testing::ReadJsonText(text);
    REQUIRE(r.ok);
    return LooksLikeTerraform(r.doc.root());
  };
  CHECK(looks(R"({"format_version": "1.0", "values": {}})"));
  CHECK(looks(R"({"format_version": "0.1", "planned_values": {}, "resource_changes": []})"));
  CHECK_FALSE(looks(R"({"format_version": "1.0"})"));
  CHECK_FALSE(looks(R"({"Version": "2012-10-17", "Statement": []})"));
  CHECK_FALSE(looks(R"([1, 2])"));
  CHECK_FALSE(looks(R"({"values": {}})"));
}

TEST_CASE("terraform: odd shapes never crash", "[terraform]") {
  for (const char* text : {
           R"({"format_version": "1.0", "values": null})",
           R"({"format_version": "1.0", "values": {"root_module": []}})",
           R"({"format_version": "1.0", "values": {"root_module": {"resources": {}, "child_modules": [1, null, {}]}}})",
           R"({"format_version": "1.0", "values": {"root_module": {"resources": [1, {"address": 2}, {"address": "aws_iam_role.r", "type": "aws_iam_role", "values": {"inline_policy": [1, {"policy": 2}], "managed_policy_arns": [3], "assume_role_policy": 7}}]}}})",
           R"({"format_version": "1.0", "resource_changes": [1, {"address": "aws_iam_role.r", "type": "aws_iam_role", "change": {"after": {"assume_role_policy": "[", "name": "r"}, "after_unknown": [true]}}], "configuration": {"root_module": {"module_calls": {"a": 1, "b": {"module": {"resources": [{"address": "x", "expressions": {"y": {"references": [1, "", ".", "aws.", "a.b[", "data.x"]}}}]}}}}}})",
       }) {
    INFO(text);
    TfResult r = ReadPlanText(text);
    CHECK(r.diagnostics.size() <= 1);
  }
}

}  // namespace
}  // namespace iamlint
