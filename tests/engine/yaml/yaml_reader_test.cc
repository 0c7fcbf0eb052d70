#include "engine/yaml/yaml_reader.h"

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/policy/policy_builder.h"
#include "engine/yaml/yaml_scan.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

using testing::Lines;
using testing::ReadResult;

ReadResult ReadYamlText(std::string text, const YamlReadOptions& options = {}) {
  ReadResult result;
  result.sources = std::make_unique<SourceManager>();
  result.id = result.sources->AddBuffer("test.yaml", std::move(text));
  DiagnosticSink sink;
  result.ok = ReadYaml(*result.sources, result.id, options, &result.doc, sink);
  result.diagnostics = sink.Take();
  return result;
}

// "line:col-line:col" of a span (end exclusive).
std::string At(const ReadResult& r, const Span& span) {
  LineColumn b = r.sources->Locate(span.source, span.begin);
  LineColumn e = r.sources->Locate(span.source, span.end);
  return std::to_string(b.line) + ":" + std::to_string(b.column) + "-" + std::to_string(e.line) +
         ":" + std::to_string(e.column);
}

// A compact JSON-like rendering: strings quoted (not escaped), numbers as
// their raw text, so a test states a whole tree and every type at once.
std::string Render(JsonValue v) {
  switch (v.kind()) {
    case JsonKind::kString:
      return "\"" + std::string(v.text()) + "\"";
    case JsonKind::kNumber:
    case JsonKind::kTrue:
    case JsonKind::kFalse:
    case JsonKind::kNull:
      return std::string(v.text());
    case JsonKind::kArray: {
      std::string out = "[";
      for (uint32_t i = 0; i < v.size(); ++i) {
        if (i > 0) out += ", ";
        out += Render(v.element(i));
      }
      return out + "]";
    }
    case JsonKind::kObject: {
      std::string out = "{";
      for (uint32_t i = 0; i < v.size(); ++i) {
        if (i > 0) out += ", ";
        out += "\"" + std::string(v.key(i)) + "\": " + Render(v.member_value(i));
      }
      return out + "}";
    }
  }
  return "?";
}

// The value at a path of member names and element indexes ("Statement", "0").
JsonValue Get(JsonValue v, const std::vector<std::string>& path) {
  for (const std::string& step : path) {
    if (v.is_array()) {
      v = v.element(static_cast<uint32_t>(std::stoul(step)));
    } else {
      v = v.Find(step);
    }
    REQUIRE(v.valid());
  }
  return v;
}

