#include "engine/match/glob.h"

#include <algorithm>

namespace iamlint {

// Policy text has no escape syntax (spec §2.1), so parsing is a plain split:
// the only way to get a literal `*` is through a builder.
Glob Glob::Parse(std::string_view pattern) {
  Glob glob;
  size_t literal_start = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c != '*' && c != '?') continue;
    glob.AppendLiteral(pattern.substr(literal_start, i - literal_start));
    if (c == '*') {
      glob.AppendStar();
    } else {
      glob.AppendQuestion();
    }
    literal_start = i + 1;
  }
  glob.AppendLiteral(pattern.substr(literal_start));
  return glob;
}

Glob Glob::Literal(std::string_view text) {
  Glob glob;
  glob.AppendLiteral(text);
  return glob;
}

void Glob::AppendLiteral(std::string_view text) {
  // Empty literals would create empty segments in Wildcard; merged literals
  // let Wildcard recognise kExact/kPrefix/kSuffix from the piece count alone.
  if (text.empty()) return;
  if (!pieces_.empty() && pieces_.back().kind == GlobPiece::Kind::kLiteral) {
    pieces_.back().text.append(text);
    return;
  }
  pieces_.push_back(GlobPiece{GlobPiece::Kind::kLiteral, std::string(text)});
}

void Glob::AppendStar() {
  // `**` matches exactly what `*` matches; collapsing keeps the matchers'
  // segment lists free of empty middle segments.
  if (!pieces_.empty() && pieces_.back().kind == GlobPiece::Kind::kStar) return;
  pieces_.push_back(GlobPiece{GlobPiece::Kind::kStar, {}});
}

// `?` runs are not merged: each stands for exactly one byte.
void Glob::AppendQuestion() {
  pieces_.push_back(GlobPiece{GlobPiece::Kind::kQuestion, {}});
}

void Glob::Append(const Glob& other) {
  for (const GlobPiece& piece : other.pieces_) {
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        AppendLiteral(piece.text);
        break;
      case GlobPiece::Kind::kStar:
        AppendStar();
        break;
      case GlobPiece::Kind::kQuestion:
        AppendQuestion();
        break;
    }
  }
}

bool Glob::has_wildcards() const {
  return std::any_of(pieces_.begin(), pieces_.end(), [](const GlobPiece& piece) {
    return piece.kind != GlobPiece::Kind::kLiteral;
  });
}

std::string Glob::LiteralText() const {
  std::string out;
  for (const GlobPiece& piece : pieces_) out += piece.text;
  return out;
}

std::string Glob::ToString() const {
  std::string out;
  for (const GlobPiece& piece : pieces_) {
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        out += piece.text;
        break;
      case GlobPiece::Kind::kStar:
        out += '*';
        break;
      case GlobPiece::Kind::kQuestion:
        out += '?';
        break;
    }
  }
  return out;
}

std::string Glob::ToPolicyText() const {
  std::string out;
  for (const GlobPiece& piece : pieces_) {
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        for (size_t i = 0; i < piece.text.size(); ++i) {
          const char c = piece.text[i];
          if (c == '*') {
            out += "${*}";
          } else if (c == '?') {
            out += "${?}";
          } else if (c == '$' && i + 1 < piece.text.size() && piece.text[i + 1] == '{') {
            // Without the escape, `${` would start a variable when re-read.
            out += "${$}";
          } else {
            out += c;
          }
        }
        break;
      case GlobPiece::Kind::kStar:
        out += '*';
        break;
      case GlobPiece::Kind::kQuestion:
        out += '?';
        break;
    }
  }
  return out;
}

Glob Glob::Folded() const {
  Glob out = *this;
  for (GlobPiece& piece : out.pieces_) {
    if (piece.kind == GlobPiece::Kind::kLiteral) piece.text = AsciiLower(piece.text);
  }
  return out;
}


}  // namespace iamlint
