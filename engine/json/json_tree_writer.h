// JsonTreeWriter: builds a JsonDocument from calls, not from JSON text.
//
// Readers of other formats (YAML, CloudFormation with its intrinsic
// functions resolved, Terraform's embedded policy strings) produce the same
// positioned tree the JSON reader does, so the policy builder, the checks
// and the reporters work on them unchanged. Every value and key is given its
// Span in the user's file; a value may be marked unknown (see
// JsonValue::is_unknown).
//
// Usage (no recursion; depth is the caller's business):
//   JsonTreeWriter w;
//   w.StartObject(span);  w.Key("Version", key_span);  w.String("2012-10-17", span);
//   w.EndObject(end_offset);
//   JsonDocument doc = w.Finish();
//
// Copy() appends a whole subtree of another document, iteratively.
//
// Contract: calls must be balanced and every object member must be a Key
// followed by exactly one value; violations are programming errors
// (IAMLINT_CHECK). Finish() requires exactly one root value.
#ifndef IAMLINT_ENGINE_JSON_JSON_TREE_WRITER_H_
#define IAMLINT_ENGINE_JSON_JSON_TREE_WRITER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/json/json_tree.h"

namespace iamlint {

class JsonTreeWriter {
 public:
  JsonTreeWriter() = default;

  void StartObject(Span span);
  void StartArray(Span span);
  // Closes the innermost container; `end`, when given, becomes its span's end.
  void EndObject(uint32_t end = 0);
  void EndArray(uint32_t end = 0);
  void Key(std::string_view text, Span span);
  void String(std::string_view text, Span span, bool unknown = false);
  void Number(std::string_view raw_text, Span span);
  void Bool(bool value, Span span);
  void Null(Span span);
  // Appends `value` and everything below it (spans kept).
  void Copy(JsonValue value);

  // Containers still open.
  size_t depth() const { return frames_.size(); }
  // True while the innermost open container is an object awaiting a Key.
  bool expecting_key() const;

  // REQUIRES: depth() == 0 and one root value was written.
  JsonDocument Finish();

 private:
  struct Frame {
    uint32_t node;
    size_t pending_start;
  };
  uint32_t AppendText(std::string_view text);
  void AddScalar(JsonKind kind, std::string_view text, Span span, uint8_t flags);
  void Attach(uint32_t index);
  void StartContainer(JsonKind kind, Span span);
  void EndContainer(JsonKind kind, uint32_t end);

  JsonDocument doc_;
  bool has_root_ = false;
  std::vector<Frame> frames_;
  std::vector<uint32_t> pending_values_;
  std::vector<JsonDocument::Member> pending_members_;
  std::vector<bool> awaiting_value_;  // per object frame: a Key was written
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_JSON_JSON_TREE_WRITER_H_
