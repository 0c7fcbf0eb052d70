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
// Worst-case cost of Match() for text length n and pattern length m:
// literal segments O(n + m) overall (string_view::find up to 16 bytes, where
// its O(n * 16) worst case is still linear; Knuth-Morris-Pratt beyond); a
// segment of length k with `?` O(n * ceil(k / 64)) by bit-parallel
// shift-and. Middle segments scan disjoint parts of the text, so a
// 100,000-byte `*a*a*…*b` against 1,000,000 bytes takes milliseconds.
// Compilation is O(m).
//
// Matching is case-sensitive, and `?` matches one character (one UTF-8
// sequence), as AWS's `?` does; `*` may match any run of bytes. Case-insensitive callers (Action
// matching, ARN fields 2-5) compile with FromPatternFolded() or from
// Glob::Folded(), and pass text lowered with AsciiLower().
//
// The oracle is WildcardMatchReference (wildcard_reference.h).
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
  bool MatchBytes(std::string_view text) const;
  bool MatchByCharacter(std::string_view text) const;

  bool has_question_ = false;
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
