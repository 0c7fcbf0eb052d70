// user-leaked-key-reach: a user policy gives a leaked access key broad reach.
#include "lint/checks/check_util.h"
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
    "What: for a policy attached to an IAM user, what a leaked long-lived access key of that user can do (no MFA, not via an AWS service): full admin, reading all S3 objects or secrets, starting compute, creating keys, stopping CloudTrail.\n"
    "Why: access keys leak (repositories, laptops, CI logs); the damage is whatever the user may do without MFA.\n"
    "How to fix: move the workload to a role (instance profile, OIDC federation, IAM Identity Center), or require MFA for the broad grants.\n"
    "Bad:\n  --attached-to user: \"Action\": \"s3:GetObject\", \"Resource\": \"*\"\n"
    "Good:\n  --attached-to user: same grant with \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}";

class UserLeakedKeyReach final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"user-leaked-key-reach", Severity::kError, "a user policy gives a leaked access key broad reach", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (ctx.attached_to != AttachedTo::kUser || !GrantsPermissions(ctx)) return;
    const GrantSet& grants = GrantsOf(ctx, policy, /*leaked_key=*/true);
    const Catalog& catalog = *ctx.catalog;
    static const RiskAction kReach[] = {
        {"iam:CreatePolicyVersion", "make itself administrator"},
        {"s3:GetObject", "read every object in every S3 bucket"},
        {"secretsmanager:GetSecretValue", "read every secret in Secrets Manager"},
        {"ec2:RunInstances", "start EC2 instances of any type in any region (crypto-mining)"},
        {"iam:CreateAccessKey", "create new access keys for any user"},
        {"cloudtrail:StopLogging", "stop CloudTrail logging"},
    };
    for (const RiskAction& r : kReach) {
      std::optional<ActionId> id = FindActionCached(catalog, r.action);
      const ActionGrant* g = id ? grants.Find(*id) : nullptr;
      if (g == nullptr || g->level != GrantLevel::kAllResources || g->decisive.empty()) continue;
      Report(sink, FindingSpan(policy, g->decisive[0]),
             Subject(ctx) + " can " + std::string(r.consequence) + " (" +
                 Quote(catalog.FullName(*id)) + " on all resources, no MFA needed)",
             {"use a role instead: an instance profile for EC2, OIDC federation for CI, IAM "
              "Identity Center for people"});
    }
  }
};

}  // namespace

const Check& UserLeakedKeyReachCheck() {
  static const UserLeakedKeyReach kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
