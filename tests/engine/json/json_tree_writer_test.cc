#include "engine/json/json_tree_writer.h"

#include <catch2/catch.hpp>

#include <string>

#include "engine/json/json_writer.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

TEST_CASE("JsonTreeWriter builds objects, arrays and scalars with their spans", "[json]") {
  JsonTreeWriter w;
  w.StartObject(Span{0, 0, 1});
  w.Key("a", Span{0, 1, 4});
  w.String("x", Span{0, 5, 8});
  w.Key("list", Span{0, 9, 15});
  w.StartArray(Span{0, 16, 17});
  w.Number("1.50", Span{0, 17, 21});
  w.Bool(true, Span{0, 22, 26});
  w.Null(Span{0, 27, 31});
  w.String("{{Bucket}}", Span{0, 32, 40}, /*unknown=*/true);
  w.EndArray(41);
  w.EndObject(42);
  CHECK(w.depth() == 0);
  JsonDocument doc = w.Finish();
  JsonValue root = doc.root();
  REQUIRE(root.is_object());
  CHECK(root.span().begin == 0);
  CHECK(root.span().end == 42);
  CHECK(root.key(1) == "list");
  CHECK(root.key_span(1).begin == 9);
  JsonValue list = root.Find("list");
  REQUIRE(list.size() == 4);
  CHECK(list.span().end == 41);
  CHECK(list.element(0).text() == "1.50");
  CHECK(list.element(1).kind() == JsonKind::kTrue);
  CHECK(list.element(2).kind() == JsonKind::kNull);
  CHECK(list.element(3).is_unknown());
  CHECK_FALSE(root.Find("a").is_unknown());
  CHECK(WriteMinified(root) == "{\"a\":\"x\",\"list\":[1.50,true,null,\"{{Bucket}}\"]}");
}

TEST_CASE("JsonTreeWriter::Copy keeps a subtree's spans, order and duplicates", "[json]") {
  testing::ReadResult r =
      testing::ReadJsonText("{\"p\": {\"k\": [1, {\"k\": \"v\"}], \"k\": \"dup\"}, \"q\": 2}");
  REQUIRE(r.ok);
  JsonValue p = r.doc.root().Find("p");
  JsonTreeWriter w;
  w.Copy(p);
  JsonDocument copy = w.Finish();
  JsonValue root = copy.root();
  CHECK(root.span().begin == p.span().begin);
  CHECK(root.span().end == p.span().end);
  REQUIRE(root.size() == 2);
  CHECK(root.key(0) == "k");
  CHECK(root.key(1) == "k");
  CHECK(root.member_value(1).text() == "dup");
  CHECK(root.member_value(1).span().begin == p.member_value(1).span().begin);
  CHECK(WriteMinified(root) == "{\"k\":[1,{\"k\":\"v\"}],\"k\":\"dup\"}");
}

TEST_CASE("JsonTreeWriter::Copy and WriteMinified do not recurse on depth", "[json]") {
  // 60 levels is within the reader's limit; the writer's own stack is a
  // vector, so depth costs heap, not call stack.
  std::string text;
  for (int i = 0; i < 60; ++i) text += "[";
  for (int i = 0; i < 60; ++i) text += "]";
  testing::ReadResult r = testing::ReadJsonText(text);
  REQUIRE(r.ok);
  JsonTreeWriter w;
  w.Copy(r.doc.root());
  JsonDocument copy = w.Finish();
  CHECK(WriteMinified(copy.root()) == text);
}

}  // namespace
}  // namespace iamlint
