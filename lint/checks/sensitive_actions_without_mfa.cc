// sensitive-actions-without-mfa: sensitive actions are allowed to a user without MFA.
#include "lint/checks/check_util.h"
#include "lint/checks/evaluated.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: for a policy attached to a user or group, sensitive actions (credentials, IAM permissions management, audit trails) granted without an MFA condition, so a leaked key can use them.\n"
    "Why: MFA is the one factor a leaked access key lacks.\n"
    "How to fix: add `\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}` to the statement.\n"
    "Bad:\n  --attached-to user: \"Action\": \"iam:CreateAccessKey\", \"Resource\": \"*\"\n"
    "Good:\n  --attached-to user: the same with the MFA condition";

class SensitiveActionsWithoutMfa final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"sensitive-actions-without-mfa", Severity::kWarning, "sensitive actions are allowed to a user without MFA", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if ((ctx.attached_to != AttachedTo::kUser && ctx.attached_to != AttachedTo::kGroup) ||
        !GrantsPermissions(ctx)) {
      return;
    }
    const GrantSet& grants = GrantsOf(ctx, policy, /*leaked_key=*/true);
    const Catalog& catalog = *ctx.catalog;
    std::map<uint32_t, std::vector<std::string>> by_statement;
    auto consider = [&](std::string_view name) {
      std::optional<ActionId> id = FindActionCached(catalog, name);
      const ActionGrant* g = id ? grants.Find(*id) : nullptr;
      if (g == nullptr || g->level == GrantLevel::kNever || g->level == GrantLevel::kConditional ||
          g->decisive.empty()) {
        return;
      }
      auto& names = by_statement[g->decisive[0].statement];
      std::string full = catalog.FullName(*id);
      if (std::find(names.begin(), names.end(), full) == names.end()) names.push_back(full);
    };
    for (const RiskAction& r : RiskActions(RiskCategory::kCredentialsExposure)) consider(r.action);
    for (const RiskAction& r : RiskActions(RiskCategory::kAuditTampering)) consider(r.action);
    for (const EscalationRecipe& r : EscalationRecipes()) {
      if (r.actions[0].starts_with("iam:")) consider(r.actions[0]);
    }
    for (const auto& [statement, names] : by_statement) {
      Report(sink, FindingSpan(policy, StatementLoc{0, statement}),
             "sensitive actions allowed without MFA: " + ListPhrase(names),
             {"add \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}"});
    }
  }
};

}  // namespace

const Check& SensitiveActionsWithoutMfaCheck() {
  static const SensitiveActionsWithoutMfa kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
