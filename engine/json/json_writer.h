// JsonWriter: compact JSON output for reporters and the simulate writer.
//
// A thin wrapper over RapidJSON's Writer, which escapes every string it is
// given (quotes, backslashes, control characters; non-ASCII stays UTF-8 and
// invalid UTF-8 is replaced), so output built from hostile input is always
// valid JSON. Calls must nest correctly (Begin/End pairs); Key() only inside
// objects. Not thread-safe.
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
  JsonWriter();
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
};

// `value` and everything below it as compact JSON (no white space between
// tokens), iteratively. Policies embedded in templates are sized this way:
// AWS counts the document as CloudFormation or Terraform sends it.
std::string WriteMinified(JsonValue value);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_JSON_JSON_WRITER_H_
