// Decisions per second for one identity policy of 1 to 10,000 statements,
// with the statement index and without it (the reference scan), and the
// cost of compiling such a policy. Inputs: bench/synthetic.h, fixed seeds.
#include <benchmark/benchmark.h>

#include "bench/synthetic.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/evaluator.h"
#include "engine/policy/policy_reader.h"

namespace iamlint {
namespace {

std::shared_ptr<const CompiledPolicy> CompileSynthetic(size_t statements) {
  SourceManager sources;
  SourceId id = sources.AddBuffer("synthetic.json", bench::SyntheticPolicy(statements, 301));
  DiagnosticSink sink;
  PolicyReadOptions options;
  options.build.kind = PolicyKind::kIdentity;
  options.build.check_size = false;
  auto doc = ReadPolicy(sources, id, options, sink);
  return CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc)));
}

std::vector<Request> MakeRequests(size_t count) {
  std::vector<Request> requests;
  for (const bench::SyntheticRequest& s : bench::SyntheticRequests(count, 7)) {
    Request r;
    r.set_principal(s.principal);
    r.set_action(s.action);
    r.set_resource(s.resource);
    for (const auto& [k, v] : s.context) r.AddContext(k, {v}, false);
    r.Finish();
    requests.push_back(std::move(r));
  }
  return requests;
}

void BM_Evaluate(benchmark::State& state, bool use_index) {
  auto policy = CompileSynthetic(static_cast<size_t>(state.range(0)));
  std::vector<Request> requests = MakeRequests(1024);
  PolicyBundle bundle;
  bundle.identity.push_back(policy.get());
  EvalScratch scratch;
  Decision decision;
  EvalOptions options;
  options.use_index = use_index;
  size_t i = 0, allowed = 0;
  for (auto _ : state) {
    Authorize(bundle, requests[i++ & 1023], options, &scratch, &decision);
    allowed += decision.kind == DecisionKind::kAllow;
  }
  benchmark::DoNotOptimize(allowed);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["statements"] = static_cast<double>(state.range(0));
}

void BM_EvaluateIndexed(benchmark::State& state) { BM_Evaluate(state, true); }
void BM_EvaluateScan(benchmark::State& state) { BM_Evaluate(state, false); }
BENCHMARK(BM_EvaluateIndexed)->RangeMultiplier(10)->Range(1, 10000);
BENCHMARK(BM_EvaluateScan)->RangeMultiplier(10)->Range(1, 10000);

void BM_ReadAndCompile(benchmark::State& state) {
  std::string text = bench::SyntheticPolicy(static_cast<size_t>(state.range(0)), 301);
  for (auto _ : state) {
    SourceManager sources;
    SourceId id = sources.AddBuffer("synthetic.json", text);
    DiagnosticSink sink;
    PolicyReadOptions options;
    options.build.kind = PolicyKind::kIdentity;
    options.build.check_size = false;
    auto doc = ReadPolicy(sources, id, options, sink);
    auto compiled = CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc)));
    benchmark::DoNotOptimize(compiled);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["statements"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_ReadAndCompile)->RangeMultiplier(10)->Range(1, 10000);

}  // namespace
}  // namespace iamlint
