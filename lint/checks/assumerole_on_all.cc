// assumerole-on-all: sts:AssumeRole is allowed on all roles.
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
    "What: sts:AssumeRole is allowed on all roles, judged on the evaluated grant (`iam:Pass*` counts, a Deny cancels).\n"
    "Why: every role whose trust policy names the account becomes reachable\n"
    "How to fix: name the resources (ARNs) the workload needs.\n"
    "Bad:\n  \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"sts:AssumeRole\", \"Resource\": \"arn:aws:iam::111122223333:role/deploy\"";

class AssumeroleOnAll final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"assumerole-on-all", Severity::kWarning, "sts:AssumeRole is allowed on all roles", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    static const std::vector<std::string_view> kActions = {"sts:AssumeRole"};
    RunActionsOnAll(*this, kActions, "assume any role that trusts this account", ctx, policy, sink);
  }
};

}  // namespace

const Check& AssumeroleOnAllCheck() {
  static const AssumeroleOnAll kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
