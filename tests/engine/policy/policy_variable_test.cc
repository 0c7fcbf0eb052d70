#include "engine/policy/policy_variable.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint {
namespace {

// One part as text: L"lit", V"key|written|default", E"*".
std::string Describe(const TemplatePart& p) {
  std::string out;
  switch (p.kind) {
    case TemplatePart::Kind::kLiteral:
      out = "L\"" + p.text + "\"";
      break;
    case TemplatePart::Kind::kVariable:
      out = "V\"" + p.key + "|" + p.key_as_written + (p.fallback ? "|" + *p.fallback : "") + "\"";
      break;
    case TemplatePart::Kind::kEscape:
      out = "E\"" + p.text + "\"";
      break;
  }
  return out + "@" + std::to_string(p.offset) + "+" + std::to_string(p.length);
}

std::vector<std::string> DescribeAll(const TemplateParse& parse) {
  std::vector<std::string> out;
  for (const TemplatePart& p : parse.parts) out.push_back(Describe(p));
  return out;
}

TEST_CASE("ParseTemplate splits text into literals, variables and escapes", "[policy]") {
  struct Row {
    std::string text;
    std::vector<std::string> parts;
    bool has_variables;
  };
  const std::vector<Row> rows = {
      {"", {}, false},
      {"arn:aws:s3:::b/*", {"L\"arn:aws:s3:::b/*\"@0+16"}, false},
      {"home/${aws:username}/*",
       {"L\"home/\"@0+5", "V\"aws:username|aws:username\"@5+15", "L\"/*\"@20+2"}, true},
      {"${AWS:UserName}", {"V\"aws:username|AWS:UserName\"@0+15"}, true},
      {"${aws:PrincipalTag/team, 'none'}",
       {"V\"aws:principaltag/team|aws:PrincipalTag/team|none\"@0+32"}, true},
      {"${k:x, ''}", {"V\"k:x|k:x|\"@0+10"}, true},
      {"${k:x, 'a, b'}", {"V\"k:x|k:x|a, b\"@0+14"}, true},
      {"a${*}b${?}c${$}", {"L\"a\"@0+1", "E\"*\"@1+4", "L\"b\"@5+1", "E\"?\"@6+4", "L\"c\"@10+1",
                           "E\"$\"@11+4"},
       true},
      {"$${a:b}}", {"L\"$\"@0+1", "V\"a:b|a:b\"@1+6", "L\"}\"@7+1"}, true},
      {"${a:b}${c:d}", {"V\"a:b|a:b\"@0+6", "V\"c:d|c:d\"@6+6"}, true},
      {"$ {a:b} and {a:b}", {"L\"$ {a:b} and {a:b}\"@0+17"}, false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    TemplateParse parse = ParseTemplate(row.text);
    CHECK(parse.error == TemplateError::kNone);
    CHECK(DescribeAll(parse) == row.parts);
    CHECK(parse.has_variables == row.has_variables);
  }
}

TEST_CASE("ParseTemplate reports the first syntax error and keeps the text literal",
          "[policy]") {
  struct Row {
    std::string text;
    TemplateError error;
    size_t error_offset;
    std::vector<std::string> parts;
  };
  const std::vector<Row> rows = {
      {"b/${}", TemplateError::kEmptyVariable, 2, {"L\"b/${}\"@0+5"}},
      {"b/${aws:username", TemplateError::kMissingBrace, 2, {"L\"b/${aws:username\"@0+16"}},
      {"${aws: username}", TemplateError::kSpaceInKey, 0, {"L\"${aws: username}\"@0+16"}},
      {"${ aws:username}", TemplateError::kSpaceInKey, 0, {"L\"${ aws:username}\"@0+16"}},
      {"${aws:username, none}", TemplateError::kMissingQuote, 0,
       {"L\"${aws:username, none}\"@0+21"}},
      {"${aws:username,'none'}", TemplateError::kMissingQuote, 0,
       {"L\"${aws:username,'none'}\"@0+22"}},
      {"${aws:username, 'none}", TemplateError::kMissingQuote, 0,
       {"L\"${aws:username, 'none}\"@0+22"}},
      {"${, 'x'}", TemplateError::kEmptyVariable, 0, {"L\"${, 'x'}\"@0+8"}},
      // The first error wins; later good variables are still parsed.
      {"${}/${a:b}/${c d}", TemplateError::kEmptyVariable, 0,
       {"L\"${}/\"@0+4", "V\"a:b|a:b\"@4+6", "L\"/${c d}\"@10+7"}},
      {"${a:b}/${", TemplateError::kMissingBrace, 7, {"V\"a:b|a:b\"@0+6", "L\"/${\"@6+3"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    TemplateParse parse = ParseTemplate(row.text);
    CHECK(parse.error == row.error);
    CHECK(parse.error_offset == row.error_offset);
    CHECK(DescribeAll(parse) == row.parts);
  }
}

TEST_CASE("TemplateErrorMessage describes each error in one lowercase line", "[policy]") {
  CHECK(TemplateErrorMessage(TemplateError::kNone).empty());
  CHECK(TemplateErrorMessage(TemplateError::kEmptyVariable) == "empty policy variable `${}`");
  CHECK(TemplateErrorMessage(TemplateError::kMissingBrace) ==
        "policy variable is missing its closing `}`");
  CHECK(TemplateErrorMessage(TemplateError::kSpaceInKey) ==
        "policy variable name contains a space");
  CHECK(TemplateErrorMessage(TemplateError::kMissingQuote) ==
        "policy variable default must be written `${key, 'default'}`");
}

}  // namespace
}  // namespace iamlint
