// Internal helpers shared by the checks in lint/checks/. Not a public
// interface: checks include it; everything else uses lint/check.h.
#ifndef IAMLINT_LINT_CHECKS_CHECK_UTIL_H_
#define IAMLINT_LINT_CHECKS_CHECK_UTIL_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/policy/policy.h"

namespace iamlint::lint {

bool HasWildcard(std::string_view text);  // `*` or `?`
bool HasVariable(std::string_view text);  // `${`

// The actions an Action value stands for. Returns false when that is not
// provable from the catalog: `*`-service values, malformed values, unknown
// services, patterns that match nothing. `*` alone is every action.
bool ExpandActionValue(const Catalog& catalog, std::string_view value,
                       std::vector<ActionId>* actions);

// True when every action the Action value `inner` can ever match (also
// actions AWS adds later) is matched by `outer`: equal text (ignoring case),
// `outer` is `*` or a `prefix*` whose prefix starts `inner`, or `inner` is
// a single catalog action that `outer` matches.
bool ActionValueCovers(const Catalog& catalog, std::string_view outer, std::string_view inner);

// An Action value with what ActionValueCovers needs precomputed, for
// quadratic comparisons. `text` views the policy's string.
struct PreparedAction {
  static constexpr size_t kNotPrefix = static_cast<size_t>(-1);
  std::string_view text;
  std::string lowered;               // `text` in ASCII lower case
  bool wildcard = false;
  size_t prefix_star = kNotPrefix;   // `prefix*` (no other wildcard): prefix length
  std::optional<ActionId> id;        // literal values found in the catalog
  std::vector<ActionId> expansion;   // other wildcard values: Catalog::Expand, sorted
};
PreparedAction PrepareAction(const Catalog& catalog, std::string_view value);
// ActionValueCovers on prepared values (same answer, no allocation, no
// catalog lookups: tests/lint/checks/check_util_test.cc compares the two).
bool PreparedCovers(const PreparedAction& outer, const PreparedAction& inner);

// True when every ARN the Resource value `inner` can match is matched by
// `outer`: equal text, `outer` is `*`, or `outer` is a variable-free
// `prefix*` (no other wildcard) whose prefix starts `inner`.
bool ResourceValueCovers(std::string_view outer, std::string_view inner);

// The catalog record of a condition key used without an action context
// (global keys, then the key's service); null when unknown.
// Catalog::FindAction, remembered per thread (action names repeat across
// statements and documents; at most 65,536 names, then forgotten).
std::optional<ActionId> FindActionCached(const Catalog& catalog, std::string_view name);

// Remembered per thread; FindKeyUncached asks the catalog every time (the
// reference, tests/lint/checks/check_util_test.cc).
const ConditionKeyInfo* FindKey(const Catalog& catalog, std::string_view key);
const ConditionKeyInfo* FindKeyUncached(const Catalog& catalog, std::string_view key);

// Whether `key` is valid with `action` (FindConditionKeyFor, with the same
// tag-key fallback as FindKey).
bool KeyAppliesTo(const Catalog& catalog, ActionId action, std::string_view key);

// The prefix of a condition key (`aws` of `aws:SourceIp`), lowercased.
std::string KeyPrefix(std::string_view key);

// Case-insensitive ASCII comparison.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// True when some condition of `statement` uses one of `lowered_keys`
// (given in lower case; condition keys compare case-insensitively).
bool HasConditionKey(const Statement& statement,
                     std::initializer_list<std::string_view> lowered_keys);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_CHECKS_CHECK_UTIL_H_
