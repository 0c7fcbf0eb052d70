// condition-key-not-applicable: a service condition key that no action of
// the statement supports.
#include <algorithm>

#include "lint/check.h"
#include "lint/checks/check_util.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: a service-specific condition key (not a global `aws:` key) that none of the "
    "statement's actions supports, according to the catalog: `s3:prefix` in a statement that "
    "only has `s3:GetObject`, or `ec2:InstanceType` with `s3:*`. Reported only when provable: "
    "statements with `NotAction`, or with an action the catalog cannot expand, are skipped.\n"
    "Why: the key is never present in those requests, so `StringEquals` on it never matches "
    "(the grant is dead) and the negated operators and `...IfExists` always match (the "
    "restriction is void).\n"
    "How to fix: move the condition to the statement with the actions that support the key, "
    "or use the right key.\n"
    "Bad:\n  \"Action\": \"s3:GetObject\",\n"
    "  \"Condition\": {\"StringLike\": {\"s3:prefix\": \"home/*\"}}\n"
    "Good:\n  \"Action\": \"s3:ListBucket\",\n"
    "  \"Condition\": {\"StringLike\": {\"s3:prefix\": \"home/*\"}}";

class ConditionKeyNotApplicable final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"condition-key-not-applicable", Severity::kWarning,
                                 "no action of the statement supports a condition key", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    const Catalog& catalog = *ctx.catalog;
    std::vector<ActionId> expanded, actions;
    for (const Statement& st : policy.statements) {
      if (st.conditions.empty() || !st.action || st.action->negated) continue;
      actions.clear();
      bool provable = !st.action->values.empty();
      for (const LocatedString& a : st.action->values) {
        if (!ExpandActionValue(catalog, a.value, &expanded)) {
          provable = false;
          break;
        }
        actions.insert(actions.end(), expanded.begin(), expanded.end());
      }
      if (!provable) continue;
      std::sort(actions.begin(), actions.end());
      actions.erase(std::unique(actions.begin(), actions.end()), actions.end());
      for (const ConditionEntry& c : st.conditions) {
        const ConditionKeyInfo* key = FindKey(catalog, c.key.value);
        if (key == nullptr || key->global) continue;
        bool applies = std::any_of(actions.begin(), actions.end(), [&](ActionId action) {
          return KeyAppliesTo(catalog, action, c.key.value);
        });
        if (applies) continue;
        std::string what = actions.size() == 1 ? Quote(catalog.FullName(actions[0]))
                                                : "any action of the statement";
        Report(sink, c.key.span,
               "condition key " + Quote(c.key.value) + " does not apply to " + what,
               {"requests for these actions never carry it, so the condition never restricts "
                "them as written"});
      }
    }
  }
};

}  // namespace

const Check& ConditionKeyNotApplicableCheck() {
  static const ConditionKeyNotApplicable kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
