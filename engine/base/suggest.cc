#include "engine/base/suggest.h"

#include <algorithm>
#include <cctype>

namespace iamlint {

size_t EditDistance(std::string_view a, std::string_view b) {
  constexpr size_t kMaxLength = 256;
  if (a.size() > kMaxLength || b.size() > kMaxLength) return static_cast<size_t>(-1) / 2;
  auto fold = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates) {
  size_t limit = std::max<size_t>(2, word.size() / 3);
  size_t best = limit + 1;
  std::string_view best_word;
  for (std::string_view c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best) {
      best = d;
      best_word = c;
    }
  }
  return std::string(best_word);
}

}  // namespace iamlint
