#include "lint/report/snippet.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint::lint {
namespace {

TEST_CASE("RenderSnippet shows the line and a caret with tildes under the span", "[lint]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("p.json", "{\n    \"Effect\": \"allow\",\n}");
  struct Row {
    std::string name;
    Span span;
    std::string expected;
  };
  const std::vector<Row> rows = {
      {"a value", Span{id, 16, 23}, "      \"Effect\": \"allow\",\n                ^~~~~~~\n"},
      {"one byte", Span{id, 0, 1}, "  {\n  ^\n"},
      {"empty span", Span{id, 6, 6}, "      \"Effect\": \"allow\",\n      ^\n"},
      {"span past the line end is cut", Span{id, 22, 30},
       "      \"Effect\": \"allow\",\n                      ^~\n"},
      {"end of input", Span{id, 27, 27}, "  }\n   ^\n"},
      {"no source", Span{}, ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(RenderSnippet(sources, row.span) == row.expected);
  }
}

TEST_CASE("RenderSnippet keeps tabs, aligns after UTF-8 and hides control characters",
          "[lint]") {
  SourceManager sources;
  SourceId tabs = sources.AddBuffer("t.json", "\t\"a\": \"x\"");
  CHECK(RenderSnippet(sources, Span{tabs, 6, 9}) == "  \t\"a\": \"x\"\n  \t     ^~~\n");
  // "é€" is 5 bytes but 2 characters on screen.
  SourceId utf8 = sources.AddBuffer("u.json", "[\"\xC3\xA9\xE2\x82\xAC\", 1x]");
  CHECK(RenderSnippet(sources, Span{utf8, 11, 12}) ==
        "  [\"\xC3\xA9\xE2\x82\xAC\", 1x]\n          ^\n");
  CHECK(RenderSnippet(sources, Span{utf8, 1, 8}) ==
        "  [\"\xC3\xA9\xE2\x82\xAC\", 1x]\n   ^~~~\n");
  SourceId esc = sources.AddBuffer("e.json", "[\"\x1B[31mred\"]");
  CHECK(RenderSnippet(sources, Span{esc, 0, 1}) == "  [\"?[31mred\"]\n  ^\n");
  CHECK(SanitizeForTerminal("a\tb\x7F\x01\n") == "a\tb???");
}

TEST_CASE("RenderSnippet shows a window of a very long line around the caret", "[lint]") {
  SourceManager sources;
  std::string line = "[" + std::string(500, 'a') + "X" + std::string(500, 'b') + "]";
  SourceId id = sources.AddBuffer("long.json", line);
  std::string snippet = RenderSnippet(sources, Span{id, 501, 502});
  // 160 bytes of context, the caret 80 bytes in.
  CHECK(snippet == "  " + std::string(80, 'a') + "X" + std::string(79, 'b') + "\n  " +
                       std::string(80, ' ') + "^\n");
  // Near the end the window stops at the end of the line.
  std::string end = RenderSnippet(sources, Span{id, 1001, 1002});
  CHECK(end == "  " + line.substr(843) + "\n  " + std::string(158, ' ') + "^\n");
}

}  // namespace
}  // namespace iamlint::lint
