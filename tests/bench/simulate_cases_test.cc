// The seeded simulate cases of bench/simulate_cases.h: the same seed gives
// the same bytes, every generated case and policy reads without an error,
// the decisions are a realistic mix, and the evaluator's fast path (the
// statement index, conditions without explanations) agrees with its
// oracles (the reference scan, the traced evaluation) on them, including
// large-set policies that name more services than the index scans
// linearly (CompiledPolicy::ServiceBucket's binary search).
#include "bench/simulate_cases.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "engine/cases/case_reader.h"
#include "engine/eval/evaluator.h"
#include "engine/policy/policy_reader.h"
#include "tests/engine/eval/eval_harness.h"

namespace iamlint {
namespace {

bool SameStatements(const std::vector<StatementRef>& a, const std::vector<StatementRef>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const StatementRef& x, const StatementRef& y) {
                      return x.slot == y.slot && x.index == y.index && x.position == y.position &&
                             x.statement == y.statement;
                    });
}

TEST_CASE("simulate cases: the same seed gives the same bytes", "[bench]") {
  std::string a = bench::SimulateCases(300, 7);
  CHECK(a == bench::SimulateCases(300, 7));
  CHECK(a != bench::SimulateCases(300, 8));
  CHECK(bench::RealisticPolicy(42, 10, 3) == bench::RealisticPolicy(42, 10, 3));
  CHECK(bench::RealisticPolicy(42, 10, 3) != bench::RealisticPolicy(43, 10, 3));
  // 1 define line + 300 cases.
  CHECK(std::count(a.begin(), a.end(), '\n') == 301);
}

TEST_CASE("simulate cases: every case reads, decisions mix, index, scan and trace agree", "[bench]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("cases.jsonl", bench::SimulateCases(3000, 1));
  DiagnosticSink policy_sink;
  CaseReaderOptions options;
  options.policy_sink = &policy_sink;
  CaseReader reader(sources, id, options);
  std::map<std::string, int> decisions;
  int cases = 0, mismatches = 0;
  EvalScratch scratch;
  Decision indexed, scanned;
  EvalOptions scan;
  scan.use_index = false;
  for (;;) {
    Case c;
    DiagnosticSink sink;
    CaseReader::Status status = reader.Next(&c, sink);
    if (status == CaseReader::Status::kEnd) break;
    REQUIRE(status == CaseReader::Status::kCase);
    REQUIRE(sink.diagnostics().empty());
    REQUIRE(c.bundle.identity.size() == 10);
    ++cases;
    Authorize(c.bundle, c.request, EvalOptions{}, &scratch, &indexed);
    Authorize(c.bundle, c.request, scan, &scratch, &scanned);
    mismatches += indexed.kind != scanned.kind || !SameStatements(indexed.decisive, scanned.decisive);
    if (cases % 10 == 0) evaltest::EvaluateCase(c);  // indexed, scanned and traced agree
    ++decisions[std::string(DecisionKindName(indexed.kind))];
  }
  CHECK(cases == 3000);
  CHECK(policy_sink.count(Severity::kError) == 0);
  CHECK(mismatches == 0);
  INFO("Allow " << decisions["Allow"] << ", ExplicitDeny " << decisions["ExplicitDeny"]
                << ", ImplicitDeny " << decisions["ImplicitDeny"]);
  CHECK(decisions["Allow"] > 150);
  CHECK(decisions["ExplicitDeny"] > 150);
  CHECK(decisions["ImplicitDeny"] > 150);
}

TEST_CASE("simulate cases: large-set policies read with their statement count", "[bench]") {
  for (size_t i : {0u, 1u, 9999u}) {
    SourceManager sources;
    SourceId id = sources.AddBuffer("p.json", bench::RealisticPolicy(i, 10, 1));
    DiagnosticSink sink;
    PolicyReadOptions options;
    options.build.kind = PolicyKind::kIdentity;
    auto doc = ReadPolicy(sources, id, options, sink);
    REQUIRE(doc);
    CHECK(sink.count(Severity::kError) == 0);
    CHECK(doc->statements.size() == 10);
  }
}

TEST_CASE("simulate cases: index and scan agree on policies naming many services", "[bench]") {
  // 60 statements name all ten services of the statement kinds, more than
  // ServiceBucket scans linearly; requests from the case generator.
  SourceManager sources;
  std::vector<std::shared_ptr<const CompiledPolicy>> policies;
  PolicyBundle bundle;
  for (size_t i = 0; i < 3; ++i) {
    SourceId id = sources.AddBuffer("p.json", bench::RealisticPolicy(i, 60, 5));
    DiagnosticSink sink;
    PolicyReadOptions options;
    options.build.kind = PolicyKind::kIdentity;
    auto doc = ReadPolicy(sources, id, options, sink);
    REQUIRE(doc);
    policies.push_back(CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc))));
    bundle.identity.push_back(policies.back().get());
  }
  SourceId id = sources.AddBuffer("cases.jsonl", bench::SimulateCases(2000, 5));
  CaseReader reader(sources, id);
  EvalScratch scratch;
  Decision indexed, scanned;
  EvalOptions scan;
  scan.use_index = false;
  int cases = 0, mismatches = 0, allowed = 0;
  for (;;) {
    Case c;
    DiagnosticSink sink;
    if (reader.Next(&c, sink) != CaseReader::Status::kCase) break;
    Authorize(bundle, c.request, EvalOptions{}, &scratch, &indexed);
    Authorize(bundle, c.request, scan, &scratch, &scanned);
    mismatches += indexed.kind != scanned.kind || !SameStatements(indexed.decisive, scanned.decisive);
    allowed += indexed.kind == DecisionKind::kAllow;
    ++cases;
  }
  CHECK(cases == 2000);
  CHECK(mismatches == 0);
  CHECK(allowed > 100);
}

}  // namespace
}  // namespace iamlint
