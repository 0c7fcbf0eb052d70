// Whole-account benchmarks over the seeded synthetic snapshot
// (bench/synthetic_account.h): reading it (ReadInventory), linting it
// (lint::LintBuffer), the leaked-key reach of every principal
// (GatherPrincipalPolicies + AnalyzeReach) and the account-wide ranking
// (RankPrincipals), as `iamlint lint` and `iamlint access --all` do.
//
// Sizes are role counts with the large account's proportions
// (SyntheticAccountSpec::WithRoles: roles/5 users, roles/50 groups,
// 4 × roles managed policies). By default only a 10-role account is
// registered (the CI smoke run); IAMLINT_BENCH_ACCOUNT lists others:
//
//   IAMLINT_BENCH_ACCOUNT=50,500,5000 iamlint_bench --benchmark_filter=Account
//
// Memory: each benchmark resets the process's peak RSS (writing 5 to
// /proc/self/clear_refs, Linux ≥ 4.0) before its setup and reports VmHWM
// at the end as `peak_rss_MB` (the whole process: the cached snapshot text
// and the catalog included) and `rss_start_MB` (resident at the reset).
// Snapshot generation is not timed.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/synthetic_account.h"
#include "bench/bench_support.h"
#include "engine/analysis/principal_reach.h"
#include "engine/catalog/catalog.h"
#include "engine/inputs/input_reader.h"
#include "lint/runner.h"

