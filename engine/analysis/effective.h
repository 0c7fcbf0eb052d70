// Effective permissions: what a set of policies grants, per catalog action,
// when the request context is only partly known.
//
// Design note (engine/analysis). The evaluator (engine/eval) answers one
// concrete request. Lint checks and the leaked-key report (issue 7) ask a
// different question: "for every action of the catalog, can this principal
// do it, on which resources, and under which conditions?". AnalyzeGrants()
// answers it by enumerating the catalog instead of requests:
//
//   1. Action / NotAction are expanded against the catalog (Catalog::Expand,
//      so `s3:Ge*` counts exactly as `s3:GetObject`, case-insensitively).
//   2. Resource / NotResource become a scope per action: all resources
//      (`*`), some resources (patterns that can name one of the action's
//      resource types, by Catalog::ClassifyArn), or none (a pattern that can
//      never match the action, such as a bucket ARN for s3:GetObject, or any
//      specific ARN for an action that takes no resource).
//   3. Conditions are evaluated three-valued against a PartialContext: a key
//      known present is compared with its values, a key known absent takes
//      the absent-key semantics of its operator, and any other key makes the
//      entry unknown. Known entries are decided by EvaluateCondition, the
//      evaluator's own code, so both agree by construction.
//   4. Gates are intersected: the grant gate (identity policies: any Allow),
//      the boundary (must also allow) and each SCP level (must also allow).
//      Deny statements of every policy are subtracted: an unconditional Deny
//      on all resources makes the action kNever; a conditional or
//      resource-limited Deny lowers the grant to a partial one.
//
// Grant levels are ordered kNever < kConditional < kSomeResources <
// kAllResources; combining gates takes the lowest.
//
// What is approximated (documented, tested): principals are not matched
// (identity-side analysis: every statement is taken to apply to the caller);
// condition values with policy variables are unknown; the intersection of two
// resource-limited gates keeps the patterns of the first. The reference for
// all of this is the concrete evaluator: tests/engine/analysis checks that
// kAllResources actions are allowed by Authorize() on a concrete ARN of the
// action's type, and kNever actions are not.
//
// Thread safety: AnalyzeGrants is re-entrant; its inputs are read only.
// The returned GrantSet is a plain value.
#ifndef IAMLINT_ENGINE_ANALYSIS_EFFECTIVE_H_
#define IAMLINT_ENGINE_ANALYSIS_EFFECTIVE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/policy/policy.h"

namespace iamlint {

// What is known about the request context. Keys compare case-insensitively.
// Keys in neither list are unknown, unless `closed` is set: then every key
// not listed as present is absent (a concrete request).
struct PartialContext {
  struct Entry {
    std::string key;
    std::vector<std::string> values;
    bool is_list = false;  // a multivalued key (ForAnyValue/ForAllValues)
  };
  std::vector<Entry> present;
  std::vector<std::string> absent;
  bool closed = false;

