// RenderSnippet: the source line of a diagnostic and a caret under it, the
// shape of ninja's Lexer::Error:
//
//       "Effect": "allow",
//                 ^~~~~~~
//
// Control characters from the input (ESC and friends, C1 controls, malformed
// UTF-8, bidirectional overrides) are shown as `?` so a policy can never
// drive the user's terminal; tabs keep the caret aligned.
#ifndef IAMLINT_LINT_REPORT_SNIPPET_H_
#define IAMLINT_LINT_REPORT_SNIPPET_H_

#include <string>

#include "engine/source/source_manager.h"
#include "engine/source/span.h"

namespace iamlint::lint {

// Two lines, each ending in '\n', each indented by two spaces; empty when
// the span has no source.
std::string RenderSnippet(const SourceManager& sources, const Span& span);

// `text` with every character a terminal could act on replaced by `?`: C0
// controls but tab (so also CR and LF), DEL, C1 controls (U+0080..U+009F),
// bytes that are not well-formed UTF-8, and the bidirectional embedding,
// override and isolate controls (U+202A..U+202E, U+2066..U+2069). One `?`
// per character (per byte for malformed bytes).
std::string SanitizeForTerminal(std::string_view text);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_REPORT_SNIPPET_H_
