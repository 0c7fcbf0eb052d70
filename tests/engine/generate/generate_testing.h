// Helpers for the engine/generate tests: read a CloudTrail text or fixture
// (tests/engine/generate/fixtures/) into events that stay valid while the
// Trail lives.
#ifndef IAMLINT_TESTS_ENGINE_GENERATE_GENERATE_TESTING_H_
#define IAMLINT_TESTS_ENGINE_GENERATE_GENERATE_TESTING_H_

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/generate/cloudtrail_reader.h"
#include "engine/source/source_manager.h"
#include "tests/testing/test_util.h"

namespace iamlint::testing {

struct Trail {
  std::unique_ptr<SourceManager> sources = std::make_unique<SourceManager>();
  CloudTrailInput input;
  bool ok = false;
  std::vector<Diagnostic> diagnostics;
  Lines lines() const { return FormatDiagnostics(*sources, diagnostics); }
  const std::vector<CloudTrailEvent>& events() const { return input.events; }
};

inline Trail ReadTrailText(std::string text, std::string name = "trail.json") {
  Trail t;
  SourceId id = t.sources->AddBuffer(std::move(name), std::move(text));
  DiagnosticSink sink;
  t.ok = ReadCloudTrail(*t.sources, id, JsonReadOptions{}, &t.input, sink);
  t.diagnostics = sink.Take();
  return t;
}

inline std::string GenerateFixture(const std::string& name) {
  std::ifstream in(std::string(IAMLINT_SOURCE_DIR) + "/tests/engine/generate/fixtures/" + name,
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline Trail ReadTrailFixture(const std::string& name) {
  return ReadTrailText(GenerateFixture(name), name);
}

}  // namespace iamlint::testing

#endif  // IAMLINT_TESTS_ENGINE_GENERATE_GENERATE_TESTING_H_
