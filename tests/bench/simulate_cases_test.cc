// The seeded simulate cases of bench/simulate_cases.h: the same seed gives
// the same bytes, every generated case and policy reads without an error,
// the decisions are a realistic mix, and the indexed evaluator agrees with
// the reference scan on them.
#include "bench/simulate_cases.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "engine/cases/case_reader.h"
#include "engine/eval/evaluator.h"
#include "engine/policy/policy_reader.h"

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

TEST_CASE("simulate cases: every case reads, decisions mix, index agrees with scan", "[bench]") {
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

}  // namespace
}  // namespace iamlint
