// service-principal-without-source: a resource policy allows a service without aws:SourceAccount or aws:SourceArn.
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
    "What: a resource policy allows an AWS service principal (`sns.amazonaws.com`, `cloudtrail.amazonaws.com`...) without `aws:SourceAccount`, `aws:SourceArn` or `aws:SourceOrgID`.\n"
    "Why: the service acts for every AWS customer: without a source condition, another account can make the service use your resource (confused deputy).\n"
    "How to fix: add `\"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}` or `ArnLike` on `aws:SourceArn`.\n"
    "Bad:\n  \"Principal\": {\"Service\": \"sns.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\"\n"
    "Good:\n  the same with \"Condition\": {\"ArnLike\": {\"aws:SourceArn\": \"arn:aws:sns:eu-west-1:111122223333:alerts\"}}";

class ServicePrincipalWithoutSource final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"service-principal-without-source", Severity::kWarning, "a resource policy allows a service without aws:SourceAccount or aws:SourceArn", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (ctx.kind != PolicyKind::kResource) return;
    for (const Statement& st : policy.statements) {
      if (!st.effect || st.effect->value != Effect::kAllow || !st.principal ||
          st.principal->negated) {
        continue;
      }
      if (HasConditionKey(st, {"aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths",
                       "aws:sourceowner"})) {
        continue;
      }
      // A role's trust statement (sts:AssumeRole for ec2.amazonaws.com) is
      // how services get roles, not a confused deputy.
      bool trust = st.action && !st.action->negated && !st.action->values.empty();
      if (st.action) {
        for (const LocatedString& a : st.action->values) {
          std::string v = a.value;
          for (char& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          trust = trust && (v.starts_with("sts:assumerole") || v == "sts:tagsession" ||
                            v == "sts:setsourceidentity" || v == "sts:setcontext");
        }
      }
      if (trust) continue;
      for (const PrincipalEntry& e : st.principal->entries) {
        if (e.type != PrincipalType::kService) continue;
        Report(sink, e.value.span,
               "service principal " + Quote(e.value.value) +
                   " without `aws:SourceAccount` or `aws:SourceArn`: another account can make "
                   "the service act on this resource (confused deputy)",
               {"add \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"<your "
                "account>\"}}"});
      }
    }
  }
};

}  // namespace

const Check& ServicePrincipalWithoutSourceCheck() {
  static const ServicePrincipalWithoutSource kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
