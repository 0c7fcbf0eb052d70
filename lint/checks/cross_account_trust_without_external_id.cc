// cross-account-trust-without-external-id: a role trusts another account without sts:ExternalId or another condition.
#include "lint/checks/evaluated.h"
#include "lint/checks/check_util.h"

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
    "What: a role's trust policy allows an account (or a principal of an account) to assume it with no condition: no `sts:ExternalId`, `aws:PrincipalOrgID`, `aws:PrincipalArn`, MFA or source identity.\n"
    "Why: a third party that assumes roles for many customers can be tricked into using this role for another customer (confused deputy); any principal of the trusted account that its admins allow can assume it.\n"
    "How to fix: add `\"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"...\"}}` for third parties, or limit to named roles with `aws:PrincipalArn`.\n"
    "Bad:\n  \"Principal\": {\"AWS\": \"arn:aws:iam::444455556666:root\"}, \"Action\": \"sts:AssumeRole\"\n"
    "Good:\n  the same with \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"a1b2c3\"}}";

class CrossAccountTrustWithoutExternalId final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"cross-account-trust-without-external-id", Severity::kWarning, "a role trusts another account without sts:ExternalId or another condition", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (ctx.kind != PolicyKind::kTrust) return;
    for (const Statement& st : policy.statements) {
      if (!st.effect || st.effect->value != Effect::kAllow || !st.principal ||
          st.principal->negated || st.principal->wildcard || !st.action || st.action->negated) {
        continue;
      }
      bool assume = false;
      for (const LocatedString& a : st.action->values) {
        std::string v = a.value;
        for (char& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        assume = assume || v == "sts:assumerole" || v == "sts:*" || v == "*" || v == "sts:assume*";
      }
      if (!assume) continue;
      if (HasConditionKey(st, {"sts:externalid", "aws:principalorgid", "aws:principalorgpaths",
                       "aws:principalarn", "aws:multifactorauthpresent", "aws:sourceidentity",
                       "sts:sourceidentity", "aws:userid", "aws:principaltag"})) {
        continue;
      }
      for (const PrincipalEntry& e : st.principal->entries) {
        if (e.type != PrincipalType::kAws || e.value.value == "*") continue;
        const std::string& v = e.value.value;
        std::string account = v;
        if (v.starts_with("arn:")) {
          size_t a = 0;
          for (int i = 0; i < 4 && a != std::string::npos; ++i) a = v.find(':', a + 1);
          size_t b = a == std::string::npos ? a : v.find(':', a + 1);
          account = a == std::string::npos || b == std::string::npos ? "" : v.substr(a + 1, b - a - 1);
        }
        if (account.size() != 12) continue;
        Report(sink, e.value.span,
               "role trusts account " + Quote(account) +
                   " without `sts:ExternalId` or another condition: any principal that account "
                   "allows can assume it (confused deputy for third parties)",
               {"add \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"...\"}}, or "
                "limit with `aws:PrincipalArn`"});
      }
    }
  }
};

}  // namespace

const Check& CrossAccountTrustWithoutExternalIdCheck() {
  static const CrossAccountTrustWithoutExternalId kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
