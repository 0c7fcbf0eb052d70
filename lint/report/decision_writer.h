// Rendering of decisions: the `simulate` JSON Lines objects defined in
// shared/spec/cases.md, and the text form of the one-request command.
//
//   {"id":"c1","decision":"Allow","decisive":[{"policy":"identity[0]","statement":"S1"}]}
//
// ImplicitDeny adds "gate" (the policy type that had no Allow). With an
// expected decision: "expected" and "pass". With a trace: "explain", one
// object per statement considered, with "policy", "statement", "applied",
// "reason", "detail" and "at" (file:line:col of the statement).
#ifndef IAMLINT_LINT_REPORT_DECISION_WRITER_H_
#define IAMLINT_LINT_REPORT_DECISION_WRITER_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/eval/evaluator.h"
#include "engine/eval/trace.h"
#include "engine/source/source_manager.h"

namespace iamlint::lint {

struct DecisionView {
  std::string_view id;
  const Decision* decision = nullptr;
  const PolicyBundle* bundle = nullptr;
  std::optional<DecisionKind> expect;
  const Trace* trace = nullptr;  // optional
};

// One JSON object, no trailing newline.
std::string DecisionToJson(const SourceManager& sources, const DecisionView& view);

// "Sid" of a decisive statement, or its index when it has none.
std::string StatementLabel(const PolicyBundle& bundle, const StatementRef& ref);

// The human form: the decision, then the decisive statements with their
// positions, then (with a trace) every statement and why it did or did not
// apply. Ends with a newline.
std::string DecisionToText(const SourceManager& sources, const DecisionView& view);

// "allowed by ..." / "no identity-based policy allows it" style summary.
std::string GateSentence(Gate gate);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_REPORT_DECISION_WRITER_H_
