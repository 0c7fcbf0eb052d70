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
  for (size_t i = 0; i < caret_at && i < shown.size(); ++i) out.push_back(shown[i] == '\t' ? '\t' : ' ');
  out.push_back('^');
  size_t span_len = span.end > span.begin ? span.end - span.begin : 1;
  size_t room = shown.size() > caret_at ? shown.size() - caret_at : 0;
  size_t tildes = std::min(span_len, room);
  for (size_t i = 1; i < tildes; ++i) out.push_back('~');
  out.push_back('\n');
  return out;
}

}  // namespace iamlint::lint
