// invalid-condition-value: a condition value its operator cannot parse.
#include "engine/match/typed_value.h"
#include "lint/check.h"
#include "lint/checks/check_util.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: a condition value that the operator cannot read as its type: an IP address or CIDR "
    "block for `IpAddress`/`NotIpAddress` (`10.0.0.0/33`, `10.0.0`), a date for the `Date` "
    "operators (ISO 8601 or epoch seconds), a number for the `Numeric` operators, `true` or "
    "`false` for `Bool`, base64 for `BinaryEquals`, an ARN for the `Arn` operators. Values "
    "with policy variables are not judged.\n"
    "Why: a value that does not parse never compares equal or in range: the condition never "
    "matches (or, negated, always does), which silently breaks the grant or the guard.\n"
    "How to fix: write the value in the operator's format.\n"
    "Bad:\n  \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/33\"}}\n"
    "Good:\n  \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/16\"}}";

// An empty string when `value` is valid for `type`, else what was expected.
std::string_view Expected(OperatorType type, std::string_view value) {
  switch (type) {
    case OperatorType::kIp:
      return ParseCidr(value) ? "" : "an IP address or CIDR block";
    case OperatorType::kDate:
      return ParseDate(value) ? "" : "a date (`2026-01-31T12:00:00Z`) or epoch seconds";
    case OperatorType::kNumeric:
      return ParseDecimal(value) ? "" : "a number";
    case OperatorType::kBool:
      return ParseBool(value) ? "" : "`true` or `false`";
    case OperatorType::kBinary:
      return DecodeBase64(value) ? "" : "base64 text";
    case OperatorType::kNull:
      return ParseBool(value) ? "" : "`true` or `false`";
    case OperatorType::kArn: {
      if (value == "*" || value.rfind("arn:", 0) != 0) {
        return value == "*" ? "" : "an ARN (`arn:partition:service:region:account:resource`)";
      }
      size_t colons = 0;
      for (char c : value) colons += c == ':';
      return colons >= 5 || value.back() == '*'
                 ? ""
                 : "an ARN (`arn:partition:service:region:account:resource`)";
    }
    case OperatorType::kString:
      return "";
  }
  return "";
}

class InvalidConditionValue final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"invalid-condition-value", Severity::kError,
                                 "a condition value is not valid for its operator", kDoc};
    return kInfo;
  }

  void Run(const CheckContext&, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    for (const Statement& st : policy.statements) {
      for (const ConditionEntry& c : st.conditions) {
        if (!c.op) continue;
        OperatorType type = TypeOf(c.op->base);
        for (const LocatedString& v : c.values) {
          if (HasVariable(v.value)) continue;
          std::string_view expected = Expected(type, v.value);
          if (expected.empty()) continue;
          Report(sink, v.span,
                 "invalid value " + Quote(v.value) + " for " + Quote(c.operator_text.value) +
                     ": expected " + std::string(expected));
        }
      }
    }
  }
};

}  // namespace

const Check& InvalidConditionValueCheck() {
  static const InvalidConditionValue kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
