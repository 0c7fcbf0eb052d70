#include "engine/json/json_reader.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Lines;
using testing::ReadJsonText;
using testing::ReadResult;

// [begin, end) of `token` in `text` (its first occurrence after `from`).
std::pair<uint32_t, uint32_t> RangeOf(const std::string& text, const std::string& token,
                                      size_t from = 0) {
  size_t at = text.find(token, from);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + token.size())};
}

std::pair<uint32_t, uint32_t> Range(const Span& span) { return {span.begin, span.end}; }

// Line 5 has escaped quotes and backslashes before a later key; line 6 has
// 2-, 3- and 4-byte UTF-8 characters before a later key. Columns count bytes.
const std::string kSpanText =
    "{\n"
    "  \"Version\": \"2012-10-17\",\n"
    "  \"n\": -12.5e3,\n"
    "  \"list\": [true, false, null, \"x\"],\n"
    "  \"esc\": \"a\\\"b\\\\\", \"k\": 1,\n"
    "  \"utf8\": \"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\", \"after\": {}\n"
    "}";

TEST_CASE("ReadJson gives keys, scalars and containers exact spans", "[json]") {
  ReadResult r = ReadJsonText(kSpanText);
  REQUIRE(r.ok);
  CHECK(r.diagnostics.empty());
  JsonValue root = r.doc.root();
  REQUIRE(root.is_object());
  CHECK(Range(root.span()) == std::make_pair(uint32_t{0}, static_cast<uint32_t>(kSpanText.size())));
  CHECK(r.Where(root.span()) == "1:1");
  REQUIRE(root.size() == 7);

  struct Row {
    uint32_t member;
    std::string key;          // as written in the source, with quotes
    std::string key_at;       // line:col of the key
    std::string value;        // as written in the source
    std::string value_at;     // line:col of the value
    JsonKind kind;
    std::string text;         // JsonValue::text()
  };
  const std::vector<Row> rows = {
      {0, "\"Version\"", "2:3", "\"2012-10-17\"", "2:14", JsonKind::kString, "2012-10-17"},
      {1, "\"n\"", "3:3", "-12.5e3", "3:8", JsonKind::kNumber, "-12.5e3"},
      {2, "\"list\"", "4:3", "[true, false, null, \"x\"]", "4:11", JsonKind::kArray, ""},
      {3, "\"esc\"", "5:3", "\"a\\\"b\\\\\"", "5:10", JsonKind::kString, "a\"b\\"},
      {4, "\"k\"", "5:20", "1", "5:25", JsonKind::kNumber, "1"},
      {5, "\"utf8\"", "6:3", "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"", "6:11", JsonKind::kString,
       "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"},
      {6, "\"after\"", "6:24", "{}", "6:33", JsonKind::kObject, ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.key);
    CHECK(root.key(row.member) == row.key.substr(1, row.key.size() - 2));
    Span key_span = root.key_span(row.member);
    CHECK(Range(key_span) == RangeOf(kSpanText, row.key));
    CHECK(r.Where(key_span) == row.key_at);
    JsonValue v = root.member_value(row.member);
    CHECK(v.kind() == row.kind);
    CHECK(v.text() == row.text);
    CHECK(Range(v.span()) == RangeOf(kSpanText, row.value, key_span.end));
    CHECK(r.Where(v.span()) == row.value_at);
  }

  // Array elements, including literals.
  JsonValue list = root.member_value(2);
  REQUIRE(list.size() == 4);
  const std::vector<std::pair<std::string, std::string>> elements = {
      {"true", "4:12"}, {"false", "4:18"}, {"null", "4:25"}, {"\"x\"", "4:31"}};
  for (uint32_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(r.Where(list.element(i).span()) == elements[i].second);
    CHECK(Range(list.element(i).span()) == RangeOf(kSpanText, elements[i].first));
  }
  CHECK(list.element(0).is_bool());
  CHECK(list.element(2).kind() == JsonKind::kNull);
  CHECK(list.element(2).text() == "null");
  CHECK(list.element(3).text() == "x");
}

