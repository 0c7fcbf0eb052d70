// CompiledPolicy: a PolicyDocument turned into the form evaluation wants.
//
// Compile once, evaluate many (re2's parsed → compiled split). Compiling
// folds action patterns, splits resource ARNs and picks the cheapest
// matcher for each pattern (Wildcard strategies), pre-parses every typed
// condition value (numbers, dates, IP ranges, booleans, base64), lowercases
// condition keys, and marks the patterns that hold policy variables so the
// variable-free path never substitutes. It also builds a statement index by
// action service: Candidates(service) lists the statements that could match
// an action of that service (those naming it, plus wildcard-service and
// NotAction statements), in document order.
//
// Ownership: holds a shared_ptr to the PolicyDocument for Sids, spans and
// explanations. Immutable after Compile(); const methods are thread-safe.
#ifndef IAMLINT_ENGINE_EVAL_COMPILED_POLICY_H_
#define IAMLINT_ENGINE_EVAL_COMPILED_POLICY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/match/arn.h"
#include "engine/match/glob.h"
#include "engine/match/typed_value.h"
#include "engine/match/wildcard.h"
#include "engine/policy/condition_operator.h"
#include "engine/policy/policy.h"
#include "engine/policy/policy_variable.h"

namespace iamlint {

struct CompiledAction {
  bool any = false;     // "*"
  std::string service;  // lowercased service prefix
  Wildcard name;        // folded pattern over the lowercased action name
};

struct CompiledResource {
  bool has_variables = false;
  ResourcePattern pattern;  // when !has_variables
  // When has_variables: the text through the fifth colon and the parts of
  // the resource field, substituted per request.
  std::string head;
  std::vector<TemplatePart> parts;
};

// One policy value of a condition, parsed for its operator's type.
struct CompiledConditionValue {
  std::string text;
  bool has_variables = false;
  std::vector<TemplatePart> parts;  // when has_variables
  Wildcard glob;                    // StringLike / StringNotLike without variables
  std::optional<ArnLikePattern> arn;
  std::optional<Decimal> number;
  std::optional<Instant> date;
  std::optional<bool> boolean;
  std::optional<IpNetwork> network;
  std::optional<std::string> binary;
};

struct CompiledCondition {
  std::optional<ConditionOperator> op;  // empty: unknown operator (never true)
  std::string key;                      // lowercased, for lookups
  std::string key_as_written;           // for explanations
  std::vector<CompiledConditionValue> values;
  uint32_t entry = 0;  // index into Statement::conditions
};

// One condition entry (Statement::conditions[index]) compiled alone, as
// Compile does it; `variables`: the document enables policy variables
// (PolicyDocument::variables_enabled()).
CompiledCondition CompileCondition(const ConditionEntry& entry, uint32_t index, bool variables);

enum class PrincipalEntryKind { kAny, kAccount, kUser, kRole, kSession, kFederatedUser, kService, kFederated, kCanonicalUser, kUniqueId, kInvalid };

struct CompiledPrincipal {
  PrincipalEntryKind kind = PrincipalEntryKind::kInvalid;
  std::string value;       // as written
  std::string account;     // kAccount, kUser, kRole, kSession, kFederatedUser
  std::string role_name;   // kRole: name without path
};

struct CompiledStatement {
  uint32_t index = 0;  // into PolicyDocument::statements
  bool usable = false; // has an Effect and an Action/NotAction
  Effect effect = Effect::kAllow;
  bool not_action = false;
  std::vector<CompiledAction> actions;
  bool has_resource = false;
  bool not_resource = false;
  std::vector<CompiledResource> resources;
  bool has_principal = false;
  bool not_principal = false;
  std::vector<CompiledPrincipal> principals;
  std::vector<CompiledCondition> conditions;
};

struct CompileOptions {
  // How short resource ARNs without a trailing `*` behave; by default from
  // the policy kind (identity-like kinds pad, resource-like never match).
  std::optional<ShortArnMode> short_arn_mode;
};

class CompiledPolicy {
 public:
  static std::shared_ptr<const CompiledPolicy> Compile(std::shared_ptr<const PolicyDocument> doc,
                                                       const CompileOptions& options = {});

  const PolicyDocument& document() const { return *doc_; }
  PolicyKind kind() const { return doc_->kind; }
  const std::vector<CompiledStatement>& statements() const { return statements_; }

  // Statement indexes that could match an action of `service` (lowercased),
  // in document order. The two lists must be merged by the caller.
  const std::vector<uint32_t>& ServiceBucket(std::string_view service) const;
  const std::vector<uint32_t>& AlwaysBucket() const { return always_; }

 private:
  std::shared_ptr<const PolicyDocument> doc_;
  std::vector<CompiledStatement> statements_;
  // One entry per service prefix named by an action, sorted by service:
  // a policy names few services, so a scan (or a binary search for many)
  // beats hashing the request's service once per policy and request.
  struct ServiceEntry {
    std::string service;
    std::vector<uint32_t> statements;
  };
  std::vector<ServiceEntry> by_service_;
  std::vector<uint32_t> always_;
  std::vector<uint32_t> empty_;
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_COMPILED_POLICY_H_
