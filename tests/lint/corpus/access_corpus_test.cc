// Corpus run of `iamlint access --all` (hidden tag [.corpus]; run with
// `iamlint_tests "[corpus]"`): RankPrincipals with roles over every account
// snapshot under ../shared/corpora/gaad/ (cloudsplaining, cloudmapper,
// iamspy, ...) without a crash, every ranked principal a user or role of the
// snapshot, in ranking order. Prints a loud SKIP when ../shared is absent;
// counts and times go to stdout so a run records them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/analysis/principal_reach.h"
#include "engine/inputs/input_reader.h"

namespace iamlint {
namespace {

std::filesystem::path GaadDir() {
  return std::filesystem::path(IAMLINT_SOURCE_DIR) / ".." / "shared" / "corpora" / "gaad";
}

TEST_CASE("corpus: access --all --roles ranks every gaad snapshot", "[.corpus][corpus]") {
  const std::filesystem::path dir = GaadDir();
  if (!std::filesystem::is_directory(dir)) {
    std::printf("\n*** SKIP access corpus: %s not found ***\n\n", dir.string().c_str());
    WARN("SKIP: no " << dir.string());
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE_FALSE(files.empty());

  size_t snapshots = 0, users = 0, roles = 0, admins = 0, built = 0;
  double total_ms = 0, largest_ms = 0;
  std::string largest;
  size_t largest_principals = 0;
  for (const std::filesystem::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    SourceManager sources;
    SourceId id = sources.AddBuffer(path.string(), text.str());
    Inventory inventory;
    DiagnosticSink sink;
    if (!ReadInventory(sources, id, {}, &inventory, sink)) continue;
    if (inventory.format != InputFormat::kAccountSnapshot) continue;
    ++snapshots;
    const auto start = std::chrono::steady_clock::now();
    ReachPolicyCache cache(sources, inventory);
    RankOptions options;
    options.roles = true;
    std::vector<RankedPrincipal> ranked = RankPrincipals(Catalog::BuiltIn(), cache, options);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    total_ms += ms;
    built += cache.built();
    size_t expected = 0;
    for (const Entity& e : inventory.entities) expected += e.type != EntityType::kGroup ? 1u : 0u;
    CAPTURE(path.string());
    CHECK(ranked.size() == expected);
    for (size_t i = 0; i < ranked.size(); ++i) {
      const Entity& e = inventory.entities[ranked[i].entity];
      CHECK(e.type != EntityType::kGroup);
      (e.type == EntityType::kUser ? users : roles) += 1;
      admins += ranked[i].reach.full_admin ? 1u : 0u;
      if (i > 0 && ranked[i - 1].active_key == ranked[i].active_key) {
        CHECK(ranked[i - 1].reach.score >= ranked[i].reach.score);
      }
    }
    if (ms > largest_ms) {
      largest_ms = ms;
      largest = path.filename().string();
      largest_principals = ranked.size();
    }
  }
  std::printf("access corpus: %zu snapshots, %zu users, %zu roles ranked (%zu full admin), "
              "%zu documents built, %.1f ms in all; slowest %s: %zu principals in %.1f ms "
              "(%.2f ms each)\n",
              snapshots, users, roles, admins, built, total_ms, largest.c_str(), largest_principals,
              largest_ms, largest_principals ? largest_ms / static_cast<double>(largest_principals) : 0.0);
  CHECK(snapshots > 0);
}

}  // namespace
}  // namespace iamlint
