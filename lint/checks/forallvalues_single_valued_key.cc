// forallvalues-single-valued-key: a set qualifier on a key that has one value.
#include "lint/check.h"
#include "lint/checks/check_util.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: `ForAllValues:` (or `ForAnyValue:`) on a condition key the catalog says is "
    "single-valued (`aws:SourceIp`, `s3:prefix`, `aws:PrincipalArn`).\n"
    "Why: `ForAllValues:` is true when the key is absent or empty, so an Allow with it grants "
    "access to requests that do not carry the key at all; with a single-valued key the "
    "qualifier adds nothing but that hole. `ForAnyValue:` on such a key works like the plain "
    "operator and only misleads readers.\n"
    "How to fix: drop the qualifier (and add a `Null` check if absence must be refused).\n"
    "Bad:\n  \"Condition\": {\"ForAllValues:StringEquals\": {\"aws:PrincipalOrgID\": \"o-123\"}}\n"
    "Good:\n  \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-123\"}}";

class ForallvaluesSingleValuedKey final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"forallvalues-single-valued-key", Severity::kWarning,
                                 "a set qualifier is used with a single-valued condition key",
                                 kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    for (const Statement& st : policy.statements) {
      for (const ConditionEntry& c : st.conditions) {
        if (!c.op || c.op->qualifier == SetQualifier::kNone) continue;
        const ConditionKeyInfo* key = FindKey(*ctx.catalog, c.key.value);
        if (key == nullptr || key->multivalued) continue;
        bool all = c.op->qualifier == SetQualifier::kForAllValues;
        std::vector<std::string> notes;
        if (all && st.effect && st.effect->value == Effect::kAllow) {
          notes.push_back("`ForAllValues:` also matches requests without the key");
        }
        Report(sink, c.operator_text.span,
               std::string(all ? "`ForAllValues:`" : "`ForAnyValue:`") + " on single-valued key " +
                   Quote(c.key.value),
               std::move(notes));
      }
    }
  }
};

}  // namespace

const Check& ForallvaluesSingleValuedKeyCheck() {
  static const ForallvaluesSingleValuedKey kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
