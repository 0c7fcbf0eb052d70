// Fuzz target (b): evaluation of a fuzzed policy against a fuzzed request.
//
// Input: a policy (JSON), a NUL byte, then the request: one byte choosing
// the slot the policy fills (identity, boundary, session, resource, SCP,
// RCP; the policy is built as that kind), then lines
//   action \n resource \n principal \n key=value,value... \n ...
// (at most 16 context keys; a value list given with `,` is multivalued).
// The request is authorized with and without the statement index and the
// two answers must agree (fuzz_util.h).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/eval/compiled_policy.h"
#include "engine/policy/policy_reader.h"
#include "tests/fuzz/fuzz_util.h"

using namespace iamlint;

namespace {

// Splits `text` at `sep`; the last piece may be empty.
std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(sep, start);
    if (at == std::string_view::npos) {
      out.push_back(text.substr(start));
      return out;
    }
    out.push_back(text.substr(start, at - start));
    start = at + 1;
  }
}

// An identity policy that allows everything, compiled once.
const CompiledPolicy* AllowAll() {
  static const std::shared_ptr<const CompiledPolicy> policy = [] {
    static SourceManager sources;
    const SourceId id = sources.AddBuffer(
        "allow-all.json",
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})");
    DiagnosticSink sink;
    std::optional<PolicyDocument> doc = ReadPolicy(sources, id, PolicyReadOptions{}, sink);
    fuzz::FuzzCheck(doc.has_value(), "the allow-all policy reads");
    return CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc)));
  }();
  return policy.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = fuzz::AsText(data, size);
  const size_t nul = input.find('\0');
  if (nul == std::string_view::npos || nul + 1 >= input.size()) return 0;
  const std::string_view policy_text = input.substr(0, nul);
  const auto slot = static_cast<unsigned char>(input[nul + 1]) % 6u;
  const std::vector<std::string_view> lines = Split(input.substr(nul + 2), '\n');

  static constexpr PolicyKind kKinds[] = {PolicyKind::kIdentity, PolicyKind::kBoundary,
                                          PolicyKind::kSession,  PolicyKind::kResource,
                                          PolicyKind::kScp,      PolicyKind::kRcp};
  SourceManager sources;
  const SourceId id = sources.AddBuffer("fuzz.json", std::string(policy_text));
  PolicyReadOptions read;
  read.build.kind = kKinds[slot];
  DiagnosticSink sink;
  std::optional<PolicyDocument> doc = ReadPolicy(sources, id, read, sink);
  if (!doc) return 0;
  std::shared_ptr<const CompiledPolicy> compiled =
      CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc)));

  Request request;
  if (lines.size() > 0) request.set_action(lines[0]);
  if (lines.size() > 1) request.set_resource(lines[1]);
  if (lines.size() > 2) request.set_principal(lines[2]);
  for (size_t i = 3; i < lines.size() && i < 3 + 16; ++i) {
    const size_t eq = lines[i].find('=');
    if (eq == std::string_view::npos) continue;
    std::vector<std::string> values;
    for (std::string_view v : Split(lines[i].substr(eq + 1), ',')) values.emplace_back(v);
    const bool is_list = values.size() > 1;
    request.AddContext(lines[i].substr(0, eq), std::move(values), is_list);
  }
  request.Finish();

  // The policy alone in its slot, and (for the gates that need an Allow
  // elsewhere) next to an identity policy that allows everything.
  PolicyBundle bundle;
  switch (slot) {
    case 0: bundle.identity.push_back(compiled.get()); break;
    case 1: bundle.boundary = compiled.get(); break;
    case 2: bundle.session.push_back(compiled.get()); break;
    case 3: bundle.resource = compiled.get(); break;
    case 4: bundle.has_scp = true; bundle.scp.push_back({compiled.get()}); break;
    default: bundle.has_rcp = true; bundle.rcp.push_back({compiled.get()}); break;
  }
  fuzz::EvaluateBothWays(bundle, request);
  if (slot != 0) {
    bundle.identity.push_back(AllowAll());
    fuzz::EvaluateBothWays(bundle, request);
  }
  return 0;
}
