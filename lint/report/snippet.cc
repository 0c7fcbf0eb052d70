#include "lint/report/snippet.h"

#include <algorithm>

namespace iamlint::lint {

namespace {

// The length of the character at text[i]: a well-formed UTF-8 sequence
// (Unicode Table 3-7: no overlong forms, no surrogates, nothing past
// U+10FFFF), else 1 (one byte, ASCII or malformed).
size_t CharLength(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the valid range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  }
  if (length == 0 || i + length > text.size()) return 1;
  for (size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) return 1;
  }
  return length;
}

// True for the characters a terminal must not receive from input: C0
// controls but tab, DEL, malformed bytes, C1 controls (U+0080..U+009F, which
// UTF-8 terminals such as xterm act on: U+009B is CSI) and the bidirectional
// embedding, override and isolate controls (U+202A..U+202E,
// U+2066..U+2069) that reorder what is shown.
bool Unsafe(std::string_view ch) {
  const auto c = static_cast<unsigned char>(ch[0]);
  if (ch.size() == 1) return (c < 0x20 && c != '\t') || c >= 0x7F;
  const auto c1 = static_cast<unsigned char>(ch[1]);
  if (c == 0xC2) return c1 < 0xA0;
  if (c == 0xE2 && ch.size() == 3) {
    const auto c2 = static_cast<unsigned char>(ch[2]);
    if (c1 == 0x80) return c2 >= 0xAA && c2 <= 0xAE;
    if (c1 == 0x81) return c2 >= 0xA6 && c2 <= 0xA9;
  }
  return false;
}

}  // namespace

std::string SanitizeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t length = CharLength(text, i);
    const std::string_view ch = text.substr(i, length);
    if (Unsafe(ch)) {
      out.push_back('?');
    } else {
      out.append(ch);
    }
    i += length;
  }
  return out;
}

std::string RenderSnippet(const SourceManager& sources, const Span& span) {
  if (!span.valid()) return "";
  std::string_view line = sources.LineText(span.source, span.begin);
  LineColumn at = sources.Locate(span.source, span.begin);
  // Very long lines (minified JSON) are cut to a window around the caret.
  constexpr size_t kWindow = 160;
  size_t column = at.column - 1;
  size_t window_start = 0;
  if (line.size() > kWindow && column > kWindow / 2) {
    window_start = std::min(column - kWindow / 2, line.size() - kWindow);
  }
  std::string_view shown = line.substr(window_start, kWindow);
  size_t caret_at = column - window_start;
  std::string out = "  " + SanitizeForTerminal(shown) + "\n  ";
  // Columns in the header count bytes; on screen a character (a UTF-8
  // sequence, or a byte that SanitizeForTerminal shows as `?`) takes one
  // cell, so the padding and the tildes count characters.
  for (size_t i = 0; i < caret_at && i < shown.size(); i += CharLength(shown, i)) {
    out.push_back(shown[i] == '\t' ? '\t' : ' ');
  }
  out.push_back('^');
  // In the user's file: a span inside a decoded string covers its escapes.
  uint32_t origin_begin = sources.OriginOffset(span.source, span.begin);
  uint32_t origin_end = sources.OriginOffset(span.source, span.end);
  size_t span_len = origin_end > origin_begin ? origin_end - origin_begin : 1;
  size_t stop = std::min(shown.size(), caret_at + span_len);
  if (caret_at < stop) {
    for (size_t i = caret_at + CharLength(shown, caret_at); i < stop; i += CharLength(shown, i)) {
      out.push_back('~');
    }
  }
  out.push_back('\n');
  return out;
}

}  // namespace iamlint::lint
