#include "engine/inputs/account_snapshot.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/catalog/managed_policies.h"
#include "engine/inputs/managed_resolution.h"
#include "engine/json/json_reader.h"
#include "engine/policy/policy_builder.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Lines;
using testing::PositionOf;
using testing::Q;

// One snapshot read into an Inventory, with everything it points into.
struct Snapshot {
  std::unique_ptr<SourceManager> sources = std::make_unique<SourceManager>();
  SourceId id = kNoSource;
  std::string text;
  bool read = false;
  Inventory inventory;
  std::vector<Diagnostic> diagnostics;

  Lines lines() const { return testing::FormatDiagnostics(*sources, diagnostics); }
  std::string At(const Span& span) const {
    LineColumn at = sources->Begin(span);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
  }
  const Entity& entity(EntityType type, std::string_view name) const {
    uint32_t i = inventory.FindEntity(type, name);
    REQUIRE(i != kNoIndex);
    return inventory.entities[i];
  }
};

std::unique_ptr<Snapshot> ReadSnapshotText(std::string text, std::string name = "snapshot.json") {
  auto s = std::make_unique<Snapshot>();
  s->text = text;
  s->id = s->sources->AddBuffer(std::move(name), std::move(text));
  JsonDocument doc;
  DiagnosticSink sink;
  s->read = ReadJson(*s->sources, s->id, JsonReadOptions{}, &doc, sink);
  if (s->read) {
    uint32_t index = s->inventory.AddDocument(std::move(doc));
    ReadAccountSnapshot(*s->sources, index, &s->inventory, sink);
  }
  s->diagnostics = sink.Take();
  return s;
}

