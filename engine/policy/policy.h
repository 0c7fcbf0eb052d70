// The validated policy model: what a policy says, and where it says it.
//
// PolicyBuilder (policy_builder.h) turns a JsonDocument into a
// PolicyDocument. Every field that came from the input is Located, so lint
// checks and explanations can point at the user's file. The model is plain
// owning values, immutable after building, and keeps the few facts about
// *how* something was written that checks need (a bare string versus an
// array, an object versus an array of statements).
//
// The model keeps statements even when some of their parts were invalid
// (the diagnostics say what was wrong); a part that could not be read at
// all is left empty/absent.
//
// Thread safety: immutable after building; share as shared_ptr<const>.
#ifndef IAMLINT_ENGINE_POLICY_POLICY_H_
#define IAMLINT_ENGINE_POLICY_POLICY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/policy/condition_operator.h"
#include "engine/source/span.h"

namespace iamlint {

// The kinds of policy the grammar distinguishes (semantics §0, §1.5).
enum class PolicyKind {
  kIdentity,  // attached to a user, group or role (inline or managed)
  kResource,  // resource-based: bucket, queue, key, topic, function...
  kTrust,     // a role's trust policy (its resource-based policy)
  kBoundary,  // permissions boundary of a user or role
  kSession,   // session policy passed to AssumeRole* / GetFederationToken
  kScp,       // service control policy (Organizations)
  kRcp,       // resource control policy (Organizations)
};

// "identity", "resource", "trust", "boundary", "session", "scp", "rcp".
std::string_view PolicyKindName(PolicyKind kind);
std::optional<PolicyKind> ParsePolicyKind(std::string_view name);
// True for kinds whose statements name a Principal (resource, trust, RCP).
bool KindHasPrincipal(PolicyKind kind);

enum class Effect { kAllow, kDeny };

using LocatedString = Located<std::string>;

// Action / NotAction, or Resource / NotResource.
struct PatternClause {
  bool negated = false;        // NotAction / NotResource
  bool single_string = false;  // written as a bare string, not an array
  Span key_span;               // the element name
  Span span;                   // the element value
  std::vector<LocatedString> values;
};

enum class PrincipalType { kAws, kService, kFederated, kCanonicalUser };
std::string_view PrincipalTypeName(PrincipalType type);  // "AWS", "Service", ...

struct PrincipalEntry {
  PrincipalType type = PrincipalType::kAws;
  LocatedString value;
};

// Principal / NotPrincipal.
struct PrincipalClause {
  bool negated = false;   // NotPrincipal
  bool wildcard = false;  // "Principal": "*" (the bare-string form)
  Span key_span;
  Span span;
  std::vector<PrincipalEntry> entries;  // {"AWS": "*"} is an entry with value "*"
};

// One key under one operator: {"<op>": {"<key>": [values]}}.
struct ConditionEntry {
  LocatedString operator_text;          // as written
  std::optional<ConditionOperator> op;  // empty when the operator is invalid
  LocatedString key;                    // as written (keys compare case-insensitively)
  bool single_value = false;            // written as a scalar, not an array
  Span values_span;
  // Strings as written; JSON numbers and booleans as their source text
  // (`10` → "10", `true` → "true"), as AWS accepts them (semantics §1.3).
  std::vector<LocatedString> values;
};

struct Statement {
  size_t index = 0;  // position in the Statement list
  Span span;
  std::optional<LocatedString> sid;
  std::optional<Located<Effect>> effect;  // empty when missing or invalid
  std::optional<PatternClause> action;    // Action or NotAction
  std::optional<PatternClause> resource;  // Resource or NotResource
  std::optional<PrincipalClause> principal;
  bool has_condition = false;
  Span condition_span;
  std::vector<ConditionEntry> conditions;

  // "Sid" if the statement has a non-empty Sid, else its index as text.
  std::string Label() const;
};

inline constexpr std::string_view kVersion2012 = "2012-10-17";
inline constexpr std::string_view kVersion2008 = "2008-10-17";

struct PolicyDocument {
  Span span;  // the whole policy object
  PolicyKind kind = PolicyKind::kIdentity;
  bool kind_inferred = false;  // true when no kind was given and it was guessed
  std::string kind_reason;     // why it was inferred, for verbose output
  std::optional<LocatedString> version;
  std::optional<LocatedString> id;
  bool statement_single_object = false;  // "Statement": {...} instead of [...]
  Span statement_span;
  std::vector<Statement> statements;

  // Policy variables are substituted only under Version 2012-10-17.
  bool variables_enabled() const { return version && version->value == kVersion2012; }
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_POLICY_POLICY_H_
