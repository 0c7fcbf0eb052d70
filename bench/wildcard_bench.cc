// Benchmarks for engine/match/wildcard.h: one family per Wildcard strategy,
// the general matcher's search kinds (short literal, KMP, shift-and), the
// reference oracle next to the compiled matcher, and Resource patterns.
// Inputs are synthetic with fixed seeds; every family reports bytes/second
// and ranges over the text size.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>

#include "engine/match/arn.h"
#include "engine/match/glob.h"
#include "engine/match/wildcard.h"
#include "engine/match/wildcard_reference.h"

namespace iamlint {
namespace {

// Numbers from an unoptimized build are meaningless; say so in the output.
[[maybe_unused]] const bool kBuildWarning = [] {
#if !defined(__OPTIMIZE__)
  benchmark::AddCustomContext("WARNING", "built without optimization; timings are meaningless");
#endif
#if !defined(NDEBUG)
  benchmark::AddCustomContext("WARNING (assertions)", "built without NDEBUG");
#endif
  return true;
}();

constexpr int64_t kMinText = 64;
constexpr int64_t kMaxText = int64_t{1} << 20;

// Lowercase letters and `/`, like the resource part of an S3 ARN.
std::string RandomText(size_t length, uint32_t seed) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz/";
  std::mt19937 engine(seed);
  std::string text(length, 'a');
  for (char& c : text) c = kAlphabet[engine() % (sizeof kAlphabet - 1)];
  return text;
}

size_t TextSize(const benchmark::State& state) { return static_cast<size_t>(state.range(0)); }

void RunMatch(benchmark::State& state, const Wildcard& wildcard, const std::string& text,
              bool expected) {
  if (wildcard.Match(text) != expected) {
    state.SkipWithError("unexpected match result");
    return;
  }
  for (auto _ : state) {
    bool matched = wildcard.Match(text);
    benchmark::DoNotOptimize(matched);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.SetLabel(std::string(StrategyName(wildcard.strategy())));
}

void BM_Wildcard_Any(benchmark::State& state) {
  const std::string text = RandomText(TextSize(state), 1);
  RunMatch(state, Wildcard::FromPattern("*"), text, true);
}
BENCHMARK(BM_Wildcard_Any)->RangeMultiplier(16)->Range(kMinText, kMaxText);

void BM_Wildcard_Exact(benchmark::State& state) {
  const std::string text = RandomText(TextSize(state), 2);
  RunMatch(state, Wildcard::Compile(Glob::Literal(text)), text, true);
}
BENCHMARK(BM_Wildcard_Exact)->RangeMultiplier(16)->Range(kMinText, kMaxText);

void BM_Wildcard_Prefix(benchmark::State& state) {
  const std::string text = RandomText(TextSize(state), 3);
  Glob glob = Glob::Literal(text.substr(0, text.size() / 2));
  glob.AppendStar();
  RunMatch(state, Wildcard::Compile(glob), text, true);
}
BENCHMARK(BM_Wildcard_Prefix)->RangeMultiplier(16)->Range(kMinText, kMaxText);

void BM_Wildcard_Suffix(benchmark::State& state) {
  const std::string text = RandomText(TextSize(state), 4);
  Glob glob;
  glob.AppendStar();
  glob.AppendLiteral(text.substr(text.size() / 2));
  RunMatch(state, Wildcard::Compile(glob), text, true);
}
BENCHMARK(BM_Wildcard_Suffix)->RangeMultiplier(16)->Range(kMinText, kMaxText);

// Short literal middle segment found at the very end: a full scan.
void BM_Wildcard_GeneralShortLiteral(benchmark::State& state) {
  const std::string text = RandomText(TextSize(state), 5) + "_needle_";
  RunMatch(state, Wildcard::FromPattern("*_needle_*"), text, true);
}
BENCHMARK(BM_Wildcard_GeneralShortLiteral)->RangeMultiplier(16)->Range(kMinText, kMaxText);

// Long literal segment over a text of near-misses: the KMP worst case.
void BM_Wildcard_GeneralKmp(benchmark::State& state) {
  const std::string segment = std::string(40, 'a') + "b";
  const std::string text = std::string(TextSize(state), 'a') + segment;
  RunMatch(state, Wildcard::FromPattern("*" + segment + "*"), text, true);
}
BENCHMARK(BM_Wildcard_GeneralKmp)->RangeMultiplier(16)->Range(kMinText, kMaxText);

// A segment with `?`: one-word shift-and.
void BM_Wildcard_GeneralShiftAnd(benchmark::State& state) {
  const std::string text = RandomText(TextSize(state), 6) + "_needle_";
  RunMatch(state, Wildcard::FromPattern("*_ne?dle_*"), text, true);
}
BENCHMARK(BM_Wildcard_GeneralShiftAnd)->RangeMultiplier(16)->Range(kMinText, kMaxText);

// A 200-byte segment with `?`: multi-word shift-and.
void BM_Wildcard_GeneralShiftAndLong(benchmark::State& state) {
  const std::string segment = RandomText(100, 7) + "?" + RandomText(99, 8);
  std::string planted = segment;
  planted[100] = 'x';
  const std::string text = RandomText(TextSize(state), 9) + planted;
  RunMatch(state, Wildcard::FromPattern("*" + segment + "*"), text, true);
}
BENCHMARK(BM_Wildcard_GeneralShiftAndLong)->RangeMultiplier(16)->Range(kMinText, kMaxText);

// Many short segments, the shape of `*a*a*…*b`, spread over the text so
// that together they scan all of it.
void BM_Wildcard_GeneralManySegments(benchmark::State& state) {
  constexpr size_t kSegments = 1000;
  std::string pattern;
  for (size_t i = 0; i < kSegments; ++i) pattern += "*a";
  pattern += "*b";
  std::string text;
  for (size_t i = 0; i < kSegments; ++i) text += std::string(TextSize(state) / kSegments, 'x') + "a";
  text += "b";
  RunMatch(state, Wildcard::FromPattern(pattern), text, true);
}
BENCHMARK(BM_Wildcard_GeneralManySegments)->RangeMultiplier(16)->Range(kMinText * 16, kMaxText);

// The oracle and the compiled matcher on the same input (style rule 17).
// The reference is O(n * m), so its range stops early.
void BM_Reference_General(benchmark::State& state) {
  const std::string text = RandomText(TextSize(state), 10) + "_needle_";
  const Glob glob = Glob::Parse("*_ne?dle_*");
  for (auto _ : state) {
    bool matched = WildcardMatchReference(glob, text);
    benchmark::DoNotOptimize(matched);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Reference_General)->RangeMultiplier(16)->Range(kMinText, int64_t{1} << 16);

void BM_Compiled_General(benchmark::State& state) {
  const std::string text = RandomText(TextSize(state), 10) + "_needle_";
  RunMatch(state, Wildcard::FromPattern("*_ne?dle_*"), text, true);
}
BENCHMARK(BM_Compiled_General)->RangeMultiplier(16)->Range(kMinText, int64_t{1} << 16);

// A typical Resource pattern against S3 object ARNs of growing key length.
void BM_ResourcePattern_S3Object(benchmark::State& state) {
  const ResourcePattern pattern = ResourcePattern::Compile("arn:aws:s3:::bucket/*/logs/*");
  const std::string arn = "arn:aws:s3:::bucket/" + RandomText(TextSize(state), 11) + "/logs/x";
  if (!pattern.Match(arn)) {
    state.SkipWithError("unexpected match result");
    return;
  }
  for (auto _ : state) {
    bool matched = pattern.Match(arn);
    benchmark::DoNotOptimize(matched);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(arn.size()));
}
BENCHMARK(BM_ResourcePattern_S3Object)->RangeMultiplier(16)->Range(kMinText, int64_t{1} << 14);

}  // namespace
}  // namespace iamlint
