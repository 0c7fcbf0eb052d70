// PrincipalReach: what one user or role of an account can do, and what a
// leaked access key of a user can do (issue 7, `iamlint access`).
//
// Gathering (GatherPrincipalPolicies): every policy in effect for an entity
// of an Inventory (engine/inputs): its inline policies, its attached
// managed policies (customer and AWS managed, resolved), for users the
// inline and managed policies of every group it belongs to, its
// permissions boundary, plus SCPs given by the caller (one organization
// level each, root first) and resource policies given by the caller — each
// built into a PolicyDocument and tagged with where it came from
// (FoundPolicy), so every verdict can cite the decisive statement by
// file:line. Documents are built once per FoundPolicy (ReachPolicyCache),
// so a managed policy attached to 3,000 roles is built once.
//
// Analysis (AnalyzeReach): AnalyzeGrants (engine/analysis/effective.h) over
// the gathered set, with PartialContext::LeakedAccessKey() for users by
// default (no MFA, not via an AWS service, any IP), overridable with
// explicit context keys; roles get an unknown context. Both know the
// caller: aws:PrincipalArn (the entity's ARN) and, for users, aws:username. The result, per
// catalog action: always / conditional (with the conditions) / never, on
// which resources; for a leaked key, the actions the user may do but a key
// cannot (the grant needs MFA, a service, federation) are kNotByKey.
// Summaries: per service and access level, counts of actions allowed on
// all resources, on some, conditionally; verdicts: one sentence per risky
// action or escalation recipe (engine/analysis/risk.h) that the principal
// reaches ("read every object in every S3 bucket of the account", "start
// EC2 instances of any type in any region", "create new access keys for any
// user (privilege escalation)", "stop CloudTrail logging"), each with its
// decisive statements.
//
// Ranking (RankPrincipals): every user (and role when asked) by reach,
// users with an active access key first, each with the role-based
// alternative (the roles it could use instead: instance profiles, OIDC, SSO).
//
// Approximations (besides those of AnalyzeGrants): a resource policy given
// with --resource-policy contributes the statements whose Principal names
// the entity (its ARN, its name in an ARN pattern, `*`, or the account) —
// its Allows as grants (those naming a user's ARN or `*` directly as
// PolicyRole::kDirectGrant, which the boundary does not limit; the others
// subject to the boundary; SCPs limit all), its Denies as denies;
// Principal conditions are not evaluated.
//
// Thread safety: ReachPolicyCache is not thread-safe (one per thread);
// everything else is a pure function over const inputs.
#ifndef IAMLINT_ENGINE_ANALYSIS_PRINCIPAL_REACH_H_
#define IAMLINT_ENGINE_ANALYSIS_PRINCIPAL_REACH_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis/effective.h"
#include "engine/analysis/prepared_policy.h"
#include "engine/analysis/risk.h"
#include "engine/catalog/catalog.h"
#include "engine/inputs/inventory.h"
#include "engine/policy/policy.h"
#include "engine/source/source_manager.h"

namespace iamlint {

// ---------------------------------------------------------------------------
// Gathering

// Builds the PolicyDocument of each FoundPolicy of an inventory on first
// use and keeps it (BuildPolicy with the FoundPolicy's kind; identity when
// the input gives none and the entity attaches it; diagnostics dropped —
// the linter reports them). `sources` and `inventory` must outlive it.
class ReachPolicyCache {
 public:
  // `catalog` prepares the documents for analysis (Prepared()).
  ReachPolicyCache(const SourceManager& sources, const Inventory& inventory,
                   const Catalog& catalog = Catalog::BuiltIn());
  ~ReachPolicyCache();
  ReachPolicyCache(const ReachPolicyCache&) = delete;
  ReachPolicyCache& operator=(const ReachPolicyCache&) = delete;

  // The document of Inventory::policies[found], or null when it could not
  // be built (root not an object) or `found` is out of range.
  const PolicyDocument* Get(uint32_t found);
  // Get(found) prepared for AnalyzeGrants with the cache's catalog (once,
  // on first use), or null when it could not be built.
  const PreparedPolicy* Prepared(uint32_t found);
  // How many documents were built so far (each at most once).
  size_t built() const { return built_; }

  const SourceManager& sources() const { return *sources_; }
  const Inventory& inventory() const { return *inventory_; }

  // The group named `name` (exact), or kNoIndex; indexed on first use.
  uint32_t FindGroup(std::string_view name);

