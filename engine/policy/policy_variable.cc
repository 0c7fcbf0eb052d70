#include "engine/policy/policy_variable.h"

#include "engine/base/ascii.h"

#include <cctype>

namespace iamlint {

namespace {


bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void AppendLiteral(TemplateParse& parse, std::string_view text, size_t offset) {
  if (text.empty()) return;
  if (!parse.parts.empty() && parse.parts.back().kind == TemplatePart::Kind::kLiteral) {
    parse.parts.back().text.append(text);
    parse.parts.back().length += text.size();
    return;
  }
  TemplatePart part;
  part.kind = TemplatePart::Kind::kLiteral;
  part.text = std::string(text);
  part.offset = offset;
  part.length = text.size();
  parse.parts.push_back(std::move(part));
}

// Reads the inside of ${...} (without the braces). Returns kNone on success.
TemplateError ReadVariable(std::string_view inside, TemplatePart* part) {
  if (inside.empty()) return TemplateError::kEmptyVariable;
  if (inside == "*" || inside == "?" || inside == "$") {
    part->kind = TemplatePart::Kind::kEscape;
    part->text = std::string(inside);
    return TemplateError::kNone;
  }
  std::string_view key = inside;
  size_t comma = inside.find(',');
  if (comma != std::string_view::npos) {
    key = inside.substr(0, comma);
    std::string_view rest = inside.substr(comma + 1);
    // AWS's form is exactly ", 'default'": a comma, one space, a quoted text.
    if (rest.size() < 3 || rest[0] != ' ' || rest[1] != '\'' || rest.back() != '\'') {
      return TemplateError::kMissingQuote;
    }
    part->fallback = std::string(rest.substr(2, rest.size() - 3));
  }
  if (key.empty()) return TemplateError::kEmptyVariable;
  for (char c : key) {
    if (IsSpace(c)) return TemplateError::kSpaceInKey;
  }
  part->kind = TemplatePart::Kind::kVariable;
  part->key_as_written = std::string(key);
  part->key = AsciiLower(key);
  return TemplateError::kNone;
}

}  // namespace

TemplateParse ParseTemplate(std::string_view text) {
  TemplateParse parse;
  size_t pos = 0;
  size_t literal_start = 0;
  while (pos < text.size()) {
    size_t open = text.find("${", pos);
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos) {
      if (parse.error == TemplateError::kNone) {
        parse.error = TemplateError::kMissingBrace;
        parse.error_offset = open;
      }
      break;
    }
    TemplatePart part;
    TemplateError error = ReadVariable(text.substr(open + 2, close - open - 2), &part);
    if (error != TemplateError::kNone) {
      if (parse.error == TemplateError::kNone) {
        parse.error = error;
        parse.error_offset = open;
      }
      pos = close + 1;  // keep the faulty text literal
      continue;
    }
    AppendLiteral(parse, text.substr(literal_start, open - literal_start), literal_start);
    part.offset = open;
    part.length = close + 1 - open;
    parse.parts.push_back(std::move(part));
    parse.has_variables = true;
    pos = close + 1;
    literal_start = pos;
  }
  AppendLiteral(parse, text.substr(literal_start), literal_start);
  return parse;
}

std::string_view TemplateErrorMessage(TemplateError error) {
  switch (error) {
    case TemplateError::kNone:
      return "";
    case TemplateError::kEmptyVariable:
      return "empty policy variable `${}`";
    case TemplateError::kMissingBrace:
      return "policy variable is missing its closing `}`";
    case TemplateError::kSpaceInKey:
      return "policy variable name contains a space";
    case TemplateError::kMissingQuote:
      return "policy variable default must be written `${key, 'default'}`";
  }
  return "";
}

}  // namespace iamlint
