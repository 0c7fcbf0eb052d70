// write-on-all-resources: the policy grants Write actions on all resources.
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
    "What: Write-level actions (AWS Service Authorization Reference access level) granted on all resources, counted on the evaluated grant.\n"
    "Why: Write actions on `*` can change or delete any resource of the service in any account the policy reaches.\n"
    "How to fix: name the resources, or move the actions to a separate statement with specific ARNs.\n"
    "Bad:\n  \"Action\": \"iam:*\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"iam:PutRolePolicy\", \"Resource\": \"arn:aws:iam::111122223333:role/app-*\"";

class WriteOnAllResources final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"write-on-all-resources", Severity::kInfo, "the policy grants Write actions on all resources", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    RunAccessLevelOnAll(*this, AccessLevel::kWrite, "Write", ctx, policy, sink);
  }
};

}  // namespace

const Check& WriteOnAllResourcesCheck() {
  static const WriteOnAllResources kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
