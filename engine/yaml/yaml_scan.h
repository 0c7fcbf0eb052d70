// Linear text scans that ReadYaml runs around yaml-cpp (internal to
// engine/yaml; tested through ReadYaml and directly).
//
// yaml-cpp reports where each node starts (a Mark) but not where it ends,
// and starts a node's mark at its first property (`!Tag`, `&anchor`). These
// helpers find the rest from the source text: where the content starts,
// the tag's own span, where a quoted, plain or block scalar ends, where a
// flow collection closes. yaml-cpp has already accepted the text, so they
// can be simple; when the text does not look as expected they fall back to
// a shorter span, never past the buffer.
//
// Before yaml-cpp runs at all, FindEncodingError refuses what is not UTF-8
// text and PrescanDepth bounds nesting, so deep input never reaches
// yaml-cpp's recursive parser.
//
// Every function is linear in the bytes it looks at and uses no recursion.
#ifndef IAMLINT_ENGINE_YAML_YAML_SCAN_H_
#define IAMLINT_ENGINE_YAML_YAML_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/json/json_tree.h"

namespace iamlint::yaml_internal {

inline constexpr size_t kNpos = std::string_view::npos;

// The first byte of text[from, end) that is a NUL, another C0 control
// character than tab, line feed and carriage return, or not part of valid
// UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
// U+10FFFF); kNpos when there is none. *message says what is wrong.
size_t FindEncodingError(std::string_view text, size_t from, std::string* message);

// A cheap lower bound of the nesting of text[from, end): flow collections
// (`[`, `{` outside quotes and comments) plus the block collections the
// indentation of `key:` and `- ` lines implies (block scalar bodies and
// quoted scalars skipped). Returns the offset of the first collection that
// makes it exceed max_depth, or kNpos.
size_t PrescanDepth(std::string_view text, size_t from, uint32_t max_depth);

// The properties (`!Tag`, `&anchor`, in any order) that start at `pos`,
// where yaml-cpp's mark for a node points.
struct Properties {
  size_t after = 0;          // one past the last property (pos when none)
  size_t content = 0;        // the node's first byte after them (pos when none)
  bool same_line = true;     // content is on the line of the last property
  size_t tag_begin = kNpos;  // the tag token, when there is one
  size_t tag_end = kNpos;
};
Properties SkipProperties(std::string_view text, size_t pos);

// One past the closing quote of the quoted scalar whose opening quote is at
// `pos`; kNpos when it is not closed (yaml-cpp 0.7 accepts `a: 'abc` at
// the end of the input).
size_t QuotedEnd(std::string_view text, size_t pos);

// One past the last byte of the plain scalar that starts at `pos` and whose
// value (after YAML line folding) is `value`.
size_t PlainEnd(std::string_view text, size_t pos, std::string_view value);

// One past the last non-blank byte of the block scalar (`|` or `>`) whose
// indicator is at `pos`: its header when it has no content line. Content
// lines are those indented deeper than parent_column, the column of the
// block collection holding the scalar (kNpos when it is the document).
size_t BlockScalarEnd(std::string_view text, size_t pos, size_t parent_column);

// Column (bytes from the line start) of offset `pos`.
size_t ColumnOf(std::string_view text, size_t pos);

// One past the `]` or `}` that closes a flow collection whose last element
// (or opening bracket) ends at `from`; kNpos when something else follows.
size_t FlowCloseEnd(std::string_view text, size_t from);

// One past an alias token (`*name`) at `pos`.
size_t AliasEnd(std::string_view text, size_t pos);

// True when text[pos...] is a null literal (`~`, `null`, `Null`, `NULL`)
// followed by the end of the token; *end is one past it.
bool NullLiteralAt(std::string_view text, size_t pos, size_t* end);

// The YAML 1.2 core-schema type of a plain scalar: kNull, kTrue, kFalse,
// kNumber or kString.
JsonKind ResolvePlain(std::string_view value);
bool IsCoreInt(std::string_view value);
bool IsCoreFloat(std::string_view value);

}  // namespace iamlint::yaml_internal

#endif  // IAMLINT_ENGINE_YAML_YAML_SCAN_H_