// Span of member `name`'s key in object `v`.
Span KeySpan(JsonValue v, std::string_view name) {
  for (uint32_t i = 0; i < v.size(); ++i) {
    if (v.key(i) == name) return v.key_span(i);
  }
  FAIL("no key " << name);
  return {};
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// ---------------------------------------------------------------------------
// Spans

const std::string kBlock =
    "Version: \"2012-10-17\"\n"               // 1
    "Statement:\n"                            // 2
    "  - Sid: ReadOnly   # why\n"             // 3
    "    Effect: Allow\n"                     // 4
    "    Action:\n"                           // 5
    "      - 's3:GetObject'\n"                // 6
    "      - s3:ListBucket\n"                 // 7
    "    Resource: arn:aws:s3:::example/*\n"  // 8
    "    MaxAge: 3600\n";                     // 9

TEST_CASE("ReadYaml gives block-style keys and values their exact spans", "[yaml]") {
  ReadResult r = ReadYamlText(kBlock);
  REQUIRE(r.ok);
  CHECK(r.diagnostics.empty());
  JsonValue root = r.doc.root();
  CHECK(At(r, root.span()) == "1:1-9:17");
  CHECK(At(r, KeySpan(root, "Version")) == "1:1-1:8");
  CHECK(At(r, root.Find("Version").span()) == "1:10-1:22");
  CHECK(At(r, KeySpan(root, "Statement")) == "2:1-2:10");
  JsonValue statements = root.Find("Statement");
  CHECK(statements.is_array());
  CHECK(At(r, statements.span()) == "3:3-9:17");
  JsonValue st = statements.element(0);
  CHECK(At(r, st.span()) == "3:5-9:17");

  struct Row {
    std::string key;
    std::string key_at;
    std::string value_at;
    std::string value;  // Render()
  };
  const std::vector<Row> rows = {
      {"Sid", "3:5-3:8", "3:10-3:18", "\"ReadOnly\""},
      {"Effect", "4:5-4:11", "4:13-4:18", "\"Allow\""},
      {"Action", "5:5-5:11", "6:7-7:22", "[\"s3:GetObject\", \"s3:ListBucket\"]"},
      {"Resource", "8:5-8:13", "8:15-8:37", "\"arn:aws:s3:::example/*\""},
      {"MaxAge", "9:5-9:11", "9:13-9:17", "3600"},
  };
  REQUIRE(st.size() == rows.size());
  for (uint32_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    CAPTURE(row.key);
    CHECK(st.key(i) == row.key);
    CHECK(At(r, st.key_span(i)) == row.key_at);
    CHECK(At(r, st.member_value(i).span()) == row.value_at);
    CHECK(Render(st.member_value(i)) == row.value);
  }
  JsonValue action = st.Find("Action");
  CHECK(At(r, action.element(0).span()) == "6:9-6:23");
  CHECK(At(r, action.element(1).span()) == "7:9-7:22");
}

TEST_CASE("ReadYaml gives flow-style keys and values their exact spans", "[yaml]") {
  const std::string text =
      "{Version: '2012-10-17',\n"                              // 1
      " Statement: [\n"                                        // 2
      "   {Effect: Allow, Action: [s3:Get*, \"s3:List*\"],\n"  // 3
      "    Resource: '*'} ]}\n";                               // 4
  ReadResult r = ReadYamlText(text);
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  CHECK(Render(root) ==
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        "[\"s3:Get*\", \"s3:List*\"], \"Resource\": \"*\"}]}");
  CHECK(At(r, root.span()) == "1:1-4:22");
  CHECK(At(r, KeySpan(root, "Version")) == "1:2-1:9");
  CHECK(At(r, root.Find("Version").span()) == "1:11-1:23");
  CHECK(At(r, KeySpan(root, "Statement")) == "2:2-2:11");
  CHECK(At(r, root.Find("Statement").span()) == "2:13-4:21");
  JsonValue st = Get(root, {"Statement", "0"});
  CHECK(At(r, st.span()) == "3:4-4:19");
  CHECK(At(r, KeySpan(st, "Effect")) == "3:5-3:11");
  CHECK(At(r, st.Find("Effect").span()) == "3:13-3:18");
  CHECK(At(r, KeySpan(st, "Action")) == "3:20-3:26");
  CHECK(At(r, st.Find("Action").span()) == "3:28-3:49");
  CHECK(At(r, Get(st, {"Action", "0"}).span()) == "3:29-3:36");
  CHECK(At(r, Get(st, {"Action", "1"}).span()) == "3:38-3:48");
  CHECK(At(r, KeySpan(st, "Resource")) == "4:5-4:13");
  CHECK(At(r, st.Find("Resource").span()) == "4:15-4:18");
}

TEST_CASE("ReadYaml spans multi-line, quoted and block scalars to their last byte", "[yaml]") {
  const std::string text =
      "a: plain text\n"            // 1
      "  continued here\n"         // 2
      "b: \"double\n"              // 3
      "  quoted \\\" x\"\n"        // 4
      "c: 'single ''q'''\n"        // 5
      "d: |\n"                     // 6
      "  line one\n"               // 7
      "  line two\n"               // 8
      "\n"                         // 9
      "e: >-\n"                    // 10
      "  folded\n"                 // 11
      "  text\n"                   // 12
      "f: last   # comment\n"      // 13
      "g:\n"                       // 14
      "h: \xC3\xA9t\xC3\xA9 x\n";  // 15
  ReadResult r = ReadYamlText(text);
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  CHECK(Render(root) ==
        "{\"a\": \"plain text continued here\", \"b\": \"double quoted \" x\", "
        "\"c\": \"single 'q'\", \"d\": \"line one\nline two\n\", \"e\": \"folded text\", "
        "\"f\": \"last\", \"g\": null, \"h\": \"\xC3\xA9t\xC3\xA9 x\"}");
  CHECK(Render(root.Find("b")) == "\"double quoted \" x\"");
  CHECK(At(r, root.Find("a").span()) == "1:4-2:17");
  CHECK(At(r, root.Find("b").span()) == "3:4-4:15");
  CHECK(At(r, root.Find("c").span()) == "5:4-5:18");
  CHECK(At(r, root.Find("d").span()) == "6:4-8:11");
  CHECK(At(r, root.Find("e").span()) == "10:4-12:7");
  CHECK(At(r, root.Find("f").span()) == "13:4-13:8");
  // An empty value sits just after its key's colon.
  CHECK(At(r, root.Find("g").span()) == "14:3-14:3");
  // Columns count bytes.
  CHECK(At(r, root.Find("h").span()) == "15:4-15:11");
  CHECK(At(r, KeySpan(root, "h")) == "15:1-15:2");
}

TEST_CASE("ReadYaml ends a block scalar at its mapping's next key, however compact", "[yaml]") {
  const std::string text =
      "params:\n"                   // 1
      "- help_text: |-\n"           // 2
      "    Name of the resource\n"  // 3
      "    in the format\n"         // 4
      "  is_positional: true\n"     // 5
      "- |\n"                       // 6
      " x\n";                       // 7
  ReadResult r = ReadYamlText(text);
  REQUIRE(r.ok);
  JsonValue params = r.doc.root().Find("params");
  CHECK(Render(params) ==
        "[{\"help_text\": \"Name of the resource\nin the format\", \"is_positional\": true}, "
        "\"x\n\"]");
  JsonValue first = params.element(0);
  CHECK(At(r, first.Find("help_text").span()) == "2:14-4:18");
  CHECK(At(r, KeySpan(first, "is_positional")) == "5:3-5:16");
  CHECK(At(r, first.Find("is_positional").span()) == "5:18-5:22");
  CHECK(At(r, first.span()) == "2:3-5:22");
  CHECK(At(r, params.element(1).span()) == "6:3-7:3");
  CHECK(At(r, params.span()) == "2:1-7:3");
}

TEST_CASE("ReadYaml skips a byte-order mark and counts CRLF line ends", "[yaml]") {
  ReadResult r = ReadYamlText(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: [x,\r\n  'y']\r\n");
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  CHECK(Render(root) == "{\"a\": 1, \"b\": [\"x\", \"y\"]}");
  CHECK(root.key_span(0).begin == 3);
  CHECK(At(r, root.key_span(0)) == "1:4-1:5");
  CHECK(At(r, root.Find("a").span()) == "1:7-1:8");
  CHECK(At(r, root.Find("b").span()) == "2:4-3:7");
  CHECK(At(r, Get(root, {"b", "1"}).span()) == "3:3-3:6");
}

// ---------------------------------------------------------------------------
// Types

TEST_CASE("ReadYaml types plain scalars by the YAML 1.2 core schema", "[yaml]") {
  struct Row {
    std::string yaml;
    JsonKind kind;
    std::string text;
  };
  const std::vector<Row> rows = {
      {"true", JsonKind::kTrue, "true"},
      {"True", JsonKind::kTrue, "true"},
      {"TRUE", JsonKind::kTrue, "true"},
      {"false", JsonKind::kFalse, "false"},
      {"False", JsonKind::kFalse, "false"},
      {"FALSE", JsonKind::kFalse, "false"},
      {"null", JsonKind::kNull, "null"},
      {"Null", JsonKind::kNull, "null"},
      {"NULL", JsonKind::kNull, "null"},
      {"~", JsonKind::kNull, "null"},
      {"", JsonKind::kNull, "null"},
      {"0", JsonKind::kNumber, "0"},
      {"-12", JsonKind::kNumber, "-12"},
      {"+12", JsonKind::kNumber, "+12"},
      {"3600", JsonKind::kNumber, "3600"},
      {"012345678901", JsonKind::kNumber, "012345678901"},
      {"0x1F", JsonKind::kNumber, "0x1F"},
      {"0o17", JsonKind::kNumber, "0o17"},
      {"1.5", JsonKind::kNumber, "1.5"},
      {"-12.5e3", JsonKind::kNumber, "-12.5e3"},
      {"1e5", JsonKind::kNumber, "1e5"},
      {".5", JsonKind::kNumber, ".5"},
      {"1.", JsonKind::kNumber, "1."},
      {".inf", JsonKind::kNumber, ".inf"},
      {"-.Inf", JsonKind::kNumber, "-.Inf"},
      {".nan", JsonKind::kNumber, ".nan"},
      // Not core-schema numbers, booleans or nulls: strings.
      {"yes", JsonKind::kString, "yes"},
      {"no", JsonKind::kString, "no"},
      {"on", JsonKind::kString, "on"},
      {"tRUE", JsonKind::kString, "tRUE"},
      {"nulls", JsonKind::kString, "nulls"},
      {"2012-10-17", JsonKind::kString, "2012-10-17"},
      {"1_000", JsonKind::kString, "1_000"},
      {"0x", JsonKind::kString, "0x"},
      {"0o8", JsonKind::kString, "0o8"},
      {"1e", JsonKind::kString, "1e"},
      {".", JsonKind::kString, "."},
      {"+", JsonKind::kString, "+"},
      {"1:20", JsonKind::kString, "1:20"},
      {"s3:GetObject", JsonKind::kString, "s3:GetObject"},
      // Quoted scalars are always strings.
      {"'true'", JsonKind::kString, "true"},
      {"\"null\"", JsonKind::kString, "null"},
      {"'12'", JsonKind::kString, "12"},
      {"\"\"", JsonKind::kString, ""},
      {"|\n  12\n", JsonKind::kString, "12\n"},
      // Core-schema tags.
      {"!!str 12", JsonKind::kString, "12"},
      {"!!str true", JsonKind::kString, "true"},
      {"!!int \"7\"", JsonKind::kNumber, "7"},
      {"!!float 2", JsonKind::kNumber, "2"},
      {"!!bool 'false'", JsonKind::kFalse, "false"},
      {"!!null ''", JsonKind::kNull, "null"},
      {"!!int abc", JsonKind::kString, "abc"},
      // Other (non-CloudFormation) tags are dropped, keeping the value.
      {"!<tag:example.com,2024:x> 12", JsonKind::kNumber, "12"},
      {"!<tag:example.com,2024:x> '12'", JsonKind::kString, "12"},
      {"!e!x 12", JsonKind::kNumber, "12"},  // yaml-cpp 0.7 lets an undeclared handle through
  };
  for (const Row& row : rows) {
    CAPTURE(row.yaml);
    ReadResult r = ReadYamlText("v: " + row.yaml);
    REQUIRE(r.ok);
    JsonValue v = r.doc.root().Find("v");
    REQUIRE(v.valid());
    CHECK(v.kind() == row.kind);
    CHECK(v.text() == row.text);
  }
}

TEST_CASE("ReadYaml keeps every mapping key as text", "[yaml]") {
  ReadResult r = ReadYamlText(
      "1: a\n"
      "true: b\n"
      "~: c\n"
      "null: d\n"
      "'quoted': e\n"
      "!Ref tagged: f\n"
      ": g\n"
      "1.5: h\n");
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  std::vector<std::string> keys;
  for (uint32_t i = 0; i < root.size(); ++i) keys.emplace_back(root.key(i));
  CHECK(keys == std::vector<std::string>{"1", "true", "~", "null", "quoted", "tagged", "", "1.5"});
  CHECK(At(r, root.key_span(3)) == "4:1-4:5");
  CHECK(At(r, root.key_span(4)) == "5:1-5:9");
  CHECK(At(r, root.key_span(5)) == "6:6-6:12");
  CHECK(At(r, root.key_span(6)) == "7:2-7:2");  // empty: after its colon
  CHECK(Render(root.member_value(6)) == "\"g\"");
}

TEST_CASE("ReadYaml keeps duplicate keys in order", "[yaml]") {
  ReadResult r = ReadYamlText("Effect: Allow\nEffect: Deny\nAction: a\nEffect: x\n");
  REQUIRE(r.ok);
  CHECK(Render(r.doc.root()) ==
        "{\"Effect\": \"Allow\", \"Effect\": \"Deny\", \"Action\": \"a\", \"Effect\": \"x\"}");
  CHECK(At(r, r.doc.root().key_span(3)) == "4:1-4:7");
}

// ---------------------------------------------------------------------------
// CloudFormation short-form tags

TEST_CASE("ReadYaml turns every CloudFormation short-form tag into the long form", "[yaml]") {
  struct Row {
    std::string yaml;
    std::string json;
  };
  const std::vector<Row> rows = {
      {"!Ref Bucket", "{\"Ref\": \"Bucket\"}"},
      {"!Ref 'AWS::AccountId'", "{\"Ref\": \"AWS::AccountId\"}"},
      {"!Condition IsProd", "{\"Condition\": \"IsProd\"}"},
      {"!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'",
       "{\"Fn::Sub\": \"arn:${AWS::Partition}:s3:::${Bucket}/*\"}"},
      {"!Sub ['${A}-x', {A: !Ref B}]", "{\"Fn::Sub\": [\"${A}-x\", {\"A\": {\"Ref\": \"B\"}}]}"},
      {"!GetAtt Role.Arn", "{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}"},
      {"!GetAtt Vpc.Ipv6CidrBlocks.0", "{\"Fn::GetAtt\": [\"Vpc\", \"Ipv6CidrBlocks.0\"]}"},
      {"!GetAtt Role", "{\"Fn::GetAtt\": [\"Role\"]}"},
      {"!GetAtt [Role, Arn]", "{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}"},
      {"!GetAtt [Role, !Ref Attr]", "{\"Fn::GetAtt\": [\"Role\", {\"Ref\": \"Attr\"}]}"},
      {"!Join [':', [a, !Ref B]]", "{\"Fn::Join\": [\":\", [\"a\", {\"Ref\": \"B\"}]]}"},
      {"!If [IsProd, a, !Ref AWS::NoValue]",
       "{\"Fn::If\": [\"IsProd\", \"a\", {\"Ref\": \"AWS::NoValue\"}]}"},
      {"!Select [0, !GetAZs '']", "{\"Fn::Select\": [0, {\"Fn::GetAZs\": \"\"}]}"},
      {"!Split [',', !ImportValue Subnets]",
       "{\"Fn::Split\": [\",\", {\"Fn::ImportValue\": \"Subnets\"}]}"},
      {"!FindInMap [RegionMap, !Ref 'AWS::Region', AMI]",
       "{\"Fn::FindInMap\": [\"RegionMap\", {\"Ref\": \"AWS::Region\"}, \"AMI\"]}"},
      {"!Base64 hello", "{\"Fn::Base64\": \"hello\"}"},
      {"!Cidr [!GetAtt Vpc.CidrBlock, 6, 8]",
       "{\"Fn::Cidr\": [{\"Fn::GetAtt\": [\"Vpc\", \"CidrBlock\"]}, 6, 8]}"},
      {"!GetAZs ''", "{\"Fn::GetAZs\": \"\"}"},
      {"!GetAZs", "{\"Fn::GetAZs\": \"\"}"},
      {"!ImportValue SharedBucket", "{\"Fn::ImportValue\": \"SharedBucket\"}"},
      {"!Equals [!Ref Env, prod]", "{\"Fn::Equals\": [{\"Ref\": \"Env\"}, \"prod\"]}"},
      {"!And [!Condition A, !Condition B]",
       "{\"Fn::And\": [{\"Condition\": \"A\"}, {\"Condition\": \"B\"}]}"},
      {"!Or [!Condition A, !Equals [a, b]]",
       "{\"Fn::Or\": [{\"Condition\": \"A\"}, {\"Fn::Equals\": [\"a\", \"b\"]}]}"},
      {"!Not [!Condition A]", "{\"Fn::Not\": [{\"Condition\": \"A\"}]}"},
      {"!Transform {Name: 'AWS::Include', Parameters: {Location: s3://b/k}}",
       "{\"Fn::Transform\": {\"Name\": \"AWS::Include\", \"Parameters\": {\"Location\": "
       "\"s3://b/k\"}}}"},
      {"!ToJsonString {a: 1}", "{\"Fn::ToJsonString\": {\"a\": 1}}"},
      {"!Length [1, 2]", "{\"Fn::Length\": [1, 2]}"},
      // A short-form tag's scalar is a string, whatever it looks like.
      {"!Ref 5", "{\"Ref\": \"5\"}"},
      {"!Base64 true", "{\"Fn::Base64\": \"true\"}"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.yaml);
    ReadResult r = ReadYamlText("v: " + row.yaml + "\n");
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    CHECK(Render(r.doc.root().Find("v")) == row.json);
  }
}

TEST_CASE("ReadYaml: tags on block sequences and mappings, nested !Sub inside !Join", "[yaml]") {
  const std::string text =
      "Resource: !Join\n"                       // 1
      "  - ''\n"                                // 2
      "  - - 'arn:'\n"                          // 3
      "    - !Sub '${AWS::Partition}:s3:::'\n"  // 4
      "    - !Ref Bucket\n"                     // 5
      "Cond: !If\n"                             // 6
      "  - IsProd\n"                            // 7
      "  - !Transform\n"                        // 8
      "      Name: AWS::Include\n";             // 9
  ReadResult r = ReadYamlText(text);
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  CHECK(
      Render(root) ==
      "{\"Resource\": {\"Fn::Join\": [\"\", [\"arn:\", {\"Fn::Sub\": \"${AWS::Partition}:s3:::\"}, "
      "{\"Ref\": \"Bucket\"}]]}, \"Cond\": {\"Fn::If\": [\"IsProd\", {\"Fn::Transform\": "
      "{\"Name\": \"AWS::Include\"}}]}}");
  JsonValue join = root.Find("Resource");
  // The long-form object spans from the tag to the end of the value; its
  // synthesized key is the tag itself.
  CHECK(At(r, join.span()) == "1:11-5:18");
  CHECK(At(r, join.key_span(0)) == "1:11-1:16");
  CHECK(At(r, join.member_value(0).span()) == "2:3-5:18");
  JsonValue sub = Get(join, {"Fn::Join", "1", "1"});
  CHECK(At(r, sub.span()) == "4:7-4:37");
  CHECK(At(r, sub.key_span(0)) == "4:7-4:11");
  CHECK(At(r, sub.member_value(0).span()) == "4:12-4:37");
  JsonValue ref = Get(join, {"Fn::Join", "1", "2"});
  CHECK(At(r, ref.span()) == "5:7-5:18");
  CHECK(At(r, ref.key_span(0)) == "5:7-5:11");
  CHECK(At(r, ref.member_value(0).span()) == "5:12-5:18");
  JsonValue transform = Get(root, {"Cond", "Fn::If", "1"});
  CHECK(At(r, transform.span()) == "8:5-9:25");
  CHECK(At(r, transform.key_span(0)) == "8:5-8:15");
  CHECK(At(r, transform.member_value(0).span()) == "9:7-9:25");
}

TEST_CASE("ReadYaml splits !GetAtt's string form at the first dot with exact spans", "[yaml]") {
  ReadResult r = ReadYamlText(
      "a: !GetAtt AppRole.Arn\n"
      "b: !GetAtt [AppRole, Arn]\n"
      "c: !GetAtt \"Vpc.Cidr.0\"\n");
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  JsonValue a = root.Find("a");
  CHECK(Render(a) == "{\"Fn::GetAtt\": [\"AppRole\", \"Arn\"]}");
  CHECK(At(r, a.span()) == "1:4-1:23");
  CHECK(At(r, a.key_span(0)) == "1:4-1:11");
  CHECK(At(r, a.member_value(0).span()) == "1:12-1:23");
  CHECK(At(r, Get(a, {"Fn::GetAtt", "0"}).span()) == "1:12-1:19");
  CHECK(At(r, Get(a, {"Fn::GetAtt", "1"}).span()) == "1:20-1:23");
  JsonValue b = root.Find("b");
  CHECK(Render(b) == "{\"Fn::GetAtt\": [\"AppRole\", \"Arn\"]}");
  CHECK(At(r, b.member_value(0).span()) == "2:12-2:26");
  CHECK(At(r, Get(b, {"Fn::GetAtt", "1"}).span()) == "2:22-2:25");
  // Quoted: the parts cannot be located separately; both take the scalar's span.
  JsonValue c = root.Find("c");
  CHECK(Render(c) == "{\"Fn::GetAtt\": [\"Vpc\", \"Cidr.0\"]}");
  CHECK(At(r, Get(c, {"Fn::GetAtt", "0"}).span()) == "3:12-3:24");
  CHECK(At(r, Get(c, {"Fn::GetAtt", "1"}).span()) == "3:12-3:24");
}

// ---------------------------------------------------------------------------
// Anchors and aliases

TEST_CASE("ReadYaml expands aliases, keeping the anchored text's spans", "[yaml]") {
  const std::string text =
      "Base: &base\n"                            // 1
      "  Effect: Allow\n"                        // 2
      "  Action: s3:GetObject\n"                 // 3
      "Statement:\n"                             // 4
      "  - *base\n"                              // 5
      "  - &deny {Effect: Deny, Action: '*'}\n"  // 6
      "  - *deny\n"                              // 7
      "  - &arn !Sub 'arn:${AWS::Partition}'\n"  // 8
      "  - *arn\n"                               // 9
      "&k Key: 1\n"                              // 10
      "*k : 2\n"                                 // 11
      "Copy: *k\n";                              // 12
  ReadResult r = ReadYamlText(text);
  REQUIRE(r.ok);
  JsonValue root = r.doc.root();
  CHECK(Render(root) ==
        "{\"Base\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}, \"Statement\": "
        "[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}, {\"Effect\": \"Deny\", "
        "\"Action\": \"*\"}, {\"Effect\": \"Deny\", \"Action\": \"*\"}, "
        "{\"Fn::Sub\": \"arn:${AWS::Partition}\"}, {\"Fn::Sub\": \"arn:${AWS::Partition}\"}], "
        "\"Key\": 1, \"Key\": 2, \"Copy\": \"Key\"}");
  CHECK(At(r, root.Find("Base").span()) == "2:3-3:23");
  JsonValue st = root.Find("Statement");
  CHECK(At(r, st.element(0).span()) == "2:3-3:23");
  CHECK(At(r, st.element(0).key_span(1)) == "3:3-3:9");
  CHECK(At(r, st.element(1).span()) == "6:11-6:38");
  CHECK(At(r, st.element(2).span()) == "6:11-6:38");
  CHECK(At(r, st.element(3).span()) == "8:10-8:38");
  CHECK(At(r, st.element(4).key_span(0)) == "8:10-8:14");
  // An alias used as a key takes the alias's own place.
  CHECK(At(r, root.key_span(2)) == "10:4-10:7");
  CHECK(At(r, root.key_span(3)) == "11:1-11:3");
  CHECK(At(r, root.Find("Copy").span()) == "10:4-10:7");
  CHECK(r.doc.node_count() == 21);
}

TEST_CASE("ReadYaml refuses recursive aliases and collections as keys", "[yaml]") {
  struct Row {
    std::string text;
    Lines expected;
  };
  const std::vector<Row> rows = {
      {"a: &x [1, *x]\n",
       {"1:11 error yaml-syntax: alias `*x` refers to the node that contains it"}},
      {"a: &x {b: {c: *x}}\n",
       {"1:15 error yaml-syntax: alias `*x` refers to the node that contains it"}},
      {"a: &m {b: 1}\n*m : 2\n",
       {"2:1 error yaml-syntax: a mapping key must be a scalar; alias `*m` refers to a "
        "collection"}},
      {"? [a, b]\n: 1\n",
       {"1:3 error yaml-syntax: a mapping key must be a scalar, not a sequence"}},
      {"{{a: 1}: 2}\n", {"1:2 error yaml-syntax: a mapping key must be a scalar, not a mapping"}},
      {"a: *nope\n", {"1:4 error yaml-syntax: invalid YAML: the referenced anchor is not defined"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    ReadResult r = ReadYamlText(row.text);
    CHECK_FALSE(r.ok);
    CHECK(r.doc.empty());
    CHECK(r.lines() == row.expected);
  }
}

// Nine levels of ten aliases each: 10^9 strings if expanded.
std::string BillionLaughs() {
  std::string text =
      "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k > 0 ? "," : "") + prev;
    text += "]\n";
  }
  return text;
}

TEST_CASE("ReadYaml stops a billion-laughs alias bomb at max_nodes", "[yaml]") {
  const std::string text = BillionLaughs();
  ReadResult r = ReadYamlText(text);
  CHECK_FALSE(r.ok);
  CHECK(r.doc.empty());
  // The values before line 7 number 1,234,568 (the map, then 11, 111, ...
  // 1,111,111 for a0..a5); a6's array and three copies of *a5 pass
  // 4,194,304.
  CHECK(r.lines() ==
        Lines{"7:18 error input-too-large: alias `*a5` expands the document past 4194304 values"});

  SECTION("a smaller cap stops earlier") {
    YamlReadOptions options;
    options.max_nodes = 1000;
    ReadResult small = ReadYamlText(text, options);
    CHECK(small.lines() ==
          Lines{"3:38 error input-too-large: alias `*a1` expands the document past 1000 values"});
  }
}

TEST_CASE("ReadYaml counts values exactly against max_nodes", "[yaml]") {
  const std::string text = "a: &a [x, !Ref y]\nb: [*a, *a]\n";
  YamlReadOptions options;
  // Values: the root, a's array, x, the Ref object and its string (5); b's
  // array and two copies of four values (9): 14.
  options.max_nodes = 14;
  ReadResult exact = ReadYamlText(text, options);
  REQUIRE(exact.ok);
  CHECK(exact.doc.node_count() == 14);
  CHECK(Render(exact.doc.root()) ==
        "{\"a\": [\"x\", {\"Ref\": \"y\"}], \"b\": [[\"x\", {\"Ref\": \"y\"}], [\"x\", {\"Ref\": "
        "\"y\"}]]}");
  options.max_nodes = 13;
  ReadResult over = ReadYamlText(text, options);
  CHECK_FALSE(over.ok);
  CHECK(over.lines() ==
        Lines{"2:9 error input-too-large: alias `*a` expands the document past 13 values"});
  options.max_nodes = 4;
  ReadResult plain = ReadYamlText("a: [1, 2, 3]\n", options);
  CHECK(plain.lines() == Lines{"1:11 error input-too-large: the document has more than 4 values"});
}

// ---------------------------------------------------------------------------
// Depth

TEST_CASE("ReadYaml refuses nesting deeper than max_depth without recursion", "[yaml]") {
  SECTION("1,000,000 flow sequences stop at the 65th bracket, before yaml-cpp") {
    ReadResult r = ReadYamlText(std::string(1000000, '['));
    CHECK_FALSE(r.ok);
    CHECK(r.lines() == Lines{"1:65 error json-too-deep: YAML nested deeper than 64 levels"});
  }
  SECTION("1,000,000 flow mappings") {
    ReadResult r = ReadYamlText(Repeat("{a: ", 1000000));
    CHECK(r.lines() == Lines{"1:257 error json-too-deep: YAML nested deeper than 64 levels"});
  }
  SECTION("1,000,000 nested block sequences on one line") {
    ReadResult r = ReadYamlText(Repeat("- ", 1000000) + "x\n");
    CHECK(r.lines() == Lines{"1:129 error json-too-deep: YAML nested deeper than 64 levels"});
  }
  SECTION("100,000 nested block mappings by indentation") {
    std::string text;
    for (int i = 0; i < 100000; ++i)
      text += std::string(static_cast<size_t>(i % 300), ' ') + "a:\n";
    ReadResult r = ReadYamlText(text);
    CHECK(r.lines() == Lines{"65:65 error json-too-deep: YAML nested deeper than 64 levels"});
  }
  SECTION("exactly max_depth levels are fine, one more is not") {
    ReadResult ok = ReadYamlText(std::string(64, '[') + std::string(64, ']'));
    CHECK(ok.ok);
    CHECK(ok.doc.node_count() == 64);
    std::string block;
    for (size_t i = 0; i < 64; ++i) block += std::string(i, ' ') + "a:\n";
    ReadResult ok_block = ReadYamlText(block);
    CHECK(ok_block.ok);
    CHECK(ok_block.doc.node_count() == 65);  // 64 mappings and the last null
    block += std::string(64, ' ') + "a: 1\n";
    ReadResult deep_block = ReadYamlText(block);
    CHECK(deep_block.lines() ==
          Lines{"65:65 error json-too-deep: YAML nested deeper than 64 levels"});
  }
  SECTION("short-form tags on collections count as a level") {
    // 32 `!Not [...]` are 64 levels (an object and an array each); 33 are 66.
    ReadResult ok = ReadYamlText(Repeat("!Not [", 32) + "x" + std::string(32, ']'));
    CHECK(ok.ok);
    ReadResult deep = ReadYamlText(Repeat("!Not [", 33) + "x" + std::string(33, ']'));
    CHECK(deep.lines() == Lines{"1:193 error json-too-deep: YAML nested deeper than 64 levels"});
  }
  SECTION("an alias that carries its depth below another nest") {
    std::string text = "a: &d " + std::string(40, '[') + std::string(40, ']') + "\n" +
                       "b: " + std::string(30, '[') + "*d" + std::string(30, ']') + "\n";
    ReadResult r = ReadYamlText(text);
    CHECK(r.lines() ==
          Lines{"2:34 error json-too-deep: alias `*d` nests the document deeper than 64 levels"});
  }
  SECTION("yaml-cpp's own recursion guard becomes a diagnostic") {
    YamlReadOptions options;
    options.max_depth = 1000;
    ReadResult r = ReadYamlText(std::string(600, '[') + std::string(600, ']'), options);
    CHECK(r.lines() ==
          Lines{"1:1201 error json-too-deep: YAML nested too deeply for the YAML parser"});
  }
  SECTION("brackets in quotes, comments, plain scalars and block scalars are not nesting") {
    const std::string many(200, '[');
    std::string text = "a: '" + many + "'\n" + "b: \"" + many + "\"\n" + "c: x" + many + "\n" +
                       "# " + many + "\n" + "d: |\n  " + many + "\n  " + many + "\n" + "e: >\n  " +
                       many + "\n" + "f: [\"" + many + "\", '" + many + "']\n";
    ReadResult r = ReadYamlText(text);
    REQUIRE(r.ok);
    JsonValue root = r.doc.root();
    CHECK(root.Find("a").text() == many);
    CHECK(root.Find("b").text() == many);
    CHECK(root.Find("c").text() == "x" + many);
    CHECK(root.Find("d").text() == many + "\n" + many + "\n");
    CHECK(root.Find("e").text() == many + "\n");
    CHECK(Render(root.Find("f")) == "[\"" + many + "\", \"" + many + "\"]");
  }
}

// ---------------------------------------------------------------------------
// Bad input

TEST_CASE("ReadYaml reports every kind of bad input at its exact position", "[yaml]") {
  struct Row {
    std::string name;
    std::string text;
    Lines expected;
  };
  const std::vector<Row> rows = {
      {"NUL byte in a value",
       std::string("a: x\0y\n", 7),
       {"1:5 error json-encoding: NUL byte in the input"}},
      {"NUL byte after the document",
       std::string("a: 1\n\0", 6),
       {"2:1 error json-encoding: NUL byte in the input"}},
      {"invalid UTF-8 byte",
       "a: caf\xE9\n",
       {"1:7 error json-encoding: invalid UTF-8 (byte 0xE9)"}},
      {"overlong UTF-8", "a: \xC0\xAF\n", {"1:4 error json-encoding: invalid UTF-8 (byte 0xC0)"}},
      {"UTF-16 surrogate encoded in UTF-8",
       "a: \xED\xA0\x80\n",
       {"1:4 error json-encoding: invalid UTF-8 (byte 0xED)"}},
      {"UTF-8 above U+10FFFF",
       "a: \xF4\x90\x80\x80\n",
       {"1:4 error json-encoding: invalid UTF-8 (byte 0xF4)"}},
      {"truncated UTF-8 at the end",
       "a: \xE2\x82",
       {"1:4 error json-encoding: invalid UTF-8 (byte 0xE2)"}},
      {"UTF-16 byte-order mark",
       "\xFF\xFE"
       "a\0:\0",
       {"1:1 error json-encoding: invalid UTF-8 (byte 0xFF)"}},
      {"control character",
       "a: b\x01\n",
       {"1:5 error json-encoding: control character U+0001 is not allowed in YAML"}},
      {"unclosed flow sequence",
       "a: [1, 2\nb: 3\n",
       {"2:2 error yaml-syntax: invalid YAML: end of sequence flow not found"}},
      {"stray flow end", "a: 1\n]\n", {"2:1 error yaml-syntax: invalid YAML: illegal flow end"}},
      {"two values on one line",
       "a: b: c\n",
       {"1:5 error yaml-syntax: invalid YAML: illegal map value"}},
      {"unclosed single quote",
       "a: 'abc\n",
       {"1:4 error yaml-syntax: invalid YAML: the quoted scalar is not closed"}},
      {"unclosed single quote after an escaped one",
       "a: 'abc''",
       {"1:10 error yaml-syntax: invalid YAML: illegal EOF in scalar"}},
      {"unclosed double quote",
       "a: \"abc\n  def",
       {"2:6 error yaml-syntax: invalid YAML: illegal EOF in scalar"}},
      {"unknown escape",
       "a: \"x\\qy\"\n",
       {"1:8 error yaml-syntax: invalid YAML: unknown escape character: q"}},
      {"reserved indicator", "a: @x\n", {"1:4 error yaml-syntax: invalid YAML: unknown token"}},
      {"two anchors",
       "&a &b x\n",
       {"1:4 error yaml-syntax: invalid YAML: cannot assign multiple anchors to the same node"}},
      {"unclosed verbatim tag",
       "!<x\n",
       {"1:4 error yaml-syntax: invalid YAML: end of verbatim tag not found"}},
      {"unclosed flow mapping at the end",
       "a: {b: 1",
       {"1:9 error yaml-syntax: invalid YAML: end of map flow not found"}},
      {"sequence entry after a mapping",
       "a: 1\n- b\n",
       {"2:1 error yaml-syntax: invalid YAML: end of map not found"}},
      {"tab indentation",
       "a:\n\tb: 1\n",
       {"2:3 error yaml-syntax: invalid YAML: illegal map value"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    ReadResult r = ReadYamlText(row.text);
    CHECK_FALSE(r.ok);
    CHECK(r.doc.empty());
    CHECK(r.lines() == row.expected);
  }
}

TEST_CASE("ReadYaml reads exactly one non-empty document", "[yaml]") {
  struct Row {
    std::string text;
    Lines expected;
  };
  const std::vector<Row> bad = {
      {"a: 1\n---\nb: 2\n",
       {"2:1 error yaml-multiple-documents: a second YAML document starts here; the input must "
        "hold exactly one"}},
      {"--- a\n--- b\n",
       {"2:1 error yaml-multiple-documents: a second YAML document starts here; the input must "
        "hold exactly one"}},
      {"", {"1:1 error yaml-syntax: empty document"}},
      {"\n\n  \n", {"1:1 error yaml-syntax: empty document"}},
      {"# only a comment\n", {"1:1 error yaml-syntax: empty document"}},
      {"\xEF\xBB\xBF", {"1:4 error yaml-syntax: empty document"}},
      {"# c\n---\n# c\n", {"2:1 error yaml-syntax: empty document"}},
  };
  for (const Row& row : bad) {
    CAPTURE(row.text);
    ReadResult r = ReadYamlText(row.text);
    CHECK_FALSE(r.ok);
    CHECK(r.lines() == row.expected);
  }
  struct Good {
    std::string text;
    std::string json;
  };
  const std::vector<Good> good = {
      {"---\na: 1\n...\n", "{\"a\": 1}"},
      {"%YAML 1.2\n---\na: 1\n", "{\"a\": 1}"},
      {"null\n", "null"},
      {"~", "null"},
      {"--- |\n  text\n", "\"text\n\""},
      {"[1, two]", "[1, \"two\"]"},
      {"{\"Version\": \"2012-10-17\"}", "{\"Version\": \"2012-10-17\"}"},
  };
  for (const Good& row : good) {
    CAPTURE(row.text);
    ReadResult r = ReadYamlText(row.text);
    REQUIRE(r.ok);
    CHECK(Render(r.doc.root()) == row.json);
  }
}

TEST_CASE("ReadYaml refuses an input larger than max_bytes up front", "[yaml]") {
  YamlReadOptions options;
  options.max_bytes = 10;
  ReadResult at_limit = ReadYamlText("a: 1234567", options);
  REQUIRE(at_limit.ok);
  CHECK(Render(at_limit.doc.root()) == "{\"a\": 1234567}");
  ReadResult over = ReadYamlText("a: 12345678", options);
  CHECK(over.lines() ==
        Lines{"1:1 error input-too-large: input is 11 bytes, more than the limit of 10 bytes"});
}

TEST_CASE("LooksLikeYaml looks at the first character that is not blank or a comment", "[yaml]") {
  CHECK(LooksLikeYaml("Version: 2012-10-17\n"));
  CHECK(LooksLikeYaml("---\na: 1\n"));
  CHECK(LooksLikeYaml("# {not json}\n- a\n"));
  CHECK(
      LooksLikeYaml("\xEF\xBB\xBF"
                    "a: 1"));
  CHECK(LooksLikeYaml("\"quoted\": 1"));
  CHECK_FALSE(LooksLikeYaml("{\"Version\": \"2012-10-17\"}"));
  CHECK_FALSE(LooksLikeYaml("  \r\n\t[1, 2]"));
  CHECK_FALSE(LooksLikeYaml("# comment\n{}"));
  CHECK_FALSE(LooksLikeYaml("\xEF\xBB\xBF{}"));
  CHECK_FALSE(LooksLikeYaml(""));
  CHECK_FALSE(LooksLikeYaml(" \n# only a comment\n"));
}

// ---------------------------------------------------------------------------
// CloudFormation and the policy builder

const std::string kTemplate =
    "AWSTemplateFormatVersion: '2010-09-09'\n"                               // 1
    "Parameters:\n"                                                          // 2
    "  BucketName: {Type: String, Default: reports}\n"                       // 3
    "Resources:\n"                                                           // 4
    "  AppRole:\n"                                                           // 5
    "    Type: AWS::IAM::Role\n"                                             // 6
    "    Properties:\n"                                                      // 7
    "      AssumeRolePolicyDocument:\n"                                      // 8
    "        Version: '2012-10-17'\n"                                        // 9
    "        Statement:\n"                                                   // 10
    "          - Effect: Allow\n"                                            // 11
    "            Principal: {Service: ec2.amazonaws.com}\n"                  // 12
    "            Action: sts:AssumeRole\n"                                   // 13
    "      Policies:\n"                                                      // 14
    "        - PolicyName: read-reports\n"                                   // 15
    "          PolicyDocument:\n"                                            // 16
    "            Version: '2012-10-17'\n"                                    // 17
    "            Statement:\n"                                               // 18
    "              - Sid: Read\n"                                            // 19
    "                Effect: Allow\n"                                        // 20
    "                Action: [s3:GetObject, s3:ListBucket]\n"                // 21
    "                Resource:\n"                                            // 22
    "                  - !Sub 'arn:${AWS::Partition}:s3:::${BucketName}'\n"  // 23
    "                  - !Join ['', [!GetAtt Bucket.Arn, '/*']]\n"           // 24
    "                Condition:\n"                                           // 25
    "                  Bool: {aws:SecureTransport: true}\n"                  // 26
    "  InstanceProfile:\n"                                                   // 27
    "    Type: AWS::IAM::InstanceProfile\n"                                  // 28
    "    Properties:\n"                                                      // 29
    "      Roles: [!Ref AppRole]\n"                                          // 30
    "Outputs:\n"                                                             // 31
    "  RoleArn:\n"                                                           // 32
    "    Value: !GetAtt AppRole.Arn\n"                                       // 33
    "    Condition: IsProd\n";                                               // 34

TEST_CASE("ReadYaml reads a CloudFormation template into the long form", "[yaml]") {
  ReadResult r = ReadYamlText(kTemplate);
  REQUIRE(r.ok);
  CHECK(r.diagnostics.empty());
  JsonValue root = r.doc.root();
  CHECK(Render(Get(root, {"Parameters"})) ==
        "{\"BucketName\": {\"Type\": \"String\", \"Default\": \"reports\"}}");
  JsonValue doc =
      Get(root, {"Resources", "AppRole", "Properties", "Policies", "0", "PolicyDocument"});
  CHECK(Render(doc) ==
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Read\", \"Effect\": \"Allow\", "
        "\"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\": [{\"Fn::Sub\": "
        "\"arn:${AWS::Partition}:s3:::${BucketName}\"}, {\"Fn::Join\": [\"\", [{\"Fn::GetAtt\": "
        "[\"Bucket\", \"Arn\"]}, \"/*\"]]}], \"Condition\": {\"Bool\": {\"aws:SecureTransport\": "
        "true}}}]}");
  CHECK(At(r, doc.span()) == "17:13-26:52");
  JsonValue resource = Get(doc, {"Statement", "0", "Resource"});
  CHECK(At(r, resource.element(0).span()) == "23:21-23:68");
  CHECK(At(r, resource.element(0).key_span(0)) == "23:21-23:25");
  CHECK(At(r, Get(resource, {"1", "Fn::Join", "1", "0"}).span()) == "24:33-24:51");
  CHECK(At(r, Get(resource, {"1", "Fn::Join", "1", "0", "Fn::GetAtt", "1"}).span()) ==
        "24:48-24:51");
  CHECK(Render(Get(root, {"Resources", "InstanceProfile", "Properties", "Roles"})) ==
        "[{\"Ref\": \"AppRole\"}]");
  // `Condition: IsProd` is a plain key, not the `!Condition` tag.
  CHECK(Render(Get(root, {"Outputs", "RoleArn"})) ==
        "{\"Value\": {\"Fn::GetAtt\": [\"AppRole\", \"Arn\"]}, \"Condition\": \"IsProd\"}");
  CHECK(At(r, Get(root, {"Resources", "AppRole", "Properties", "AssumeRolePolicyDocument",
                         "Statement", "0", "Principal", "Service"})
                  .span()) == "12:34-12:51");
}

// The diagnostics of BuildPolicy on a YAML document, as "line:col code".
Lines BuildFromYaml(const std::string& text, std::optional<PolicyKind> kind) {
  ReadResult r = ReadYamlText(text);
  REQUIRE(r.ok);
  DiagnosticSink sink;
  PolicyBuildOptions options;
  options.kind = kind;
  std::optional<PolicyDocument> policy = BuildPolicy(*r.sources, r.doc.root(), options, sink);
  REQUIRE(policy.has_value());
  sink.Sort();
  Lines out;
  for (const Diagnostic& d : sink.diagnostics()) out.push_back(r.Where(d.span) + " " + d.code);
  return out;
}

TEST_CASE("BuildPolicy on a YAML policy reports at the YAML lines", "[yaml]") {
  const std::string text =
      "Version: 2012-10-17\n"                                    // 1
      "Statement:\n"                                             // 2
      "  - Sid: AllowRead\n"                                     // 3
      "    Effect: allow\n"                                      // 4
      "    Action: s3GetObject\n"                                // 5
      "    Resource: '*'\n"                                      // 6
      "  - Sid: bad sid\n"                                       // 7
      "    Effect: Deny\n"                                       // 8
      "    Action: [s3:GetObject]\n"                             // 9
      "    Resource: [arn:aws:s3:::b/*, bucket]\n"               // 10
      "    Condition:\n"                                         // 11
      "      NumericLessThan: {aws:MultiFactorAuthAge: 3600}\n"  // 12
      "      Bool: {aws:SecureTransport: [true, false]}\n";      // 13
  CHECK(BuildFromYaml(text, PolicyKind::kIdentity) == Lines{
                                                          "4:13 invalid-effect",
                                                          "5:13 invalid-action",
                                                          "7:10 invalid-sid",
                                                          "10:34 invalid-resource",
                                                          "13:35 multiple-bool-values",
                                                      });
}

TEST_CASE("BuildPolicy on a policy inside a YAML template points into the template", "[yaml]") {
  const std::string text =
      "Resources:\n"                                                             // 1
      "  Policy:\n"                                                              // 2
      "    Type: AWS::IAM::ManagedPolicy\n"                                      // 3
      "    Properties:\n"                                                        // 4
      "      PolicyDocument:\n"                                                  // 5
      "        Version: '2012-10-17'\n"                                          // 6
      "        Statement:\n"                                                     // 7
      "          - Effect: Allow\n"                                              // 8
      "            Action: ['s3:GetObject', 's3:Get*Object', iam:PassRole:x]\n"  // 9
      "            Resource: *anchor_free\n";                                    // 10
  ReadResult bad_alias = ReadYamlText(text);
  CHECK(bad_alias.lines() ==
        Lines{"10:23 error yaml-syntax: invalid YAML: the referenced anchor is not defined"});

  std::string fixed = text.substr(0, text.find("*anchor_free")) + "\"*\"\n";
  ReadResult r = ReadYamlText(fixed);
  REQUIRE(r.ok);
  JsonValue doc = Get(r.doc.root(), {"Resources", "Policy", "Properties", "PolicyDocument"});
  DiagnosticSink sink;
  std::optional<PolicyDocument> policy =
      BuildPolicy(*r.sources, doc, PolicyBuildOptions{PolicyKind::kIdentity, true}, sink);
  REQUIRE(policy.has_value());
  REQUIRE(policy->statements.size() == 1);
  CHECK(r.Where(policy->span) == "6:9");
  CHECK(r.Where(policy->statements[0].span) == "8:13");
  sink.Sort();
  Lines lines;
  for (const Diagnostic& d : sink.diagnostics()) lines.push_back(r.Where(d.span) + " " + d.code);
  CHECK(lines == Lines{"9:55 invalid-action"});
}

TEST_CASE("Every truncation of a template reads or fails with one diagnostic", "[yaml]") {
  size_t ok = 0;
  for (size_t cut = 0; cut <= kTemplate.size(); ++cut) {
    CAPTURE(cut);
    ReadResult r = ReadYamlText(kTemplate.substr(0, cut));
    if (r.ok) {
      ++ok;
      CHECK(r.diagnostics.empty());
    } else {
      REQUIRE(r.diagnostics.size() == 1);
      CHECK(r.doc.empty());
      CHECK(r.diagnostics[0].span.end <= cut);
    }
  }
  // Cut inside a quoted scalar or a flow collection, or before the first
  // value, a prefix is not YAML; elsewhere it is.
  CHECK(ok == 764);
}

// ---------------------------------------------------------------------------
// The scanning helpers directly

TEST_CASE("yaml_internal::PrescanDepth is a lower bound on nesting", "[yaml]") {
  using yaml_internal::kNpos;
  using yaml_internal::PrescanDepth;
  CHECK(PrescanDepth("[[[]]]", 0, 3) == kNpos);
  CHECK(PrescanDepth("[[[[]]]]", 0, 3) == 3);
  CHECK(PrescanDepth("a:\n  b:\n    c: 1\n", 0, 3) == kNpos);
  CHECK(PrescanDepth("a:\n  b:\n    c:\n      d: 1\n", 0, 3) == 21);
  CHECK(PrescanDepth("- - - x\n", 0, 2) == 4);
  CHECK(PrescanDepth("a:\n- x\n- y\n", 0, 1) == kNpos);  // same column: counted once
  CHECK(PrescanDepth("a: |\n  - - - [[[\n  - b: c: d:\nb: 1\n", 0, 1) == kNpos);
  CHECK(PrescanDepth("a: \"[[[\n[[[\" # [[[\nb: x[[[\n", 0, 1) == kNpos);
  CHECK(PrescanDepth("a: [b, {c: [d]}]\n", 0, 3) == 11);
  CHECK(PrescanDepth("---\na:\n  b: 1\n---\nc:\n  d: 1\n", 0, 2) == kNpos);
}
}  // namespace
}  // namespace iamlint
