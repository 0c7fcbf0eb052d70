// condition-type-mismatch: an operator whose value type does not fit the
// catalog type of its key.
#include "lint/check.h"
#include "lint/checks/check_util.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: a condition operator whose type does not fit the type the catalog gives the key: "
    "`NumericLessThan` on a String key, `DateGreaterThan` on `aws:SourceIp`, `Bool` on a "
    "Date key, `IpAddress` on anything but an IP address key, `Arn...` on a key that is neither "
    "an ARN nor a String, or a `String...` operator on an IP address or Date key. String operators on "
    "Bool, Numeric and ARN keys are accepted, as AWS compares their text, and so "
    "are String operators whose values are all policy variables.\n"
    "Why: the comparison cannot succeed as intended: typed operators fail on values of "
    "another type (so a positive condition never matches and a negated one always does), and "
    "string comparison of addresses or dates ignores ranges and formats.\n"
    "How to fix: use the operator family of the key's type.\n"
    "Bad:\n  \"Condition\": {\"StringEquals\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}\n"
    "Good:\n  \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}";

// The operator family that fits a key type.
std::string_view FamilyFor(ConditionKeyType type) {
  switch (type) {
    case ConditionKeyType::kString: return "String";
    case ConditionKeyType::kArn: return "Arn";
    case ConditionKeyType::kBool: return "Bool";
    case ConditionKeyType::kNumeric: return "Numeric";
    case ConditionKeyType::kDate: return "Date";
    case ConditionKeyType::kIpAddress: return "IpAddress";
    case ConditionKeyType::kBinary: return "BinaryEquals";
  }
  return "String";
}

bool Fits(OperatorType op, ConditionKeyType key) {
  switch (op) {
    case OperatorType::kNull: return true;
    case OperatorType::kString:
      return key != ConditionKeyType::kIpAddress && key != ConditionKeyType::kDate;
    case OperatorType::kNumeric: return key == ConditionKeyType::kNumeric;
    case OperatorType::kDate: return key == ConditionKeyType::kDate;
    case OperatorType::kBool: return key == ConditionKeyType::kBool;
    case OperatorType::kBinary: return key == ConditionKeyType::kBinary;
    case OperatorType::kIp: return key == ConditionKeyType::kIpAddress;
    case OperatorType::kArn:
      return key == ConditionKeyType::kArn || key == ConditionKeyType::kString;
  }
  return true;
}

class ConditionTypeMismatch final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"condition-type-mismatch", Severity::kWarning,
                                 "a condition operator does not fit the type of its key", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    for (const Statement& st : policy.statements) {
      for (const ConditionEntry& c : st.conditions) {
        if (!c.op) continue;
        const ConditionKeyInfo* key = FindKey(*ctx.catalog, c.key.value);
        if (key == nullptr) continue;
        if (Fits(TypeOf(c.op->base), key->type)) continue;
        // `StringEquals` between a key and a policy variable (`${aws:VpcSourceIp}`)
        // compares two values of the same type as text, as AWS documents it.
        bool all_variables = !c.values.empty();
        for (const LocatedString& v : c.values) all_variables &= HasVariable(v.value);
        if (TypeOf(c.op->base) == OperatorType::kString && all_variables) continue;
        Report(sink, c.operator_text.span,
               Quote(c.operator_text.value) + " compares " + Quote(c.key.value) +
                   " as the wrong type: the key is " +
                   std::string(ConditionKeyTypeName(key->type)),
               {"use a `" + std::string(FamilyFor(key->type)) + "` operator"});
      }
    }
  }
};

}  // namespace

const Check& ConditionTypeMismatchCheck() {
  static const ConditionTypeMismatch kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