std::string ReadSample(const std::string& relative) {
  std::ifstream in(std::string(IAMLINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Builds one found policy with the kind the reader gave it.
std::vector<Diagnostic> Build(const Snapshot& s, const FoundPolicy& p) {
  DiagnosticSink sink;
  PolicyBuildOptions options;
  options.kind = p.kind;
  std::optional<PolicyDocument> built = BuildPolicy(*s.sources, p.root, options, sink);
  REQUIRE(built.has_value());
  return sink.Take();
}

std::vector<std::string> Names(const std::vector<uint32_t>& indices, const Inventory& inv) {
  std::vector<std::string> out;
  for (uint32_t i : indices) out.push_back(inv.entities[i].name);
  return out;
}

TEST_CASE("account snapshot: the story sample's entities", "[snapshot]") {
  auto s = ReadSnapshotText(ReadSample("samples/accounts/story.json"), "samples/accounts/story.json");
  REQUIRE(s->read);
  CHECK(s->lines() == Lines{});
  const Inventory& inv = s->inventory;
  CHECK(inv.format == InputFormat::kAccountSnapshot);
  CHECK(inv.account_id == "111122223333");

  struct Row {
    EntityType type;
    std::string name, arn, where, at;
  };
  const std::vector<Row> expected = {
      {EntityType::kUser, "alice", "arn:aws:iam::111122223333:user/alice",
       "UserDetailList[0] (user alice)", "3:9"},
      {EntityType::kUser, "bob", "arn:aws:iam::111122223333:user/bob",
       "UserDetailList[1] (user bob)", "23:9"},
      {EntityType::kGroup, "readers", "arn:aws:iam::111122223333:group/readers",
       "GroupDetailList[0] (group readers)", "59:9"},
      {EntityType::kRole, "ec2-list-buckets", "arn:aws:iam::111122223333:role/ec2-list-buckets",
       "RoleDetailList[0] (role ec2-list-buckets)", "88:9"},
      {EntityType::kRole, "ci-deploy", "arn:aws:iam::111122223333:role/ci-deploy",
       "RoleDetailList[1] (role ci-deploy)", "161:9"},
  };
  REQUIRE(inv.entities.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    const Entity& e = inv.entities[i];
    CHECK(e.type == expected[i].type);
    CHECK(e.name == expected[i].name);
    CHECK(e.arn == expected[i].arn);
    CHECK(e.where == expected[i].where);
    CHECK(e.logical_id.empty());
    CHECK(s->At(e.span) == expected[i].at);
    // A snapshot says nothing about credentials: the credential report does.
    CHECK(e.access_key == Tristate::kUnknown);
    CHECK(e.password == Tristate::kUnknown);
    CHECK(e.mfa == Tristate::kUnknown);
    CHECK_FALSE(e.boundary.has_value());
  }

  const Entity& alice = s->entity(EntityType::kUser, "alice");
  CHECK(alice.inline_policies.empty());
  CHECK(alice.groups.empty());
  REQUIRE(alice.managed_policies.size() == 1);
  CHECK(alice.managed_policies[0].arn == "arn:aws:iam::aws:policy/AdministratorAccess");
  CHECK(s->At(alice.managed_policies[0].span) == "13:34");
  CHECK(alice.managed_policies[0].policy == 6);

  const Entity& bob = s->entity(EntityType::kUser, "bob");
  CHECK(bob.inline_policies == std::vector<uint32_t>{0});
  CHECK(bob.groups == std::vector<std::string>{"readers"});
  CHECK(bob.managed_policies.empty());

  const Entity& readers = s->entity(EntityType::kGroup, "readers");
  CHECK(readers.inline_policies == std::vector<uint32_t>{1});
  CHECK(readers.managed_policies.empty());

  const Entity& ec2 = s->entity(EntityType::kRole, "ec2-list-buckets");
  CHECK(ec2.trust_policy == 2);
  CHECK(ec2.inline_policies == std::vector<uint32_t>{3});
  // The instance profile's nested copy of the role is not a second role.
  CHECK(ec2.instance_profiles == std::vector<std::string>{"ec2-list-buckets"});
  CHECK(ec2.managed_policies.empty());

  const Entity& ci = s->entity(EntityType::kRole, "ci-deploy");
  CHECK(ci.trust_policy == 4);
  CHECK(ci.inline_policies.empty());
  CHECK(ci.instance_profiles.empty());
  REQUIRE(ci.managed_policies.size() == 1);
  CHECK(ci.managed_policies[0].arn == "arn:aws:iam::111122223333:policy/deploy-artifacts");
  CHECK(s->At(ci.managed_policies[0].span) == "190:34");
  CHECK(ci.managed_policies[0].policy == 5);
}

TEST_CASE("account snapshot: the story sample's policies", "[snapshot]") {
  auto s = ReadSnapshotText(ReadSample("samples/accounts/story.json"), "samples/accounts/story.json");
  REQUIRE(s->read);
  const Inventory& inv = s->inventory;
  struct Row {
    std::string where;
    std::optional<PolicyKind> kind;
    std::string name, arn, anchor, root;
    std::vector<std::string> attached;
    bool aws_managed;
  };
  const std::vector<Row> expected = {
      {"UserDetailList[1].UserPolicyList[0] (user bob)", PolicyKind::kIdentity, "read-reports",
       "", "31:35", "32:39", {"bob"}, false},
      {"GroupDetailList[0].GroupPolicyList[0] (group readers)", PolicyKind::kIdentity,
       "list-buckets", "", "67:35", "68:39", {"readers"}, false},
      {"RoleDetailList[0].AssumeRolePolicyDocument (role ec2-list-buckets)", PolicyKind::kTrust,
       "", "", "94:13", "94:41", {}, false},
      {"RoleDetailList[0].RolePolicyList[0] (role ec2-list-buckets)", PolicyKind::kIdentity,
       "list-all-buckets", "", "140:35", "141:39", {"ec2-list-buckets"}, false},
      {"RoleDetailList[1].AssumeRolePolicyDocument (role ci-deploy)", PolicyKind::kTrust, "", "",
       "167:13", "167:41", {}, false},
      {"Policies[0] (policy deploy-artifacts, default version v2)", PolicyKind::kIdentity,
       "deploy-artifacts", "arn:aws:iam::111122223333:policy/deploy-artifacts", "202:27",
       "214:33", {"ci-deploy"}, false},
      {"Policies[1] (policy AdministratorAccess, default version v1)", PolicyKind::kIdentity,
       "AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", "251:27", "263:33",
       {"alice"}, true},
  };
  REQUIRE(inv.policies.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    const FoundPolicy& p = inv.policies[i];
    CHECK(p.where == expected[i].where);
    CHECK(p.kind == expected[i].kind);
    CHECK(p.name == expected[i].name);
    CHECK(p.arn == expected[i].arn);
    CHECK(s->At(p.anchor) == expected[i].anchor);
    // Object documents are used in place: no copy, no second document.
    CHECK(p.document == 0);
    REQUIRE(p.root.is_object());
    CHECK(s->At(p.root.span()) == expected[i].root);
    CHECK(Names(p.attached, inv) == expected[i].attached);
    CHECK(p.aws_managed == expected[i].aws_managed);
    CHECK(p.variant.empty());
    // Every document of the story is a valid policy of its kind.
    CHECK(testing::FormatDiagnostics(*s->sources, Build(*s, p)) == Lines{});
  }
  CHECK(inv.documents.size() == 1);

  // Only the default version (v2) of deploy-artifacts is read.
  JsonValue statement = inv.policies[5].root.Find("Statement").element(0);
  CHECK(statement.Find("Sid").text() == "UploadArtifacts");
  CHECK(s->At(statement.Find("Action").span()) == "220:43");

  // A span deep inside bob's inline policy lands on its line and column.
  JsonValue resource = inv.policies[0].root.Find("Statement").element(1).Find("Resource");
  CHECK(resource.text() == "arn:aws:s3:::reports-bucket/*");
  CHECK(s->At(resource.span()) == "45:45");
  CHECK(s->At(resource.span()) == PositionOf(s->text, "\"arn:aws:s3:::reports-bucket/*\""));

  // The trust policies read as written.
  JsonValue ci_trust = inv.policies[4].root.Find("Statement").element(0);
  CHECK(ci_trust.Find("Action").text() == "sts:AssumeRoleWithWebIdentity");
  CHECK(ci_trust.Find("Principal").Find("Federated").text() ==
        "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
}

TEST_CASE("account snapshot: the story's credential report is a separate input",
          "[snapshot]") {
  // story-credentials.csv exists next to the snapshot (credential_report_test
  // reads it); the snapshot alone leaves credentials unknown (checked above).
  CHECK_FALSE(ReadSample("samples/accounts/story-credentials.csv").empty());
}

// URL-encoded documents (the raw IAM API). The encoding below is what
// urllib.parse.quote produces, as in GetAccountAuthorizationDetails
// responses; the role policy has a mistake (`allow`) so the builder
// reports it, and the finding must land inside the encoded string.
const char kEncoded[] =
    "{\n"
    "  \"RoleDetailList\": [\n"
    "    {\n"
    "      \"RoleName\": \"app\",\n"
    "      \"Arn\": \"arn:aws:iam::444455556666:role/app\",\n"
    "      \"AssumeRolePolicyDocument\": "
    "\"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow"
    "%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A"
    "%22sts%3AAssumeRole%22%7D%5D%7D\",\n"
    "      \"RolePolicyList\": [\n"
    "        {\n"
    "          \"PolicyName\": \"list\",\n"
    "          \"PolicyDocument\": "
    "\"%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20%22Statement%22%3A%20%7B"
    "%22Effect%22%3A%20%22allow%22%2C%20%22Action%22%3A%20%22s3%3AListAllMyBuckets%22%2C"
    "%20%22Resource%22%3A%20%22%2A%22%7D%0A%7D\"\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ]\n"
    "}\n";

TEST_CASE("account snapshot: URL-encoded documents land in the snapshot file", "[snapshot]") {
  auto s = ReadSnapshotText(kEncoded);
  REQUIRE(s->read);
  CHECK(s->lines() == Lines{});
  const Inventory& inv = s->inventory;
  CHECK(inv.account_id == "444455556666");
  REQUIRE(inv.policies.size() == 2);
  REQUIRE(inv.documents.size() == 3);  // the snapshot and two decoded documents

  const FoundPolicy& trust = inv.policies[0];
  CHECK(trust.kind == PolicyKind::kTrust);
  CHECK(trust.where == "RoleDetailList[0].AssumeRolePolicyDocument (role app)");
  CHECK(trust.document == 1);
  CHECK(s->At(trust.anchor) == "6:7");
  JsonValue principal = trust.root.Find("Statement").element(0).Find("Principal");
  CHECK(principal.Find("Service").text() == "ec2.amazonaws.com");
  // The decoded `"ec2.amazonaws.com"` starts at the `%22` that encodes its quote.
  CHECK(s->At(principal.Find("Service").span()) == PositionOf(s->text, "%22ec2.amazonaws.com"));
  CHECK(s->sources->name(principal.span().source) == "snapshot.json");
  CHECK(s->sources->Origin(principal.span().source) == s->id);
  CHECK(testing::FormatDiagnostics(*s->sources, Build(*s, trust)) == Lines{});

  const FoundPolicy& inline_policy = inv.policies[1];
  CHECK(inline_policy.kind == PolicyKind::kIdentity);
  CHECK(inline_policy.name == "list");
  CHECK(inline_policy.where == "RoleDetailList[0].RolePolicyList[0] (role app)");
  CHECK(inline_policy.document == 2);
  CHECK(s->At(inline_policy.anchor) == "9:25");
  const Entity& app = s->entity(EntityType::kRole, "app");
  CHECK(app.trust_policy == 0);
  CHECK(app.inline_policies == std::vector<uint32_t>{1});

  // The builder's finding on `allow` is reported where `%22allow` is written.
  const std::string effect_at = PositionOf(s->text, "%22allow%22");
  CHECK(effect_at == "10:131");
  std::vector<Diagnostic> found = Build(*s, inline_policy);
  Lines lines = testing::FormatDiagnostics(*s->sources, found);
  bool effect_found = false;
  for (const std::string& line : lines) {
    if (line.find("invalid-effect") != std::string::npos) {
      effect_found = true;
      CHECK(line.substr(0, line.find(' ')) == effect_at);
    }
  }
  CHECK(effect_found);
}

TEST_CASE("account snapshot: string documents that are plain JSON are not URL-decoded",
          "[snapshot]") {
  // Some tools store the decoded JSON text in a string; a '+' stays a '+'.
  auto s = ReadSnapshotText(
      Q("{'UserDetailList': [{'UserName': 'u', 'UserPolicyList': [{'PolicyName': 'p', "
        "'PolicyDocument': '{\\'Version\\': \\'2012-10-17\\', \\'Statement\\': [{\\'Effect\\': "
        "\\'Allow\\', \\'Action\\': \\'s3:GetObject\\', \\'Resource\\': "
        "\\'arn:aws:s3:::a+b/*\\'}]}'}]}]}"));
  REQUIRE(s->read);
  CHECK(s->lines() == Lines{});
  REQUIRE(s->inventory.policies.size() == 1);
  JsonValue resource = s->inventory.policies[0].root.Find("Statement").element(0).Find("Resource");
  CHECK(resource.text() == "arn:aws:s3:::a+b/*");
  // The value starts at the escaped quote `\"` before it.
  CHECK(s->At(resource.span()) == PositionOf(s->text, "\\\"arn:aws:s3:::a+b"));
}

TEST_CASE("account snapshot: bad encoded documents are findings in the file", "[snapshot]") {
  const std::string text = Q(
      "{'RoleDetailList': [\n"
      " {'RoleName': 'a', 'AssumeRolePolicyDocument': '%7B%22Version%22%3A%zz'},\n"
      " {'RoleName': 'b', 'AssumeRolePolicyDocument': '%7B%22Version%22%3A%20%5B'},\n"
      " {'RoleName': 'c', 'AssumeRolePolicyDocument': '%5B%5D'}\n"
      "]}");
  auto s = ReadSnapshotText(text);
  REQUIRE(s->read);
  CHECK(s->lines() ==
        Lines{
            "2:48 warning snapshot-structure: policy document is not valid URL-encoded text",
            "3:74 error json-syntax: unexpected end of input",  // the closing quote
            "4:48 warning snapshot-structure: policy document is an array, expected an object",
        });
  REQUIRE(s->diagnostics.size() == 3);
  CHECK(s->diagnostics[0].where == "RoleDetailList[0].AssumeRolePolicyDocument (role a)");
  CHECK(s->diagnostics[1].where == "RoleDetailList[1].AssumeRolePolicyDocument (role b)");
  // The roles are still there, without trust policies.
  REQUIRE(s->inventory.entities.size() == 3);
  for (const Entity& e : s->inventory.entities) CHECK(e.trust_policy == kNoIndex);
  CHECK(s->inventory.policies.empty());
}

TEST_CASE("account snapshot: malformed structure is a warning, never a crash", "[snapshot]") {
  const std::string text = Q(
      "{\n"
      "'UserDetailList': [\n"
      "  7,\n"
      "  {'Arn': 'arn:aws:iam::123456789012:user/dev/carol', 'GroupList': ['g', 3],\n"
      "   'UserPolicyList': [{'PolicyName': 'p', 'PolicyDocument': 12}, 'x', {'PolicyName': 'q'}],\n"
      "   'AttachedManagedPolicies': [{'PolicyName': 'm'}, {'PolicyArn': true}],\n"
      "   'PermissionsBoundary': {'PermissionsBoundaryType': 'Policy'}},\n"
      "  {'UserName': ['dave'], 'AttachedManagedPolicies': {}},\n"
      "  {'UserName': null, 'Arn': 'arn:aws:iam::123456789012:user/erin'}\n"
      "],\n"
      "'GroupDetailList': {},\n"
      "'RoleDetailList': [{'RoleName': 'r', 'InstanceProfileList': [{'Arn': 'x'}, null, "
      "{'InstanceProfileName': 'ip'}], 'AssumeRolePolicyDocument': null, 'PermissionsBoundary': "
      "'arn'}],\n"
      "'Policies': [{'PolicyName': 'n', 'DefaultVersionId': 'v3', 'PolicyVersionList': "
      "[{'VersionId': 'v1', 'Document': {}}]}, {'PolicyName': 'o'}, []]\n"
      "}");
  auto s = ReadSnapshotText(text);
  REQUIRE(s->read);
  // Each warning points at the offending value (positions checked by text).
  auto at = [&](std::string_view needle, int nth = 0) { return PositionOf(text, needle, nth); };
  CHECK(at("{\"Arn\"") == "4:3");
  CHECK(at("null, {") == "12:76");
  CHECK(s->lines() ==
        Lines{
            "3:3 warning snapshot-structure: `UserDetailList[0]` is a number, expected an object",
            at("{\"Arn\"") + " warning snapshot-structure: `UserDetailList[1]` has no "
                "`UserName`, named `carol` after its ARN",
            at("12}") + " warning snapshot-structure: `PolicyDocument` is a number, expected a "
                "policy document (an object or a URL-encoded string)",
            at("\"x\"") + " warning snapshot-structure: `UserDetailList[1].UserPolicyList[1]` "
                "is a string, expected an object",
            at("{\"PolicyName\": \"q\"") + " warning snapshot-structure: policy entry has no "
                "`PolicyDocument`",
            at("{\"PolicyName\": \"m\"") + " warning snapshot-structure: "
                "`AttachedManagedPolicies` entry has no `PolicyArn`",
            at("true") + " warning snapshot-structure: `PolicyArn` is a boolean, expected a string",
            at("{\"PermissionsBoundaryType\"") + " warning snapshot-structure: "
                "`PermissionsBoundary` has no `PermissionsBoundaryArn`",
            at("3]") + " warning snapshot-structure: `GroupList` entry is a number, expected a "
                "group name",
            at("[\"dave\"]") + " warning snapshot-structure: `UserName` is an array, expected a "
                "string",
            at("{}") + " warning snapshot-structure: `AttachedManagedPolicies` is an object, "
                "expected an array",
            at("{\"UserName\": null") + " warning snapshot-structure: `UserDetailList[3]` has "
                "no `UserName`, named `erin` after its ARN",
            at("{}", 1) + " warning snapshot-structure: `GroupDetailList` is an object, expected "
                "an array",
            at("null, \"Perm") + " warning snapshot-structure: `AssumeRolePolicyDocument` is a null, "
                "expected a policy document (an object or a URL-encoded string)",
            at("\"arn\"}") + " warning snapshot-structure: `PermissionsBoundary` is a string, "
                "expected an object",
            at("{\"Arn\": \"x\"}") + " warning snapshot-structure: `InstanceProfileList` entry "
                "has no `InstanceProfileName`",
            at("null, {") + " warning snapshot-structure: `InstanceProfileList` entry is a null, "
                "expected an object",
            at("[{\"VersionId\"") + " warning snapshot-structure: no version `v3` (the "
                "`DefaultVersionId`) in `PolicyVersionList`",
            at("{\"PolicyName\": \"o\"}") + " warning snapshot-structure: managed policy has "
                "no `PolicyVersionList`",
            at("[]]") + " warning snapshot-structure: `Policies[2]` is an array, expected an "
                "object",
        });
  REQUIRE(s->diagnostics.size() == 20);
  CHECK(s->diagnostics[0].where == "UserDetailList[0]");
  CHECK(s->diagnostics[2].where == "UserDetailList[1].UserPolicyList[0] (user carol)");
  CHECK(s->diagnostics[5].where == "UserDetailList[1] (user carol)");
  CHECK(s->diagnostics[11].where == "UserDetailList[3]");
  CHECK(s->diagnostics[12].where.empty());
  CHECK(s->diagnostics[13].where == "RoleDetailList[0].AssumeRolePolicyDocument (role r)");
  CHECK(s->diagnostics[17].where == "Policies[0] (policy n)");
  const Inventory& inv = s->inventory;
  REQUIRE(inv.entities.size() == 4);
  CHECK(inv.entities[0].name == "carol");
  CHECK(inv.entities[0].where == "UserDetailList[1] (user carol)");
  CHECK(inv.entities[0].groups == std::vector<std::string>{"g"});
  CHECK(inv.entities[0].inline_policies.empty());
  CHECK(inv.entities[0].managed_policies.empty());
  CHECK_FALSE(inv.entities[0].boundary.has_value());
  CHECK(inv.entities[1].name.empty());
  CHECK(inv.entities[1].where == "UserDetailList[2]");
  CHECK(inv.entities[2].name == "erin");
  CHECK(inv.entities[3].name == "r");
  CHECK(inv.entities[3].instance_profiles == std::vector<std::string>{"ip"});
  CHECK(inv.entities[3].trust_policy == kNoIndex);
  CHECK(inv.policies.empty());
  CHECK(inv.account_id == "123456789012");
}

TEST_CASE("account snapshot: a root that is not an object", "[snapshot]") {
  auto s = ReadSnapshotText("[1, 2]");
  REQUIRE(s->read);
  CHECK(s->lines() ==
        Lines{"1:1 warning snapshot-structure: an account snapshot is a JSON object, found array"});
  CHECK(s->inventory.format == InputFormat::kAccountSnapshot);
  CHECK(s->inventory.entities.empty());
}

TEST_CASE("account snapshot: managed policy resolution, boundaries and versions",
          "[snapshot]") {
  const std::string text = Q(
      "{'UserDetailList': [{'UserName': 'u', 'Arn': 'arn:aws:iam::123456789012:user/u',\n"
      "  'AttachedManagedPolicies': [\n"
      "    {'PolicyName': 'shared', 'PolicyArn': 'arn:aws:iam::123456789012:policy/shared'},\n"
      "    {'PolicyName': 'ReadOnlyAccess', 'PolicyArn': 'arn:aws:iam::aws:policy/ReadOnlyAccess'}],\n"
      "  'PermissionsBoundary': {'PermissionsBoundaryType': 'Policy',\n"
      "    'PermissionsBoundaryArn': 'arn:aws:iam::123456789012:policy/limit'}}],\n"
      " 'RoleDetailList': [{'RoleName': 'r', 'AttachedManagedPolicies': [\n"
      "    {'PolicyName': 'shared', 'PolicyArn': 'arn:aws:iam::123456789012:policy/shared'},\n"
      "    {'PolicyName': 'shared', 'PolicyArn': 'arn:aws:iam::123456789012:policy/shared'}],\n"
      "  'PermissionsBoundary': {'PermissionsBoundaryArn': 'arn:aws:iam::123456789012:policy/limit'}}],\n"
      " 'Policies': [\n"
      "  {'PolicyName': 'shared', 'Arn': 'arn:aws:iam::123456789012:policy/shared',\n"
      "   'PolicyVersionList': [{'VersionId': 'v1', 'IsDefaultVersion': false, 'Document': {'Version': 'x'}},\n"
      "                         {'VersionId': 'v7', 'IsDefaultVersion': true, 'Document': {}}]},\n"
      "  {'PolicyName': 'limit', 'Arn': 'arn:aws:iam::123456789012:policy/limit', 'DefaultVersionId': 'v2',\n"
      "   'PolicyVersionList': [{'VersionId': 'v2', 'IsDefaultVersion': true, 'Document': {}}]},\n"
      "  {'PolicyName': 'unused', 'Arn': 'arn:aws:iam::123456789012:policy/unused', 'DefaultVersionId': 'v1',\n"
      "   'PolicyVersionList': [{'VersionId': 'v1', 'IsDefaultVersion': true, 'Document': {}}]}]}");
  auto s = ReadSnapshotText(text);
  REQUIRE(s->read);
  CHECK(s->lines() == Lines{});
  const Inventory& inv = s->inventory;
  REQUIRE(inv.policies.size() == 3);
  // Without DefaultVersionId, the version flagged IsDefaultVersion is the one.
  CHECK(inv.policies[0].where == "Policies[0] (policy shared, default version v7)");
  CHECK(s->At(inv.policies[0].root.span()) == "14:84");
  CHECK(s->At(inv.policies[0].root.span()) == PositionOf(text, "{}"));
  CHECK(inv.policies[0].kind == PolicyKind::kIdentity);
  CHECK(Names(inv.policies[0].attached, inv) == std::vector<std::string>{"u", "r"});
  // A policy used only as a permissions boundary is read as a boundary.
  CHECK(inv.policies[1].kind == PolicyKind::kBoundary);
  CHECK(Names(inv.policies[1].attached, inv) == std::vector<std::string>{"u", "r"});
  CHECK(inv.policies[2].kind == PolicyKind::kIdentity);
  CHECK(inv.policies[2].attached.empty());

  const Entity& u = s->entity(EntityType::kUser, "u");
  REQUIRE(u.managed_policies.size() == 2);
  CHECK(u.managed_policies[0].policy == 0);
  CHECK(s->At(u.managed_policies[0].span) == "3:43");
  CHECK(s->At(u.managed_policies[0].span) ==
        PositionOf(text, "\"arn:aws:iam::123456789012:policy/shared\""));
  // Not in the snapshot: left for ResolveManagedPolicies (the embedded library).
  CHECK(u.managed_policies[1].policy == kNoIndex);
  CHECK(u.managed_policies[1].arn == "arn:aws:iam::aws:policy/ReadOnlyAccess");
  REQUIRE(u.boundary.has_value());
  CHECK(u.boundary->arn == "arn:aws:iam::123456789012:policy/limit");
  CHECK(u.boundary->policy == 1);
  CHECK(s->At(u.boundary->span) == "6:31");

  const Entity& r = s->entity(EntityType::kRole, "r");
  REQUIRE(r.managed_policies.size() == 2);
  CHECK(r.managed_policies[0].policy == 0);
  CHECK(r.managed_policies[1].policy == 0);
  CHECK(r.trust_policy == kNoIndex);
  REQUIRE(r.boundary.has_value());
  CHECK(r.boundary->policy == 1);
}

TEST_CASE("account snapshot: any value of the story replaced by any kind reads safely",
          "[snapshot]") {
  // Every value of the sample, in turn, becomes each of these; the reader
  // must report shape problems as diagnostics and keep its invariants.
  const std::string text = ReadSample("samples/accounts/story.json");
  testing::ReadResult base = testing::ReadJsonText(text);
  REQUIRE(base.ok);
  std::vector<Span> spans;
  std::vector<JsonValue> stack{base.doc.root()};
  while (!stack.empty()) {
    JsonValue v = stack.back();
    stack.pop_back();
    spans.push_back(v.span());
    if (v.is_array()) {
      for (uint32_t i = 0; i < v.size(); ++i) stack.push_back(v.element(i));
    } else if (v.is_object()) {
      for (uint32_t i = 0; i < v.size(); ++i) stack.push_back(v.member_value(i));
    }
  }
  const std::vector<std::string> replacements = {
      "null", "7", "\"x\"", "[]", "{}", "[{}]", "\"%zz\"", "\"%7B%7D\"", "\"%5B\"", "\"{\""};
  size_t reads = 0, warnings = 0;
  for (const Span& span : spans) {
    for (const std::string& r : replacements) {
      std::string mutated = text.substr(0, span.begin) + r + text.substr(span.end);
      auto s = ReadSnapshotText(mutated);
      REQUIRE(s->read);
      ++reads;
      const Inventory& inv = s->inventory;
      for (const Diagnostic& d : s->diagnostics) {
        CAPTURE(mutated.substr(span.begin, 40), d.message);
        CHECK((d.code == "snapshot-structure" || d.code == "json-syntax"));
        CHECK(d.span.valid());
        warnings += d.severity == Severity::kWarning;
      }
      for (const FoundPolicy& p : inv.policies) {
        REQUIRE(p.root.valid());
        CHECK(p.root.is_object());
        CHECK(p.document < inv.documents.size());
        CHECK(p.anchor.valid());
        for (uint32_t e : p.attached) CHECK(e < inv.entities.size());
      }
      for (const Entity& e : inv.entities) {
        for (uint32_t p : e.inline_policies) CHECK(p < inv.policies.size());
        CHECK((e.trust_policy == kNoIndex || e.trust_policy < inv.policies.size()));
        for (const ManagedPolicyRef& ref : e.managed_policies) {
          CHECK((ref.policy == kNoIndex || ref.policy < inv.policies.size()));
        }
      }
    }
  }
  CHECK(spans.size() > 200);
  CHECK(reads == spans.size() * replacements.size());
  CHECK(warnings > 400);
}

TEST_CASE("account snapshot: AWS managed policies not in the snapshot come from the library",
          "[snapshot]") {
  // `aws iam get-account-authorization-details --filter User` has no
  // Policies: ResolveManagedPolicies completes what the reader left open.
  const std::string text = Q(
      "{'UserDetailList': [{'UserName': 'alice', 'Arn': 'arn:aws:iam::111122223333:user/alice',\n"
      "  'AttachedManagedPolicies': [{'PolicyName': 'AdministratorAccess',\n"
      "    'PolicyArn': 'arn:aws:iam::aws:policy/AdministratorAccess'}]}]}");
  auto s = ReadSnapshotText(text);
  REQUIRE(s->read);
  CHECK(s->inventory.policies.empty());
  DiagnosticSink sink;
  ResolveManagedPolicies(*s->sources, ManagedPolicyLibrary::BuiltIn(), &s->inventory, sink);
  CHECK(sink.total() == 0);
  const Entity& alice = s->entity(EntityType::kUser, "alice");
  REQUIRE(alice.managed_policies.size() == 1);
  REQUIRE(alice.managed_policies[0].policy == 0);
  const FoundPolicy& admin = s->inventory.policies[0];
  CHECK(admin.aws_managed);
  CHECK(admin.name == "AdministratorAccess");
  CHECK(admin.attached == std::vector<uint32_t>{0});
  CHECK(s->At(admin.anchor) == "3:18");
  CHECK(s->At(admin.anchor) == PositionOf(text, "\"arn:aws:iam::aws:policy/AdministratorAccess"));
}

TEST_CASE("LooksLikeAccountSnapshot", "[snapshot]") {
  auto looks = [](const std::string& json) {
    testing::ReadResult r = testing::ReadJsonText(Q(json));
    REQUIRE(r.ok);
    return LooksLikeAccountSnapshot(r.doc.root());
  };
  CHECK(looks("{'UserDetailList': []}"));
  CHECK(looks("{'GroupDetailList': []}"));
  CHECK(looks("{'RoleDetailList': []}"));
  CHECK(looks("{'Policies': [{'PolicyName': 'p', 'PolicyVersionList': []}]}"));
  // An Organizations listing (Policies[].Content) is not a snapshot.
  CHECK_FALSE(looks("{'Policies': [{'Content': '{}'}]}"));
  CHECK_FALSE(looks("{'Policies': []}"));
  CHECK_FALSE(looks("{'Version': '2012-10-17', 'Statement': []}"));
  CHECK_FALSE(looks("[{'UserDetailList': []}]"));
  CHECK_FALSE(looks("'UserDetailList'"));
}

}  // namespace
}  // namespace iamlint
