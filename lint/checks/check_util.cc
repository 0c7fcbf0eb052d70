#include "lint/checks/check_util.h"

#include "engine/base/ascii.h"
#include "engine/base/string_memo.h"

#include <algorithm>
#include <cctype>

namespace iamlint::lint {

bool HasWildcard(std::string_view text) { return text.find_first_of("*?") != text.npos; }
bool HasVariable(std::string_view text) { return text.find("${") != text.npos; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return EqualsIgnoreAsciiCase(a, b);
}

bool HasConditionKey(const Statement& statement,
                     std::initializer_list<std::string_view> lowered_keys) {
  for (const ConditionEntry& c : statement.conditions) {
    for (std::string_view want : lowered_keys) {
      if (EqualsIgnoreAsciiCase(c.key.value, want)) return true;
    }
  }
  return false;
}

namespace {

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

}  // namespace

bool ExpandActionValue(const Catalog& catalog, std::string_view value,
                       std::vector<ActionId>* actions) {
  actions->clear();
  if (value == "*") {
    *actions = catalog.Expand("*");
    return true;
  }
  size_t colon = value.find(':');
  if (colon == value.npos || colon == 0 || colon + 1 == value.size() ||
      value.find(':', colon + 1) != value.npos) {
    return false;
  }
  std::string_view service = value.substr(0, colon);
  if (HasWildcard(service) || !catalog.FindService(service)) return false;
  if (!HasWildcard(value)) {
    std::optional<ActionId> id = catalog.FindAction(value);
    if (!id) return false;
    actions->push_back(*id);
    return true;
  }
  *actions = catalog.Expand(value);
  return !actions->empty();
}

bool ActionValueCovers(const Catalog& catalog, std::string_view outer, std::string_view inner) {
  if (EqualsIgnoreCase(outer, inner)) return true;
  if (outer == "*") return true;
  size_t star = outer.find_first_of("*?");
  if (star != outer.npos && star + 1 == outer.size() && outer[star] == '*' &&
      StartsWithIgnoreCase(inner, outer.substr(0, star))) {
    return true;  // `s3:*` or `s3:Get*` over anything starting the same
  }
  if (!HasWildcard(inner)) {
    std::optional<ActionId> id = catalog.FindAction(inner);
    if (!id) return false;
    std::vector<ActionId> matched = catalog.Expand(outer);
    return std::binary_search(matched.begin(), matched.end(), *id);
  }
  return false;
}

PreparedAction PrepareAction(const Catalog& catalog, std::string_view value) {
  PreparedAction p;
  p.text = value;
  p.lowered = AsciiLower(value);
  size_t first = value.find_first_of("*?");
  p.wildcard = first != value.npos;
  if (!p.wildcard) {
    p.id = FindActionCached(catalog, value);
  } else if (first + 1 == value.size() && value[first] == '*') {
    // Coverage by `prefix*` is a prefix test (a catalog action it expands
    // to starts with the prefix), so no expansion is needed.
    p.prefix_star = first;
  } else {
    p.expansion = catalog.Expand(value);
  }
  return p;
}

bool PreparedCovers(const PreparedAction& outer, const PreparedAction& inner) {
  if (outer.lowered == inner.lowered) return true;
  if (outer.prefix_star != PreparedAction::kNotPrefix &&
      std::string_view(inner.lowered).starts_with(
          std::string_view(outer.lowered).substr(0, outer.prefix_star))) {
    return true;
  }
  if (!inner.wildcard && inner.id && outer.wildcard) {
    // A `prefix*` outer that failed the prefix test matches no spelling of
    // `inner`, so only the other patterns need their expansion.
    return std::binary_search(outer.expansion.begin(), outer.expansion.end(), *inner.id);
  }
  return false;
}

bool ResourceValueCovers(std::string_view outer, std::string_view inner) {
  if (outer == inner) return true;
  if (outer == "*") return true;
  if (HasVariable(outer)) return false;
  size_t wild = outer.find_first_of("*?");
  if (wild + 1 == outer.size() && outer[wild] == '*' && inner.starts_with(outer.substr(0, wild))) {
    // A trailing `*` extends over the remaining ARN fields (engine/match/arn.h),
    // so whatever follows the shared prefix in `inner` is matched.
    return true;
  }
  return false;
}

std::optional<ActionId> FindActionCached(const Catalog& catalog, std::string_view name) {
  thread_local StringMemo<std::optional<ActionId>> memo(65536);
  return memo.Get(&catalog, name, [&](std::string_view n) { return catalog.FindAction(n); });
}

const ConditionKeyInfo* FindKey(const Catalog& catalog, std::string_view key) {
  // Keys repeat across statements and documents, and a miss in the catalog
  // costs a glob match per key template.
  thread_local StringMemo<const ConditionKeyInfo*> memo(4096);
  return memo.Get(&catalog, key, [&](std::string_view k) { return FindKeyUncached(catalog, k); });
}

const ConditionKeyInfo* FindKeyUncached(const Catalog& catalog, std::string_view key) {
  std::optional<ConditionKeyId> id = catalog.FindConditionKey(key);
  if (!id) {
    // Tag keys may contain `:` (`aws:secretsmanager:owningService`), which
    // the catalog's placeholder match does not accept: try the family.
    size_t slash = key.find('/');
    // Some services spell the family `.../tag-key`, which the catalog
    // resolves only for global keys.
    if (slash != key.npos && slash + 1 < key.size()) {
      id = catalog.FindConditionKey(std::string(key.substr(0, slash + 1)) + "x");
      if (!id) id = catalog.FindConditionKey(std::string(key.substr(0, slash + 1)) + "tag-key");
    }
  }
  return id ? &catalog.condition_key(*id) : nullptr;
}

bool KeyAppliesTo(const Catalog& catalog, ActionId action, std::string_view key) {
  if (catalog.FindConditionKeyFor(action, key)) return true;
  size_t slash = key.find('/');
  if (slash == key.npos || slash + 1 == key.size()) return false;
  std::string family(key.substr(0, slash + 1));
  return catalog.FindConditionKeyFor(action, family + "x") ||
         catalog.FindConditionKeyFor(action, family + "tag-key");
}

std::string KeyPrefix(std::string_view key) {
  std::string prefix(key.substr(0, std::min(key.find(':'), key.size())));
  for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return prefix;
}

}  // namespace iamlint::lint
