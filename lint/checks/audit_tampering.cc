// audit-tampering: the policy lets its holder stop or delete audit trails.
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
    "What: actions of the audit-tampering risk category that the policy grants, judged on the evaluated grant (wildcards expanded, Deny statements and conditions applied).\n"
    "Why: an attacker covers their tracks before acting. A grant on some resources or only under a condition is reported as info.\n"
    "How to fix: limit Resource to the resources the workload needs, add conditions, or remove the actions.\n"
    "Bad:\n  \"Action\": \"cloudtrail:*\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": [\"cloudtrail:LookupEvents\", \"cloudtrail:DescribeTrails\"], \"Resource\": \"*\"";

class AuditTampering final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"audit-tampering", Severity::kWarning, "the policy lets its holder stop or delete audit trails", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    RunRiskCategory(*this, RiskCategory::kAuditTampering, ctx, policy, sink);
  }
};

}  // namespace

const Check& AuditTamperingCheck() {
  static const AuditTampering kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
