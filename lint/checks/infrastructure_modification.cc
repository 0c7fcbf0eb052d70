// infrastructure-modification: the policy lets its holder change or destroy infrastructure.
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
    "What: actions of the infrastructure-modification risk category that the policy grants, judged on the evaluated grant (wildcards expanded, Deny statements and conditions applied).\n"
    "Why: one leaked key can open networks to the internet or delete production. A grant on some resources or only under a condition is reported as info.\n"
    "How to fix: limit Resource to the resources the workload needs, add conditions, or remove the actions.\n"
    "Bad:\n  \"Action\": \"ec2:AuthorizeSecurityGroupIngress\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"ec2:AuthorizeSecurityGroupIngress\", \"Resource\": \"arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0abc\"";

class InfrastructureModification final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"infrastructure-modification", Severity::kWarning, "the policy lets its holder change or destroy infrastructure", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    RunRiskCategory(*this, RiskCategory::kInfrastructureModification, ctx, policy, sink);
  }
};

}  // namespace

const Check& InfrastructureModificationCheck() {
  static const InfrastructureModification kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
