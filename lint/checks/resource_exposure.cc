// resource-exposure: the policy lets its holder write resource policies.
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
    "What: actions of the resource-exposure risk category that the policy grants, judged on the evaluated grant (wildcards expanded, Deny statements and conditions applied).\n"
    "Why: rewriting a resource policy shares the resource with any account or the public. A grant on some resources or only under a condition is reported as info.\n"
    "How to fix: limit Resource to the resources the workload needs, add conditions, or remove the actions.\n"
    "Bad:\n  \"Action\": \"s3:PutBucketPolicy\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"s3:PutBucketPolicy\", \"Resource\": \"arn:aws:s3:::app-assets\"";

class ResourceExposure final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"resource-exposure", Severity::kWarning, "the policy lets its holder write resource policies", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    RunRiskCategory(*this, RiskCategory::kResourceExposure, ctx, policy, sink);
  }
};

}  // namespace

const Check& ResourceExposureCheck() {
  static const ResourceExposure kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
