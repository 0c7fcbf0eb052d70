// Corpus runs of every registered check (hidden tag [.corpus]; run with
// `iamlint_tests "[corpus]"`): the 1,594 AWS managed policies and the
// labelled privilege-escalation setups of shared/corpora/vulnerable/.
// They read ../shared next to the repository and print a loud SKIP when it
// is absent. Counts go to stdout so a run records them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/json/json_reader.h"
#include "engine/policy/policy_builder.h"
#include "lint/check.h"
#include "lint/registry.h"

namespace iamlint::lint {
namespace {

std::filesystem::path SharedDir() {
  return std::filesystem::path(IAMLINT_SOURCE_DIR) / ".." / "shared" / "corpora";
}

bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

struct Counts {
  std::map<std::string, size_t> by_check;  // "error privilege-escalation"
  std::vector<std::string> errors;         // "PolicyName: code: message"
};

// Runs every registered check (enabled by default or not) on one policy.
std::vector<Diagnostic> RunAll(const SourceManager& sources, SourceId id,
                               const PolicyDocument& policy) {
  CheckContext ctx;
  ctx.kind = policy.kind;
  ctx.catalog = &Catalog::BuiltIn();
  ctx.sources = &sources;
  ctx.source = id;
  DiagnosticSink sink;
  for (const Check* c : AllChecks()) c->Run(ctx, policy, sink);
  return sink.Take();
}

TEST_CASE("corpus: AWS managed policies have no error-level evaluated finding", "[.corpus]") {
  std::string text;
  if (!ReadFile(SharedDir() / "managed-policies" / "aws-managed-policies.json", &text)) {
    WARN("SKIP: ../shared/corpora/managed-policies/aws-managed-policies.json is absent");
    std::cout << "*** SKIP corpus: ../shared/corpora not found ***\n";
    return;
  }
  SourceManager sources;
  SourceId id = sources.AddBuffer("aws-managed-policies.json", std::move(text));
  JsonDocument doc;
  DiagnosticSink read_sink;
  REQUIRE(ReadJson(sources, id, JsonReadOptions{}, &doc, read_sink));
  JsonValue root = doc.root();
  Counts counts;
  size_t policies = 0;
  for (uint32_t i = 0; i < root.size(); ++i) {
    JsonValue document = root.member_value(i).Find("document");
    if (!document.valid()) continue;
    DiagnosticSink sink;
    PolicyBuildOptions options;
    options.kind = PolicyKind::kIdentity;
    std::optional<PolicyDocument> policy = BuildPolicy(sources, document, options, sink);
    if (!policy) continue;
    ++policies;
    for (const Diagnostic& d : RunAll(sources, id, *policy)) {
      ++counts.by_check[std::string(SeverityName(d.severity)) + " " + d.code];
      if (d.severity == Severity::kError) {
        counts.errors.push_back(std::string(root.key(i)) + ": " + d.code + ": " + d.message);
      }
    }
  }
  std::cout << "managed policies: " << policies << "\n";
  for (const auto& [k, n] : counts.by_check) std::cout << "  " << k << ": " << n << "\n";
  for (const std::string& e : counts.errors) std::cout << "  ERROR " << e << "\n";
  CHECK(policies == 1594);
  // The evaluated-permission checks (groups B-E) never say error on an
  // identity policy that is valid: their errors are for resource/trust
  // policies and user attachments.
  for (const std::string& e : counts.errors) {
    CHECK(e.find(": privilege-escalation:") == std::string::npos);
    CHECK(e.find(": full-admin:") == std::string::npos);
  }
}

TEST_CASE("corpus: labelled privilege-escalation policies are flagged", "[.corpus]") {
  std::string text;
  if (!ReadFile(SharedDir() / "vulnerable" / "iam-vulnerable" / "policies.json", &text)) {
    WARN("SKIP: ../shared/corpora/vulnerable is absent");
    std::cout << "*** SKIP corpus: ../shared/corpora not found ***\n";
    return;
  }
  SourceManager sources;
  SourceId id = sources.AddBuffer("policies.json", std::move(text));
  JsonDocument doc;
  DiagnosticSink read_sink;
  REQUIRE(ReadJson(sources, id, JsonReadOptions{}, &doc, read_sink));
  JsonValue records = doc.root().Find("records");
  size_t labelled = 0, flagged = 0;
  std::map<std::string, size_t> by_check;
  for (uint32_t i = 0; i < records.size(); ++i) {
    JsonValue r = records.element(i);
    if (r.Find("policy_kind").text() != "permissions-policy") continue;
    JsonValue label = r.Find("label");
    std::string path = label.valid() && label.is_object() && label.Find("path_name").valid()
                           ? std::string(label.Find("path_name").text())
                           : "";
    DiagnosticSink sink;
    PolicyBuildOptions options;
    options.kind = PolicyKind::kIdentity;
    std::optional<PolicyDocument> policy = BuildPolicy(sources, r.Find("policy"), options, sink);
    if (!policy) continue;
    bool escalation = false;
    for (const Diagnostic& d : RunAll(sources, id, *policy)) {
      ++by_check[d.code];
      escalation = escalation || d.code == "privilege-escalation";
    }
    if (path.empty()) continue;
    ++labelled;
    flagged += escalation;
    CAPTURE(path);
    CHECK(escalation);
  }
  std::cout << "iam-vulnerable: " << flagged << " of " << labelled
            << " labelled privilege-escalation policies flagged\n";
  for (const auto& [k, n] : by_check) std::cout << "  " << k << ": " << n << "\n";
}

TEST_CASE("corpus: finding counts on the other vulnerable setups", "[.corpus]") {
  for (const char* name : {"cloudgoat", "pathfinding-labs", "awsgoat"}) {
    std::string text;
    if (!ReadFile(SharedDir() / "vulnerable" / name / "policies.json", &text)) {
      std::cout << "*** SKIP corpus: ../shared/corpora/vulnerable/" << name << " not found ***\n";
      continue;
    }
    SourceManager sources;
    SourceId id = sources.AddBuffer(name, std::move(text));
    JsonDocument doc;
    DiagnosticSink read_sink;
    REQUIRE(ReadJson(sources, id, JsonReadOptions{}, &doc, read_sink));
    JsonValue records = doc.root().Find("records");
    std::map<std::string, size_t> by_check;
    size_t policies = 0;
    for (uint32_t i = 0; i < records.size(); ++i) {
      JsonValue r = records.element(i);
      DiagnosticSink sink;
      PolicyBuildOptions options;  // kind inferred: identity, resource or trust
      std::optional<PolicyDocument> policy = BuildPolicy(sources, r.Find("policy"), options, sink);
      if (!policy) continue;
      ++policies;
      for (const Diagnostic& d : RunAll(sources, id, *policy)) ++by_check[d.code];
    }
    std::cout << name << ": " << policies << " policies\n";
    for (const auto& [k, n] : by_check) std::cout << "  " << k << ": " << n << "\n";
  }
}

}  // namespace
}  // namespace iamlint::lint
