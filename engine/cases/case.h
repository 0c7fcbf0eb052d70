// Case: one request with the policies in effect and an optional expected
// decision — the format of `iamlint simulate` (shared/spec/cases.md), which
// also drives the conformance suite and the benchmarks.
//
// A Case owns its compiled policies (shared with other cases when they came
// from the same `define` line) and its Request; `bundle` points into them.
// Move-only, because the bundle holds pointers into the case.
#ifndef IAMLINT_ENGINE_CASES_CASE_H_
#define IAMLINT_ENGINE_CASES_CASE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/eval/compiled_policy.h"
#include "engine/eval/decision.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/request.h"
#include "engine/source/span.h"

namespace iamlint {

struct Case {
  Case() = default;
  Case(Case&&) = default;
  Case& operator=(Case&&) = default;
  Case(const Case&) = delete;
  Case& operator=(const Case&) = delete;

  std::string id;
  Span span;  // the case object in the input
  PolicyBundle bundle;
  std::vector<std::shared_ptr<const CompiledPolicy>> policies;  // owners of bundle's pointers
  Request request;
  std::optional<DecisionKind> expect;
};

std::optional<DecisionKind> ParseDecisionKind(std::string_view text);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_CASES_CASE_H_
