// The conformance cases (copied from shared/conformance, kept in sync) run
// through the same CaseReader + Authorize path as `iamlint simulate`, with
// the statement index on and off (the reference path).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "engine/cases/case_reader.h"
#include "engine/eval/evaluator.h"

namespace iamlint {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void RunConformance(const std::string& file, size_t expected_cases) {
  SourceManager sources;
  std::string text = ReadFile(std::string(IAMLINT_SOURCE_DIR) + "/" + file);
  REQUIRE_FALSE(text.empty());
  SourceId id = sources.AddBuffer(file, text);
  CaseReader reader(sources, id);
  Case c;
  EvalScratch scratch;
  Decision indexed, scanned;
  size_t count = 0;
  while (true) {
    DiagnosticSink sink;
    CaseReader::Status status = reader.Next(&c, sink);
    if (status == CaseReader::Status::kEnd) break;
    REQUIRE(status == CaseReader::Status::kCase);
    ++count;
    CAPTURE(c.id);
    REQUIRE(c.expect.has_value());
    Authorize(c.bundle, c.request, EvalOptions{true}, &scratch, &indexed);
    Authorize(c.bundle, c.request, EvalOptions{false}, &scratch, &scanned);
    CHECK(DecisionKindName(indexed.kind) == DecisionKindName(*c.expect));
    CHECK(indexed.kind == scanned.kind);
    CHECK(indexed.gate == scanned.gate);
    REQUIRE(indexed.decisive.size() == scanned.decisive.size());
    for (size_t i = 0; i < indexed.decisive.size(); ++i) {
      CHECK(SlotName(indexed.decisive[i]) == SlotName(scanned.decisive[i]));
      CHECK(indexed.decisive[i].statement == scanned.decisive[i].statement);
    }
  }
  CHECK(count == expected_cases);
}

TEST_CASE("public conformance cases all pass, index on and off", "[conformance]") {
  RunConformance("tests/conformance/cases.jsonl", 63);
}

TEST_CASE("the classic demo cases pass", "[conformance]") {
  RunConformance("samples/cases/classic-demo.jsonl", 6);
}

}  // namespace
}  // namespace iamlint