  // Nothing known: every condition key is unknown.
  static PartialContext Unknown() { return {}; }
  // A request signed with a long-lived access key (a leaked key): no MFA
  // (aws:MultiFactorAuthPresent and aws:MultiFactorAuthAge absent), not made
  // by an AWS service on the caller's behalf (aws:ViaAWSService false,
  // aws:CalledVia absent, aws:PrincipalIsAWSService false), no federation
  // (aws:FederatedProvider absent). Source IP, VPC, time: unknown.
  static PartialContext LeakedAccessKey();
};

// What a policy does in the analysis.
enum class PolicyRole : uint8_t {
  kGrant,     // identity policy (inline, managed, group): any Allow grants
  kBoundary,  // permissions boundary: must also allow
  kScp,       // SCP of one organization level: that level must also allow
  // A same-account resource policy whose Allows name the caller directly
  // (a user's ARN, `*`): grants even where the boundary does not allow
  // (AWS: a boundary does not limit what a resource-based policy grants to
  // the user ARN); SCPs and Denies still apply. One naming a role's ARN is
  // a kGrant (the role's boundary limits it), as the evaluator decides
  // (engine/eval/decision.cc, PrincipalGrant::kDirect vs kRole).
  kDirectGrant,
};

class PreparedPolicy;  // engine/analysis/prepared_policy.h

struct AnalyzedPolicy {
  const PolicyDocument* document = nullptr;  // not owned; outlives the call
  PolicyRole role = PolicyRole::kGrant;
  int level = 0;  // kScp: the organization level (root = 0, OU..., account)
  // Optional: `document` prepared once (PreparedPolicy::Prepare with the
  // same catalog and AnalysisOptions::reference_path), shared by every
  // principal that has it; prepared here when null or not matching.
  const PreparedPolicy* prepared = nullptr;
};

// One statement of the input: index into the AnalyzedPolicy list and into
// that document's statements.
struct StatementLoc {
  uint32_t policy = 0;
  uint32_t statement = 0;
  bool operator==(const StatementLoc&) const = default;
};

// A condition entry whose truth the context does not decide.
struct GrantCondition {
  StatementLoc where;
  uint32_t entry = 0;         // index into Statement::conditions
  std::string op;             // canonical operator name, e.g. "Bool"
  std::string key;            // as written, e.g. "aws:MultiFactorAuthPresent"
  std::vector<std::string> values;
  bool from_deny = false;     // a Deny's condition: the grant holds *unless* it holds
};

// "with MFA", "from 203.0.113.0/24", "only when `s3:prefix` StringLike `home/*`",
// or with from_deny, "unless ...". Lowercase, for use inside a message.
std::string DescribeCondition(const GrantCondition& condition);

enum class GrantLevel : uint8_t { kNever, kConditional, kSomeResources, kAllResources };
std::string_view GrantLevelName(GrantLevel level);  // "never", "conditional", "some", "all"

struct ActionGrant {
  ActionId action = 0;
  GrantLevel level = GrantLevel::kNever;
  // kSomeResources: the Resource patterns that grant (a NotResource scope
  // shows as "everything except `X`"), deduplicated, in statement order.
  std::vector<std::string> resources;
  // kConditional (and partial grants lowered by a Deny): the conditions.
  std::vector<GrantCondition> conditions;
  // The Allow statements that grant (kNever: the Deny statements that cut
  // the grant, or empty when a gate does not allow).
  std::vector<StatementLoc> decisive;
  // Deny statements that limit the grant (conditional or resource-limited).
  std::vector<StatementLoc> limiting_denies;
  // The grant holds on some resources only (`resources` is not empty, or
  // would not be when AnalysisOptions::detail_actions drops details).
  bool resources_limited = false;
};

struct AnalysisOptions {
  PartialContext context;  // default: everything unknown
  // false: Action patterns are expanded by Catalog::Expand (binary searches
  // per service) and Resource patterns parsed once (PreparedPolicy).
  // true: the reference path, which matches every catalog action's name
  // against every pattern with WildcardMatchReference and tests each
  // pattern's fields per action; slow, obviously correct, and compared with
  // the fast path in the tests.
  bool reference_path = false;
  // When set (ascending ids): GrantSet::grants() holds only these actions
  // (with their details); levels() still lists every action. For callers
  // that summarise every action and explain a few (the account ranking):
  // an admin principal has 22,000 grants of ~100 bytes each, but a handful
  // of level runs. Must outlive the call.
  const std::vector<ActionId>* detail_actions = nullptr;
};

// Consecutive actions [begin, end) with the same level, without details
// (GrantSet::levels()).
struct GrantLevelRun {
  ActionId begin = 0;
  ActionId end = 0;
  GrantLevel level = GrantLevel::kNever;
  bool resources_limited = false;  // as ActionGrant::resources_limited
  bool operator==(const GrantLevelRun&) const = default;
};

// Every action that some grant-role Allow statement matches, ascending ids,
// with its effective level (kNever when a Deny or another gate cancels it).
// Actions that no Allow statement matches are not listed.
class GrantSet {
 public:
  // Every such action with its details; with AnalysisOptions::detail_actions,
  // only the actions named there (levels() has them all).
  const std::vector<ActionGrant>& grants() const { return grants_; }
  // Every such action, level only, as ascending runs (adjacent runs
  // differ in level or resources_limited, or are not contiguous).
  const std::vector<GrantLevelRun>& levels() const { return levels_; }
  // The grant of `action` with its details, or null when no Allow matches
  // it (or its details were not kept).
  const ActionGrant* Find(ActionId action) const;
  // The level of `action` (kNever when not listed).
  GrantLevel LevelOf(ActionId action) const;
  // Convenience: the level of `service:Action` by name (kNever if unknown).
  GrantLevel LevelOf(const Catalog& catalog, std::string_view action) const;

 private:
  friend GrantSet AnalyzeGrants(const Catalog&, const std::vector<AnalyzedPolicy>&,
                                const AnalysisOptions&);
  std::vector<ActionGrant> grants_;
  std::vector<GrantLevelRun> levels_;
};

// REQUIRES: every document pointer is non-null.
GrantSet AnalyzeGrants(const Catalog& catalog, const std::vector<AnalyzedPolicy>& policies,
                       const AnalysisOptions& options = {});

// One identity policy alone.
GrantSet AnalyzeGrants(const Catalog& catalog, const PolicyDocument& policy,
                       const AnalysisOptions& options = {});

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_ANALYSIS_EFFECTIVE_H_
