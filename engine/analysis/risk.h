// Risk data: which actions (or combinations of actions) let a principal do
// damage, by category, as facts tables the lint checks (group C) and the
// leaked-key report (issue 7) judge against an evaluated GrantSet.
//
// Sources (facts, not code, reused from public catalogues):
//   - privilege escalation: Rhino Security Labs, "AWS IAM Privilege
//     Escalation – Methods and Mitigation" (the 21 methods); BishopFox
//     iam-vulnerable (the labelled paths in shared/corpora/vulnerable/);
//     Datadog pathfinding.cloud (ids such as iam-001, lambda-001);
//   - data exfiltration, credentials exposure, resource exposure,
//     infrastructure modification: Salesforce Cloudsplaining's
//     `shared/default-exclusions` and its privilege-escalation, data-exfil,
//     credentials-exposure and resource-exposure action lists;
//   - compute abuse and audit tampering: Prowler's and Parliament's checks
//     (cloudtrail_*, guardduty_*, config_*), AWS's security-hub controls.
//
// Everything is static constant data; the functions return views into it.
#ifndef IAMLINT_ENGINE_ANALYSIS_RISK_H_
#define IAMLINT_ENGINE_ANALYSIS_RISK_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace iamlint {

enum class RiskCategory : uint8_t {
  kPrivilegeEscalation,
  kDataExfiltration,
  kCredentialsExposure,
  kResourceExposure,
  kInfrastructureModification,
  kComputeAbuse,
  kAuditTampering,
};
inline constexpr size_t kRiskCategoryCount = 7;

// The kebab-case id, also the lint check id: "privilege-escalation", ...
std::string_view RiskCategoryId(RiskCategory category);

// One risky action and what it lets an attacker do, completing the phrase
// "a leaked access key of this principal can ...".
struct RiskAction {
  std::string_view action;       // canonical `service:Action`
  std::string_view consequence;  // "read every secret in Secrets Manager"
};

// The single actions of a category (every category but privilege
// escalation, whose recipes are combinations).
std::span<const RiskAction> RiskActions(RiskCategory category);

// A privilege-escalation recipe: all of `actions` together let the holder
// gain more permissions.
struct EscalationRecipe {
  std::string_view id;  // pathfinding.cloud id where it has one, else ours
  std::array<std::string_view, 4> actions;  // empty entries unused
  // False: self-contained (works on the attacker's own user or a policy it
  // creates). True: needs an existing privileged target (a role to pass, a
  // user to take over, a function or endpoint to hijack).
  bool needs_target = false;
  std::string_view consequence;  // completes "... can ..."
};

std::span<const EscalationRecipe> EscalationRecipes();

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_ANALYSIS_RISK_H_
