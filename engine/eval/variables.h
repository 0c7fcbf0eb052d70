// Policy-variable substitution at evaluation time (semantics §4).
//
// A template (policy_variable.h) becomes a Glob: literal text keeps its `*`
// and `?` wildcards when `wildcards` is true, while substituted values and
// the `${*}` `${?}` `${$}` escapes are always literal characters.
#ifndef IAMLINT_ENGINE_EVAL_VARIABLES_H_
#define IAMLINT_ENGINE_EVAL_VARIABLES_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/eval/request.h"
#include "engine/match/glob.h"
#include "engine/policy/policy_variable.h"

namespace iamlint {

// The value of `${key}`: the key's single value, else the default, else
// nothing (absent key without default, or a multivalued key).
std::optional<std::string> ResolveVariable(const TemplatePart& part, const Request& request);

// Substitutes every variable. Returns false when one cannot be resolved
// (the caller then treats the pattern as matching nothing).
bool SubstituteToGlob(const std::vector<TemplatePart>& parts, const Request& request,
                      bool wildcards, Glob* out);

// Same, into plain text (for operators without wildcards).
bool SubstituteToText(const std::vector<TemplatePart>& parts, const Request& request,
                      std::string* out);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_VARIABLES_H_
