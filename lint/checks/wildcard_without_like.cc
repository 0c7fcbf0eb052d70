// wildcard-without-like: `*` or `?` in the value of a String operator that
// compares literally.
#include "lint/check.h"
#include "lint/checks/check_util.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: a value containing `*` or `?` under `StringEquals`, `StringNotEquals` or their "
    "`IgnoreCase` forms, which compare literally (only `StringLike`, `StringNotLike` and the "
    "`Arn` operators treat `*` and `?` as wildcards). The policy variables `${*}` and `${?}` "
    "are literal by design and not reported.\n"
    "Why: the value matches only requests that contain a literal `*`, so the condition almost "
    "never matches (or, negated, almost always does).\n"
    "How to fix: use `StringLike` / `StringNotLike`.\n"
    "Bad:\n  \"Condition\": {\"StringEquals\": {\"s3:prefix\": \"home/*\"}}\n"
    "Good:\n  \"Condition\": {\"StringLike\": {\"s3:prefix\": \"home/*\"}}";

bool HasBareWildcard(std::string_view value) {
  for (size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 4, "${*}") == 0 || value.compare(i, 4, "${?}") == 0) {
      i += 3;
      continue;
    }
    if (value[i] == '*' || value[i] == '?') return true;
  }
  return false;
}

class WildcardWithoutLike final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"wildcard-without-like", Severity::kWarning,
                                 "a wildcard in a condition operator that compares literally",
                                 kDoc};
    return kInfo;
  }

  void Run(const CheckContext&, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    for (const Statement& st : policy.statements) {
      for (const ConditionEntry& c : st.conditions) {
        if (!c.op || TypeOf(c.op->base) != OperatorType::kString || UsesWildcards(c.op->base)) {
          continue;
        }
        bool negated = IsNegated(c.op->base);
        for (const LocatedString& v : c.values) {
          if (!HasBareWildcard(v.value)) continue;
          Report(sink, v.span,
                 Quote(c.operator_text.value) + " compares " + Quote(v.value) +
                     " literally: `*` and `?` are not wildcards here",
                 {std::string("use `") + (negated ? "StringNotLike" : "StringLike") + "`"});
        }
      }
    }
  }
};

}  // namespace

const Check& WildcardWithoutLikeCheck() {
  static const WildcardWithoutLike kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
