// service-wildcard-on-all-resources: the policy grants every action of a service on all resources.
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
    "What: every action of one service (`s3:*`, or a list that adds up to it) granted on all resources.\n"
    "Why: a service wildcard includes the destructive and permission-changing actions of the service, today and those AWS adds later.\n"
    "How to fix: list the actions the workload calls and name its resources.\n"
    "Bad:\n  \"Action\": \"s3:*\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], \"Resource\": \"arn:aws:s3:::app-data/*\"";

class ServiceWildcardOnAllResources final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"service-wildcard-on-all-resources", Severity::kWarning, "the policy grants every action of a service on all resources", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (!GrantsPermissions(ctx)) return;
    const GrantSet& grants = GrantsOf(ctx, policy);
    const Catalog& catalog = *ctx.catalog;
    size_t all = 0;
    for (const ActionGrant& g : grants.grants()) all += g.level == GrantLevel::kAllResources;
    if (all * 100 >= catalog.action_count() * 99) return;  // full-admin's finding
    std::map<uint32_t, std::vector<std::string>> by_statement;
    ServiceId last = static_cast<ServiceId>(-1);
    for (const ActionGrant& g : grants.grants()) {
      ServiceId s = catalog.action_service(g.action);
      if (s == last) continue;
      last = s;
      ActionRange r = catalog.actions_of(s);
      bool every = r.size() > 1;
      for (ActionId id = r.begin; id < r.end && every; ++id) {
        every = grants.LevelOf(id) == GrantLevel::kAllResources;
      }
      if (!every || g.decisive.empty()) continue;
      by_statement[g.decisive[0].statement].push_back(std::string(catalog.service_prefix(s)));
    }
    for (const auto& [statement, services] : by_statement) {
      Report(sink, FindingSpan(policy, StatementLoc{0, statement}),
             Subject(ctx) + " can perform every action of " + ListPhrase(services) +
                 " on all resources");
    }
  }
};

}  // namespace

const Check& ServiceWildcardOnAllResourcesCheck() {
  static const ServiceWildcardOnAllResources kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
