// BuildPolicy: JsonDocument → PolicyDocument, reporting every way the
// document breaks the IAM policy grammar (semantics §1, Access Analyzer's
// error checks), per policy kind. The IAM element names live here and
// nowhere else.
//
// The builder never stops at the first problem: it reports all of them
// (each a Diagnostic with a stable code, see README "Validation rules") and
// keeps what it could read. It returns no document only when the root is
// not a JSON object.
//
// Kind: given in the options, or inferred from the statements (a statement
// with Principal/NotPrincipal makes a resource policy; one whose actions are
// all sts:AssumeRole* and that has no Resource makes a trust policy);
// PolicyDocument::kind_reason says why.
#ifndef IAMLINT_ENGINE_POLICY_POLICY_BUILDER_H_
#define IAMLINT_ENGINE_POLICY_POLICY_BUILDER_H_

#include <optional>

#include "engine/json/json_tree.h"
#include "engine/policy/policy.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

struct PolicyBuildOptions {
  std::optional<PolicyKind> kind;  // empty: infer from the statements
  bool check_size = true;          // report sizes over the kind's quota
};

// REQUIRES: `root` belongs to a document read from a buffer of `sources`.
std::optional<PolicyDocument> BuildPolicy(const SourceManager& sources, JsonValue root,
                                          const PolicyBuildOptions& options,
                                          DiagnosticSink& sink);

// Quota in characters for a kind (semantics §7.4), and how it is counted.
struct PolicySizeQuota {
  size_t limit = 0;
  bool whitespace_counts = false;  // SCP and RCP count every character
};
PolicySizeQuota SizeQuotaFor(PolicyKind kind);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_POLICY_POLICY_BUILDER_H_
