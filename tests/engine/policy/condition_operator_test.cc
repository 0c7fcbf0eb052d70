#include "engine/policy/condition_operator.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <string>
#include <vector>

namespace iamlint {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST_CASE("Every base operator has its name, type and flags (semantics §3.2)", "[policy]") {
  struct Row {
    BaseOperator op;
    std::string name;
    OperatorType type;
    bool negated, wildcards, variables, ignore_case;
  };
  using T = OperatorType;
  const std::vector<Row> rows = {
      {BaseOperator::kStringEquals, "StringEquals", T::kString, false, false, true, false},
      {BaseOperator::kStringNotEquals, "StringNotEquals", T::kString, true, false, true, false},
      {BaseOperator::kStringEqualsIgnoreCase, "StringEqualsIgnoreCase", T::kString, false, false,
       true, true},
      {BaseOperator::kStringNotEqualsIgnoreCase, "StringNotEqualsIgnoreCase", T::kString, true,
       false, true, true},
      {BaseOperator::kStringLike, "StringLike", T::kString, false, true, true, false},
      {BaseOperator::kStringNotLike, "StringNotLike", T::kString, true, true, true, false},
      {BaseOperator::kNumericEquals, "NumericEquals", T::kNumeric, false, false, false, false},
      {BaseOperator::kNumericNotEquals, "NumericNotEquals", T::kNumeric, true, false, false,
       false},
      {BaseOperator::kNumericLessThan, "NumericLessThan", T::kNumeric, false, false, false, false},
      {BaseOperator::kNumericLessThanEquals, "NumericLessThanEquals", T::kNumeric, false, false,
       false, false},
      {BaseOperator::kNumericGreaterThan, "NumericGreaterThan", T::kNumeric, false, false, false,
       false},
      {BaseOperator::kNumericGreaterThanEquals, "NumericGreaterThanEquals", T::kNumeric, false,
       false, false, false},
      {BaseOperator::kDateEquals, "DateEquals", T::kDate, false, false, false, false},
      {BaseOperator::kDateNotEquals, "DateNotEquals", T::kDate, true, false, false, false},
      {BaseOperator::kDateLessThan, "DateLessThan", T::kDate, false, false, false, false},
      {BaseOperator::kDateLessThanEquals, "DateLessThanEquals", T::kDate, false, false, false,
       false},
      {BaseOperator::kDateGreaterThan, "DateGreaterThan", T::kDate, false, false, false, false},
      {BaseOperator::kDateGreaterThanEquals, "DateGreaterThanEquals", T::kDate, false, false,
       false, false},
      {BaseOperator::kBool, "Bool", T::kBool, false, false, false, false},
      {BaseOperator::kBinaryEquals, "BinaryEquals", T::kBinary, false, false, false, false},
      {BaseOperator::kIpAddress, "IpAddress", T::kIp, false, false, false, false},
      {BaseOperator::kNotIpAddress, "NotIpAddress", T::kIp, true, false, false, false},
      {BaseOperator::kArnEquals, "ArnEquals", T::kArn, false, true, true, false},
      {BaseOperator::kArnLike, "ArnLike", T::kArn, false, true, true, false},
      {BaseOperator::kArnNotEquals, "ArnNotEquals", T::kArn, true, true, true, false},
      {BaseOperator::kArnNotLike, "ArnNotLike", T::kArn, true, true, true, false},
      {BaseOperator::kNull, "Null", T::kNull, false, false, false, false},
  };
  REQUIRE(rows.size() == static_cast<size_t>(kBaseOperatorCount));
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    CAPTURE(row.name);
    CHECK(static_cast<size_t>(row.op) == i);
    CHECK(BaseOperatorName(row.op) == row.name);
    CHECK(AllBaseOperatorNames()[i] == row.name);
    CHECK(TypeOf(row.op) == row.type);
    CHECK(IsNegated(row.op) == row.negated);
    CHECK(UsesWildcards(row.op) == row.wildcards);
    CHECK(AllowsVariables(row.op) == row.variables);
    CHECK(IgnoresCase(row.op) == row.ignore_case);
  }
}

TEST_CASE("ParseConditionOperator: every base × qualifier × IfExists, exhaustively", "[policy]") {
  const SetQualifier qualifiers[] = {SetQualifier::kNone, SetQualifier::kForAllValues,
                                     SetQualifier::kForAnyValue};
  int parsed = 0;
  for (int b = 0; b < kBaseOperatorCount; ++b) {
    for (SetQualifier q : qualifiers) {
      for (bool if_exists : {false, true}) {
        ConditionOperator op{static_cast<BaseOperator>(b), q, if_exists};
        std::string name = OperatorName(op);
        CAPTURE(name);
        OperatorParse exact = ParseConditionOperator(name);
        OperatorParse folded = ParseConditionOperator(Lower(name));
        if (op.base == BaseOperator::kNull && if_exists) {
          // AWS has no NullIfExists (semantics §1.7, E15).
          CHECK_FALSE(exact.op.has_value());
          CHECK(exact.null_with_if_exists);
          CHECK_FALSE(folded.op.has_value());
          continue;
        }
        REQUIRE(exact.op.has_value());
        CHECK(*exact.op == op);
        CHECK_FALSE(exact.null_with_if_exists);
        CHECK(exact.case_fix.empty());
        // Any other spelling is refused, with the canonical one suggested.
        CHECK_FALSE(folded.op.has_value());
        CHECK(folded.case_fix == name);
        ++parsed;
      }
    }
  }
  CHECK(parsed == 27 * 6 - 3);
}

TEST_CASE("OperatorName spells qualifiers and IfExists as AWS does", "[policy]") {
  CHECK(OperatorName({BaseOperator::kStringLike, SetQualifier::kForAnyValue, true}) ==
        "ForAnyValue:StringLikeIfExists");
  CHECK(OperatorName({BaseOperator::kArnNotEquals, SetQualifier::kForAllValues, false}) ==
        "ForAllValues:ArnNotEquals");
  CHECK(OperatorName({BaseOperator::kBool, SetQualifier::kNone, true}) == "BoolIfExists");
}

TEST_CASE("ParseConditionOperator refuses names that are not operators", "[policy]") {
  struct Row {
    std::string name;
    std::string case_fix;
  };
  const std::vector<Row> rows = {
      {"", ""},
      {"IfExists", ""},
      {"StringEqual", ""},
      {"StringNotLikeIgnoreCase", ""},  // does not exist
      {"BinaryNotEquals", ""},          // does not exist
      {"ForAllValues:", ""},
      {"ForAllValues:ForAnyValue:StringEquals", ""},
      {"ForAnyValue:StringEqualsIfExistsIfExists", ""},
      {"StringEquals ", ""},
      {"forallvalues:stringequals", "ForAllValues:StringEquals"},
      {"STRINGEQUALSIFEXISTS", "StringEqualsIfExists"},
      {"ipaddress", "IpAddress"},
      {"aws:SourceIp", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    OperatorParse p = ParseConditionOperator(row.name);
    CHECK_FALSE(p.op.has_value());
    CHECK_FALSE(p.null_with_if_exists);
    CHECK(p.case_fix == row.case_fix);
  }
}

}  // namespace
}  // namespace iamlint
