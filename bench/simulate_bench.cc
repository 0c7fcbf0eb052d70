// Issue 9, workload 2: a principal with 10 realistic identity policies
// (bench/simulate_cases.h) asked many requests through the engine API,
// compile once, evaluate many: the principal's PolicyBundle (the compiled
// policies of the `define` line, which every case names) is built once and
// each request of the pool is decided against it.
//
//   BM_Simulate10Policies/N       Authorize over a pool of N distinct cases,
//                                 with the statement index (the default)
//   BM_Simulate10PoliciesScan/N   the same with the reference scan
//   BM_SimulateReadCases/N        bytes → CaseReader (JSON, request, named
//                                 policies compiled once) → Authorize: what
//                                 `iamlint simulate` does except writing output
//
// Counters: `decisions_per_s`; `p50_ns`, `p99_ns`, `p999_ns` of single
// requests, each timed with steady_clock over one pass of at least 20,000
// requests after the timed loop (`clock_ns` is the clock's own cost, which
// is included in the percentiles); `allow_pct`, `deny_pct` (explicit).
// N is 1,000 by default (the CI smoke run); IAMLINT_BENCH_SIMULATE lists
// others, e.g. IAMLINT_BENCH_SIMULATE=1000,10000,100000.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "bench/simulate_cases.h"
#include "engine/cases/case_reader.h"
#include "engine/catalog/catalog.h"
#include "engine/eval/evaluator.h"

namespace iamlint {
namespace {

constexpr uint64_t kSeed = 1;

struct CasePool {
  SourceManager sources;
  std::vector<Case> cases;
  // The principal: every generated case names the same 10 policies, so the
  // first case's bundle (pointing at the shared compiled policies) is it.
  const PolicyBundle& principal() const { return cases.front().bundle; }
};

std::unique_ptr<CasePool> ReadPool(size_t count) {
  auto pool = std::make_unique<CasePool>();
  SourceId id = pool->sources.AddBuffer("cases.jsonl", bench::SimulateCases(count, kSeed));
  CaseReader reader(pool->sources, id);
  for (;;) {
    Case c;
    DiagnosticSink sink;
    CaseReader::Status status = reader.Next(&c, sink);
    if (status == CaseReader::Status::kEnd) break;
    if (status == CaseReader::Status::kCase) pool->cases.push_back(std::move(c));
  }
  return pool;
}

EvalOptions Options(bool use_index) {
  EvalOptions options;
  options.use_index = use_index;
  options.catalog = &Catalog::BuiltIn();  // as `iamlint simulate`
  return options;
}

double ClockCostNs() {
  using Clock = std::chrono::steady_clock;
  double best = 1e9;
  for (int i = 0; i < 1000; ++i) {
    auto a = Clock::now();
    auto b = Clock::now();
    best = std::min(best, std::chrono::duration<double, std::nano>(b - a).count());
  }
  return best;
}

// Times single requests and reports their percentiles.
void LatencyCounters(benchmark::State& state, const CasePool& pool, const EvalOptions& options) {
  using Clock = std::chrono::steady_clock;
  EvalScratch scratch;
  Decision decision;
  size_t n = std::max<size_t>(pool.cases.size(), 20000);
  std::vector<double> ns;
  ns.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const Request& request = pool.cases[i % pool.cases.size()].request;
    auto a = Clock::now();
    Authorize(pool.principal(), request, options, &scratch, &decision);
    auto b = Clock::now();
    ns.push_back(std::chrono::duration<double, std::nano>(b - a).count());
  }
  state.counters["p50_ns"] = bench::Quantile(ns, 0.50);
  state.counters["p99_ns"] = bench::Quantile(ns, 0.99);
  state.counters["p999_ns"] = bench::Quantile(ns, 0.999);
  state.counters["clock_ns"] = ClockCostNs();
}

void BM_Simulate(benchmark::State& state, bool use_index) {
  std::unique_ptr<CasePool> pool = ReadPool(static_cast<size_t>(state.range(0)));
  EvalOptions options = Options(use_index);
  EvalScratch scratch;
  Decision decision;
  size_t i = 0, allowed = 0, denied = 0;
  const size_t n = pool->cases.size();
  const PolicyBundle& principal = pool->principal();
  for (auto _ : state) {
    const Request& request = pool->cases[i].request;
    if (++i == n) i = 0;
    Authorize(principal, request, options, &scratch, &decision);
    allowed += decision.kind == DecisionKind::kAllow;
    denied += decision.kind == DecisionKind::kExplicitDeny;
  }
  benchmark::DoNotOptimize(allowed);
  auto iterations = static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["decisions_per_s"] = benchmark::Counter(iterations, benchmark::Counter::kIsRate);
  state.counters["allow_pct"] = 100.0 * static_cast<double>(allowed) / std::max(iterations, 1.0);
  state.counters["deny_pct"] = 100.0 * static_cast<double>(denied) / std::max(iterations, 1.0);
  LatencyCounters(state, *pool, options);
}

void BM_Simulate10Policies(benchmark::State& state) { BM_Simulate(state, true); }
void BM_Simulate10PoliciesScan(benchmark::State& state) { BM_Simulate(state, false); }

void BM_SimulateReadCases(benchmark::State& state) {
  std::string text = bench::SimulateCases(static_cast<size_t>(state.range(0)), kSeed);
  EvalOptions options = Options(true);
  size_t cases = 0;
  for (auto _ : state) {
    SourceManager sources;
    SourceId id = sources.AddBuffer("cases.jsonl", text);
    CaseReader reader(sources, id);
    EvalScratch scratch;
    Decision decision;
    Case c;
    cases = 0;
    for (;;) {
      DiagnosticSink sink;
      CaseReader::Status status = reader.Next(&c, sink);
      if (status == CaseReader::Status::kEnd) break;
      if (status != CaseReader::Status::kCase) continue;
      Authorize(c.bundle, c.request, options, &scratch, &decision);
      ++cases;
    }
    benchmark::DoNotOptimize(decision);
  }
  auto total = static_cast<double>(state.iterations()) * static_cast<double>(cases);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(total));
  state.counters["cases_per_s"] = benchmark::Counter(total, benchmark::Counter::kIsRate);
}

int Register() {
  for (int64_t n : bench::SizesFromEnv("IAMLINT_BENCH_SIMULATE", {1000})) {
    benchmark::RegisterBenchmark("BM_Simulate10Policies", BM_Simulate10Policies)->Arg(n);
    benchmark::RegisterBenchmark("BM_Simulate10PoliciesScan", BM_Simulate10PoliciesScan)->Arg(n);
    benchmark::RegisterBenchmark("BM_SimulateReadCases", BM_SimulateReadCases)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}

[[maybe_unused]] const int kRegistered = Register();

}  // namespace
}  // namespace iamlint
