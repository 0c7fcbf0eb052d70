#include "engine/json/json_writer.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

TEST_CASE("JsonWriter escapes quotes, backslashes and control characters", "[json]") {
  struct Row {
    std::string input;
    std::string expected;  // the JSON string literal written
  };
  const std::vector<Row> rows = {
      {"plain", "\"plain\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"C:\\path\\", "\"C:\\\\path\\\\\""},
      {"a/b", "\"a/b\""},
      {"\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\""},
      {std::string("nul\0byte", 8), "\"nul\\u0000byte\""},
      {"\x01\x1B[31m\x1F", "\"\\u0001\\u001B[31m\\u001F\""},
      {"\x7F", "\"\\u007F\""},  // DEL: a terminal control, escaped (below)
      {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    JsonWriter w;
    w.String(row.input);
    CHECK(w.text() == row.expected);
  }
}

TEST_CASE("JsonWriter replaces invalid UTF-8 with U+FFFD", "[json]") {
  const std::string kR = "\xEF\xBF\xBD";
  struct Row {
    std::string name;
    std::string input;
    std::string expected;  // the string content written, without quotes
  };
  const std::vector<Row> rows = {
      {"Latin-1 byte", "caf\xE9", "caf" + kR},
      {"lone continuation byte", "a\x80z", "a" + kR + "z"},
      {"truncated 3-byte sequence", "\xE2\x82", kR},
      {"truncated 3-byte sequence before ASCII", "\xE2\x82z", kR + "z"},
      {"truncated 4-byte sequence at the end", "ok\xF0\x9F\x98", "ok" + kR},
      {"overlong slash", "\xC0\xAF", kR + kR},
      {"overlong 3-byte NUL", "\xE0\x80\x80", kR + kR + kR},
      {"UTF-16 surrogate", "\xED\xA0\x80", kR + kR + kR},
      {"above U+10FFFF", "\xF4\x90\x80\x80", kR + kR + kR + kR},
      {"invalid lead byte", "\xFF\xFE", kR + kR},
      {"largest code point is fine", "\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF"},
      {"U+FFFD itself is fine", kR, kR},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    JsonWriter w;
    w.String(row.input);
    CHECK(w.text() == "\"" + row.expected + "\"");
  }
  // Keys go through the same path.
  JsonWriter w;
  w.BeginObject();
  w.Key("k\xFF\"");
  w.Int(-5);
  w.EndObject();
  CHECK(w.text() == "{\"k" + kR + "\\\"\":-5}");
}

TEST_CASE("JsonWriter output reads back with the same strings", "[json]") {
  JsonWriter w;
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.String("x\"\\\n\x01");
  w.Bool(true);
  w.Bool(false);
  w.Null();
  w.Int(9007199254740993);
  w.Raw("{\"raw\":[1]}");
  w.EndArray();
  w.EndObject();
  CHECK(w.text() ==
        "{\"a\":[\"x\\\"\\\\\\n\\u0001\",true,false,null,9007199254740993,{\"raw\":[1]}]}");
  testing::ReadResult r = testing::ReadJsonText(std::string(w.text()));
  REQUIRE(r.ok);
  JsonValue a = r.doc.root().Find("a");
  CHECK(a.element(0).text() == "x\"\\\n\x01");
  CHECK(a.element(4).text() == "9007199254740993");
  CHECK(a.element(5).Find("raw").element(0).text() == "1");

  w.Clear();
  CHECK(w.text().empty());
  w.String("again");
  CHECK(w.text() == "\"again\"");
}

}  // namespace
}  // namespace iamlint

namespace iamlint {
namespace {

TEST_CASE("JsonWriter escapes DEL, C1 and bidirectional controls; WriteMinified does not",
          "[json]") {
  JsonWriter w;
  w.BeginObject();
  w.Key("k\xC2\x9B");
  w.String("a\x7F" "b\xC2\x85" "c\xE2\x80\xAE" "d\xE2\x81\xA9" "e\x1B\"\\\n\xC2\xA0\xE2\x80\xA9");
  w.EndObject();
  CHECK(w.text() ==
        "{\"k\\u009B\":\"a\\u007Fb\\u0085c\\u202Ed\\u2069e\\u001B\\\"\\\\\\n\xC2\xA0\xE2\x80\xA9\"}");
  // Strings without those characters are RapidJSON's own output.
  JsonWriter plain;
  plain.String("caf\xC3\xA9 \x1B");
  CHECK(plain.text() == "\"caf\xC3\xA9 \\u001B\"");
  // The minified form AWS counts keeps them as characters.
  testing::ReadResult r = testing::ReadJsonText("[\"a\\u009Bb\"]");
  REQUIRE(r.ok);
  CHECK(WriteMinified(r.doc.root()) == "[\"a\xC2\x9B" "b\"]");
}

}  // namespace
}  // namespace iamlint
