#include "engine/json/json_writer.h"

#include <vector>

#include <string>

#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace iamlint {

namespace {

// Replaces invalid UTF-8 with U+FFFD so the writer never emits malformed
// JSON from malformed input. Well-formedness follows Unicode Table 3-7 (no
// overlong forms, no surrogates, nothing above U+10FFFF), and each maximal
// ill-formed subpart becomes one U+FFFD (the Unicode "best practice", also
// what WHATWG decoders do): "\xE2\x82" is one replacement, "\xED\xA0\x80"
// (a surrogate) is three.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = byte(i);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    size_t good = len == 0 ? 0 : 1;  // bytes of a valid prefix so far
    while (good > 0 && good < len && i + good < s.size()) {
      unsigned char b = byte(i + good);
      bool ok = good == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
      if (!ok) break;
      ++good;
    }
    if (len > 0 && good == len) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      i += good > 0 ? good : 1;
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

std::string WriteMinified(JsonValue value) {
  JsonWriter w;
  struct Item {
    JsonValue value;
    uint32_t next;
  };
  std::vector<Item> stack;
  auto emit = [&](JsonValue v) {
    switch (v.kind()) {
      case JsonKind::kObject:
        w.BeginObject();
        stack.push_back(Item{v, 0});
        break;
      case JsonKind::kArray:
        w.BeginArray();
        stack.push_back(Item{v, 0});
        break;
      case JsonKind::kString:
        w.String(v.text());
        break;
      case JsonKind::kNumber:
        w.Raw(v.text());
        break;
      case JsonKind::kTrue:
      case JsonKind::kFalse:
        w.Bool(v.kind() == JsonKind::kTrue);
        break;
      case JsonKind::kNull:
        w.Null();
        break;
    }
  };
  emit(value);
  while (!stack.empty()) {
    Item& top = stack.back();
    if (top.next >= top.value.size()) {
      bool object = top.value.is_object();
      stack.pop_back();
      if (object) {
        w.EndObject();
      } else {
        w.EndArray();
      }
      continue;
    }
    uint32_t i = top.next++;
    JsonValue parent = top.value;
    if (parent.is_object()) {
      w.Key(parent.key(i));
      emit(parent.member_value(i));
    } else {
      emit(parent.element(i));
    }
  }
  return std::string(w.text());
}

}  // namespace iamlint
