// ASCII case helpers. ASCII only on purpose: IAM element names, action
// names, condition keys and ARN fields 2-5 are ASCII, and a locale-dependent
// tolower would make results depend on the environment. Condition values
// that need Unicode folding (StringEqualsIgnoreCase) use eval/case_fold.h.
#ifndef IAMLINT_ENGINE_BASE_ASCII_H_
#define IAMLINT_ENGINE_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace iamlint {

// `text` with A-Z turned into a-z; every other byte unchanged.
std::string AsciiLower(std::string_view text);

// True iff `text` contains an ASCII uppercase letter.
bool HasAsciiUpper(std::string_view text);

// True iff `a` and `b` are equal once A-Z are folded to a-z.
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_BASE_ASCII_H_
