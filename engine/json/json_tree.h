// JsonDocument: a positioned, lossless JSON tree.
//
// Every value and every object key carries its Span in the source buffer.
// Object members keep their order and duplicates (IAM's grammar forbids
// duplicate keys, and a DOM that keeps only the last one silently drops
// whole condition blocks), and numbers keep their raw source text.
//
// Storage is flat: nodes live in one vector and refer to their children by
// index, so building and destroying a tree never recurses, however deep the
// input (the reader also caps nesting, see JsonReadOptions).
//
// Ownership: a JsonDocument owns all strings; JsonValue handles are views
// valid while the document lives. Immutable after reading; const methods
// are thread-safe.
#ifndef IAMLINT_ENGINE_JSON_JSON_TREE_H_
#define IAMLINT_ENGINE_JSON_JSON_TREE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/source/span.h"

namespace iamlint {

enum class JsonKind : uint8_t { kNull, kFalse, kTrue, kNumber, kString, kArray, kObject };

// "null", "boolean", "number", "string", "array", "object": for messages.
std::string_view JsonKindName(JsonKind kind);

class JsonDocument;

// A cheap handle (document pointer + node index) to one value.
class JsonValue {
 public:
  JsonValue() = default;
  JsonValue(const JsonDocument* doc, uint32_t index) : doc_(doc), index_(index) {}

  bool valid() const { return doc_ != nullptr; }
  JsonKind kind() const;
  Span span() const;

  bool is_string() const { return kind() == JsonKind::kString; }
  bool is_array() const { return kind() == JsonKind::kArray; }
  bool is_object() const { return kind() == JsonKind::kObject; }
  bool is_bool() const { return kind() == JsonKind::kTrue || kind() == JsonKind::kFalse; }

  // True for a string some of whose text is not known before deployment
  // (a CloudFormation `!GetAtt`, a Terraform value "known after apply"):
  // JsonTreeWriter marks them. Validators must not report the text's syntax
  // (an unknown ARN is not an invalid ARN); see inputs/intrinsics.h.
  bool is_unknown() const;

  // The unescaped text of a string, the raw text of a number, "true",
  // "false" or "null" for literals; empty for arrays and objects.
  std::string_view text() const;

  // Arrays: element count and access. Objects: member count and access.
  uint32_t size() const;
  JsonValue element(uint32_t i) const;
  std::string_view key(uint32_t i) const;   // objects only
  Span key_span(uint32_t i) const;          // objects only
  JsonValue member_value(uint32_t i) const; // objects only

  // First member named `name` (exact, case-sensitive), or an invalid value.
  JsonValue Find(std::string_view name) const;

 private:
  const JsonDocument* doc_ = nullptr;
  uint32_t index_ = 0;
};

class JsonDocument {
 public:
  JsonDocument() = default;
  JsonDocument(JsonDocument&&) = default;
  JsonDocument& operator=(JsonDocument&&) = default;
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  // REQUIRES: the document was read successfully (has a root).
  JsonValue root() const { return JsonValue(this, root_); }
  bool empty() const { return nodes_.empty(); }
  size_t node_count() const { return nodes_.size(); }

 private:
  friend class JsonValue;
  friend class JsonTreeBuilder;
  friend class JsonTreeWriter;

  struct Node {
    JsonKind kind;
    uint8_t flags;        // kUnknownFlag
    Span span;
    uint32_t text_begin;  // into text_ (strings, numbers, literals, keys)
    uint32_t text_size;
    uint32_t first;       // arrays: first slot in children_; objects: first slot in members_
    uint32_t count;
  };
  struct Member {
    uint32_t key_text_begin;
    uint32_t key_text_size;
    Span key_span;
    uint32_t value;
  };

  static constexpr uint8_t kUnknownFlag = 1;

  std::vector<Node> nodes_;
  std::vector<uint32_t> children_;
  std::vector<Member> members_;
  std::string text_;
  uint32_t root_ = 0;
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_JSON_JSON_TREE_H_
