// PreparedPolicy: the half of AnalyzeGrants (engine/analysis/effective.h)
// that depends on one policy document and the catalog only, not on the
// request context or on the other policies of the principal: each usable
// statement's compiled conditions, the catalog actions its Action or
// NotAction matches (ascending, unique), and its Resource patterns with
// their resource types and whether they name every resource of an action.
//
// Why: a managed policy attached to 3,000 principals (ReadOnlyAccess
// expands to thousands of actions, its patterns to ARN classifications)
// was expanded again for each of them; the account-wide ranking of
// `iamlint access --all` spent most of its time there. Prepared once and
// passed in AnalyzedPolicy::prepared, it is shared.
//
// Reference path: Prepare(..., reference = true) expands Action patterns by
// matching every catalog action name with WildcardMatchReference and
// decides "names every resource" by the original field-by-field test on
// the pattern text (PatternCoversAllReference); the fast path uses
// Catalog::Expand and fields parsed once (PatternCoversAll).
// tests/engine/analysis/prepared_policy_test.cc and effective_test.cc
// check that both give the same grants.
//
// Lifetime: a PreparedPolicy points to its document and must not outlive
// it. Memory: action sets are kept as runs of ids, conditions compiled,
// the rest of the compiled policy dropped. Immutable after Prepare;
// safe to share between threads.
#ifndef IAMLINT_ENGINE_ANALYSIS_PREPARED_POLICY_H_
#define IAMLINT_ENGINE_ANALYSIS_PREPARED_POLICY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/eval/compiled_policy.h"
#include "engine/policy/policy.h"

namespace iamlint {

// One Resource/NotResource value other than `*`.
struct PreparedPattern {
  std::string text;
  std::vector<ResourceTypeId> types;  // Catalog::ClassifyArn, sorted
  // Whether the pattern names every resource of an action, as far as the
  // pattern alone tells (see PatternCoversAll):
  enum class Cover : uint8_t {
    kNo,         // a specific pattern
    kAlways,     // `arn:*`
    kAnyType,    // `arn:aws:<service>:*:*:*` (resource field only stars)
    kTypeNamed,  // `arn:aws:<service>:*:*:<type>/*`
  };
  Cover cover = Cover::kNo;
  std::string service;  // kAnyType/kTypeNamed: lower-case service field, "*" for any
  std::string type;     // kTypeNamed: the resource type name as written
};

// A run of consecutive action ids, [begin, end). Catalog ids are ordered
// by service, then folded name, so `s3:*`, `s3:Get*`, `*` and most
// NotAction complements are one or a few runs.
struct ActionRun {
  ActionId begin = 0;
  ActionId end = 0;
  bool operator==(const ActionRun&) const = default;
};

struct PreparedStatement {
  uint32_t index = 0;  // into PolicyDocument::statements
  Effect effect = Effect::kAllow;
  std::vector<CompiledCondition> conditions;  // compiled (engine/eval)
  bool has_resource = false;
  bool not_resource = false;
  bool any_star = false;  // a `*` among the Resource/NotResource values
  std::vector<PreparedPattern> patterns;
  // What Action/NotAction matches: ascending, disjoint, non-adjacent runs.
  std::vector<ActionRun> actions;
  size_t action_count() const;
};

class PreparedPolicy {
 public:
  // REQUIRES: `document` and `catalog` outlive the result.
  static std::unique_ptr<const PreparedPolicy> Prepare(const Catalog& catalog,
                                                       const PolicyDocument& document,
                                                       bool reference = false);

  const PolicyDocument& document() const { return *document_; }
  const Catalog& catalog() const { return *catalog_; }
  bool reference() const { return reference_; }
  // The usable statements (an Effect and an Action or NotAction), in order.
  const std::vector<PreparedStatement>& statements() const { return statements_; }
  // Every condition key of the usable statements, lower-cased, ascending, unique.
  const std::vector<std::string>& condition_keys() const { return condition_keys_; }

 private:
  const PolicyDocument* document_ = nullptr;
  const Catalog* catalog_ = nullptr;
  bool reference_ = false;
  std::vector<PreparedStatement> statements_;
  std::vector<std::string> condition_keys_;
};

// True when the pattern names every resource of `action`: `arn:*`, or
// partition `aws`/`*`, service the action's or `*`, region and account `*`
// or empty, and a resource field that is `*`-only or `<type name>/`
// (or `:`) followed by `*`-only text for one of the action's resource
// types (`arn:aws:s3:::*`, `arn:*:iam::*:role/*`,
// `arn:aws:ec2:*:*:instance/*`). A heuristic, documented in effective.h.
bool PatternCoversAll(const Catalog& catalog, ActionId action, const PreparedPattern& pattern);
// The same decision from the pattern text, field by field (the reference).
bool PatternCoversAllReference(const Catalog& catalog, ActionId action, std::string_view pattern);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_ANALYSIS_PREPARED_POLICY_H_
