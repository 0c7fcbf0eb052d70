// Trace: the optional explanation of an evaluation.
//
// When the caller passes a Trace, the evaluator records for every statement
// it considered whether it applied and, if not, the first reason: action,
// resource, principal or a condition (with the operator, key and the
// request's values). A null Trace means no explanation work at all beyond
// one pointer test per statement.
#ifndef IAMLINT_ENGINE_EVAL_TRACE_H_
#define IAMLINT_ENGINE_EVAL_TRACE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/eval/statement_ref.h"

namespace iamlint {

enum class MissReason { kNone, kAction, kResource, kPrincipal, kCondition, kInvalid };

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

std::string_view MissReasonName(MissReason reason);  // "action", "resource", ...

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_TRACE_H_
