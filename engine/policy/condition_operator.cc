#include "engine/policy/condition_operator.h"

#include "engine/base/ascii.h"

#include <array>
#include <cctype>

namespace iamlint {

namespace {

struct OperatorInfo {
  std::string_view name;
  OperatorType type;
  bool negated;
  bool wildcards;
  bool ignore_case;
};

// Indexed by BaseOperator.
constexpr std::array<OperatorInfo, kBaseOperatorCount> kOperators = {{
    {"StringEquals", OperatorType::kString, false, false, false},
    {"StringNotEquals", OperatorType::kString, true, false, false},
    {"StringEqualsIgnoreCase", OperatorType::kString, false, false, true},
    {"StringNotEqualsIgnoreCase", OperatorType::kString, true, false, true},
    {"StringLike", OperatorType::kString, false, true, false},
    {"StringNotLike", OperatorType::kString, true, true, false},
    {"NumericEquals", OperatorType::kNumeric, false, false, false},
    {"NumericNotEquals", OperatorType::kNumeric, true, false, false},
    {"NumericLessThan", OperatorType::kNumeric, false, false, false},
    {"NumericLessThanEquals", OperatorType::kNumeric, false, false, false},
    {"NumericGreaterThan", OperatorType::kNumeric, false, false, false},
    {"NumericGreaterThanEquals", OperatorType::kNumeric, false, false, false},
    {"DateEquals", OperatorType::kDate, false, false, false},
    {"DateNotEquals", OperatorType::kDate, true, false, false},
    {"DateLessThan", OperatorType::kDate, false, false, false},
    {"DateLessThanEquals", OperatorType::kDate, false, false, false},
    {"DateGreaterThan", OperatorType::kDate, false, false, false},
    {"DateGreaterThanEquals", OperatorType::kDate, false, false, false},
    {"Bool", OperatorType::kBool, false, false, false},
    {"BinaryEquals", OperatorType::kBinary, false, false, false},
    {"IpAddress", OperatorType::kIp, false, false, false},
    {"NotIpAddress", OperatorType::kIp, true, false, false},
    {"ArnEquals", OperatorType::kArn, false, true, false},
    {"ArnLike", OperatorType::kArn, false, true, false},
    {"ArnNotEquals", OperatorType::kArn, true, true, false},
    {"ArnNotLike", OperatorType::kArn, true, true, false},
    {"Null", OperatorType::kNull, false, false, false},
}};

std::array<std::string_view, kBaseOperatorCount> MakeNames() {
  std::array<std::string_view, kBaseOperatorCount> names{};
  for (size_t i = 0; i < kOperators.size(); ++i) names[i] = kOperators[i].name;
  return names;
}
const std::array<std::string_view, kBaseOperatorCount> kNames = MakeNames();

const OperatorInfo& Info(BaseOperator op) { return kOperators[static_cast<size_t>(op)]; }


bool StartsWith(std::string_view s, std::string_view prefix, bool fold) {
  if (s.size() < prefix.size()) return false;
  return fold ? EqualsIgnoreAsciiCase(s.substr(0, prefix.size()), prefix)
              : s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix, bool fold) {
  if (s.size() < suffix.size()) return false;
  std::string_view tail = s.substr(s.size() - suffix.size());
  return fold ? EqualsIgnoreAsciiCase(tail, suffix) : tail == suffix;
}

// Parses with exact (fold=false) or case-insensitive (fold=true) spelling.
std::optional<ConditionOperator> ParseWith(std::string_view name, bool fold, bool* null_if_exists) {
  ConditionOperator op;
  if (StartsWith(name, "ForAllValues:", fold)) {
    op.qualifier = SetQualifier::kForAllValues;
    name.remove_prefix(13);
  } else if (StartsWith(name, "ForAnyValue:", fold)) {
    op.qualifier = SetQualifier::kForAnyValue;
    name.remove_prefix(12);
  }
  std::string_view base = name;
  bool if_exists = false;
  if (EndsWith(base, "IfExists", fold)) {
    if_exists = true;
    base.remove_suffix(8);
  }
  for (size_t i = 0; i < kOperators.size(); ++i) {
    bool same = fold ? EqualsIgnoreAsciiCase(base, kOperators[i].name) : base == kOperators[i].name;
    if (!same) continue;
    op.base = static_cast<BaseOperator>(i);
    op.if_exists = if_exists;
    if (op.base == BaseOperator::kNull && if_exists) {
      *null_if_exists = true;
      return std::nullopt;
    }
    return op;
  }
  return std::nullopt;
}

}  // namespace

std::string_view BaseOperatorName(BaseOperator op) { return Info(op).name; }
OperatorType TypeOf(BaseOperator op) { return Info(op).type; }
bool IsNegated(BaseOperator op) { return Info(op).negated; }
bool UsesWildcards(BaseOperator op) { return Info(op).wildcards; }
bool IgnoresCase(BaseOperator op) { return Info(op).ignore_case; }
bool AllowsVariables(BaseOperator op) {
  OperatorType t = TypeOf(op);
  return t == OperatorType::kString || t == OperatorType::kArn;
}

std::string OperatorName(const ConditionOperator& op) {
  std::string out;
  if (op.qualifier == SetQualifier::kForAllValues) out = "ForAllValues:";
  if (op.qualifier == SetQualifier::kForAnyValue) out = "ForAnyValue:";
  out += BaseOperatorName(op.base);
  if (op.if_exists) out += "IfExists";
  return out;
}

OperatorParse ParseConditionOperator(std::string_view name) {
  OperatorParse result;
  bool null_if_exists = false;
  result.op = ParseWith(name, /*fold=*/false, &null_if_exists);
  result.null_with_if_exists = null_if_exists;
  if (result.op || null_if_exists) return result;
  bool folded_null = false;
  if (auto folded = ParseWith(name, /*fold=*/true, &folded_null)) {
    result.case_fix = OperatorName(*folded);
  }
  return result;
}

const std::string_view* AllBaseOperatorNames() { return kNames.data(); }

}  // namespace iamlint
