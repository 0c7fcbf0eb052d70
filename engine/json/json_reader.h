// ReadJson: bytes of one SourceManager buffer → JsonDocument, with positions.
//
// This is the only door through which RapidJSON enters iamlint (a ctest
// guard checks that). Parsing is SAX and iterative: no recursion on input
// depth, and nesting deeper than JsonReadOptions::max_depth stops the read
// with a diagnostic. Strings are validated as UTF-8 (no overlong forms, no
// surrogates), numbers are kept as raw text whatever their size (a
// 10,000-digit integer or 1e400 is valid JSON), a leading UTF-8 byte-order
// mark is skipped, NUL bytes are refused.
//
// Every failure becomes one Diagnostic at the exact byte where reading
// stopped, with one of these codes:
//   json-syntax      not valid JSON (the message says what was expected)
//   json-too-deep    nesting deeper than max_depth
//   json-encoding    invalid UTF-8 or a raw control character in a string,
//                    or a NUL byte anywhere
//   input-too-large  the range is larger than max_bytes
#ifndef IAMLINT_ENGINE_JSON_JSON_READER_H_
#define IAMLINT_ENGINE_JSON_JSON_READER_H_

#include <cstddef>
#include <cstdint>

#include "engine/json/json_tree.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

struct JsonReadOptions {
  // IAM documents nest about six levels deep; CloudFormation and account
  // snapshots a few more. 64 leaves ample room and bounds the work.
  uint32_t max_depth = 64;
  // Larger inputs are refused up front with `input-too-large`.
  size_t max_bytes = size_t{64} << 20;
};

// Reads the whole buffer `id`. Returns true and fills *doc on success;
// otherwise reports one diagnostic to `sink` and returns false.
[[nodiscard]] bool ReadJson(const SourceManager& sources, SourceId id,
                            const JsonReadOptions& options, JsonDocument* doc,
                            DiagnosticSink& sink);

// Reads the byte range [begin, end) of buffer `id` (for example one line of
// a JSON Lines file). Spans stay relative to the whole buffer.
// REQUIRES: begin <= end <= size of the buffer.
[[nodiscard]] bool ReadJsonRange(const SourceManager& sources, SourceId id, uint32_t begin,
                                 uint32_t end, const JsonReadOptions& options, JsonDocument* doc,
                                 DiagnosticSink& sink);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_JSON_JSON_READER_H_
