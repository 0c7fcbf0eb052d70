// permissions-management-on-all-resources: the policy grants Permissions management actions on all resources.
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
    "What: Permissions management-level actions (AWS Service Authorization Reference access level) granted on all resources, counted on the evaluated grant.\n"
    "Why: Permissions-management actions change who can do what: on `*` they are a path to privilege escalation and resource exposure.\n"
    "How to fix: name the resources, or move the actions to a separate statement with specific ARNs.\n"
    "Bad:\n  \"Action\": \"iam:*\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"iam:PutRolePolicy\", \"Resource\": \"arn:aws:iam::111122223333:role/app-*\"";

class PermissionsManagementOnAllResources final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"permissions-management-on-all-resources", Severity::kWarning, "the policy grants Permissions management actions on all resources", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    RunAccessLevelOnAll(*this, AccessLevel::kPermissionsManagement, "Permissions management", ctx, policy, sink);
  }
};

}  // namespace

const Check& PermissionsManagementOnAllResourcesCheck() {
  static const PermissionsManagementOnAllResources kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