 private:
  std::vector<std::pair<std::string_view, uint32_t>> groups_;  // sorted by name
  bool groups_indexed_ = false;
  const SourceManager* sources_;
  const Inventory* inventory_;
  const Catalog* catalog_;
  std::vector<std::unique_ptr<PolicyDocument>> documents_;  // by FoundPolicy index
  std::vector<std::unique_ptr<const PreparedPolicy>> prepared_;  // by FoundPolicy index
  std::vector<uint8_t> state_;                              // 0 not tried, 1 built, 2 failed
  size_t built_ = 0;
};

// How a gathered policy applies to the entity.
enum class ReachVia : uint8_t {
  kInline,         // the entity's inline policy
  kManaged,        // a managed policy attached to the entity
  kGroupInline,    // an inline policy of one of the user's groups
  kGroupManaged,   // a managed policy attached to one of the user's groups
  kBoundary,       // the permissions boundary
  kScp,            // an SCP given by the caller
  kResource,       // a resource policy given by the caller
};
// "inline policy", "managed policy", "group inline policy", ...
std::string_view ReachViaName(ReachVia via);

// A policy not in the inventory (an SCP or resource policy file), built by
// the caller. `document` must outlive the GatheredPolicies.
struct ExternalPolicy {
  const PolicyDocument* document = nullptr;
  ReachVia via = ReachVia::kScp;  // kScp or kResource
  int level = 0;                  // kScp: organization level, root = 0
  std::string name;               // for messages: the file name
};

struct GatheredPolicy {
  const PolicyDocument* document = nullptr;  // not owned (cache, caller or `owned`)
  PolicyRole role = PolicyRole::kGrant;
  int level = 0;                 // kScp
  ReachVia via = ReachVia::kInline;
  uint32_t found = kNoIndex;     // index into Inventory::policies; kNoIndex for external
  const PreparedPolicy* prepared = nullptr;  // found policies: from the cache
  uint32_t external = kNoIndex;  // index into the ExternalPolicy list given
  std::string group;             // kGroupInline / kGroupManaged: the group's name
  // Managed policies and boundaries: the reference that attaches it (where
  // an AWS managed policy's verdicts are reported: AWS wrote its text).
  Span attachment;
};

struct GatheredPolicies {
  uint32_t entity = kNoIndex;
  // In the order given to AnalyzeGrants: StatementLoc::policy indexes it.
  std::vector<GatheredPolicy> policies;
  // Managed policy ARNs attached but found neither in the input nor in the
  // AWS managed policy library (not analysed: reach may be larger).
  std::vector<std::string> unresolved;
  // Groups the user names that the inventory does not hold.
  std::vector<std::string> missing_groups;
  // Documents built here (resource policies narrowed to the entity).
  std::vector<std::unique_ptr<PolicyDocument>> owned;

