// Policy variables: `${aws:username}`, `${key, 'default'}`, `${*}`, `${?}`,
// `${$}` (IAM semantics §4).
//
// ParseTemplate splits a policy string into literal text, variables and
// escapes. The validator uses the errors; the compiler uses the parts to
// substitute request values. Variables are recognised only under Version
// 2012-10-17; callers decide that, this file only reads the syntax.
#ifndef IAMLINT_ENGINE_POLICY_POLICY_VARIABLE_H_
#define IAMLINT_ENGINE_POLICY_POLICY_VARIABLE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iamlint {

struct TemplatePart {
  enum class Kind {
    kLiteral,   // text, may contain * and ? wildcards
    kVariable,  // ${key} or ${key, 'default'}
    kEscape,    // ${*} ${?} ${$}: one literal character, never a wildcard
  };
  Kind kind = Kind::kLiteral;
  std::string text;                     // literal text, or the escaped character
  std::string key;                      // variable key, ASCII-lowercased
  std::string key_as_written;
  std::optional<std::string> fallback;  // the default value
  size_t offset = 0;                    // byte offset of the part in the input
  size_t length = 0;
};

enum class TemplateError {
  kNone,
  kEmptyVariable,   // ${}
  kMissingBrace,    // ${aws:username
  kSpaceInKey,      // ${aws: username}
  kMissingQuote,    // ${aws:username, default}
};

struct TemplateParse {
  std::vector<TemplatePart> parts;
  bool has_variables = false;  // any kVariable or kEscape part
  TemplateError error = TemplateError::kNone;
  size_t error_offset = 0;     // byte offset of the faulty `${`
};

// Never fails outright: on a syntax error the faulty `${...` and the rest
// of the text become literal text, and `error` says what was wrong.
TemplateParse ParseTemplate(std::string_view text);

// A one-line description of a TemplateError for messages.
std::string_view TemplateErrorMessage(TemplateError error);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_POLICY_POLICY_VARIABLE_H_
