// allow-notaction: an Allow statement uses NotAction.
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
    "What: an `Allow` statement with `NotAction`: it grants every action of every service except those listed.\n"
    "Why: the grant grows silently whenever AWS adds a service or an action.\n"
    "How to fix: list the allowed actions with `Action`; use a Deny with `NotAction` only for guardrails.\n"
    "Bad:\n  \"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"\n"
    "Good:\n  \"Effect\": \"Allow\", \"Action\": [\"s3:*\", \"ec2:Describe*\"], \"Resource\": \"*\"";

class AllowNotaction final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"allow-notaction", Severity::kWarning, "an Allow statement uses NotAction", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (!GrantsPermissions(ctx)) return;
    const GrantSet& grants = GrantsOf(ctx, policy);
    for (const Statement& st : policy.statements) {
      if (!st.effect || st.effect->value != Effect::kAllow || !st.action || !st.action->negated) {
        continue;
      }
      size_t n = 0;
      for (const ActionGrant& g : grants.grants()) {
        if (g.level == GrantLevel::kNever) continue;
        for (const StatementLoc& d : g.decisive) n += d.statement == st.index;
      }
      Report(sink, st.action->key_span,
             "`Allow` with `NotAction` grants " + std::to_string(n) +
                 " actions: every action except those listed, including ones AWS adds later");
    }
  }
};

}  // namespace

const Check& AllowNotactionCheck() {
  static const AllowNotaction kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
