// Trace: the optional explanation of an evaluation.
//
// When the caller passes a Trace, the evaluator records for every statement
// of every policy in the bundle whether it applied and, if not, the first
// reason: action, resource, principal or a condition (with the operator,
// key and the request's values), or `policy` when the whole policy does not
// apply to this caller (identity policies for an anonymous request, session
// policies for an IAM user, SCPs for a service principal, ...). A null
// Trace means no explanation work at all beyond one pointer test per
// statement.
#ifndef IAMLINT_ENGINE_EVAL_TRACE_H_
#define IAMLINT_ENGINE_EVAL_TRACE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/eval/statement_ref.h"

namespace iamlint {

// kPolicy: the whole policy does not apply to this caller (a session
// policy for an IAM user, SCPs for a service principal, ...).
enum class MissReason { kNone, kAction, kResource, kPrincipal, kCondition, kInvalid, kPolicy };

struct StatementTrace {
  StatementRef ref;
  bool applied = false;
  MissReason reason = MissReason::kNone;
  uint32_t condition = 0;  // index into Statement::conditions when kCondition
  std::string detail;      // e.g. "request has no `aws:MultiFactorAuthPresent`"
};

struct Trace {
  std::vector<StatementTrace> statements;
  std::string gate;  // for ImplicitDeny: which gate had no Allow
};

std::string_view MissReasonName(MissReason reason);  // "action", "resource", ..., "policy"

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_TRACE_H_
