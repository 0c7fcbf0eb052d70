#include "engine/json/json_tree_writer.h"

#include <cstddef>
#include <utility>

#include "engine/base/check.h"

namespace iamlint {

uint32_t JsonTreeWriter::AppendText(std::string_view text) {
  uint32_t begin = static_cast<uint32_t>(doc_.text_.size());
  doc_.text_.append(text);
  return begin;
}

bool JsonTreeWriter::expecting_key() const {
  if (frames_.empty()) return false;
  return doc_.nodes_[frames_.back().node].kind == JsonKind::kObject && !awaiting_value_.back();
}

void JsonTreeWriter::Attach(uint32_t index) {
  if (frames_.empty()) {
    IAMLINT_CHECK(!has_root_);
    has_root_ = true;
    doc_.root_ = index;
    return;
  }
  if (doc_.nodes_[frames_.back().node].kind == JsonKind::kObject) {
    IAMLINT_CHECK(awaiting_value_.back());
    pending_members_.back().value = index;
    awaiting_value_.back() = false;
  } else {
    pending_values_.push_back(index);
  }
}

void JsonTreeWriter::AddScalar(JsonKind kind, std::string_view text, Span span, uint8_t flags) {
  JsonDocument::Node n{};
  n.kind = kind;
  n.flags = flags;
  n.span = span;
  n.text_begin = AppendText(text);
  n.text_size = static_cast<uint32_t>(text.size());
  doc_.nodes_.push_back(n);
  Attach(static_cast<uint32_t>(doc_.nodes_.size() - 1));
}

void JsonTreeWriter::String(std::string_view text, Span span, bool unknown) {
  AddScalar(JsonKind::kString, text, span, unknown ? JsonDocument::kUnknownFlag : 0);
}
void JsonTreeWriter::Number(std::string_view raw_text, Span span) {
  AddScalar(JsonKind::kNumber, raw_text, span, 0);
}
void JsonTreeWriter::Bool(bool value, Span span) {
  AddScalar(value ? JsonKind::kTrue : JsonKind::kFalse, value ? "true" : "false", span, 0);
}
void JsonTreeWriter::Null(Span span) { AddScalar(JsonKind::kNull, "null", span, 0); }

void JsonTreeWriter::Key(std::string_view text, Span span) {
  IAMLINT_CHECK(expecting_key());
  JsonDocument::Member m{};
  m.key_text_begin = AppendText(text);
  m.key_text_size = static_cast<uint32_t>(text.size());
  m.key_span = span;
  m.value = 0xffffffffu;
  pending_members_.push_back(m);
  awaiting_value_.back() = true;
}

void JsonTreeWriter::StartContainer(JsonKind kind, Span span) {
  JsonDocument::Node n{};
  n.kind = kind;
  n.span = span;
  doc_.nodes_.push_back(n);
  uint32_t index = static_cast<uint32_t>(doc_.nodes_.size() - 1);
  Attach(index);
  frames_.push_back(Frame{index, kind == JsonKind::kObject ? pending_members_.size()
                                                            : pending_values_.size()});
  awaiting_value_.push_back(false);
}

void JsonTreeWriter::StartObject(Span span) { StartContainer(JsonKind::kObject, span); }
void JsonTreeWriter::StartArray(Span span) { StartContainer(JsonKind::kArray, span); }

void JsonTreeWriter::EndContainer(JsonKind kind, uint32_t end) {
  IAMLINT_CHECK(!frames_.empty());
  Frame frame = frames_.back();
  IAMLINT_CHECK(!awaiting_value_.back());
  frames_.pop_back();
  awaiting_value_.pop_back();
  JsonDocument::Node& n = doc_.nodes_[frame.node];
  IAMLINT_CHECK(n.kind == kind);
  if (end != 0 && end >= n.span.begin) n.span.end = end;
  if (kind == JsonKind::kObject) {
    n.first = static_cast<uint32_t>(doc_.members_.size());
    n.count = static_cast<uint32_t>(pending_members_.size() - frame.pending_start);
    doc_.members_.insert(doc_.members_.end(),
                         pending_members_.begin() + static_cast<ptrdiff_t>(frame.pending_start),
                         pending_members_.end());
    pending_members_.resize(frame.pending_start);
  } else {
    n.first = static_cast<uint32_t>(doc_.children_.size());
    n.count = static_cast<uint32_t>(pending_values_.size() - frame.pending_start);
    doc_.children_.insert(doc_.children_.end(),
                          pending_values_.begin() + static_cast<ptrdiff_t>(frame.pending_start),
                          pending_values_.end());
    pending_values_.resize(frame.pending_start);
  }
}

void JsonTreeWriter::EndObject(uint32_t end) { EndContainer(JsonKind::kObject, end); }
void JsonTreeWriter::EndArray(uint32_t end) { EndContainer(JsonKind::kArray, end); }

void JsonTreeWriter::Copy(JsonValue value) {
  // Explicit stack of (container, next child index): no recursion on depth.
  struct Item {
    JsonValue value;
    uint32_t next;
  };
  std::vector<Item> stack;
  auto emit = [&](JsonValue v) {
    switch (v.kind()) {
      case JsonKind::kObject:
        StartObject(v.span());
        stack.push_back(Item{v, 0});
        break;
      case JsonKind::kArray:
        StartArray(v.span());
        stack.push_back(Item{v, 0});
        break;
      case JsonKind::kString:
        String(v.text(), v.span(), v.is_unknown());
        break;
      case JsonKind::kNumber:
        Number(v.text(), v.span());
        break;
      case JsonKind::kTrue:
      case JsonKind::kFalse:
        Bool(v.kind() == JsonKind::kTrue, v.span());
        break;
      case JsonKind::kNull:
        Null(v.span());
        break;
    }
  };
  emit(value);
  while (!stack.empty()) {
    Item& top = stack.back();
    if (top.next >= top.value.size()) {
      bool object = top.value.is_object();
      uint32_t end = top.value.span().end;
      stack.pop_back();
      if (object) {
        EndObject(end);
      } else {
        EndArray(end);
      }
      continue;
    }
    uint32_t i = top.next++;
    if (top.value.is_object()) {
      Key(top.value.key(i), top.value.key_span(i));
      emit(top.value.member_value(i));
    } else {
      emit(top.value.element(i));
    }
  }
}

JsonDocument JsonTreeWriter::Finish() {
  IAMLINT_CHECK(frames_.empty() && has_root_);
  has_root_ = false;
  return std::move(doc_);
}

}  // namespace iamlint
