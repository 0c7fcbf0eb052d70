#include "engine/json/json_tree.h"

#include "engine/base/check.h"

namespace iamlint {

std::string_view JsonKindName(JsonKind kind) {
  switch (kind) {
    case JsonKind::kNull:
      return "null";
    case JsonKind::kFalse:
    case JsonKind::kTrue:
      return "boolean";
    case JsonKind::kNumber:
      return "number";
    case JsonKind::kString:
      return "string";
    case JsonKind::kArray:
      return "array";
    case JsonKind::kObject:
      return "object";
  }
  return "value";
}

JsonKind JsonValue::kind() const { return doc_->nodes_[index_].kind; }
Span JsonValue::span() const { return doc_->nodes_[index_].span; }
bool JsonValue::is_unknown() const {
  return (doc_->nodes_[index_].flags & JsonDocument::kUnknownFlag) != 0;
}

std::string_view JsonValue::text() const {
  const auto& n = doc_->nodes_[index_];
  return std::string_view(doc_->text_).substr(n.text_begin, n.text_size);
}

uint32_t JsonValue::size() const {
  const auto& n = doc_->nodes_[index_];
  return (n.kind == JsonKind::kArray || n.kind == JsonKind::kObject) ? n.count : 0;
}

JsonValue JsonValue::element(uint32_t i) const {
  const auto& n = doc_->nodes_[index_];
  IAMLINT_CHECK(n.kind == JsonKind::kArray && i < n.count);
  return JsonValue(doc_, doc_->children_[n.first + i]);
}

std::string_view JsonValue::key(uint32_t i) const {
  const auto& n = doc_->nodes_[index_];
  IAMLINT_CHECK(n.kind == JsonKind::kObject && i < n.count);
  const auto& m = doc_->members_[n.first + i];
  return std::string_view(doc_->text_).substr(m.key_text_begin, m.key_text_size);
}

Span JsonValue::key_span(uint32_t i) const {
  const auto& n = doc_->nodes_[index_];
  IAMLINT_CHECK(n.kind == JsonKind::kObject && i < n.count);
  return doc_->members_[n.first + i].key_span;
}

JsonValue JsonValue::member_value(uint32_t i) const {
  const auto& n = doc_->nodes_[index_];
  IAMLINT_CHECK(n.kind == JsonKind::kObject && i < n.count);
  return JsonValue(doc_, doc_->members_[n.first + i].value);
}

JsonValue JsonValue::Find(std::string_view name) const {
  if (!is_object()) return JsonValue();
  for (uint32_t i = 0; i < size(); ++i) {
    if (key(i) == name) return member_value(i);
  }
  return JsonValue();
}

}  // namespace iamlint