  std::vector<AnalyzedPolicy> Analyzed() const;
};

// Every policy in effect for inventory.entities[entity] (a user or role; a
// group gathers its own policies). Order: inline, managed, then per group
// (in the user's order) inline and managed, then resource policies, the
// boundary, SCPs. A policy attached twice (directly and via a group) is
// listed each time.
GatheredPolicies GatherPrincipalPolicies(ReachPolicyCache& cache, uint32_t entity,
                                         std::span<const ExternalPolicy> external = {});

// ---------------------------------------------------------------------------
// Analysis

enum class Reach : uint8_t {
  kNever,        // not granted, or denied
  kNotByKey,     // granted to the user, but not to a leaked key: every grant
                 // needs MFA, an AWS service or federation (leaked-key mode only)
  kConditional,  // granted only under conditions the context leaves open
                 // (source IP, VPC, tags...): `conditions`
  kAlways,       // granted whatever the context, on `resources` (empty: all)
};
// "never", "not-by-key", "conditional", "always".
std::string_view ReachName(Reach reach);

struct ActionReach {
  ActionId action = 0;
  Reach reach = Reach::kNever;
  bool all_resources = false;          // kAlways/kConditional: on every resource
  std::vector<std::string> resources;  // when not all_resources (GrantLevel semantics)
  std::vector<GrantCondition> conditions;  // kConditional (and kNotByKey: what the key lacks)
  std::vector<StatementLoc> decisive;      // the granting statements (kNever: cutting Denies)
  std::vector<StatementLoc> limiting_denies;
};

// Counts of one service × access level cell.
struct ReachCell {
  uint32_t total = 0;        // actions of the catalog in the cell
  uint32_t all = 0;          // kAlways on every resource
  uint32_t some = 0;         // kAlways on some resources
  uint32_t conditional = 0;  // kConditional
  uint32_t not_by_key = 0;   // kNotByKey
  uint32_t reached() const { return all + some + conditional; }
};

struct ServiceReach {
  ServiceId service = 0;
  std::array<ReachCell, kAccessLevelCount> cells{};  // by AccessLevel
};

// One thing the principal can do that a risk category names.
struct ReachVerdict {
  RiskCategory category = RiskCategory::kDataExfiltration;
  // Completes "<subject> can ...": the RiskAction / EscalationRecipe
  // consequence, e.g. "read every object in every S3 bucket of the account".
  std::string consequence;
  std::string recipe;            // privilege escalation: the recipe id; else ""
  std::vector<ActionId> actions; // the action(s) it takes
  Reach reach = Reach::kAlways;  // the weakest reach among `actions`
  bool all_resources = true;     // every action on every resource
  std::vector<std::string> resources;      // otherwise: the first action's patterns
  std::vector<GrantCondition> conditions;  // kConditional / kNotByKey
  std::vector<StatementLoc> decisive;      // deduplicated, in statement order
};

struct ReachOptions {
  // Leaked-key context (PartialContext::LeakedAccessKey()); empty: yes for
  // users, no (unknown context) for roles.
  std::optional<bool> leaked_key;
  // Overrides (`--context key=value`): present keys with these values; a
  // key given here is taken out of the leaked-key defaults.
  std::vector<PartialContext::Entry> context;
  // Keep per-action ActionReach entries (false: summaries and verdicts only,
  // for ranking).
  bool keep_actions = true;
};

struct PrincipalReach {
  uint32_t entity = kNoIndex;
  bool leaked_key = false;  // the context used
  // Every action some Allow matches, ascending ids (kNever ones included
  // when a Deny or gate cuts them). Empty when !keep_actions.
  std::vector<ActionReach> actions;
  // Services with at least one action not kNever, ascending ids.
  std::vector<ServiceReach> services;
  // Verdicts, by category (RiskCategory order), then in risk-table order.
  // kNotByKey verdicts are listed too (a grant needing MFA: "not reachable
  // by a leaked key").
  std::vector<ReachVerdict> verdicts;
  // Every catalog action kAlways on all resources.
  bool full_admin = false;
  uint32_t always = 0, conditional = 0, not_by_key = 0;  // action counts
  uint64_t score = 0;  // see RankPrincipals
};

PrincipalReach AnalyzeReach(const Catalog& catalog, const GatheredPolicies& gathered,
                            const Inventory& inventory, const ReachOptions& options = {});

// ---------------------------------------------------------------------------
// Ranking

// How a role can be assumed without a long-lived key.
enum class RoleTrust : uint8_t {
  kInstanceProfile,  // an EC2 instance profile holds it (trusts ec2.amazonaws.com)
  kOidc,             // sts:AssumeRoleWithWebIdentity from an OIDC provider (CI)
  kIdentityCenter,   // IAM Identity Center / SAML federation (people)
  kService,          // another AWS service (Lambda, ECS tasks, ...)
};
// "EC2 instance profile", "OIDC", "IAM Identity Center", "AWS service".
std::string_view RoleTrustName(RoleTrust trust);

struct RoleAlternative {
  uint32_t role = kNoIndex;  // index into Inventory::entities
  RoleTrust trust = RoleTrust::kService;
  std::string trusted;       // "ec2.amazonaws.com", "token.actions.githubusercontent.com", ...
  // Ranking: (service, access level) pairs the user reaches that the role
  // reaches too, and all those the user reaches.
  uint32_t shared_services = 0;
  uint32_t user_services = 0;
};

struct RankedPrincipal {
  uint32_t entity = kNoIndex;
  bool active_key = false;   // Entity::access_key == kYes
  PrincipalReach reach;      // keep_actions false
  // Users: the best workload role of the account (most (service, access
  // level) pairs of the user's reach in common, then fewest extra pairs,
  // then name); empty
  // when no role can be assumed without a key or none shares a service.
  std::optional<RoleAlternative> alternative;
};

struct RankOptions {
  bool roles = false;  // rank roles too (after users with an active key)
  ReachOptions reach;  // keep_actions is forced off
  std::span<const ExternalPolicy> external;
  // Called as each entity is taken up, with (its 1-based position,
  // Inventory::entities size), for a progress display; may be empty.
  std::function<void(size_t done, size_t total)> progress;
};

// Every user (and role) ordered by: active access key first, then score
// descending, then type (users first), then name. The score weighs what is
// reached: each action kAlways counts 2, kConditional 1, times its level
// weight (List 1, Read 2, Tagging 1, Write 3, Permissions management 5);
// each verdict adds 1,000 (kAlways) or 100 (kConditional); full admin
// adds 1,000,000.
std::vector<RankedPrincipal> RankPrincipals(const Catalog& catalog, ReachPolicyCache& cache,
                                            const RankOptions& options = {});

// Roles that can be assumed without a long-lived key, with how (one entry
// per trust kind a role's trust policy allows; instance profiles need the
// role to be in one).
std::vector<RoleAlternative> WorkloadRoles(ReachPolicyCache& cache, uint32_t role);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_ANALYSIS_PRINCIPAL_REACH_H_
