// Wildcard: a compiled, immutable matcher for one IAM wildcard pattern.
//
// Design note (engine/match). Every place IAM compares text against a
// pattern — Action names, Resource ARNs, StringLike, ArnLike — reduces to the
// glob primitive of spec §2.1: `*` matches any run of bytes (even empty), `?`
// exactly one byte, everything else itself. The pattern arrives as a Glob
// (glob.h), which already says which `*`/`?` are wildcards and which are
// literal text from `${*}`/`${?}` or substituted variables.
//
// Compilation picks a strategy from the pattern's shape, because almost all
// real patterns are trivial:
//
//   kAny      `*`                 always true
//   kExact    `s3:GetObject`      one string comparison
//   kPrefix   `s3:Get*`           starts_with
//   kSuffix   `*.example.com`     ends_with
//   kGeneral  everything else     segment matcher, below
//
// The general matcher splits the pattern at its stars into segments (runs of
// literal bytes and `?`). The first segment must match at the start of the
// text, the last at the end, and each middle segment is found at its leftmost
// position after the previous one. Leftmost placement is always safe for
// globs: segments have fixed lengths, so ending a segment earlier never
// removes an option for the segments after it. No backtracking is needed.
//
// Cost of Match() with n = text length and m = pattern length, worst case:
//   - segments of literal bytes: O(n + m) overall (short segments use
//     std::string_view::find, whose worst case O(n * k) is bounded by the
//     short-segment limit k; longer segments use Knuth-Morris-Pratt);
//   - segments containing `?`: bit-parallel shift-and, O(n * ceil(k / 64))
//     for a segment of length k.
// Each middle segment scans only the text after the previous match, so the
// scans never overlap. A 100,000-byte pattern `*a*a*…*b` against a
// 1,000,000-byte text runs in milliseconds. Compilation is O(m) time and
// memory (plus 512 bytes per `?`-segment and one mask word per byte value
// present in it per 64 pattern bytes).
//
// Matching is byte-wise and case-sensitive. Case-insensitive callers (Action
// matching, ARN fields 2-5) compile with FromPatternFolded() or from
// Glob::Folded(), and pass text lowered with AsciiLower().
//
// WildcardMatchReference (wildcard_reference.h) is the slow, obviously
// correct oracle; tests compare the two on random inputs.
#ifndef IAMLINT_ENGINE_MATCH_WILDCARD_H_
#define IAMLINT_ENGINE_MATCH_WILDCARD_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "engine/match/glob.h"

namespace iamlint {

class WildcardProgram;  // Defined in wildcard.cc; the kGeneral segment matcher.

// A compiled pattern. Immutable after construction; Match() is const and safe
// to call from any number of threads at once. Copying is cheap (the general
// program is shared, never modified).
class Wildcard {
 public:
  enum class Strategy { kAny, kExact, kPrefix, kSuffix, kGeneral };

  // The empty pattern (kExact ""), which matches only the empty text.
  Wildcard();

  // Compiles `glob`, case-sensitively. Never fails.
  static Wildcard Compile(const Glob& glob);

  // Compile(Glob::Parse(pattern)): every `*` and `?` is a wildcard.
  static Wildcard FromPattern(std::string_view pattern);

  // Compile(Glob::Parse(pattern).Folded()): literal ASCII letters are
  // lowercased. REQUIRES: callers pass text lowered with AsciiLower().
  static Wildcard FromPatternFolded(std::string_view pattern);

  // True iff the whole of `text` matches the pattern.
  bool Match(std::string_view text) const;

  Strategy strategy() const { return strategy_; }

  // The pattern this was compiled from (after folding, if folded).
  const Glob& glob() const { return glob_; }

  // The smallest text length that can match: literal bytes plus `?` count.
  size_t min_length() const { return min_length_; }

 private:
  Strategy strategy_ = Strategy::kExact;
  Glob glob_;
  size_t min_length_ = 0;
  // kExact: the whole text; kPrefix: the prefix; kSuffix: the suffix.
  std::string literal_;
  // kGeneral only. Shared because it is immutable and may be large.
  std::shared_ptr<const WildcardProgram> program_;
};

std::string_view StrategyName(Wildcard::Strategy strategy);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_MATCH_WILDCARD_H_
