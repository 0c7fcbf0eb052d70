// Span: where a piece of the model came from in the user's input.
//
// A Span is a half-open byte range [begin, end) inside one source buffer owned
// by a SourceManager. It is a 12-byte value, trivially copyable, and carries no
// pointer, so diagnostics and model nodes can hold it freely. Line and column
// are computed on demand by SourceManager::Locate (1-based, columns in bytes).
//
// Located<T> pairs a value with its span. Equality compares the value only:
// positions ride along but never change meaning (Cedar's Node<T> rule).
#ifndef IAMLINT_ENGINE_SOURCE_SPAN_H_
#define IAMLINT_ENGINE_SOURCE_SPAN_H_

#include <cstdint>
#include <utility>

namespace iamlint {

// Identifies one buffer of a SourceManager. kNoSource marks a synthesized value
// (for example a default filled in by a builder) that has no place in any input.
using SourceId = uint32_t;
inline constexpr SourceId kNoSource = 0xffffffffu;

struct Span {
  SourceId source = kNoSource;
  uint32_t begin = 0;  // byte offset of the first byte
  uint32_t end = 0;    // byte offset one past the last byte

  bool valid() const { return source != kNoSource; }
  uint32_t size() const { return end - begin; }
};

template <typename T>
struct Located {
  T value{};
  Span span;

  bool operator==(const Located& other) const { return value == other.value; }
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_SOURCE_SPAN_H_
