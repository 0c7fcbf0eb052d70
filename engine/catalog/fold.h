// Internal header of engine/catalog: include engine/catalog/catalog.h instead.
//
// ASCII case folding for catalog names. AWS names are ASCII; any other byte
// compares as itself, which keeps the order total and deterministic.
#ifndef IAMLINT_ENGINE_CATALOG_FOLD_H_
#define IAMLINT_ENGINE_CATALOG_FOLD_H_

#include <cstddef>
#include <string_view>

namespace iamlint::catalog_internal {

inline char FoldChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// <0, 0, >0 like memcmp, comparing the ASCII-lowercased bytes of a and b.
inline int CompareFolded(std::string_view a, std::string_view b) {
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(FoldChar(a[i]));
    const auto y = static_cast<unsigned char>(FoldChar(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

inline bool EqualsFolded(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CompareFolded(a, b) == 0;
}

// True iff the lowercased `text` starts with the lowercased `prefix`.
inline bool StartsWithFolded(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsFolded(text.substr(0, prefix.size()), prefix);
}

}  // namespace iamlint::catalog_internal

#endif  // IAMLINT_ENGINE_CATALOG_FOLD_H_
