// credentials-exposure: the policy lets its holder create or reveal credentials.
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
    "What: actions of the credentials-exposure risk category that the policy grants, judged on the evaluated grant (wildcards expanded, Deny statements and conditions applied).\n"
    "Why: new credentials outlive the revocation of the leaked one. A grant on some resources or only under a condition is reported as info.\n"
    "How to fix: limit Resource to the resources the workload needs, add conditions, or remove the actions.\n"
    "Bad:\n  \"Action\": \"iam:CreateAccessKey\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"iam:CreateAccessKey\", \"Resource\": \"arn:aws:iam::*:user/${aws:username}\"";

class CredentialsExposure final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"credentials-exposure", Severity::kWarning, "the policy lets its holder create or reveal credentials", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    RunRiskCategory(*this, RiskCategory::kCredentialsExposure, ctx, policy, sink);
  }
};

}  // namespace

const Check& CredentialsExposureCheck() {
  static const CredentialsExposure kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
