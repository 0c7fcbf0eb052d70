// Case folding for the IgnoreCase condition operators (semantics §3.2:
// "case-folded equality", iamlint decision: Unicode simple case folding).
//
// Simple case folding maps every code point to at most one code point
// (CaseFolding.txt statuses C and S), so two texts compare equal when they
// have the same length in code points and fold pairwise to the same code
// points: `CAFÉ` ≡ `café`, `ΣΟΦΙΑ` ≡ `σοφια`, `Straße` ≢ `STRASSE` (that
// needs full folding, which AWS is not documented to use).
//
// Input is UTF-8. A byte that does not start a well-formed UTF-8 sequence
// is compared as itself, exactly, so invalid input never equals valid text
// by accident. Nothing allocates; everything is pure and thread-safe.
#ifndef IAMLINT_ENGINE_EVAL_CASE_FOLD_H_
#define IAMLINT_ENGINE_EVAL_CASE_FOLD_H_

#include <string_view>

namespace iamlint {

// The simple case folding of one code point (itself when it has none).
char32_t FoldCodePoint(char32_t c);

// True when `a` and `b` are equal under simple case folding.
bool EqualsFoldedUtf8(std::string_view a, std::string_view b);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_CASE_FOLD_H_
