// JsonWriter: compact JSON output for reporters and the simulate writer.
//
// A thin wrapper over RapidJSON's Writer, which escapes every string it is
// given (quotes, backslashes, control characters; non-ASCII stays UTF-8 and
// invalid UTF-8 is replaced), so output built from hostile input is always
// valid JSON. By default DEL, the C1 controls (U+0080..U+009F) and the
// bidirectional controls (U+202A..U+202E, U+2066..U+2069) are escaped as
// \uXXXX too, so JSON output shown on a terminal cannot drive it.
// Calls must nest correctly (Begin/End pairs); Key() only inside objects.
// Not thread-safe.
#ifndef IAMLINT_ENGINE_JSON_JSON_WRITER_H_
#define IAMLINT_ENGINE_JSON_JSON_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/json/json_tree.h"

namespace iamlint {

class JsonWriter {
 public:
  // `escape_terminal_controls` false: only what JSON requires is escaped
  // (WriteMinified, whose length is what AWS counts).
  explicit JsonWriter(bool escape_terminal_controls = true);
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(int64_t value);
  void Bool(bool value);
  void Null();
  // Writes already-serialized JSON text as one value.
  // REQUIRES: `json` is one valid JSON value.
  void Raw(std::string_view json);

  // The text written so far; Clear() starts a new document.
  std::string_view text() const;
  void Clear();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool escape_terminal_controls_ = true;
};

// `value` and everything below it as compact JSON (no white space between
// tokens), iteratively. Policies embedded in templates are sized this way:
// AWS counts the document as CloudFormation or Terraform sends it.
std::string WriteMinified(JsonValue value);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_JSON_JSON_WRITER_H_
