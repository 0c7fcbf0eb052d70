// privilege-escalation: the policy grants a known privilege-escalation recipe.
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
    // One finding per granting statement and severity: the first path
    // (self-contained ones first), the others named in notes, so a broad
    // policy gives one finding, not thirty.
    struct Match {
      const EscalationRecipe* recipe;
      const ActionGrant* first;
      const ActionGrant* weakest;
      GrantLevel level;
      std::vector<std::string> names;
    };
    std::map<std::pair<uint32_t, int>, std::vector<Match>> groups;
    for (const EscalationRecipe& recipe : EscalationRecipes()) {
      GrantLevel level = GrantLevel::kAllResources;
      const ActionGrant* first = nullptr;
      const ActionGrant* weakest = nullptr;
      std::vector<std::string> names;
      for (std::string_view a : recipe.actions) {
        if (a.empty()) continue;
        std::optional<ActionId> id = FindActionCached(catalog, a);
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
      int severity_rank = level == GrantLevel::kAllResources ? 0 : 1;
      groups[{first->decisive[0].statement, severity_rank}].push_back(
          Match{&recipe, first, weakest, level, std::move(names)});
    }
    for (auto& [key, matches] : groups) {
      std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return !a.recipe->needs_target && b.recipe->needs_target;
      });
      const Match& head = matches[0];
      std::string message = "privilege escalation (" + std::string(head.recipe->id) + "): " +
                            Subject(ctx, *head.weakest) + " can " +
                            std::string(head.recipe->consequence) +
                            ConditionPhrase(*head.weakest) + " (" + ListPhrase(head.names, 4) +
                            " " + ScopePhrase(*head.weakest) + ")";
      if (matches.size() > 1) {
        message += "; " + std::to_string(matches.size() - 1) + " more escalation path" +
                   (matches.size() > 2 ? "s" : "");
      }
      std::vector<std::string> notes;
      notes.push_back(head.recipe->needs_target
                          ? "needs an existing privileged target (a role, user, function or instance)"
                          : "self-contained: needs nothing but this policy");
      for (size_t i = 1; i < matches.size(); ++i) {
        const Match& m = matches[i];
        notes.push_back(std::string(m.recipe->id) + ": " + std::string(m.recipe->consequence) +
                        " (" + ListPhrase(m.names, 4) + ")" +
                        (m.recipe->needs_target ? ", needs an existing privileged target"
                                                : ", self-contained"));
      }
      Severity severity = key.second == 0 ? info().default_severity : Severity::kInfo;
      ReportWith(*this, sink, severity, FindingSpan(policy, head.first->decisive[0]),
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
