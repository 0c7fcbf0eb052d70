// data-exfiltration: the policy lets its holder read stored data.
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
    "What: actions of the data-exfiltration risk category that the policy grants, judged on the evaluated grant (wildcards expanded, Deny statements and conditions applied).\n"
    "Why: a leaked key or compromised workload can copy the data out. A grant on some resources or only under a condition is reported as info.\n"
    "How to fix: limit Resource to the resources the workload needs, add conditions, or remove the actions.\n"
    "Bad:\n  \"Action\": \"s3:Get*\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::reports/*\"";

class DataExfiltration final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"data-exfiltration", Severity::kWarning, "the policy lets its holder read stored data", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    RunRiskCategory(*this, RiskCategory::kDataExfiltration, ctx, policy, sink);
  }
};

}  // namespace

const Check& DataExfiltrationCheck() {
  static const DataExfiltration kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
