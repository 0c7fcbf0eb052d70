// Benchmarks for engine/catalog: loading the embedded catalog (time and
// resident memory), exact lookups, Action pattern expansion and ARN
// classification. The budget for loading is < 10 ms and < 30 MB.
//
// Memory is read from /proc/self/status (Linux): VmRSS before and after one
// load that is kept alive, reported as counters. For a whole-process figure,
// compare `/usr/bin/time -v iamlint catalog` with `iamlint --version`.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "engine/catalog/catalog.h"
#include "engine/catalog/embedded_catalog.h"

namespace iamlint {
namespace {

std::string EmbeddedText() {
  size_t size = 0;
  for (size_t i = 0; i < catalog_internal::kEmbeddedCatalogChunkCount; ++i) {
    size += catalog_internal::kEmbeddedCatalogChunks[i].size;
  }
  std::string text;
  text.reserve(size);
  for (size_t i = 0; i < catalog_internal::kEmbeddedCatalogChunkCount; ++i) {
    text.append(catalog_internal::kEmbeddedCatalogChunks[i].data,
                catalog_internal::kEmbeddedCatalogChunks[i].size);
  }
  return text;
}

// Load() over the embedded text: what BuiltIn() does on first use, plus
// the copy of the text that Load() takes.
void BM_CatalogLoadEmbedded(benchmark::State& state) {
  const std::string text = EmbeddedText();
  for (auto _ : state) {
    std::string error;
    std::unique_ptr<const Catalog> c = Catalog::Load(text, &error);
    benchmark::DoNotOptimize(c.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CatalogLoadEmbedded)->Unit(benchmark::kMillisecond);

// Heap held by one loaded catalog, own text copy included (glibc mallinfo2:
// exact, unaffected by memory that earlier benchmarks freed and malloc
// reuses), and resident memory before/after (an underestimate when freed
// memory is reused). BuiltIn() holds about 1 MB less: it keeps views into
// the embedded text instead of a copy.
void BM_CatalogLoadMemory(benchmark::State& state) {
  for (auto _ : state) {
    const size_t heap_before = bench::HeapInUseBytes();
    const long rss_before = bench::ProcStatusKb("VmRSS");
    std::string error;
    std::unique_ptr<const Catalog> c = Catalog::Load(EmbeddedText(), &error);
    const long rss_after = bench::ProcStatusKb("VmRSS");
    state.counters["heap_MB"] =
        static_cast<double>(bench::HeapInUseBytes() - heap_before) / (1024.0 * 1024.0);
    state.counters["rss_added_MB"] = static_cast<double>(rss_after - rss_before) / 1024.0;
    state.counters["process_peak_MB"] = static_cast<double>(bench::ProcStatusKb("VmHWM")) / 1024.0;
    benchmark::DoNotOptimize(c.get());
  }
}
BENCHMARK(BM_CatalogLoadMemory)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_CatalogFindAction(benchmark::State& state) {
  const Catalog& c = Catalog::BuiltIn();
  static const char* const kNames[] = {
      "s3:GetObject", "ec2:DescribeInstances", "iam:PassRole",          "STS:AssumeRole",
      "kms:Decrypt",  "s3:GetObjects",         "lambda:InvokeFunction", "dynamodb:Query"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(c.FindAction(kNames[i++ % std::size(kNames)]));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_CatalogFindAction);

void BM_CatalogExpand(benchmark::State& state, const char* pattern) {
  const Catalog& c = Catalog::BuiltIn();
  size_t actions = 0;
  for (auto _ : state) {
    std::vector<ActionId> ids = c.Expand(pattern);
    actions += ids.size();
    benchmark::DoNotOptimize(ids.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["actions"] =
      static_cast<double>(actions) / static_cast<double>(state.iterations());
}
BENCHMARK_CAPTURE(BM_CatalogExpand, exact, "s3:GetObject");
BENCHMARK_CAPTURE(BM_CatalogExpand, service_prefix, "s3:Get*");
BENCHMARK_CAPTURE(BM_CatalogExpand, any_service_prefix, "*:Describe*");
BENCHMARK_CAPTURE(BM_CatalogExpand, infix, "iam:*AccessKey*");
BENCHMARK_CAPTURE(BM_CatalogExpand, any_service_infix, "*:*Tag*");
BENCHMARK_CAPTURE(BM_CatalogExpand, everything, "*");

void BM_CatalogClassifyArn(benchmark::State& state, const char* arn) {
  const Catalog& c = Catalog::BuiltIn();
  size_t types = 0;
  for (auto _ : state) {
    std::vector<ResourceTypeId> ids = c.ClassifyArn(arn);
    types += ids.size();
    benchmark::DoNotOptimize(ids.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["types"] = static_cast<double>(types) / static_cast<double>(state.iterations());
}
BENCHMARK_CAPTURE(BM_CatalogClassifyArn, s3_object, "arn:aws:s3:::my-bucket/photos/2024/cat.jpg");
BENCHMARK_CAPTURE(BM_CatalogClassifyArn, s3_bucket_wildcard, "arn:aws:s3:::my-bucket*");
BENCHMARK_CAPTURE(BM_CatalogClassifyArn, ec2_instance,
                  "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0");
BENCHMARK_CAPTURE(BM_CatalogClassifyArn, iam_role, "arn:aws:iam::123456789012:role/path/app-role");
BENCHMARK_CAPTURE(BM_CatalogClassifyArn, any_service, "arn:aws:*:us-east-1:123456789012:table/t");

void BM_CatalogClassifyArnForAction(benchmark::State& state) {
  const Catalog& c = Catalog::BuiltIn();
  const ActionId get_object = *c.FindAction("s3:GetObject");
  for (auto _ : state) {
    benchmark::DoNotOptimize(c.ClassifyArnFor(get_object, "arn:aws:s3:::my-bucket/key"));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_CatalogClassifyArnForAction);

void BM_CatalogConditionKeysFor(benchmark::State& state) {
  const Catalog& c = Catalog::BuiltIn();
  const ActionId get_object = *c.FindAction("s3:GetObject");
  for (auto _ : state) {
    benchmark::DoNotOptimize(c.FindConditionKeyFor(get_object, "s3:ExistingObjectTag/Project"));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_CatalogConditionKeysFor);

}  // namespace
}  // namespace iamlint
