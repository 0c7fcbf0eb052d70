// UTF-8 helpers for matching: wildcards count characters, not bytes.
#ifndef IAMLINT_ENGINE_MATCH_UTF8_H_
#define IAMLINT_ENGINE_MATCH_UTF8_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace iamlint {

// True when every byte is below 0x80.
bool IsAscii(std::string_view text);

// The code points of `text`. A byte that does not start a valid UTF-8
// sequence becomes the value 0x110000 + byte, so malformed input still
// compares equal only to the same bytes.
std::vector<uint32_t> DecodeCodePoints(std::string_view text);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_MATCH_UTF8_H_
