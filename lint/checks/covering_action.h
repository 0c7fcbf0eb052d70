// Which value of one Action list makes another redundant (the rule of the
// redundant-action check), for lists of any length.
#ifndef IAMLINT_LINT_CHECKS_COVERING_ACTION_H_
#define IAMLINT_LINT_CHECKS_COVERING_ACTION_H_

#include <cstddef>
#include <vector>

#include "lint/checks/check_util.h"

namespace iamlint::lint {

inline constexpr size_t kNoCoveringAction = static_cast<size_t>(-1);

// For each value i, the smallest index j != i such that value j makes
// value i redundant: an equal value (ignoring case) that comes earlier, or
// a different value that covers it (PreparedCovers). kNoCoveringAction
// when none does.
//
// FindCoveringActions hashes lower-cased values and `prefix*` prefixes and
// tries only the prefixes of each value: O(n·length + n·k) for k patterns
// that are neither literal nor `prefix*`. FindCoveringActionsReference is
// the plain O(n²) comparison of every pair, kept as the specification;
// tests/lint/checks/covering_action_test.cc checks that they agree.
std::vector<size_t> FindCoveringActions(const std::vector<PreparedAction>& values);
std::vector<size_t> FindCoveringActionsReference(const std::vector<PreparedAction>& values);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_CHECKS_COVERING_ACTION_H_
