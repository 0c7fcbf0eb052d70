// Fuzz target (c): the case reader of `iamlint simulate` (engine/cases).
//
// Input: a case file (JSON Lines or one JSON array). Every case read is
// authorized with and without the statement index, which must agree
// (fuzz_util.h). At most 64 reader steps per input.
#include <string>

#include "engine/cases/case_reader.h"
#include "tests/fuzz/fuzz_util.h"

using namespace iamlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  SourceManager sources;
  DiagnosticSink policy_sink;
  CaseReaderOptions options;
  options.policy_sink = &policy_sink;
  const SourceId id = sources.AddBuffer("fuzz.jsonl", std::string(fuzz::AsText(data, size)));
  CaseReader reader(sources, id, options);
  for (int step = 0; step < 64; ++step) {
    Case c;
    DiagnosticSink sink;
    const CaseReader::Status status = reader.Next(&c, sink);
    if (status == CaseReader::Status::kEnd) break;
    if (status == CaseReader::Status::kError) {
      fuzz::FuzzCheck(sink.has_errors(), "a malformed case is reported");
      continue;
    }
    fuzz::EvaluateBothWays(c.bundle, c.request);
  }
  return 0;
}
