// Registry: every lint check, and the validator's diagnostic codes described
// the same way, so `iamlint checks`, SARIF rules and the README table have
// one source.
//
// The check list is an explicit array in registry.cc, kept alphabetical by
// id (a test enforces it): no self-registration through static
// initializers, which a static library can silently drop.
//
// Thread safety: everything here is immutable; call from any thread.
#ifndef IAMLINT_LINT_REGISTRY_H_
#define IAMLINT_LINT_REGISTRY_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/check.h"

namespace iamlint::lint {

// Every check, sorted by id.
std::span<const Check* const> AllChecks();
// The check with this id, or null.
const Check* FindCheck(std::string_view id);

// The codes the policy reader and validator (engine/policy) emit, with
// their usual severity, sorted by id. They are rules too: SARIF lists them,
// `iamlint checks` shows them, --disable and severity overrides apply.
std::span<const CheckInfo> ValidatorRules();

// The CheckInfo of a check or validator code, or null.
const CheckInfo* FindRule(std::string_view id);

// Every id (checks, then validator codes, then runner codes), for
// "did you mean" on --enable/--disable.
std::vector<std::string_view> AllRuleIds();

// Codes the runner itself emits.
inline constexpr std::string_view kUnusedSuppression = "unused-suppression";
const CheckInfo& UnusedSuppressionRule();

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_REGISTRY_H_
