// Benchmark for engine/analysis: AnalyzeGrants() over every AWS managed
// policy (policies/s), with nothing known about the context and with the
// leaked-access-key context. The corpus is read from $IAMLINT_CORPORA, else
// ../shared/corpora or ../../shared/corpora relative to the working
// directory; without it a fixed synthetic set is used (and said so).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/analysis/effective.h"
#include "engine/json/json_reader.h"
#include "engine/policy/policy_builder.h"

namespace iamlint {
namespace {

struct Corpus {
  SourceManager sources;
  std::vector<PolicyDocument> policies;
  bool synthetic = false;
};

std::optional<std::string> ReadCorpusFile() {
  std::vector<std::string> roots;
  if (const char* env = std::getenv("IAMLINT_CORPORA")) roots.push_back(env);
  roots.push_back("../shared/corpora");
  roots.push_back("../../shared/corpora");
  for (const std::string& root : roots) {
    std::ifstream in(root + "/managed-policies/aws-managed-policies.json", std::ios::binary);
    if (!in) continue;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  return std::nullopt;
}

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::optional<std::string> text = ReadCorpusFile();
    if (!text) {
      c->synthetic = true;
      std::fprintf(stderr, "*** analysis_bench: managed-policy corpus not found, synthetic ***\n");
      std::string synthetic = "{";
      const char* shapes[] = {
          "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}",
          "{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}",
          "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}",
          "{\"Effect\":\"Allow\",\"Action\":[\"ec2:Describe*\",\"ec2:RunInstances\"],"
          "\"Resource\":\"arn:aws:ec2:*:*:instance/*\",\"Condition\":{\"Bool\":"
          "{\"aws:MultiFactorAuthPresent\":\"true\"}}}"};
      for (int i = 0; i < 400; ++i) {
        if (i) synthetic += ",";
        synthetic += "\"p" + std::to_string(i) + "\":{\"document\":{\"Version\":\"2012-10-17\","
                     "\"Statement\":[" + shapes[i % 4] + "]}}";
      }
      text = synthetic + "}";
    }
    SourceId id = c->sources.AddBuffer("corpus.json", std::move(*text));
    JsonDocument doc;
    DiagnosticSink sink;
    if (!ReadJson(c->sources, id, JsonReadOptions{}, &doc, sink)) return c;
    JsonValue root = doc.root();
    for (uint32_t i = 0; i < root.size(); ++i) {
      JsonValue document = root.member_value(i).Find("document");
      if (!document.valid()) continue;
      PolicyBuildOptions options;
      options.kind = PolicyKind::kIdentity;
      DiagnosticSink s;
      std::optional<PolicyDocument> p = BuildPolicy(c->sources, document, options, s);
      if (p) c->policies.push_back(std::move(*p));
    }
    return c;
  }();
  return *corpus;
}

void BM_AnalyzeManagedPolicies(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  const Catalog& catalog = Catalog::BuiltIn();
  AnalysisOptions options;
  if (state.range(0) == 1) options.context = PartialContext::LeakedAccessKey();
  size_t grants = 0;
  for (auto _ : state) {
    for (const PolicyDocument& p : corpus.policies) {
      GrantSet g = AnalyzeGrants(catalog, p, options);
      grants += g.grants().size();
      benchmark::DoNotOptimize(g);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(corpus.policies.size()));
  state.counters["policies"] = static_cast<double>(corpus.policies.size());
  state.counters["synthetic"] = corpus.synthetic ? 1 : 0;
  benchmark::DoNotOptimize(grants);
}
BENCHMARK(BM_AnalyzeManagedPolicies)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace iamlint
