// full-admin: the policy grants every action on every resource.
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
    "What: a policy whose evaluated grant covers every action of every service on all resources (`*` on `*`, or equivalent NotAction forms).\n"
    "Why: one leaked key or compromised workload owns the account.\n"
    "How to fix: grant the actions the workload needs; keep administrator access for break-glass roles with MFA.\n"
    "Bad:\n  \"Action\": \"*\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], \"Resource\": \"arn:aws:s3:::app-data/*\"";

class FullAdmin final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"full-admin", Severity::kWarning, "the policy grants every action on every resource", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (!GrantsPermissions(ctx)) return;
    const GrantSet& grants = GrantsOf(ctx, policy);
    const Catalog& catalog = *ctx.catalog;
    size_t all = 0, some = 0;
    const ActionGrant* first_all = nullptr;
    const ActionGrant* first_any = nullptr;
    for (const ActionGrant& g : grants.grants()) {
      if (g.level == GrantLevel::kNever) continue;
      ++some;
      if (first_any == nullptr) first_any = &g;
      if (g.level == GrantLevel::kAllResources) {
        ++all;
        if (first_all == nullptr) first_all = &g;
      }
    }
    // Full admin: at least 99% of the catalog, and all of IAM (so that
    // PowerUserAccess-style NotAction grants are allow-notaction, not this).
    std::optional<ServiceId> iam = catalog.FindService("iam");
    auto covers = [&](bool need_all) {
      size_t n = need_all ? all : some;
      if (n * 100 < catalog.action_count() * 99) return false;
      if (!iam) return true;
      ActionRange r = catalog.actions_of(*iam);
      for (ActionId id = r.begin; id < r.end; ++id) {
        GrantLevel l = grants.LevelOf(id);
        if (need_all ? l != GrantLevel::kAllResources : l == GrantLevel::kNever) return false;
      }
      return true;
    };
    if (covers(true) && first_all != nullptr && !first_all->decisive.empty()) {
      Report(sink, FindingSpan(policy, first_all->decisive[0]),
             "full administrator access: " + Subject(ctx) + " can perform all " +
                 std::to_string(all) + " actions of the catalog on all resources");
    } else if (covers(false) && first_any != nullptr && !first_any->decisive.empty()) {
      const ActionGrant* shown = first_any;
      for (const ActionGrant& g : grants.grants()) {
        if (g.level == GrantLevel::kConditional) {
          shown = &g;
          break;
        }
      }
      ReportWith(*this, sink, Severity::kInfo, FindingSpan(policy, shown->decisive.empty() ? first_any->decisive[0] : shown->decisive[0]),
                 "conditional administrator access: " + Subject(ctx, *shown) + " can perform all " +
                     std::to_string(some) + " actions of the catalog" + ConditionPhrase(*shown));
    }
  }
};

}  // namespace

const Check& FullAdminCheck() {
  static const FullAdmin kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
