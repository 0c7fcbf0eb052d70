// Condition operators: the one table of names, value types and qualifier
// rules (IAM semantics §3.2). Everything else asks this file.
//
//   Operator = [ "ForAllValues:" | "ForAnyValue:" ] Base [ "IfExists" ]
//
// Names are matched exactly as AWS spells them; ParseConditionOperator also
// recognises other spellings case-insensitively so the validator can say
// "did you mean" (AWS's own services disagree on case; iamlint is strict).
#ifndef IAMLINT_ENGINE_POLICY_CONDITION_OPERATOR_H_
#define IAMLINT_ENGINE_POLICY_CONDITION_OPERATOR_H_

#include <optional>
#include <string>
#include <string_view>

namespace iamlint {

enum class BaseOperator {
  kStringEquals,
  kStringNotEquals,
  kStringEqualsIgnoreCase,
  kStringNotEqualsIgnoreCase,
  kStringLike,
  kStringNotLike,
  kNumericEquals,
  kNumericNotEquals,
  kNumericLessThan,
  kNumericLessThanEquals,
  kNumericGreaterThan,
  kNumericGreaterThanEquals,
  kDateEquals,
  kDateNotEquals,
  kDateLessThan,
  kDateLessThanEquals,
  kDateGreaterThan,
  kDateGreaterThanEquals,
  kBool,
  kBinaryEquals,
  kIpAddress,
  kNotIpAddress,
  kArnEquals,
  kArnLike,
  kArnNotEquals,
  kArnNotLike,
  kNull,
};
inline constexpr int kBaseOperatorCount = 27;

// The value type an operator compares as.
enum class OperatorType { kString, kNumeric, kDate, kBool, kBinary, kIp, kArn, kNull };

enum class SetQualifier { kNone, kForAllValues, kForAnyValue };

struct ConditionOperator {
  BaseOperator base = BaseOperator::kStringEquals;
  SetQualifier qualifier = SetQualifier::kNone;
  bool if_exists = false;

  bool operator==(const ConditionOperator&) const = default;
};

std::string_view BaseOperatorName(BaseOperator op);
OperatorType TypeOf(BaseOperator op);
// True for the negated forms (StringNotEquals, NotIpAddress, ArnNotLike, ...):
// several values are NOR-ed and a missing key makes them true.
bool IsNegated(BaseOperator op);
// True where `*` and `?` are wildcards in policy values (StringLike,
// StringNotLike and all four Arn operators).
bool UsesWildcards(BaseOperator op);
// True where policy variables are substituted in values (String and Arn).
bool AllowsVariables(BaseOperator op);
// Case-insensitive value comparison (the IgnoreCase operators).
bool IgnoresCase(BaseOperator op);

// Full canonical name, e.g. "ForAnyValue:StringLikeIfExists".
std::string OperatorName(const ConditionOperator& op);

// Result of reading an operator name from a policy.
struct OperatorParse {
  std::optional<ConditionOperator> op;  // set when the name is valid as written
  // When op is empty: the canonical spelling if the name is valid apart from
  // letter case, for "did you mean" (empty when nothing close exists).
  std::string case_fix;
  bool null_with_if_exists = false;     // "NullIfExists": AWS rejects it
};
OperatorParse ParseConditionOperator(std::string_view name);

// Every base operator name, for suggestions.
const std::string_view* AllBaseOperatorNames();

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_POLICY_CONDITION_OPERATOR_H_
