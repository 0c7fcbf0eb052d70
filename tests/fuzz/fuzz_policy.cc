// Fuzz target (a): policy reading and validation.
//
// Input: the bytes of one policy file. Reads it as JSON (ReadJson), checks
// that the tree survives a write/re-read round trip unchanged
// (WriteMinified is idempotent), builds the policy with the kind inferred
// and with one forced kind (chosen by the input size), and compiles it.
#include <memory>
#include <optional>
#include <string>

#include "engine/eval/compiled_policy.h"
#include "engine/json/json_reader.h"
#include "engine/json/json_writer.h"
#include "engine/policy/policy_builder.h"
#include "tests/fuzz/fuzz_util.h"

using namespace iamlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  SourceManager sources;
  const SourceId id = sources.AddBuffer("fuzz.json", std::string(fuzz::AsText(data, size)));
  JsonDocument doc;
  DiagnosticSink read_sink;
  if (!ReadJson(sources, id, JsonReadOptions{}, &doc, read_sink)) {
    fuzz::FuzzCheck(read_sink.total() == 1, "a failed read reports exactly one diagnostic");
    return 0;
  }
  // Round trip: the minified text reads back to the same minified text.
  const std::string minified = WriteMinified(doc.root());
  const SourceId again_id = sources.AddBuffer("again.json", minified);
  JsonDocument again;
  DiagnosticSink again_sink;
  fuzz::FuzzCheck(ReadJson(sources, again_id, JsonReadOptions{}, &again, again_sink),
                  "WriteMinified output does not read back");
  fuzz::FuzzCheck(WriteMinified(again.root()) == minified, "WriteMinified is not idempotent");

  static constexpr PolicyKind kKinds[] = {PolicyKind::kIdentity, PolicyKind::kResource,
                                          PolicyKind::kTrust,    PolicyKind::kBoundary,
                                          PolicyKind::kSession,  PolicyKind::kScp,
                                          PolicyKind::kRcp};
  for (int pass = 0; pass < 2; ++pass) {
    PolicyBuildOptions build;
    if (pass == 1) build.kind = kKinds[size % std::size(kKinds)];
    DiagnosticSink sink;
    std::optional<PolicyDocument> policy = BuildPolicy(sources, doc.root(), build, sink);
    fuzz::FuzzCheck(policy.has_value() == doc.root().is_object(),
                    "BuildPolicy returns a document exactly for object roots");
    if (!policy) continue;
    for (const Diagnostic& d : sink.diagnostics()) {
      fuzz::FuzzCheck(d.span.source == id, "a validator diagnostic points into the file");
      fuzz::FuzzCheck(d.span.begin <= d.span.end && d.span.end <= size,
                      "a validator diagnostic's span lies within the file");
      (void)sources.Begin(d.span);
    }
    auto compiled =
        CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*policy)));
    fuzz::FuzzCheck(compiled != nullptr, "Compile returned null");
  }
  return 0;
}
