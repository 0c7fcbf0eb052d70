#include "lint/checks/covering_action.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace iamlint::lint {

std::vector<size_t> FindCoveringActionsReference(const std::vector<PreparedAction>& values) {
  std::vector<size_t> covering(values.size(), kNoCoveringAction);
  for (size_t i = 0; i < values.size(); ++i) {
    for (size_t j = 0; j < values.size(); ++j) {
      if (i == j) continue;
      bool same = values[i].lowered == values[j].lowered;
      if (same && j > i) continue;  // of two equal values the later one is redundant
      if (same || PreparedCovers(values[j], values[i])) {
        covering[i] = j;
        break;
      }
    }
  }
  return covering;
}

std::vector<size_t> FindCoveringActions(const std::vector<PreparedAction>& values) {
  std::vector<size_t> covering(values.size(), kNoCoveringAction);
  // First index of each lower-cased value, and of each `prefix*` prefix.
  std::unordered_map<std::string_view, size_t> first_of_value;
  std::unordered_map<std::string_view, size_t> first_of_prefix;
  std::vector<size_t> other_patterns;  // wildcards that are not `prefix*`
  first_of_value.reserve(values.size());
  for (size_t j = 0; j < values.size(); ++j) {
    const PreparedAction& v = values[j];
    first_of_value.emplace(v.lowered, j);
    if (v.prefix_star != PreparedAction::kNotPrefix) {
      first_of_prefix.emplace(std::string_view(v.lowered).substr(0, v.prefix_star), j);
    } else if (v.wildcard) {
      other_patterns.push_back(j);
    }
  }
  for (size_t i = 0; i < values.size(); ++i) {
    const PreparedAction& v = values[i];
    std::string_view text = v.lowered;
    size_t best = kNoCoveringAction;
    if (size_t first = first_of_value.at(text); first < i) best = first;
    if (!first_of_prefix.empty()) {
      for (size_t length = 0; length <= text.size(); ++length) {
        auto it = first_of_prefix.find(text.substr(0, length));
        // The pattern equal to `v` itself is the duplicate rule's business.
        if (it != first_of_prefix.end() && values[it->second].lowered != text) {
          best = std::min(best, it->second);
        }
      }
    }
    if (!v.wildcard && v.id) {
      for (size_t j : other_patterns) {
        if (j >= best) break;
        if (values[j].lowered != text && PreparedCovers(values[j], v)) best = j;
      }
    }
    covering[i] = best;
  }
  return covering;
}

}  // namespace iamlint::lint
