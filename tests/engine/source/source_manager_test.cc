#include "engine/source/source_manager.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint {
namespace {

TEST_CASE("SourceManager maps offsets to 1-based line:column in bytes", "[source]") {
  SourceManager sources;
  // LF, CRLF (one line break) and a lone CR (old Mac) all end lines.
  const std::string text = "ab\ncd\r\nef\rg\xC3\xA9h\n";
  SourceId id = sources.AddBuffer("a.json", text);
  struct Row {
    uint32_t offset;
    uint32_t line, column;
  };
  const std::vector<Row> rows = {
      {0, 1, 1},  {1, 1, 2},  {2, 1, 3},   // the '\n' is the last column of line 1
      {3, 2, 1},  {5, 2, 3},  {6, 2, 4},   // "\r\n": both bytes on line 2
      {7, 3, 1},  {9, 3, 3},               // lone '\r'
      {10, 4, 1}, {11, 4, 2}, {13, 4, 4},  // é is two bytes: 'h' is column 4
      {15, 5, 1},                          // just past the final '\n'
      {1000, 5, 1},                        // past the end: clamped
  };
  for (const Row& row : rows) {
    CAPTURE(row.offset);
    LineColumn at = sources.Locate(id, row.offset);
    CHECK(at.line == row.line);
    CHECK(at.column == row.column);
  }
  CHECK(sources.name(id) == "a.json");
  CHECK(sources.text(id) == text);
  CHECK(sources.size() == 1);
}

TEST_CASE("SourceManager::LineText returns the line without its terminator", "[source]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("b.json", "first\r\nsecond\nthird\rlast");
  CHECK(sources.LineText(id, 0) == "first");
  CHECK(sources.LineText(id, 5) == "first");   // on the '\r'
  CHECK(sources.LineText(id, 7) == "second");
  CHECK(sources.LineText(id, 14) == "third");
  CHECK(sources.LineText(id, 20) == "last");
  CHECK(sources.LineText(id, 24) == "last");   // end of buffer
  SourceId empty = sources.AddBuffer("empty.json", "");
  CHECK(sources.LineText(empty, 0).empty());
  LineColumn at = sources.Locate(empty, 0);
  CHECK(at.line == 1);
  CHECK(at.column == 1);
}

TEST_CASE("SourceManager keeps buffers in place as more are added", "[source]") {
  SourceManager sources;
  SourceId first = sources.AddBuffer("1", "one");
  std::string_view view = sources.text(first);
  for (int i = 0; i < 100; ++i) sources.AddBuffer(std::to_string(i), std::string(1000, 'x'));
  CHECK(view.data() == sources.text(first).data());
  CHECK(view == "one");
  sources.EnsureLineTables();
  CHECK(sources.Begin(Span{first, 2, 3}).column == 3);
}

}  // namespace
}  // namespace iamlint
