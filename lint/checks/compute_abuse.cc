// compute-abuse: the policy lets its holder start compute.
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
    "What: actions of the compute-abuse risk category that the policy grants, judged on the evaluated grant (wildcards expanded, Deny statements and conditions applied).\n"
    "Why: a leaked key is used for crypto-mining within minutes, at the account's expense. A grant on some resources or only under a condition is reported as info.\n"
    "How to fix: limit Resource to the resources the workload needs, add conditions, or remove the actions.\n"
    "Bad:\n  \"Action\": \"ec2:RunInstances\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"ec2:RunInstances\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"ec2:InstanceType\": \"t3.micro\"}}";

class ComputeAbuse final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"compute-abuse", Severity::kWarning, "the policy lets its holder start compute", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    RunRiskCategory(*this, RiskCategory::kComputeAbuse, ctx, policy, sink);
  }
};

}  // namespace

const Check& ComputeAbuseCheck() {
  static const ComputeAbuse kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
