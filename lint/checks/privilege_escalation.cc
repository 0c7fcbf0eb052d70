// privilege-escalation: the policy grants a known privilege-escalation recipe.
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
    "What: the policy grants every action of a known privilege-escalation recipe (Rhino Security Labs, iam-vulnerable, pathfinding.cloud), on the evaluated grant: `iam:Create*` counts, a Deny cancels, a condition makes it conditional (info).\n"
    "Why: the holder can turn this policy into administrator access; self-contained recipes need nothing else, the others need an existing privileged role, user or function.\n"
    "How to fix: remove the actions or restrict them to resources that cannot escalate (for example `iam:PassRole` to one role without admin rights).\n"
    "Bad:\n  \"Action\": \"iam:CreatePolicyVersion\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"iam:GetPolicyVersion\", \"Resource\": \"*\"";

class PrivilegeEscalation final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"privilege-escalation", Severity::kWarning, "the policy grants a known privilege-escalation recipe", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (!GrantsPermissions(ctx)) return;
    const GrantSet& grants = GrantsOf(ctx, policy);
    const Catalog& catalog = *ctx.catalog;
    for (const EscalationRecipe& recipe : EscalationRecipes()) {
      GrantLevel level = GrantLevel::kAllResources;
      const ActionGrant* first = nullptr;
      const ActionGrant* weakest = nullptr;
      std::vector<std::string> names;
      for (std::string_view a : recipe.actions) {
        if (a.empty()) continue;
        std::optional<ActionId> id = catalog.FindAction(a);
        const ActionGrant* g = id ? grants.Find(*id) : nullptr;
        if (g == nullptr || g->level == GrantLevel::kNever || g->decisive.empty()) {
          level = GrantLevel::kNever;
          break;
        }
        if (first == nullptr) first = g;
        if (weakest == nullptr || g->level < weakest->level) weakest = g;
        level = std::min(level, g->level);
        names.push_back(catalog.FullName(*id));
      }
      if (level == GrantLevel::kNever || first == nullptr) continue;
      std::string message = "privilege escalation (" + std::string(recipe.id) + "): " +
                            Subject(ctx, *weakest) + " can " + std::string(recipe.consequence) +
                            ConditionPhrase(*weakest) + " (" + ListPhrase(names, 4) + " " +
                            ScopePhrase(*weakest) + ")";
      std::vector<std::string> notes;
      if (recipe.needs_target) {
        notes.push_back("needs an existing privileged target (a role, user, function or instance)");
      } else {
        notes.push_back("self-contained: needs nothing but this policy");
      }
      Severity severity = level == GrantLevel::kAllResources ? info().default_severity
                                                             : Severity::kInfo;
      ReportWith(*this, sink, severity, FindingSpan(policy, first->decisive[0]),
                 std::move(message), std::move(notes));
    }
  }
};

}  // namespace

const Check& PrivilegeEscalationCheck() {
  static const PrivilegeEscalation kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
