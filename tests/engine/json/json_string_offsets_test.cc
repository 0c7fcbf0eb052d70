#include "engine/json/json_string_offsets.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/json/json_reader.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::ReadJsonText;
using testing::ReadResult;

TEST_CASE("JsonStringOffsets maps plain bytes one to one", "[json]") {
  ReadResult r = ReadJsonText("{\"p\": \"abc\"}");
  REQUIRE(r.ok);
  JsonValue v = r.doc.root().Find("p");
  std::vector<uint32_t> off = JsonStringOffsets(*r.sources, v);
  CHECK(off == std::vector<uint32_t>{7, 8, 9, 10});
}

TEST_CASE("JsonStringOffsets maps escapes to their backslash", "[json]") {
  // {"p": "a\"b\u00e9\ud83d\ude00c"}  decoded: a " b é(2 bytes) 😀(4 bytes) c
  const std::string text = "{\"p\": \"a\\\"b\\u00e9\\ud83d\\ude00c\"}";
  ReadResult r = ReadJsonText(text);
  REQUIRE(r.ok);
  JsonValue v = r.doc.root().Find("p");
  REQUIRE(v.text().size() == 10);
  std::vector<uint32_t> off = JsonStringOffsets(*r.sources, v);
  CHECK(off == std::vector<uint32_t>{7, 8, 10, 11, 11, 17, 17, 17, 17, 29, 30});
}

TEST_CASE("UrlDecodeWithOffsets composes offsets", "[json]") {
  std::string text = "%7B%22a%22+b";
  std::vector<uint32_t> offsets;
  for (uint32_t i = 0; i <= text.size(); ++i) offsets.push_back(100 + i);
  std::string decoded;
  std::vector<uint32_t> out;
  REQUIRE(UrlDecodeWithOffsets(text, offsets, &decoded, &out));
  CHECK(decoded == "{\"a\" b");
  CHECK(out == std::vector<uint32_t>{100, 103, 106, 107, 110, 111, 112});
  CHECK_FALSE(UrlDecodeWithOffsets("%4", {0, 1, 2}, &decoded, &out));
  CHECK_FALSE(UrlDecodeWithOffsets("%zz", {0, 1, 2, 3}, &decoded, &out));
}

TEST_CASE("A policy in a JSON string reports at the outer file's line and column", "[json]") {
  // Line 3 holds the string; the inner policy's "Effect" value starts at
  // the escaped quote before Allw.
  const std::string text =
      "{\n"
      "  \"name\": \"x\",\n"
      "  \"policy\": \"{\\\"Effect\\\": \\\"Allw\\\"}\"\n"
      "}\n";
  ReadResult r = ReadJsonText(text, {}, "plan.json");
  REQUIRE(r.ok);
  JsonValue v = r.doc.root().Find("policy");
  SourceId derived = r.sources->AddDerivedBuffer(r.id, std::string(v.text()),
                                                 JsonStringOffsets(*r.sources, v));
  CHECK(r.sources->name(derived) == "plan.json");
  CHECK(r.sources->Origin(derived) == r.id);
  JsonDocument inner;
  DiagnosticSink sink;
  REQUIRE(ReadJson(*r.sources, derived, JsonReadOptions{}, &inner, sink));
  JsonValue effect = inner.root().Find("Effect");
  LineColumn at = r.sources->Begin(effect.span());
  CHECK(at.line == 3);
  CHECK(at.column == 27);  // the backslash of \"Allw
  CHECK(r.sources->LineText(derived, effect.span().begin) ==
        "  \"policy\": \"{\\\"Effect\\\": \\\"Allw\\\"}\"");
}

}  // namespace
}  // namespace iamlint
