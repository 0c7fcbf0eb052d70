// RenderSnippet: the source line of a diagnostic and a caret under it, the
// shape of ninja's Lexer::Error:
//
//       "Effect": "allow",
//                 ^~~~~~~
//
// Control characters from the input (ESC and friends) are shown as `?` so
// a policy can never drive the user's terminal; tabs keep the caret aligned.
#ifndef IAMLINT_LINT_REPORT_SNIPPET_H_
#define IAMLINT_LINT_REPORT_SNIPPET_H_

#include <string>

#include "engine/source/source_manager.h"
#include "engine/source/span.h"

namespace iamlint::lint {

// Two lines, each ending in '\n', each indented by two spaces; empty when
// the span has no source.
std::string RenderSnippet(const SourceManager& sources, const Span& span);

// `text` with control characters replaced by `?` (tab kept).
std::string SanitizeForTerminal(std::string_view text);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_REPORT_SNIPPET_H_
