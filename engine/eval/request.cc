#include "engine/eval/request.h"

#include "engine/base/ascii.h"

#include <algorithm>
#include <cctype>

namespace iamlint {

namespace {

// Up to this many context keys Find scans; above, it binary-searches the
// sorted keys. Tests check both against a plain search.
constexpr size_t kLinearFindMax = 16;

}  // namespace

void Request::AddContext(std::string_view key, std::vector<std::string> values, bool is_list) {
  std::string lowered = AsciiLower(key);
  for (ContextEntry& e : context_) {
    if (e.key == lowered) {
      e.values.insert(e.values.end(), values.begin(), values.end());
      e.is_list = e.is_list || is_list;
      return;
    }
  }
  context_.push_back(ContextEntry{std::move(lowered), std::move(values), is_list});
}

void Request::Finish() {
  std::sort(context_.begin(), context_.end(),
            [](const ContextEntry& a, const ContextEntry& b) { return a.key < b.key; });
  caller_ = ParseCaller(principal_);
  action_lower_ = AsciiLower(action_);
  size_t colon = action_lower_.find(':');
  if (colon == std::string::npos) {
    service_length_ = 0;
    name_offset_ = 0;
  } else {
    service_length_ = colon;
    name_offset_ = colon + 1;
  }
  if (resource_account_.empty() && resource_.rfind("arn:", 0) == 0) {
    // arn:partition:service:region:account:...
    size_t pos = 0;
    for (int i = 0; i < 4 && pos != std::string::npos; ++i) {
      pos = resource_.find(':', pos);
      if (pos != std::string::npos) ++pos;
    }
    if (pos != std::string::npos) {
      size_t end = resource_.find(':', pos);
      if (end != std::string::npos) resource_account_ = resource_.substr(pos, end - pos);
    }
  }
  if (resource_account_.empty()) resource_account_ = caller_.account;
}

const ContextEntry* Request::Find(std::string_view lowered_key) const {
  // A request has a handful of keys: compare lengths first (they sit in the
  // entries themselves) and touch a key's characters only when its length
  // matches. A binary search reads log2(n) keys, each usually a separate
  // heap block, which costs cache misses when the request is not in cache.
  if (context_.size() <= kLinearFindMax) {
    for (const ContextEntry& e : context_) {
      if (e.key.size() == lowered_key.size() && e.key == lowered_key) return &e;
    }
    return nullptr;
  }
  auto it = std::lower_bound(context_.begin(), context_.end(), lowered_key,
                             [](const ContextEntry& e, std::string_view k) { return e.key < k; });
  if (it == context_.end() || it->key != lowered_key) return nullptr;
  return &*it;
}

}  // namespace iamlint
