// StringMemo: the answers of an expensive lookup by text, remembered.
//
// For lookups that recur across the statements and documents of one run
// (an action name, a condition key, an ARN pattern's resource types): the
// first answer for a text is computed and kept, later ones are a hash
// lookup. The answers belong to one `owner` (the catalog asked): a different
// owner forgets them all. At most `capacity` texts are kept; when full, the
// memo forgets everything and starts again, so memory stays bounded.
//
// Thread safety: none; keep one per thread (`thread_local`).
#ifndef IAMLINT_ENGINE_BASE_STRING_MEMO_H_
#define IAMLINT_ENGINE_BASE_STRING_MEMO_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace iamlint {

template <typename Value>
class StringMemo {
 public:
  explicit StringMemo(size_t capacity) : capacity_(capacity) {}

  // compute(key)'s answer, computed at most once per (owner, key) while remembered.
  template <typename Compute>
  Value Get(const void* owner, std::string_view key, Compute&& compute) {
    if (owner_ != owner || answers_.size() >= capacity_) {
      owner_ = owner;
      answers_.clear();
    }
    auto it = answers_.find(key);
    if (it == answers_.end()) {
      it = answers_.emplace(std::string(key), std::forward<Compute>(compute)(key)).first;
    }
    return it->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  const void* owner_ = nullptr;
  size_t capacity_;
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> answers_;
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_BASE_STRING_MEMO_H_
