// sensitive-read-on-all: kms:Decrypt, secrets or parameters are allowed on all resources.
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
    "What: kms:Decrypt, secrets or parameters are allowed on all resources, judged on the evaluated grant (`iam:Pass*` counts, a Deny cancels).\n"
    "Why: secrets and SecureString parameters hold database passwords and API keys\n"
    "How to fix: name the resources (ARNs) the workload needs.\n"
    "Bad:\n  \"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db-*\"";

class SensitiveReadOnAll final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"sensitive-read-on-all", Severity::kWarning, "kms:Decrypt, secrets or parameters are allowed on all resources", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    static const std::vector<std::string_view> kActions = {"kms:Decrypt", "secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"};
    RunActionsOnAll(*this, kActions, "read every secret, parameter and KMS-encrypted value", ctx, policy, sink);
  }
};

}  // namespace

const Check& SensitiveReadOnAllCheck() {
  static const SensitiveReadOnAll kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
