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

// True when valid UTF-8 `s` holds a character RapidJSON writes raw but a
// terminal acts on: DEL, a C1 control (U+0080..U+009F; U+009B is CSI) or a
// bidirectional embedding, override or isolate control (U+202A..U+202E,
// U+2066..U+2069).
bool HasTerminalControl(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
    if (c == 0xE2 && i + 2 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      const auto c2 = static_cast<unsigned char>(s[i + 2]);
      if ((c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9)) {
        return true;
      }
    }
  }
  return false;
}

// Valid UTF-8 `s` as a quoted JSON string, escaped as RapidJSON escapes
// (`\"`, `\\`, \b \f \n \r \t, other C0 controls as \u00XX) and, in
// addition, every character HasTerminalControl() looks for as \uXXXX.
std::string EscapeWithControls(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "\"";
  auto unicode = [&](unsigned code) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 15];
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) {
      unicode(c);
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      unicode(static_cast<unsigned char>(s[++i]));
    } else if (c == 0xE2 && i + 2 < s.size() && HasTerminalControl(s.substr(i, 3))) {
      const auto c1 = static_cast<unsigned>(static_cast<unsigned char>(s[i + 1]));
      const auto c2 = static_cast<unsigned>(static_cast<unsigned char>(s[i + 2]));
      unicode(0x2000u | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu));
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

}  // namespace

struct JsonWriter::Impl {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};
};

JsonWriter::JsonWriter(bool escape_terminal_controls)
    : impl_(std::make_unique<Impl>()), escape_terminal_controls_(escape_terminal_controls) {}
JsonWriter::~JsonWriter() = default;

void JsonWriter::BeginObject() { impl_->writer.StartObject(); }
void JsonWriter::EndObject() { impl_->writer.EndObject(); }
void JsonWriter::BeginArray() { impl_->writer.StartArray(); }
void JsonWriter::EndArray() { impl_->writer.EndArray(); }
void JsonWriter::Key(std::string_view key) {
  std::string valid = ValidUtf8(key);
  if (escape_terminal_controls_ && HasTerminalControl(valid)) {
    const std::string quoted = EscapeWithControls(valid);
    impl_->writer.RawValue(quoted.data(), quoted.size(), rapidjson::kStringType);
    return;
  }
  impl_->writer.Key(valid.data(), static_cast<rapidjson::SizeType>(valid.size()), true);
}
void JsonWriter::String(std::string_view value) {
  std::string valid = ValidUtf8(value);
  if (escape_terminal_controls_ && HasTerminalControl(valid)) {
    const std::string quoted = EscapeWithControls(valid);
    impl_->writer.RawValue(quoted.data(), quoted.size(), rapidjson::kStringType);
    return;
  }
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
  // The compact text AWS would count: only what JSON requires is escaped.
  JsonWriter w(/*escape_terminal_controls=*/false);
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
