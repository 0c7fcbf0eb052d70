#include "engine/eval/condition_eval.h"

#include <cctype>

#include "engine/eval/variables.h"
#include "engine/policy/global_keys.h"

namespace iamlint {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// The outcome of comparing one request value against one policy value with
// the positive form of the operator.
enum class Cmp { kMatch, kNoMatch, kInvalidRequestValue };

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
      if (r.rfind("arn:", 0) != 0) return Cmp::kInvalidRequestValue;
      return ArnLikeMatch(glob, r) ? Cmp::kMatch : Cmp::kNoMatch;
    }
    return Wildcard::Compile(glob).Match(r) ? Cmp::kMatch : Cmp::kNoMatch;
  }
  std::string text;
  if (!SubstituteToText(p.parts, request, &text)) return Cmp::kNoMatch;
  if (type == OperatorType::kBool) {
    auto pb = ParseBool(text);
    auto rb = ParseBool(r);
    if (!rb) return Cmp::kInvalidRequestValue;
    return pb && *pb == *rb ? Cmp::kMatch : Cmp::kNoMatch;
  }
  bool same = IgnoresCase(base) ? EqualsIgnoreCase(r, text) : r == text;
  return same ? Cmp::kMatch : Cmp::kNoMatch;
}

Cmp Compare(BaseOperator base, const CompiledConditionValue& p, std::string_view r,
            const Request& request) {
  if (p.has_variables) return CompareWithVariables(base, p, r, request);
  switch (TypeOf(base)) {
    case OperatorType::kString:
      if (UsesWildcards(base)) return p.glob.Match(r) ? Cmp::kMatch : Cmp::kNoMatch;
      if (IgnoresCase(base)) return EqualsIgnoreCase(r, p.text) ? Cmp::kMatch : Cmp::kNoMatch;
      return r == p.text ? Cmp::kMatch : Cmp::kNoMatch;
    case OperatorType::kNumeric: {
      auto rv = ParseDecimal(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      if (!p.number) return Cmp::kNoMatch;
      return Order(CompareDecimal(*rv, *p.number), base);
    }
    case OperatorType::kDate: {
      auto rv = ParseDate(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      if (!p.date) return Cmp::kNoMatch;
      return Order(CompareInstant(*rv, *p.date), base);
    }
    case OperatorType::kBool: {
      auto rv = ParseBool(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      return p.boolean && *p.boolean == *rv ? Cmp::kMatch : Cmp::kNoMatch;
    }
    case OperatorType::kBinary: {
      // The context may carry the bytes as base64 text (cases, CLI).
      auto rv = DecodeBase64(r);
      if (rv && p.binary) return *rv == *p.binary ? Cmp::kMatch : Cmp::kNoMatch;
      return r == p.text ? Cmp::kMatch : Cmp::kNoMatch;
    }
    case OperatorType::kIp: {
      auto rv = ParseIp(r);
      if (!rv) return Cmp::kInvalidRequestValue;
      return p.network && Contains(*p.network, *rv) ? Cmp::kMatch : Cmp::kNoMatch;
    }
    case OperatorType::kArn:
      if (r.rfind("arn:", 0) != 0) return Cmp::kInvalidRequestValue;
      return p.arn && p.arn->Match(r) ? Cmp::kMatch : Cmp::kNoMatch;
    case OperatorType::kNull:
      return Cmp::kNoMatch;
  }
  return Cmp::kNoMatch;
}

// Does request value r satisfy the operator for this key (positive: some p
// matches; negated: no p matches)? Invalid request values never satisfy.
bool ValueSatisfies(const CompiledCondition& c, std::string_view r, const Request& request) {
  BaseOperator base = c.op->base;
  bool any = false;
  for (const CompiledConditionValue& p : c.values) {
    Cmp cmp = Compare(base, p, r, request);
    if (cmp == Cmp::kInvalidRequestValue) return false;
    if (cmp == Cmp::kMatch) {
      any = true;
      break;
    }
  }
  return IsNegated(base) ? !any : any;
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

bool Explain(std::string* why, std::string text) {
  if (why) *why = std::move(text);
  return false;
}

}  // namespace

bool EvaluateCondition(const CompiledCondition& c, const Request& request, std::string* why) {
  if (!c.op) return Explain(why, "unknown condition operator never matches");
  const ConditionOperator& op = *c.op;
  const ContextEntry* entry = request.Find(c.key);
  std::string name = why ? OperatorName(op) : std::string();

  if (op.base == BaseOperator::kNull) {
    if (op.qualifier == SetQualifier::kForAllValues) return true;
    if (op.qualifier == SetQualifier::kForAnyValue) {
      return Explain(why, "`ForAnyValue:Null` is never true");
    }
    for (const CompiledConditionValue& p : c.values) {
      if (p.boolean && *p.boolean == (entry == nullptr)) return true;
    }
    return Explain(why, "`Null` on " + Quote(c.key) + ": the key is " +
                            (entry ? "present" : "absent"));
  }

  if (entry == nullptr) {
    bool holds = op.qualifier == SetQualifier::kForAllValues ||
                 (op.qualifier == SetQualifier::kNone && (op.if_exists || IsNegated(op.base)));
    if (holds) return true;
    return Explain(why, Quote(name) + ": request has no " + Quote(c.key));
  }

  const std::vector<std::string>& values = entry->values;
  switch (op.qualifier) {
    case SetQualifier::kForAllValues:
      for (const std::string& r : values) {
        if (!ValueSatisfies(c, r, request)) {
          return Explain(why, Quote(name) + " on " + Quote(c.key) + ": request value " +
                                  Quote(r) + " is not covered by " + PolicyValuesText(c));
        }
      }
      return true;
    case SetQualifier::kForAnyValue:
      for (const std::string& r : values) {
        if (ValueSatisfies(c, r, request)) return true;
      }
      return Explain(why, Quote(name) + " on " + Quote(c.key) + ": no request value of " +
                              ValuesText(values) + " satisfies " + PolicyValuesText(c));
    case SetQualifier::kNone:
      break;
  }

  // A multivalued key needs a set qualifier; a bare operator never matches.
  if (entry->is_list || IsMultivaluedGlobalKey(c.key)) {
    return Explain(why, Quote(name) + " on multivalued key " + Quote(c.key) +
                            " without `ForAllValues:` or `ForAnyValue:` never matches");
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
  return Explain(why, Quote(name) + " on " + Quote(c.key) + ": request value " +
                          ValuesText(values) + (IsNegated(op.base) ? " is one of " : " does not match ") +
                          PolicyValuesText(c));
}

}  // namespace iamlint
