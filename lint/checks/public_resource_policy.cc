// public-resource-policy: a resource or trust policy allows anyone.
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
    "What: an `Allow` statement of a resource or trust policy with `Principal: \"*\"` (or `{\"AWS\": \"*\"}`) and no condition that limits who can use it (`aws:SourceAccount`, `aws:SourceArn`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`, `aws:SourceOrgID`...).\n"
    "Why: anyone on the internet, in any AWS account, can use the resource.\n"
    "How to fix: name the principals, or add a condition on the organization, account or network.\n"
    "Bad:\n  \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"\n"
    "Good:\n  \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-abc123\"}}";

class PublicResourcePolicy final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"public-resource-policy", Severity::kError, "a resource or trust policy allows anyone", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (ctx.kind != PolicyKind::kResource && ctx.kind != PolicyKind::kTrust) return;
    for (const Statement& st : policy.statements) {
      if (!st.effect || st.effect->value != Effect::kAllow || !st.principal ||
          st.principal->negated) {
        continue;
      }
      bool anyone = st.principal->wildcard;
      for (const PrincipalEntry& e : st.principal->entries) {
        anyone = anyone || (e.type == PrincipalType::kAws && e.value.value == "*");
      }
      if (!anyone) continue;
      if (HasConditionKey(st, {"aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:principalorgid",
                       "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
                       "aws:sourcevpce", "aws:sourcevpc", "aws:sourceip", "aws:sourceorgid",
                       "aws:sourceorgpaths", "aws:userid", "aws:username", "aws:principalservicename",
                       "kms:calleraccount", "lambda:functionurlauthtype", "aws:resourceorgid",
                       "aws:calledvia", "kms:viaservice"})) {
        continue;
      }
      std::string what = ctx.kind == PolicyKind::kTrust ? "anyone can assume this role"
                                                         : "the resource is public";
      Report(sink, st.principal->key_span,
             "`Principal` `*` without a limiting condition: " + what + " (statement " +
                 st.Label() + ")",
             {"add a condition on `aws:PrincipalOrgID`, `aws:SourceAccount` or "
              "`aws:SourceVpce`, or name the principals"});
    }
  }
};

}  // namespace

const Check& PublicResourcePolicyCheck() {
  static const PublicResourcePolicy kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
