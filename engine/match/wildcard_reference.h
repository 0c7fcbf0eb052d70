// WildcardMatchReference: the obviously correct glob matcher, used only as an
// oracle.
//
// It answers the same question as Wildcard::Match (wildcard.h) by dynamic
// programming over (pattern position, text position): O(n * m) time for a
// text of n bytes and a pattern of m pieces-expanded bytes, O(m) memory,
// iterative. It has no strategies and no search tables, so it is easy to
// check by reading; the differential tests and the wildcard fuzzer compare
// Wildcard against it (style rule 17). Do not use it on hot paths.
//
// Semantics (spec §2.1): `*` pieces match any run of bytes including the
// empty run, `?` pieces exactly one byte, literal pieces their bytes exactly
// (case-sensitive, byte-wise; a literal `*` or `?` in a literal piece is just
// a byte). The whole text must match.
//
// Thread-safety: pure functions, safe to call concurrently.
#ifndef IAMLINT_ENGINE_MATCH_WILDCARD_REFERENCE_H_
#define IAMLINT_ENGINE_MATCH_WILDCARD_REFERENCE_H_

#include <string_view>

#include "engine/match/glob.h"

namespace iamlint {

// True iff the whole of `text` matches `pattern`.
bool WildcardMatchReference(const Glob& pattern, std::string_view text);

// WildcardMatchReference(Glob::Parse(pattern), text): every `*` and `?` in
// `pattern` is a wildcard.
bool WildcardMatchReference(std::string_view pattern, std::string_view text);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_MATCH_WILDCARD_REFERENCE_H_
