// "Did you mean": the closest candidate to a misspelled word.
#ifndef IAMLINT_ENGINE_BASE_SUGGEST_H_
#define IAMLINT_ENGINE_BASE_SUGGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iamlint {

// Levenshtein distance with ASCII case folded, so `effect` is 0 from
// `Effect`. Iterative, O(|a|·|b|) time and O(|b|) memory; inputs longer
// than 256 bytes are not compared (returns a large number).
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` within max(2, |word|/3) edits, or "" when
// none is that close. Ties go to the earliest candidate.
std::string ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_BASE_SUGGEST_H_