namespace iamlint {
namespace {

struct MemoryCounters {
  long start_kb = -1;
  bool reset = false;
  MemoryCounters() : reset(bench::ResetPeakRss()) { start_kb = bench::ProcStatusKb("VmRSS"); }
  void Report(benchmark::State& state) const {
    state.counters["rss_start_MB"] = static_cast<double>(start_kb) / 1024.0;
    state.counters["peak_rss_MB"] = static_cast<double>(bench::ProcStatusKb("VmHWM")) / 1024.0;
    if (!reset) state.counters["peak_not_reset"] = 1;
  }
};

// The snapshot text of each size, generated once.
const std::string& Snapshot(size_t roles) {
  static std::map<size_t, std::string>* texts = new std::map<size_t, std::string>;
  auto it = texts->find(roles);
  if (it == texts->end()) {
    it = texts->emplace(roles, bench::SyntheticAccount(bench::SyntheticAccountSpec::WithRoles(roles))).first;
  }
  return it->second;
}

// A snapshot read into an inventory, for the analyses.
struct ReadAccount {
  SourceManager sources;
  Inventory inventory;
};

void Read(const std::string& text, ReadAccount* account) {
  SourceId id = account->sources.AddBuffer("synthetic-account.json", text);
  DiagnosticSink sink;
  if (!ReadInventory(account->sources, id, InputReadOptions{}, &account->inventory, sink)) {
    std::fprintf(stderr, "*** account_bench: the synthetic snapshot did not read ***\n");
    std::abort();
  }
}

void Sizes(benchmark::State& state, const ReadAccount& account) {
  size_t users = 0, roles = 0;
  for (const Entity& e : account.inventory.entities) {
    users += e.type == EntityType::kUser;
    roles += e.type == EntityType::kRole;
  }
  state.counters["users"] = static_cast<double>(users);
  state.counters["roles"] = static_cast<double>(roles);
  state.counters["documents"] = static_cast<double>(account.inventory.policies.size());
}

// ReadInventory: JSON tree, entities, every policy document located
// (not built), AWS managed policies resolved from the library.
void BM_AccountRead(benchmark::State& state) {
  MemoryCounters memory;
  const std::string& text = Snapshot(static_cast<size_t>(state.range(0)));
  size_t documents = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto account = std::make_unique<ReadAccount>();
    SourceId id = account->sources.AddBuffer("synthetic-account.json", text);
    state.ResumeTiming();
    DiagnosticSink sink;
    ReadInventory(account->sources, id, InputReadOptions{}, &account->inventory, sink);
    documents = account->inventory.policies.size();
    benchmark::DoNotOptimize(documents);
    state.PauseTiming();
    account.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["documents"] = static_cast<double>(documents);
  state.counters["snapshot_MB"] = static_cast<double>(text.size()) / 1e6;
  memory.Report(state);
}

// `iamlint lint snapshot.json`: read, validate and run every check on every
// policy document (default versions of managed policies, inline, trust,
// AWS managed ones attached), findings sorted.
void BM_AccountLint(benchmark::State& state) {
  MemoryCounters memory;
  const std::string& text = Snapshot(static_cast<size_t>(state.range(0)));
  size_t findings = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto sources = std::make_unique<SourceManager>();
    SourceId id = sources->AddBuffer("synthetic-account.json", text);
    lint::LintOptions options;
    auto result = std::make_unique<lint::LintResult>();
    state.ResumeTiming();
    lint::LintBuffer(id, options, *sources, result.get());
    findings = result->diagnostics.size();
    benchmark::DoNotOptimize(findings);
    state.PauseTiming();
    result.reset();
    sources.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["findings"] = static_cast<double>(findings);
  memory.Report(state);
}

// `iamlint access --account A.json PRINCIPAL` for every user and role:
// gather (documents built on first use, a fresh cache per iteration, so
// each managed policy is built once per account) and AnalyzeReach with the
// per-action detail. items/s = principals/s.
void BM_AccountReachEach(benchmark::State& state) {
  MemoryCounters memory;
  ReadAccount account;
  Read(Snapshot(static_cast<size_t>(state.range(0))), &account);
  const Catalog& catalog = Catalog::BuiltIn();
  std::vector<uint32_t> principals;
  for (uint32_t i = 0; i < account.inventory.entities.size(); ++i) {
    EntityType type = account.inventory.entities[i].type;
    if (type == EntityType::kUser || type == EntityType::kRole) principals.push_back(i);
  }
  size_t verdicts = 0;
  for (auto _ : state) {
    ReachPolicyCache cache(account.sources, account.inventory);
    for (uint32_t entity : principals) {
      GatheredPolicies gathered = GatherPrincipalPolicies(cache, entity);
      PrincipalReach reach = AnalyzeReach(catalog, gathered, account.inventory);
      verdicts += reach.verdicts.size();
      benchmark::DoNotOptimize(reach);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(principals.size()));
  state.counters["principals"] = static_cast<double>(principals.size());
  benchmark::DoNotOptimize(verdicts);
  Sizes(state, account);
  memory.Report(state);
}

// `iamlint access --account A.json --all` (range(1) = 0: users) and
// `--all --roles` (1): RankPrincipals over a fresh cache.
void BM_AccountRank(benchmark::State& state) {
  MemoryCounters memory;
  ReadAccount account;
  Read(Snapshot(static_cast<size_t>(state.range(0))), &account);
  const Catalog& catalog = Catalog::BuiltIn();
  RankOptions options;
  options.roles = state.range(1) != 0;
  size_t ranked = 0;
  for (auto _ : state) {
    ReachPolicyCache cache(account.sources, account.inventory);
    std::vector<RankedPrincipal> ranking = RankPrincipals(catalog, cache, options);
    ranked = ranking.size();
    benchmark::DoNotOptimize(ranking);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(ranked));
  state.counters["ranked"] = static_cast<double>(ranked);
  Sizes(state, account);
  memory.Report(state);
}

std::vector<int64_t> AccountSizes() {
  std::vector<int64_t> sizes;
  const char* env = std::getenv("IAMLINT_BENCH_ACCOUNT");
  std::string list = env != nullptr && *env != '\0' ? env : "10";
  size_t at = 0;
  while (at <= list.size()) {
    size_t comma = list.find(',', at);
    if (comma == std::string::npos) comma = list.size();
    std::string item = list.substr(at, comma - at);
    char* end = nullptr;
    long long roles = std::strtoll(item.c_str(), &end, 10);
    if (!item.empty() && *end == '\0' && roles > 0) sizes.push_back(roles);
    at = comma + 1;
  }
  if (sizes.empty()) sizes.push_back(10);
  return sizes;
}

int Register() {
  for (int64_t roles : AccountSizes()) {
    benchmark::RegisterBenchmark("BM_AccountRead", BM_AccountRead)
        ->Arg(roles)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_AccountLint", BM_AccountLint)
        ->Arg(roles)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_AccountReachEach", BM_AccountReachEach)
        ->Arg(roles)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_AccountRank", BM_AccountRank)
        ->Args({roles, 0})
        ->Args({roles, 1})
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}

[[maybe_unused]] const int kRegistered = Register();

}  // namespace
}  // namespace iamlint
