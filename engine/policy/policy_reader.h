// ReadPolicy: one buffer (or byte range) → PolicyDocument, the usual
// two-step path (ReadJson, then BuildPolicy) behind one call.
#ifndef IAMLINT_ENGINE_POLICY_POLICY_READER_H_
#define IAMLINT_ENGINE_POLICY_POLICY_READER_H_

#include <optional>

#include "engine/json/json_reader.h"
#include "engine/policy/policy.h"
#include "engine/policy/policy_builder.h"

namespace iamlint {

struct PolicyReadOptions {
  JsonReadOptions json;
  PolicyBuildOptions build;
};

// Reads the whole buffer `id`. Diagnostics go to `sink`; returns no
// document when the JSON is unreadable or its root is not an object.
std::optional<PolicyDocument> ReadPolicy(const SourceManager& sources, SourceId id,
                                         const PolicyReadOptions& options, DiagnosticSink& sink);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_POLICY_POLICY_READER_H_
