// Request: one authorization question, normalized once so evaluation never
// re-parses it: the action split and case-folded, context keys case-folded
// (AWS compares key names case-insensitively, values per operator), the
// caller parsed, and the resource account derived.
//
// A context key is either absent or present with zero or more values. A key
// given as a list is multivalued; keys that differ only in case merge.
//
// Thread safety: immutable after Finish(); const methods are thread-safe.
#ifndef IAMLINT_ENGINE_EVAL_REQUEST_H_
#define IAMLINT_ENGINE_EVAL_REQUEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/caller.h"

namespace iamlint {

struct ContextEntry {
  std::string key;  // ASCII-lowercased
  std::vector<std::string> values;
  bool is_list = false;  // given as an array (a multivalued key)
};

class Request {
 public:
  Request() = default;

  void set_principal(std::string_view principal) { principal_ = std::string(principal); }
  void set_action(std::string_view action) { action_ = std::string(action); }
  void set_resource(std::string_view resource) { resource_ = std::string(resource); }
  void set_resource_account(std::string_view account) { resource_account_ = std::string(account); }
  // Adds values for `key`; a key repeated in another letter case merges.
  void AddContext(std::string_view key, std::vector<std::string> values, bool is_list);

  // Derives the normalized fields. REQUIRES: called once after the setters.
  void Finish();

  const std::string& principal() const { return principal_; }
  const std::string& action() const { return action_; }
  const std::string& resource() const { return resource_; }
  // The account owning the resource: as given, else the ARN's account field,
  // else the caller's account.
  const std::string& resource_account() const { return resource_account_; }
  const CallerIdentity& caller() const { return caller_; }
  // Lowercased service prefix and action name ("s3", "getobject"); empty
  // service when the action has no `:`.
  std::string_view action_service() const {
    return std::string_view(action_lower_).substr(0, service_length_);
  }
  std::string_view action_name() const {
    return std::string_view(action_lower_).substr(name_offset_);
  }
  const std::vector<ContextEntry>& context() const { return context_; }

  // The entry for `lowered_key`, or null when the key is absent.
  const ContextEntry* Find(std::string_view lowered_key) const;

 private:
  std::string principal_, action_, resource_, resource_account_;
  CallerIdentity caller_;
  // Offsets, not views: a Request is copied and moved (inside Case), and a
  // view into a short string's inline buffer would dangle after the move.
  std::string action_lower_;
  size_t service_length_ = 0;
  size_t name_offset_ = 0;
  std::vector<ContextEntry> context_;  // sorted by key after Finish()
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_REQUEST_H_
