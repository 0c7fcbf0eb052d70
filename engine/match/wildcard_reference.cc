#include "engine/match/wildcard_reference.h"

#include <cstdint>
#include <vector>

#include "engine/match/utf8.h"

namespace iamlint {

namespace {

// One pattern position: a single literal character (code point), `?` or
// `*`. Expanding literal pieces to single characters keeps the recurrence
// below uniform; `?` matches one character, whatever its UTF-8 length.
struct Atom {
  GlobPiece::Kind kind;
  uint32_t code_point;  // kLiteral only
};

}  // namespace

bool WildcardMatchReference(const Glob& pattern, std::string_view text) {
  std::vector<Atom> atoms;
  for (const GlobPiece& piece : pattern.pieces()) {
    if (piece.kind == GlobPiece::Kind::kLiteral) {
      for (uint32_t c : DecodeCodePoints(piece.text)) {
        atoms.push_back(Atom{GlobPiece::Kind::kLiteral, c});
      }
    } else {
      atoms.push_back(Atom{piece.kind, 0});
    }
  }
  const size_t m = atoms.size();
  // row[j]: the first j atoms match the text consumed so far. Only the
  // previous row is needed, which is what keeps memory at O(m).
  std::vector<char> row(m + 1, 0);
  std::vector<char> next(m + 1, 0);
  row[0] = 1;
  for (size_t j = 1; j <= m; ++j) {
    row[j] = static_cast<char>(row[j - 1] && atoms[j - 1].kind == GlobPiece::Kind::kStar);
  }
  for (uint32_t c : DecodeCodePoints(text)) {
    next[0] = 0;
    for (size_t j = 1; j <= m; ++j) {
      const Atom& atom = atoms[j - 1];
      bool value = false;
      switch (atom.kind) {
        case GlobPiece::Kind::kStar:
          // Either the star matches nothing more (next[j - 1]) or it also
          // swallows c (row[j]).
          value = next[j - 1] || row[j];
          break;
        case GlobPiece::Kind::kQuestion:
          value = row[j - 1];
          break;
        case GlobPiece::Kind::kLiteral:
          value = row[j - 1] && atom.code_point == c;
          break;
      }
      next[j] = static_cast<char>(value);
    }
    row.swap(next);
  }
  return row[m] != 0;
}

bool WildcardMatchReference(std::string_view pattern, std::string_view text) {
  return WildcardMatchReference(Glob::Parse(pattern), text);
}

}  // namespace iamlint
