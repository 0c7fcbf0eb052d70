// user-attached-policy: a policy is attached directly to an IAM user.
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
    "What: a policy attached directly to an IAM user (from `--attached-to user`, a template or account data).\n"
    "Why: users hold long-lived access keys that leak; per-user policies drift and are hard to review.\n"
    "How to fix: attach the policy to a group, or replace the user with a role: IAM Identity Center for people, an instance profile for EC2, OIDC federation for CI.\n"
    "Bad:\n  --attached-to user with any policy\n"
    "Good:\n  --attached-to role";

class UserAttachedPolicy final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"user-attached-policy", Severity::kWarning, "a policy is attached directly to an IAM user", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (ctx.attached_to != AttachedTo::kUser || !GrantsPermissions(ctx)) return;
    Span span = policy.statement_span.valid() ? policy.statement_span : policy.span;
    std::string user = "an IAM user";
    for (const Entity* e : ctx.attached_entities) {
      if (e->type != EntityType::kUser) continue;
      user = "IAM user " + Quote(e->name);
      if (e->access_key == Tristate::kYes) user += ", which has an access key";
      break;
    }
    Report(sink, span,
           "policy attached directly to " + user +
               ": attach it to a group, or give the workload a role",
           {"people: IAM Identity Center; EC2: an instance profile; CI: OIDC federation (no "
            "long-lived keys to leak)"});
  }
};

}  // namespace

const Check& UserAttachedPolicyCheck() {
  static const UserAttachedPolicy kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
