#include "engine/policy/policy_reader.h"

namespace iamlint {

std::optional<PolicyDocument> ReadPolicy(const SourceManager& sources, SourceId id,
                                         const PolicyReadOptions& options, DiagnosticSink& sink) {
  JsonDocument json;
  if (!ReadJson(sources, id, options.json, &json, sink)) return std::nullopt;
  return BuildPolicy(sources, json.root(), options.build, sink);
}

}  // namespace iamlint
