#include "engine/json/json_writer.h"

#include <string>

#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace iamlint {

namespace {

// Replaces invalid UTF-8 sequences with U+FFFD so the writer never emits
// malformed JSON from malformed input.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (ok && len == 2) ok = c >= 0xC2;
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

}  // namespace

struct JsonWriter::Impl {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};
};

JsonWriter::JsonWriter() : impl_(std::make_unique<Impl>()) {}
JsonWriter::~JsonWriter() = default;

void JsonWriter::BeginObject() { impl_->writer.StartObject(); }
void JsonWriter::EndObject() { impl_->writer.EndObject(); }
void JsonWriter::BeginArray() { impl_->writer.StartArray(); }
void JsonWriter::EndArray() { impl_->writer.EndArray(); }
void JsonWriter::Key(std::string_view key) {
  std::string valid = ValidUtf8(key);
  impl_->writer.Key(valid.data(), static_cast<rapidjson::SizeType>(valid.size()), true);
}
void JsonWriter::String(std::string_view value) {
  std::string valid = ValidUtf8(value);
  impl_->writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()), true);
}
void JsonWriter::Int(int64_t value) { impl_->writer.Int64(value); }
void JsonWriter::Bool(bool value) { impl_->writer.Bool(value); }
void JsonWriter::Null() { impl_->writer.Null(); }
void JsonWriter::Raw(std::string_view json) {
  impl_->writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
}

std::string_view JsonWriter::text() const {
  return std::string_view(impl_->buffer.GetString(), impl_->buffer.GetSize());
}

void JsonWriter::Clear() {
  impl_->buffer.Clear();
  impl_->writer.Reset(impl_->buffer);
}

}  // namespace iamlint
