// Facts about AWS global condition keys (`aws:*`) that the validator and
// evaluator need without the service catalog: which keys are multivalued
// (ArrayOf… types, semantics §6) and which are Boolean.
#ifndef IAMLINT_ENGINE_POLICY_GLOBAL_KEYS_H_
#define IAMLINT_ENGINE_POLICY_GLOBAL_KEYS_H_

#include <string_view>

namespace iamlint {

// `key` is compared case-insensitively.
bool IsMultivaluedGlobalKey(std::string_view key);
bool IsBoolGlobalKey(std::string_view key);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_POLICY_GLOBAL_KEYS_H_
