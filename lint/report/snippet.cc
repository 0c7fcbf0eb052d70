#include "lint/report/snippet.h"

#include <algorithm>

namespace iamlint::lint {

std::string SanitizeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    out.push_back((c < 0x20 && c != '\t') || c == 0x7F ? '?' : ch);
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
  // Columns in the header count bytes; on screen a UTF-8 character takes one
  // cell, so continuation bytes add no padding and no tilde.
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  for (size_t i = 0; i < caret_at && i < shown.size(); ++i) {
    if (continuation(shown[i])) continue;
    out.push_back(shown[i] == '\t' ? '\t' : ' ');
  }
  out.push_back('^');
  // In the user's file: a span inside a decoded string covers its escapes.
  uint32_t origin_begin = sources.OriginOffset(span.source, span.begin);
  uint32_t origin_end = sources.OriginOffset(span.source, span.end);
  size_t span_len = origin_end > origin_begin ? origin_end - origin_begin : 1;
  size_t stop = std::min(shown.size(), caret_at + span_len);
  for (size_t i = caret_at + 1; i < stop; ++i) {
    if (!continuation(shown[i])) out.push_back('~');
  }
  out.push_back('\n');
  return out;
}

}  // namespace iamlint::lint
