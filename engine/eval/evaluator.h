// Authorize: the whole AWS verdict for one request against a PolicyBundle,
// with the statements that decided it.
//
// For each policy in the bundle the evaluator finds the statements that
// apply (principal ∧ action ∧ resource ∧ every condition, §5.1) — through
// the per-service statement index, or by scanning every statement when
// EvalOptions::use_index is false (the reference path; tests check that
// both agree) — and hands a DecisionInputs value to Decide() (decision.h).
//
// PolicyBundle holds non-owning pointers: the caller owns the compiled
// policies and keeps them alive. Authorize is re-entrant: compiled policies
// are immutable and all per-call state lives in the caller's EvalScratch
// and Decision, whose buffers are reused so steady-state evaluation does
// not allocate (except for patterns with policy variables).
#ifndef IAMLINT_ENGINE_EVAL_EVALUATOR_H_
#define IAMLINT_ENGINE_EVAL_EVALUATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/decision.h"
#include "engine/eval/request.h"
#include "engine/eval/statement_ref.h"
#include "engine/eval/trace.h"

namespace iamlint {

struct PolicyBundle {
  std::vector<const CompiledPolicy*> identity;
  const CompiledPolicy* boundary = nullptr;
  std::vector<const CompiledPolicy*> session;
  const CompiledPolicy* resource = nullptr;
  bool has_scp = false;  // the account is in an organization
  std::vector<std::vector<const CompiledPolicy*>> scp;  // root → OU → account
  bool has_rcp = false;
  std::vector<std::vector<const CompiledPolicy*>> rcp;
};

// The policy a StatementRef points into, or null when out of range.
const CompiledPolicy* PolicyOf(const PolicyBundle& bundle, const StatementRef& ref);

struct Decision {
  DecisionKind kind = DecisionKind::kImplicitDeny;
  Gate gate = Gate::kNone;
  // ExplicitDeny: every applicable Deny. Allow: the Allows that granted or
  // let the request through, gate by gate. ImplicitDeny: empty.
  std::vector<StatementRef> decisive;
};

struct EvalOptions {
  bool use_index = true;  // false: scan every statement (the oracle)
  // When set, RCPs apply only to the services the catalog marks as
  // RCP-supported (§5.8); when null, RCPs given apply to every service.
  const Catalog* catalog = nullptr;
};

// Per-thread scratch space, reused across calls.
struct EvalScratch {
  std::vector<StatementRef> allows;
  std::vector<StatementRef> denies;
};

void Authorize(const PolicyBundle& bundle, const Request& request, const EvalOptions& options,
               EvalScratch* scratch, Decision* decision, Trace* trace = nullptr);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_EVALUATOR_H_