TEST_CASE("ReadJson counts columns in bytes after multi-byte UTF-8", "[json]") {
  std::string text = "{\"utf8\": \"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\", \"b\": 2}";
  ReadResult r = ReadJsonText(text);
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  CHECK(root.member_value(0).text() == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  CHECK(Range(root.member_value(0).span()) == std::make_pair(uint32_t{9}, uint32_t{20}));
  CHECK(r.Where(root.key_span(1)) == "1:23");  // 9 bytes of UTF-8 count as 9 columns
  CHECK(r.Where(root.member_value(1).span()) == "1:28");
}

TEST_CASE("ReadJson spans end where the token ends, even after escapes", "[json]") {
  struct Row {
    std::string text;
    uint32_t begin, end;
    std::string unescaped;
  };
  const std::vector<Row> rows = {
      {"[\"\"]", 1, 3, ""},
      {"[\"\\\"\"]", 1, 5, "\""},
      {"[\"\\\\\"]", 1, 5, "\\"},
      {"[\"\\\\\\\"\"]", 1, 7, "\\\""},
      {"[ \"\\u0041\\n\" ]", 2, 12, "A\n"},
      {"[\"\\ud83d\\ude00\"]", 1, 15, "\xF0\x9F\x98\x80"},
      {"[\"a\\/b\"]", 1, 7, "a/b"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    ReadResult r = ReadJsonText(row.text);
    REQUIRE(r.ok);
    JsonValue s = r.doc.root().element(0);
    CHECK(Range(s.span()) == std::make_pair(row.begin, row.end));
    CHECK(s.text() == row.unescaped);
  }
}

TEST_CASE("ReadJson keeps duplicate keys in order", "[json]") {
  ReadResult r = ReadJsonText(testing::Q("{'a': 1, 'b': 2, 'a': 3}"));
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  REQUIRE(root.size() == 3);
  CHECK(root.key(0) == "a");
  CHECK(root.key(1) == "b");
  CHECK(root.key(2) == "a");
  CHECK(root.member_value(0).text() == "1");
  CHECK(root.member_value(2).text() == "3");
  CHECK(r.Where(root.key_span(2)) == "1:18");
  CHECK(root.Find("a").text() == "1");  // Find returns the first
  CHECK_FALSE(root.Find("A").valid());  // and is case-sensitive
}

TEST_CASE("ReadJson keeps 100,000 duplicate keys, in order, in bounded time", "[json]") {
  std::string text = "{";
  for (int i = 0; i < 100000; ++i) {
    if (i > 0) text += ",";
    text += "\"k\":" + std::to_string(i);
  }
  text += "}";
  auto start = std::chrono::steady_clock::now();
  ReadResult r = ReadJsonText(text);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  REQUIRE(root.size() == 100000);
  CHECK(root.key(99999) == "k");
  CHECK(root.member_value(0).text() == "0");
  CHECK(root.member_value(54321).text() == "54321");
  CHECK(root.member_value(99999).text() == "99999");
  CHECK(seconds < 10.0);  // linear: milliseconds; a quadratic reader would take minutes
}

TEST_CASE("ReadJson skips a UTF-8 byte-order mark but keeps offsets", "[json]") {
  ReadResult r = ReadJsonText("\xEF\xBB\xBF{\"a\": \"b\"}");
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  CHECK(Range(root.span()) == std::make_pair(uint32_t{3}, uint32_t{13}));
  CHECK(r.Where(root.span()) == "1:4");
  CHECK(root.member_value(0).text() == "b");

  // A BOM is accepted only at the start, once.
  CHECK(ReadJsonText("\xEF\xBB\xBF\xEF\xBB\xBF{}").lines() ==
        Lines{"1:4 error json-syntax: expected a JSON value"});
  CHECK(ReadJsonText("{}\xEF\xBB\xBF").lines() ==
        Lines{"1:3 error json-syntax: unexpected text after the end of the JSON document"});
}

TEST_CASE("ReadJson keeps numbers as raw text, however long", "[json]") {
  std::string digits(10000, '7');
  digits[0] = '1';
  std::string text = "[" + digits + ", -0.5e-300, 1E+400, 18446744073709551616]";
  ReadResult r = ReadJsonText(text);
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  REQUIRE(root.size() == 4);
  CHECK(root.element(0).kind() == JsonKind::kNumber);
  CHECK(root.element(0).text() == digits);
  CHECK(Range(root.element(0).span()) == std::make_pair(uint32_t{1}, uint32_t{10001}));
  CHECK(root.element(1).text() == "-0.5e-300");
  CHECK(root.element(2).text() == "1E+400");
  CHECK(root.element(3).text() == "18446744073709551616");
}

TEST_CASE("ReadJson tells numbers from digits inside strings", "[json]") {
  // Digits inside strings (also after escaped quotes and backslashes) stay
  // text; numbers right after such strings keep their own spans.
  std::string text = "{\"a\\\"1\":-1,\"b\":\"-2x\\\\\",\"c\":[0,1e5,-0.0E-0, 12 ]}";
  ReadResult r = ReadJsonText(text);
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  REQUIRE(root.size() == 3);
  CHECK(root.key(0) == "a\"1");
  CHECK(root.member_value(0).text() == "-1");
  CHECK(root.member_value(1).text() == "-2x\\");
  JsonValue c = root.member_value(2);
  REQUIRE(c.size() == 4);
  const std::vector<std::string> numbers = {"0", "1e5", "-0.0E-0", "12"};
  for (uint32_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(c.element(i).kind() == JsonKind::kNumber);
    CHECK(c.element(i).text() == numbers[i]);
    CHECK(Range(c.element(i).span()) == RangeOf(text, numbers[i], c.span().begin + (i ? 2 : 0)));
  }
}

TEST_CASE("ReadJson reports every kind of bad input at its exact position", "[json]") {
  struct Row {
    std::string name;
    std::string text;
    Lines expected;
  };
  const std::vector<Row> rows = {
      {"empty file", "", {"1:1 error json-syntax: empty input: expected a JSON document"}},
      {"white space only", "  \n\t \r\n",
       {"1:1 error json-syntax: empty input: expected a JSON document"}},
      {"byte-order mark only", "\xEF\xBB\xBF",
       {"1:4 error json-syntax: empty input: expected a JSON document"}},
      {"truncated object", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [",
       {"3:17 error json-syntax: unexpected end of input"}},
      {"truncated string", "{\"a\": \"abc", {"1:11 error json-syntax: unexpected end of input"}},
      {"truncated literal", "[tru", {"1:5 error json-syntax: unexpected end of input"}},
      {"truncated, then white space", "[1,\n\n  ",
       {"3:3 error json-syntax: unexpected end of input"}},
      {"binary garbage", std::string("\x7F" "ELF\x02\x01\x01\x00\x00", 9),
       {"1:8 error json-encoding: NUL byte in the input"}},
      {"binary garbage without NUL", "\x89PNG\r\n\x1A\n",
       {"1:1 error json-syntax: expected a JSON value"}},
      {"invalid UTF-8 in a string", "{\"Sid\": \"caf\xE9\"}",
       {"1:13 error json-encoding: invalid UTF-8 in a string"}},
      {"invalid UTF-8 in a key", "{\"caf\xE9\": 1}",
       {"1:6 error json-encoding: invalid UTF-8 in a string"}},
      {"UTF-16 surrogate encoded in UTF-8", "[\"\xED\xA0\x80\"]",
       {"1:3 error json-encoding: invalid UTF-8 in a string"}},
      {"overlong UTF-8", "[\"\xC0\xAF\"]", {"1:3 error json-encoding: invalid UTF-8 in a string"}},
      {"UTF-8 above U+10FFFF", "[\"\xF4\x90\x80\x80\"]",
       {"1:3 error json-encoding: invalid UTF-8 in a string"}},
      {"invalid UTF-8 outside a string", "[\xFF]", {"1:2 error json-syntax: expected a JSON value"}},
      {"raw control character in a string", "[\n  \"a\x01z\"\n]",
       {"2:5 error json-encoding: control character U+0001 must be escaped in a string"}},
      {"raw tab in a string", "[\"a\tb\"]",
       {"1:4 error json-encoding: control character U+0009 must be escaped in a string"}},
      {"raw newline in a string", "[\"a\nb\"]",
       {"1:4 error json-encoding: control character U+000A must be escaped in a string"}},
      {"NUL byte inside a string", std::string("[\"a\0b\"]", 7),
       {"1:4 error json-encoding: NUL byte in the input"}},
      {"NUL byte after the document", std::string("{}\0", 3),
       {"1:3 error json-encoding: NUL byte in the input"}},
      {"invalid escape", "[\"\\x\"]", {"1:3 error json-syntax: invalid escape sequence in a string"}},
      {"short \\u escape", "[\"\\u12\"]", {"1:3 error json-syntax: invalid `\\u` escape in a string"}},
      {"lone surrogate escape", "[\"\\uD800\"]",
       {"1:3 error json-syntax: invalid UTF-16 surrogate pair in a string"}},
      {"trailing comma in an array", "[1,]", {"1:4 error json-syntax: expected a JSON value"}},
      {"trailing comma in an object", "{\"a\":1,}",
       {"1:8 error json-syntax: expected a member name in double quotes"}},
      {"missing colon", "{\"a\" 1}", {"1:6 error json-syntax: expected `:` after the member name"}},
      {"unquoted key", "{Version: 1}",
       {"1:2 error json-syntax: expected a member name in double quotes"}},
      {"single quotes", "{'Version': 1}",
       {"1:2 error json-syntax: expected a member name in double quotes"}},
      {"missing comma in an array", "[1 2]",
       {"1:4 error json-syntax: expected `,` or `]` after an array element"}},
      {"missing comma in an object", "{\"a\": 1\n \"b\": 2}",
       {"2:2 error json-syntax: expected `,` or `}` after an object member"}},
      {"two documents", "{} {}",
       {"1:4 error json-syntax: unexpected text after the end of the JSON document"}},
      {"comment", "{} // note",
       {"1:4 error json-syntax: unexpected text after the end of the JSON document"}},
      {"number without fraction digits", "[1.]", {"1:4 error json-syntax: invalid number"}},
      {"number without exponent digits", "[1e]", {"1:4 error json-syntax: invalid number"}},
      {"leading zero", "[01]", {"1:3 error json-syntax: expected `,` or `]` after an array element"}},
      {"two decimal points", "[1.5.5]",
       {"1:5 error json-syntax: expected `,` or `]` after an array element"}},
      {"bare minus", "[-]", {"1:3 error json-syntax: expected a JSON value"}},
      {"NaN", "[NaN]", {"1:2 error json-syntax: expected a JSON value"}},
      {"CRLF line endings", "{\r\n\"a\": 1,\r\n}",
       {"3:1 error json-syntax: expected a member name in double quotes"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    ReadResult r = ReadJsonText(row.text);
    CHECK_FALSE(r.ok);
    CHECK(r.doc.empty());
    CHECK(r.lines() == row.expected);
  }
}

TEST_CASE("Every truncation of a document is one diagnostic at or before the cut", "[json]") {
  for (size_t cut = 0; cut < kSpanText.size(); ++cut) {
    CAPTURE(cut);
    ReadResult r = ReadJsonText(kSpanText.substr(0, cut));
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK((d.code == "json-syntax" || d.code == "json-encoding"));
    CHECK(d.span.begin <= cut);
    CHECK(d.span.end <= cut);
  }
}

TEST_CASE("ReadJson refuses nesting deeper than max_depth without recursion", "[json]") {
  SECTION("1,000,000 nested arrays stop at the 65th bracket") {
    std::string text(1000000, '[');
    text += std::string(1000000, ']');
    ReadResult r = ReadJsonText(text);
    CHECK_FALSE(r.ok);
    CHECK(r.lines() == Lines{"1:65 error json-too-deep: JSON nested deeper than 64 levels"});
  }
  SECTION("1,000,000 nested objects, unterminated") {
    std::string text;
    for (int i = 0; i < 1000000; ++i) text += "{\"a\":";
    ReadResult r = ReadJsonText(text);
    CHECK(r.lines() == Lines{"1:321 error json-too-deep: JSON nested deeper than 64 levels"});
  }
  SECTION("exactly max_depth levels are fine") {
    std::string text = std::string(64, '[') + std::string(64, ']');
    ReadResult r = ReadJsonText(text);
    REQUIRE(r.ok);
    CHECK(r.doc.node_count() == 64);
    JsonReadOptions shallow;
    shallow.max_depth = 3;
    CHECK(ReadJsonText("[[[]]]", shallow).ok);
    CHECK(ReadJsonText("[[[[]]]]", shallow).lines() ==
          Lines{"1:4 error json-too-deep: JSON nested deeper than 3 levels"});
  }
}

TEST_CASE("ReadJson refuses a 100 MB input up front with input-too-large", "[json]") {
  // A realistic shape: an array of 100-byte strings, 100 MiB in total. The
  // default limit is 64 MiB, so it is refused before any tree is built (no
  // memory beyond the input itself).
  std::string element = "\"" + std::string(96, 'x') + "\",";
  std::string text = "[";
  text.reserve(size_t{100} << 20);
  while (text.size() + element.size() < (size_t{100} << 20)) text += element;
  text.back() = ']';
  const size_t size = text.size();
  ReadResult r = ReadJsonText(std::move(text));
  CHECK_FALSE(r.ok);
  CHECK(r.doc.empty());
  CHECK(r.lines() == Lines{"1:1 error input-too-large: input is " + std::to_string(size) +
                           " bytes, more than the limit of 67108864 bytes"});
}

TEST_CASE("ReadJson builds a large input within the limit as a flat tree", "[json]") {
  // 8 MiB of 100-byte strings: one node per string plus the array.
  std::string element = "\"" + std::string(96, 'y') + "\",";
  std::string text = "[";
  size_t count = 0;
  while (text.size() + element.size() < (size_t{8} << 20)) {
    text += element;
    ++count;
  }
  text.back() = ']';
  ReadResult r = ReadJsonText(text);
  REQUIRE(r.ok);
  CHECK(r.doc.node_count() == count + 1);
  CHECK(r.doc.root().size() == count);
  CHECK(r.doc.root().element(static_cast<uint32_t>(count - 1)).text() == std::string(96, 'y'));
}

TEST_CASE("ReadJsonRange reads one line of a buffer with buffer-relative spans", "[json]") {
  SourceManager sources;
  std::string text = "{\"a\": 1}\n{\"b\": [2, 3]}\n{\"c\": tru}\n";
  SourceId id = sources.AddBuffer("cases.jsonl", text);
  DiagnosticSink sink;
  JsonDocument doc;
  REQUIRE(ReadJsonRange(sources, id, 9, 22, {}, &doc, sink));
  CHECK(doc.root().key(0) == "b");
  CHECK(doc.root().span().begin == 9);
  CHECK(doc.root().span().end == 22);
  LineColumn at = sources.Begin(doc.root().member_value(0).element(1).span());
  CHECK(at.line == 2);
  CHECK(at.column == 11);

  CHECK_FALSE(ReadJsonRange(sources, id, 23, 33, {}, &doc, sink));
  REQUIRE(sink.diagnostics().size() == 1);
  LineColumn err = sources.Begin(sink.diagnostics()[0].span);
  CHECK(sink.diagnostics()[0].message == "expected a JSON value");
  CHECK(err.line == 3);
  CHECK(err.column == 10);

  // A range shorter than a BOM at the start of a BOM buffer.
  SourceId bom = sources.AddBuffer("bom.json", "\xEF\xBB\xBF{}");
  DiagnosticSink bom_sink;
  CHECK_FALSE(ReadJsonRange(sources, bom, 0, 1, {}, &doc, bom_sink));
  REQUIRE(bom_sink.diagnostics().size() == 1);
  CHECK(bom_sink.diagnostics()[0].message == "expected a JSON value");
}

}  // namespace
}  // namespace iamlint
