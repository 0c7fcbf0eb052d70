#include "engine/eval/condition_eval.h"

#include "engine/eval/case_fold.h"
#include "engine/eval/variables.h"
#include "engine/match/arn.h"
#include "engine/policy/global_keys.h"

namespace iamlint {

namespace {

// The outcome of comparing one request value against one policy value with
// the positive form of the operator. Either side may be invalid for the
// operator's type (§3.5): an invalid value never matches, and a negated
// operator never holds over it (NotIpAddress with a bad CIDR, DateNotEquals
// with a bad date: "false for every Date operator, including
// DateNotEquals"; iam-simulate agrees for every typed family).
enum class Cmp { kMatch, kNoMatch, kInvalidRequestValue, kInvalidPolicyValue };

// §2.7: a context value that is not an ARN never matches an Arn operator.
bool IsArn(std::string_view r) { return SplitArn(r).has_value(); }

Cmp Order(int c, BaseOperator base) {
  bool ok = false;
  switch (base) {
    case BaseOperator::kNumericEquals:
    case BaseOperator::kNumericNotEquals:
    case BaseOperator::kDateEquals:
    case BaseOperator::kDateNotEquals:
      ok = c == 0;
      break;
    case BaseOperator::kNumericLessThan:
    case BaseOperator::kDateLessThan:
      ok = c < 0;
      break;
    case BaseOperator::kNumericLessThanEquals:
    case BaseOperator::kDateLessThanEquals:
      ok = c <= 0;
      break;
    case BaseOperator::kNumericGreaterThan:
    case BaseOperator::kDateGreaterThan:
      ok = c > 0;
      break;
    case BaseOperator::kNumericGreaterThanEquals:
    case BaseOperator::kDateGreaterThanEquals:
      ok = c >= 0;
      break;
    default:
      break;
  }
  return ok ? Cmp::kMatch : Cmp::kNoMatch;
}

// m(r, p) for a policy value with variables: substitute, then compare.
Cmp CompareWithVariables(BaseOperator base, const CompiledConditionValue& p, std::string_view r,
                         const Request& request) {
  OperatorType type = TypeOf(base);
  if (UsesWildcards(base)) {
    Glob glob;
    if (!SubstituteToGlob(p.parts, request, /*wildcards=*/true, &glob)) return Cmp::kNoMatch;
    if (type == OperatorType::kArn) {
      if (!IsArn(r)) return Cmp::kInvalidRequestValue;
      ArnLikePattern pattern = ArnLikePattern::Compile(glob);
      if (pattern.form() == ArnLikePattern::Form::kNothing) return Cmp::kInvalidPolicyValue;
      return pattern.Match(r) ? Cmp::kMatch : Cmp::kNoMatch;
    }
    return Wildcard::Compile(glob).Match(r) ? Cmp::kMatch : Cmp::kNoMatch;
  }
  std::string text;
  if (!SubstituteToText(p.parts, request, &text)) return Cmp::kNoMatch;
  if (type == OperatorType::kBool) {
    auto pb = ParseBool(text);
    auto rb = ParseBool(r);
    if (!rb) return Cmp::kInvalidRequestValue;
    if (!pb) return Cmp::kInvalidPolicyValue;
    return *pb == *rb ? Cmp::kMatch : Cmp::kNoMatch;
  }
  bool same = IgnoresCase(base) ? EqualsFoldedUtf8(r, text) : r == text;
  return same ? Cmp::kMatch : Cmp::kNoMatch;
}

Cmp Compare(BaseOperator base, const CompiledConditionValue& p, std::string_view r,
            const Request& request) {
  if (p.has_variables) return CompareWithVariables(base, p, r, request);
  switch (TypeOf(base)) {
    case OperatorType::kString:
      if (UsesWildcards(base)) return p.glob.Match(r) ? Cmp::kMatch : Cmp::kNoMatch;
      if (IgnoresCase(base)) return EqualsFoldedUtf8(r, p.text) ? Cmp::kMatch : Cmp::kNoMatch;
      return r == p.text ? Cmp::kMatch : Cmp::kNoMatch;
    case OperatorType::kNumeric: {
      auto rv = ParseDecimal(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      if (!p.number) return Cmp::kInvalidPolicyValue;
      return Order(CompareDecimal(*rv, *p.number), base);
    }
    case OperatorType::kDate: {
      auto rv = ParseDate(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      if (!p.date) return Cmp::kInvalidPolicyValue;
      return Order(CompareInstant(*rv, *p.date), base);
    }
    case OperatorType::kBool: {
      auto rv = ParseBool(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      if (!p.boolean) return Cmp::kInvalidPolicyValue;
      return *p.boolean == *rv ? Cmp::kMatch : Cmp::kNoMatch;
    }
    case OperatorType::kBinary: {
      // Text contexts (cases, CLI) carry the bytes as base64, so both sides
      // are decoded; §3.5: invalid base64 never matches.
      auto rv = DecodeBase64(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      if (!p.binary) return Cmp::kInvalidPolicyValue;
      return *rv == *p.binary ? Cmp::kMatch : Cmp::kNoMatch;
    }
    case OperatorType::kIp: {
      auto rv = ParseIp(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      if (!p.network) return Cmp::kInvalidPolicyValue;
      return Contains(*p.network, *rv) ? Cmp::kMatch : Cmp::kNoMatch;
    }
    case OperatorType::kArn:
      if (!IsArn(r)) return Cmp::kInvalidRequestValue;
      if (!p.arn || p.arn->form() == ArnLikePattern::Form::kNothing) {
        return Cmp::kInvalidPolicyValue;
      }
      return p.arn->Match(r) ? Cmp::kMatch : Cmp::kNoMatch;
    case OperatorType::kNull:
      return Cmp::kNoMatch;
  }
  return Cmp::kNoMatch;
}

// Does request value r satisfy the operator for this key (positive: some p
// matches; negated: no p matches)? An invalid request value never
// satisfies; an invalid policy value is skipped by a positive operator and
// makes a negated one fail.
bool ValueSatisfies(const CompiledCondition& c, std::string_view r, const Request& request) {
  BaseOperator base = c.op->base;
  const bool negated = IsNegated(base);
  bool any = false;
  for (const CompiledConditionValue& p : c.values) {
    Cmp cmp = Compare(base, p, r, request);
    if (cmp == Cmp::kInvalidRequestValue) return false;
    if (cmp == Cmp::kInvalidPolicyValue) {
      if (negated) return false;
      continue;
    }
    if (cmp == Cmp::kMatch) {
      any = true;
      break;
    }
  }
  return negated ? !any : any;
}

std::string Quote(std::string_view s) { return "`" + std::string(s) + "`"; }

std::string ValuesText(const std::vector<std::string>& values) {
  if (values.empty()) return "no values";
  std::string out;
  for (size_t i = 0; i < values.size() && i < 5; ++i) {
    if (i) out += ", ";
    out += Quote(values[i]);
  }
  if (values.size() > 5) out += ", ...";
  return out;
}

std::string PolicyValuesText(const CompiledCondition& c) {
  std::string out;
  for (size_t i = 0; i < c.values.size() && i < 5; ++i) {
    if (i) out += ", ";
    out += Quote(c.values[i].text);
  }
  if (c.values.size() > 5) out += ", ...";
  return out.empty() ? "no values" : out;
}

// Returns false, and when an explanation is wanted sets *why to make():
// the text is built only for explanations (the evaluation path passes a
// null `why` and must not pay for strings).
template <typename MakeText>
bool Explain(std::string* why, MakeText make) {
  if (why) *why = make();
  return false;
}

}  // namespace

bool EvaluateCondition(const CompiledCondition& c, const Request& request, std::string* why) {
  if (!c.op) {
    return Explain(why, [&] { return std::string("unknown condition operator never matches"); });
  }
  const ConditionOperator& op = *c.op;
  const ContextEntry* entry = request.Find(c.key);
  std::string name = why ? OperatorName(op) : std::string();

  if (op.base == BaseOperator::kNull) {
    if (op.qualifier == SetQualifier::kForAllValues) return true;
    if (op.qualifier == SetQualifier::kForAnyValue) {
      return Explain(why, [&] { return std::string("`ForAnyValue:Null` is never true"); });
    }
    for (const CompiledConditionValue& p : c.values) {
      if (p.boolean && *p.boolean == (entry == nullptr)) return true;
    }
    return Explain(why, [&] {
      return std::string("`Null` on " + Quote(c.key_as_written) + ": the key is " +
                         (entry ? "present" : "absent"));
    });
  }

  if (entry == nullptr) {
    bool holds = op.qualifier == SetQualifier::kForAllValues ||
                 (op.qualifier == SetQualifier::kNone && (op.if_exists || IsNegated(op.base)));
    if (holds) return true;
    return Explain(why, [&] {
      return std::string(Quote(name) + ": request has no " + Quote(c.key_as_written));
    });
  }

  const std::vector<std::string>& values = entry->values;
  switch (op.qualifier) {
    case SetQualifier::kForAllValues:
      for (const std::string& r : values) {
        if (!ValueSatisfies(c, r, request)) {
          return Explain(why, [&] {
            return std::string(Quote(name) + " on " + Quote(c.key_as_written) + ": request value " +
                               Quote(r) + " is not covered by " + PolicyValuesText(c));
          });
        }
      }
      return true;
    case SetQualifier::kForAnyValue:
      for (const std::string& r : values) {
        if (ValueSatisfies(c, r, request)) return true;
      }
      return Explain(why, [&] {
        return std::string(Quote(name) + " on " + Quote(c.key_as_written) +
                           ": no request value of " + ValuesText(values) + " satisfies " +
                           PolicyValuesText(c));
      });
    case SetQualifier::kNone:
      break;
  }

  // A multivalued key needs a set qualifier; a bare operator never matches.
  if (entry->is_list || IsMultivaluedGlobalKey(c.key)) {
    return Explain(why, [&] {
      return std::string(Quote(name) + " on multivalued key " + Quote(c.key_as_written) +
                         " without `ForAllValues:` or `ForAnyValue:` never matches");
    });
  }
  // Single-valued key (several values only when keys differing in case
  // merged): positive operators OR over the values, negated ones NOR.
  bool holds = false;
  if (IsNegated(op.base)) {
    holds = true;
    for (const std::string& r : values) holds = holds && ValueSatisfies(c, r, request);
  } else {
    for (const std::string& r : values) holds = holds || ValueSatisfies(c, r, request);
  }
  if (holds) return true;
  return Explain(why, [&] {
    return std::string(
        Quote(name) + " on " + Quote(c.key_as_written) + ": request value " + ValuesText(values) +
        (IsNegated(op.base) ? " is one of " : " does not match ") + PolicyValuesText(c));
  });
}

}  // namespace iamlint
