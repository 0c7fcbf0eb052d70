#include "engine/json/json_string_offsets.h"

#include "engine/base/check.h"

namespace iamlint {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Bytes of the UTF-8 encoding of code point `cp`.
size_t Utf8Length(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

}  // namespace

std::vector<uint32_t> JsonStringOffsets(const SourceManager& sources, JsonValue value) {
  IAMLINT_CHECK(value.is_string());
  const Span span = value.span();
  const std::string_view src = sources.text(span.source);
  const size_t want = value.text().size();
  std::vector<uint32_t> offsets;
  offsets.reserve(want + 1);
  // Between the quotes; the reader validated the token, so escapes are well
  // formed. Still, never read past the span nor emit more than `want`.
  size_t i = span.begin + 1;
  const size_t stop = span.end > span.begin ? span.end - 1 : span.begin;
  while (i < stop && offsets.size() < want) {
    const uint32_t at = static_cast<uint32_t>(i);
    if (src[i] != '\\') {
      offsets.push_back(at);
      ++i;
      continue;
    }
    if (i + 1 >= stop) break;
    char e = src[i + 1];
    if (e != 'u') {
      offsets.push_back(at);
      i += 2;
      continue;
    }
    // \uXXXX, possibly a surrogate pair \uD83D\uDE00 (one 4-byte character).
    uint32_t cp = 0;
    for (size_t k = 0; k < 4 && i + 2 + k < stop; ++k) {
      int h = HexValue(src[i + 2 + k]);
      cp = cp * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
    }
    size_t consumed = 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 7 < stop && src[i + 6] == '\\' && src[i + 7] == 'u') {
      cp = 0x10000;
      consumed = 12;
    }
    for (size_t k = 0; k < Utf8Length(cp); ++k) offsets.push_back(at);
    i += consumed;
  }
  // Defensive: whatever happened, the contract is size + 1 entries.
  while (offsets.size() < want) offsets.push_back(static_cast<uint32_t>(stop));
  offsets.resize(want);
  offsets.push_back(static_cast<uint32_t>(stop));
  return offsets;
}

bool UrlDecodeWithOffsets(std::string_view text, const std::vector<uint32_t>& offsets,
                          std::string* decoded, std::vector<uint32_t>* decoded_offsets) {
  IAMLINT_CHECK(offsets.size() == text.size() + 1);
  decoded->clear();
  decoded_offsets->clear();
  decoded->reserve(text.size());
  decoded_offsets->reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return false;
      int hi = HexValue(text[i + 1]), lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return false;
      decoded->push_back(static_cast<char>(hi * 16 + lo));
      decoded_offsets->push_back(offsets[i]);
      i += 3;
      continue;
    }
    decoded->push_back(c == '+' ? ' ' : c);
    decoded_offsets->push_back(offsets[i]);
    ++i;
  }
  decoded_offsets->push_back(offsets[text.size()]);
  return true;
}

}  // namespace iamlint
