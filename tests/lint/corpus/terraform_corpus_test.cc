// Corpus run of the Terraform reader (hidden tag [.corpus]; run with
// `iamlint_tests "[corpus]"`): every `terraform show -json` file under
// ../shared/corpora/terraform/plan-json goes through ReadJson and
// ReadTerraform. Nothing may crash, every file must be read, and every
// policy found must build. Counts go to stdout so a run records them.
// Prints a loud SKIP when ../shared is absent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/inputs/terraform.h"
#include "engine/json/json_reader.h"
#include "engine/policy/policy_builder.h"

namespace iamlint {
namespace {

std::filesystem::path PlanDir() {
  return std::filesystem::path(IAMLINT_SOURCE_DIR) / ".." / "shared" / "corpora" / "terraform" /
         "plan-json";
}

bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

TEST_CASE("corpus: every terraform plan is read", "[.corpus][corpus]") {
  std::error_code ec;
  if (!std::filesystem::is_directory(PlanDir(), ec)) {
    WARN("SKIP: ../shared/corpora/terraform/plan-json is absent");
    std::cout << "*** SKIP terraform corpus: ../shared/corpora/terraform/plan-json not found ***\n";
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(PlanDir())) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());

  size_t read = 0;
  size_t terraform = 0;
  size_t policies = 0;
  size_t built = 0;
  size_t entities = 0;
  size_t diagnostics = 0;
  size_t unattached_identity = 0;  // identity policies attached to no entity
  size_t managed_refs = 0;
  size_t managed_refs_in_file = 0;  // resolved to a policy of the same file
  size_t access_keys = 0;
  std::map<std::string, size_t> by_kind;
  std::map<std::string, size_t> by_code;
  std::vector<std::string> not_terraform;
  auto start = std::chrono::steady_clock::now();
  for (const std::filesystem::path& path : files) {
    std::string text;
    REQUIRE(ReadFile(path, &text));
    SourceManager sources;
    std::string name = std::filesystem::relative(path, PlanDir()).string();
    SourceId id = sources.AddBuffer(name, std::move(text));
    JsonDocument doc;
    DiagnosticSink sink;
    INFO(name);
    REQUIRE(ReadJson(sources, id, JsonReadOptions{}, &doc, sink));
    ++read;
    if (!LooksLikeTerraform(doc.root())) {
      not_terraform.push_back(name);
      continue;
    }
    ++terraform;
    Inventory inventory;
    uint32_t index = inventory.AddDocument(std::move(doc));
    ReadTerraform(sources, index, &inventory, sink);
    CHECK(inventory.format == InputFormat::kTerraform);
    policies += inventory.policies.size();
    entities += inventory.entities.size();
    for (const Entity& e : inventory.entities) {
      managed_refs += e.managed_policies.size();
      for (const ManagedPolicyRef& ref : e.managed_policies) {
        if (ref.policy != kNoIndex) ++managed_refs_in_file;
      }
      if (e.access_key == Tristate::kYes) ++access_keys;
    }
    for (const FoundPolicy& p : inventory.policies) {
      by_kind[p.kind ? std::string(PolicyKindName(*p.kind)) : "-"]++;
      CHECK(sources.Origin(p.root.span().source) == id);
      CHECK(!p.where.empty());
      DiagnosticSink build_sink;
      PolicyBuildOptions options;
      options.kind = p.kind;
      if (BuildPolicy(sources, p.root, options, build_sink)) ++built;
      if (p.kind == PolicyKind::kIdentity && p.attached.empty()) {
        ++unattached_identity;
        std::cout << "  " << name << ": attached to nothing: " << p.where << "\n";
      }
    }
    diagnostics += sink.total();
    for (const Diagnostic& d : sink.diagnostics()) {
      by_code[d.code]++;
      std::cout << "  " << name << ": " << d.code << " at " << d.where << ": " << d.message
                << "\n";
    }
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
  std::cout << "terraform corpus: " << files.size() << " files, " << read << " read, "
            << terraform << " terraform, " << policies << " policies (" << built << " built), "
            << entities << " entities, " << diagnostics << " diagnostics, " << ms << " ms\n";
  std::cout << "  " << managed_refs << " managed policy references (" << managed_refs_in_file
            << " to a policy in the same file), " << unattached_identity
            << " identity policies attached to nothing, " << access_keys
            << " users with an access key\n";
  std::cout << "  policies by kind:";
  for (const auto& [kind, n] : by_kind) std::cout << " " << kind << "=" << n;
  std::cout << "\n  diagnostics by code:";
  for (const auto& [code, n] : by_code) std::cout << " " << code << "=" << n;
  std::cout << "\n";
  for (const std::string& n : not_terraform) std::cout << "  not terraform: " << n << "\n";
  CHECK(read == files.size());
  CHECK(terraform == files.size());
  CHECK(built == policies);
}

}  // namespace
}  // namespace iamlint
