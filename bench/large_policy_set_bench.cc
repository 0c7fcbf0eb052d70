// Issue 9, workload 3: one large policy set, every policy an identity
// policy of one principal: N policies of 10 statements each
// (bench::RealisticPolicy, the statement kinds of the 10-policy principal
// with names varied per policy), so N = 10,000 is 100,000 statements.
//
//   BM_LargePolicySet/N/1   Authorize with the statement index
//   BM_LargePolicySet/N/0   the reference scan
//
// Built once per N and kept for the run (generation is not measured).
// Counters: `policies`, `statements`, `MB` of policy text; `read_s` and
// `compile_s`, process CPU seconds to read + validate all N policies
// (ReadPolicy) and to compile them (CompiledPolicy::Compile);
// `heap_MB`, the heap in use that reading and compiling added (source
// text, documents and compiled policies: everything the set keeps);
// `compiled_MB`, the growth of the resident set over the same (0 when
// malloc reuses memory freed by earlier benchmarks); `peak_rss_MB`, the process's VmHWM after a reset before the
// build; `decisions_per_s` over 1,000 requests of bench/simulate_cases.h.
// N is 100 by default (the CI smoke run); IAMLINT_BENCH_LARGE lists
// others, e.g. IAMLINT_BENCH_LARGE=100,1000,10000 (1×, 10×, 100×).
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "bench/simulate_cases.h"
#include "engine/cases/case_reader.h"
#include "engine/catalog/catalog.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/evaluator.h"
#include "engine/policy/policy_reader.h"

namespace iamlint {
namespace {

constexpr size_t kStatementsPerPolicy = 10;

struct LargeSet {
  SourceManager sources;
  std::vector<std::shared_ptr<const CompiledPolicy>> compiled;
  PolicyBundle bundle;
  double bytes = 0, read_s = 0, compile_s = 0, heap_mb = 0, compiled_mb = 0, peak_mb = 0;
  bool reset = false;
  // The requests: cases of the 10-policy principal (their bundles unused).
  SourceManager case_sources;
  std::vector<Case> cases;
};

std::unique_ptr<LargeSet> Build(size_t policies) {
  auto set = std::make_unique<LargeSet>();
  std::vector<std::string> texts;
  for (size_t i = 0; i < policies; ++i) {
    texts.push_back(bench::RealisticPolicy(i, kStatementsPerPolicy, 1));
    set->bytes += static_cast<double>(texts.back().size());
  }
  set->reset = bench::ResetPeakRss();
  long rss_before = bench::ProcStatusKb("VmRSS");
  size_t heap_before = bench::HeapInUseBytes();
  double t0 = bench::ProcessCpuSeconds();
  std::vector<std::shared_ptr<const PolicyDocument>> docs;
  for (size_t i = 0; i < policies; ++i) {
    SourceId id = set->sources.AddBuffer("p" + std::to_string(i) + ".json", std::move(texts[i]));
    DiagnosticSink sink;
    PolicyReadOptions options;
    options.build.kind = PolicyKind::kIdentity;
    auto doc = ReadPolicy(set->sources, id, options, sink);
    if (doc) docs.push_back(std::make_shared<const PolicyDocument>(std::move(*doc)));
  }
  double t1 = bench::ProcessCpuSeconds();
  for (auto& doc : docs) set->compiled.push_back(CompiledPolicy::Compile(std::move(doc)));
  double t2 = bench::ProcessCpuSeconds();
  set->read_s = t1 - t0;
  set->compile_s = t2 - t1;
  set->heap_mb = (static_cast<double>(bench::HeapInUseBytes()) - static_cast<double>(heap_before)) / 1e6;
  set->compiled_mb = static_cast<double>(bench::ProcStatusKb("VmRSS") - rss_before) / 1024.0;
  set->peak_mb = static_cast<double>(bench::ProcStatusKb("VmHWM")) / 1024.0;
  for (const auto& p : set->compiled) set->bundle.identity.push_back(p.get());

  SourceId id = set->case_sources.AddBuffer("cases.jsonl", bench::SimulateCases(1000, 1));
  CaseReader reader(set->case_sources, id);
  for (;;) {
    Case c;
    DiagnosticSink sink;
    CaseReader::Status status = reader.Next(&c, sink);
    if (status == CaseReader::Status::kEnd) break;
    if (status == CaseReader::Status::kCase) set->cases.push_back(std::move(c));
  }
  return set;
}

const LargeSet& Set(size_t policies) {
  static auto* sets = new std::map<size_t, std::unique_ptr<LargeSet>>;
  auto it = sets->find(policies);
  if (it == sets->end()) it = sets->emplace(policies, Build(policies)).first;
  return *it->second;
}

void BM_LargePolicySet(benchmark::State& state) {
  const LargeSet& set = Set(static_cast<size_t>(state.range(0)));
  EvalOptions options;
  options.use_index = state.range(1) != 0;
  options.catalog = &Catalog::BuiltIn();
  EvalScratch scratch;
  Decision decision;
  size_t i = 0, allowed = 0;
  const size_t n = set.cases.size();
  for (auto _ : state) {
    Authorize(set.bundle, set.cases[i].request, options, &scratch, &decision);
    if (++i == n) i = 0;
    allowed += decision.kind == DecisionKind::kAllow;
  }
  benchmark::DoNotOptimize(allowed);
  auto iterations = static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["decisions_per_s"] = benchmark::Counter(iterations, benchmark::Counter::kIsRate);
  state.counters["policies"] = static_cast<double>(set.compiled.size());
  state.counters["statements"] = static_cast<double>(set.compiled.size() * kStatementsPerPolicy);
  state.counters["MB"] = set.bytes / 1e6;
  state.counters["read_s"] = set.read_s;
  state.counters["compile_s"] = set.compile_s;
  state.counters["heap_MB"] = set.heap_mb;
  state.counters["compiled_MB"] = set.compiled_mb;
  state.counters["peak_rss_MB"] = set.peak_mb;
  if (!set.reset) state.counters["peak_not_reset"] = 1;
}

int Register() {
  for (int64_t n : bench::SizesFromEnv("IAMLINT_BENCH_LARGE", {100})) {
    benchmark::RegisterBenchmark("BM_LargePolicySet", BM_LargePolicySet)
        ->Args({n, 1})
        ->Args({n, 0})
        ->Unit(benchmark::kMicrosecond);
  }
  return 0;
}

[[maybe_unused]] const int kRegistered = Register();

}  // namespace
}  // namespace iamlint
