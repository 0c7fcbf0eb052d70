// Glob: a parsed IAM wildcard pattern, kept as a sequence of pieces.
//
// IAM's wildcard language (spec §2.1) has two wildcards, `*` (any run of
// characters, including none) and `?` (exactly one character), and no escape
// syntax. A literal `*` or `?` can still reach a pattern: through the policy
// variables `${*}` and `${?}`, or through any substituted variable whose value
// contains those characters (spec §4: substituted text is literal). A plain
// string cannot say which `*` is which, so every matcher in engine/match takes
// a Glob, whose pieces say it explicitly:
//
//   Glob::Parse("s3:Get*")       -> [lit "s3:Get"] [star]
//   Glob g; g.AppendLiteral("a*"); g.AppendStar();
//                                -> [lit "a*"] [star]      (the first * is text)
//
// Parse() is for text in which every `*` and `?` is a wildcard (Action values,
// Resource text without variables). The evaluator's variable substitution
// builds Globs with the Append* methods instead.
//
// Matching is byte-wise; for case-insensitive uses, match Folded() against
// AsciiLower(text).
#ifndef IAMLINT_ENGINE_MATCH_GLOB_H_
#define IAMLINT_ENGINE_MATCH_GLOB_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/ascii.h"  // AsciiLower, HasAsciiUpper

namespace iamlint {

// One element of a Glob. A plain struct: `text` is meaningful only for
// kLiteral pieces and is empty for the wildcards.
struct GlobPiece {
  enum class Kind { kLiteral, kStar, kQuestion };

  Kind kind = Kind::kLiteral;
  std::string text;  // kLiteral only: the bytes to match, may contain * and ?

  friend bool operator==(const GlobPiece&, const GlobPiece&) = default;
};

// A wildcard pattern as pieces. A value type: copyable, movable, and safe to
// read from several threads once built. The builders are not thread-safe.
//
// INVARIANT (kept by every builder, relied on by Wildcard):
//   - no literal piece is empty;
//   - no two literal pieces are adjacent (AppendLiteral merges them);
//   - no two star pieces are adjacent (`**` collapses to `*`, which matches
//     exactly the same texts).
// Equality is structural: `*?` and `?*` match the same texts but differ.
class Glob {
 public:
  // The empty pattern, which matches only the empty text.
  Glob() = default;

  // Parses `pattern` treating every `*` and every `?` as a wildcard and every
  // other byte as literal. Never fails: every string is a pattern.
  static Glob Parse(std::string_view pattern);

  // A pattern with no wildcards that matches exactly `text` (even if `text`
  // contains `*` or `?`).
  static Glob Literal(std::string_view text);

  // Builders. Each appends to the end and keeps the invariant above.
  // AppendLiteral("") is a no-op; a literal next to a literal merges; a star
  // next to a star is dropped.
  void AppendLiteral(std::string_view text);
  void AppendStar();
  void AppendQuestion();
  // Appends all pieces of `other` (merging at the seam as above).
  void Append(const Glob& other);

  const std::vector<GlobPiece>& pieces() const { return pieces_; }
  bool empty() const { return pieces_.empty(); }

  // True iff some piece is a star or a question mark. A Glob without
  // wildcards matches exactly one text: LiteralText().
  bool has_wildcards() const;

  // The concatenated literal pieces. Meaningful as "the one matching text"
  // only when !has_wildcards().
  std::string LiteralText() const;

  // Renders the pattern with wildcards as `*` and `?`. A literal `*` or `?`
  // renders the same way, so this is lossy; use it for messages about
  // patterns that came from Parse(), or use ToPolicyText().
  std::string ToString() const;

  // Renders the pattern in policy syntax, losslessly: wildcards as `*` and
  // `?`, literal `*`/`?` as `${*}`/`${?}`, and a literal `$` that is followed
  // by `{` as `${$}` so the result never contains an accidental variable.
  std::string ToPolicyText() const;

  // A copy with ASCII letters in literal pieces lowercased. For
  // case-insensitive matching: match Folded() against AsciiLower(text).
  Glob Folded() const;

  friend bool operator==(const Glob&, const Glob&) = default;

 private:
  std::vector<GlobPiece> pieces_;
};



}  // namespace iamlint

#endif  // IAMLINT_ENGINE_MATCH_GLOB_H_
