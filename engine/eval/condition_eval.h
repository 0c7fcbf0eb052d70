// Condition evaluation (semantics §3): one compiled condition entry (one
// operator, one key, its values) against a request.
//
//   one key        OR over the policy values (positive operators)
//                  NOR over the policy values (negated operators)
//   absent key     positive → false, negated → true, …IfExists → true,
//                  Null:true → true, ForAllValues → true, ForAnyValue → false
//   ForAllValues   every request value matches (vacuously true when empty)
//   ForAnyValue    some request value matches (false when empty)
//   multivalued key with a bare operator → never true (iamlint decision)
//   invalid typed values (not a number, date, IP, ARN...) never match
//
// Policy variables in values are substituted per request; a value whose
// variable cannot be resolved matches nothing.
#ifndef IAMLINT_ENGINE_EVAL_CONDITION_EVAL_H_
#define IAMLINT_ENGINE_EVAL_CONDITION_EVAL_H_

#include <string>

#include "engine/eval/compiled_policy.h"
#include "engine/eval/request.h"

namespace iamlint {

// True when the condition holds. When `why` is not null and the condition
// does not hold, it receives a one-line explanation.
bool EvaluateCondition(const CompiledCondition& condition, const Request& request,
                       std::string* why);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_CONDITION_EVAL_H_
