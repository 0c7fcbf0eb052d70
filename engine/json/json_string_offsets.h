// Where each byte of a JSON string's decoded text comes from.
//
// Terraform plans and raw IAM API responses carry policies as JSON strings
// ("{\"Version\":...}"), sometimes URL-encoded as well. To report findings
// inside such a policy at the user's line and column, the decoded text is
// added as a derived buffer (SourceManager::AddDerivedBuffer) with the
// source offset of every decoded byte.
#ifndef IAMLINT_ENGINE_JSON_JSON_STRING_OFFSETS_H_
#define IAMLINT_ENGINE_JSON_JSON_STRING_OFFSETS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/json/json_tree.h"
#include "engine/source/source_manager.h"

namespace iamlint {

// For a string value read by ReadJson: offsets[i] is the offset, in the
// value's buffer, of the source character that produced decoded byte i
// (an escape `\n` or `\u00e9` maps all its bytes to the backslash);
// offsets.back() is the closing quote. offsets.size() == text().size() + 1.
// REQUIRES: value.is_string() and its span is the quoted token in
// sources.text(value.span().source).
std::vector<uint32_t> JsonStringOffsets(const SourceManager& sources, JsonValue value);

// URL-decodes `text` (%XX and '+' as space, as IAM encodes documents),
// composing `offsets` (one per byte of text, plus one) into the result's.
// Returns false (and leaves the outputs unspecified) on a malformed escape.
bool UrlDecodeWithOffsets(std::string_view text, const std::vector<uint32_t>& offsets,
                          std::string* decoded, std::vector<uint32_t>* decoded_offsets);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_JSON_JSON_STRING_OFFSETS_H_
