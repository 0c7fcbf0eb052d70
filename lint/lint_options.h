// Options of one lint run, each default documented.
#ifndef IAMLINT_LINT_LINT_OPTIONS_H_
#define IAMLINT_LINT_LINT_OPTIONS_H_

#include <cstddef>
#include <optional>

#include "engine/policy/policy.h"
#include "engine/source/diagnostic.h"

namespace iamlint::lint {

struct LintOptions {
  // The policy kind of every input; empty means infer it per document.
  std::optional<PolicyKind> kind;
  // Findings at or above this severity make the run fail (exit 1); empty
  // means never fail on findings (--fail-on never).
  std::optional<Severity> fail_on = Severity::kError;
  // Inputs larger than this are refused with a diagnostic.
  size_t max_input_bytes = size_t{64} << 20;
};

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_LINT_OPTIONS_H_
