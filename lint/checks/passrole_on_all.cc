// passrole-on-all: iam:PassRole is allowed on all roles.
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
    "What: iam:PassRole is allowed on all roles, judged on the evaluated grant (`iam:Pass*` counts, a Deny cancels).\n"
    "Why: passing an administrator role to a new EC2 instance, Lambda function or stack is the most common privilege escalation\n"
    "How to fix: name the resources (ARNs) the workload needs.\n"
    "Bad:\n  \"Action\": \"iam:PassRole\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:iam::111122223333:role/app-runtime\"";

class PassroleOnAll final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"passrole-on-all", Severity::kWarning, "iam:PassRole is allowed on all roles", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    static const std::vector<std::string_view> kActions = {"iam:PassRole"};
    RunActionsOnAll(*this, kActions, "pass any role to any service", ctx, policy, sink);
  }
};

}  // namespace

const Check& PassroleOnAllCheck() {
  static const PassroleOnAll kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
