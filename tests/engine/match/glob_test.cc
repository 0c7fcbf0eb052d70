#include "engine/match/glob.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint {
namespace {

// Renders pieces compactly: literal text in quotes, wildcards bare.
std::string Shape(const Glob& glob) {
  std::string out;
  for (const GlobPiece& piece : glob.pieces()) {
    if (!out.empty()) out += ' ';
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        out += "'" + piece.text + "'";
        break;
      case GlobPiece::Kind::kStar:
        out += '*';
        break;
      case GlobPiece::Kind::kQuestion:
        out += '?';
        break;
    }
  }
  return out;
}

TEST_CASE("Glob::Parse splits wildcards from literal text", "[match]") {
  struct Row {
    std::string pattern;
    std::string shape;
    bool has_wildcards;
    std::string rendered;
  };
  const std::vector<Row> rows = {
      {"", "", false, ""},
      {"abc", "'abc'", false, "abc"},
      {"*", "*", true, "*"},
      {"**", "*", true, "*"},
      {"***a***", "* 'a' *", true, "*a*"},
      {"?", "?", true, "?"},
      {"??", "? ?", true, "??"},
      {"*?", "* ?", true, "*?"},
      {"?*", "? *", true, "?*"},
      {"s3:Get*", "'s3:Get' *", true, "s3:Get*"},
      {"iam:*AccessKey*", "'iam:' * 'AccessKey' *", true, "iam:*AccessKey*"},
      {"a?b*c", "'a' ? 'b' * 'c'", true, "a?b*c"},
      {"arn:aws:s3:::b/*/test/*", "'arn:aws:s3:::b/' * '/test/' *", true, "arn:aws:s3:::b/*/test/*"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern);
    const Glob glob = Glob::Parse(row.pattern);
    CHECK(Shape(glob) == row.shape);
    CHECK(glob.has_wildcards() == row.has_wildcards);
    CHECK(glob.ToString() == row.rendered);
    CHECK(glob.empty() == row.pattern.empty());
  }
}

TEST_CASE("Glob builders merge literals and collapse stars", "[match]") {
  Glob glob;
  glob.AppendLiteral("arn:aws:s3:::b/");
  glob.AppendLiteral("");
  glob.AppendLiteral("alice");  // e.g. the value of ${aws:username}
  glob.AppendLiteral("/");
  glob.AppendStar();
  glob.AppendStar();
  glob.AppendQuestion();
  glob.AppendStar();
  CHECK(Shape(glob) == "'arn:aws:s3:::b/alice/' * ? *");
  CHECK(glob == Glob::Parse("arn:aws:s3:::b/alice/*?*"));

  Glob other;
  other.AppendStar();
  other.AppendLiteral("x");
  glob.Append(other);  // the seam star collapses into the trailing star
  CHECK(Shape(glob) == "'arn:aws:s3:::b/alice/' * ? * 'x'");

  Glob empty;
  empty.AppendLiteral("");
  CHECK(empty.empty());
  CHECK(empty == Glob());
}

TEST_CASE("Glob keeps literal * and ? apart from wildcards", "[match]") {
  Glob glob;
  glob.AppendLiteral("a*b?");  // from ${*} / ${?} or substituted text
  glob.AppendStar();
  CHECK(Shape(glob) == "'a*b?' *");
  CHECK(glob.has_wildcards());
  CHECK(glob.ToString() == "a*b?*");  // lossy on purpose
  CHECK(glob.ToPolicyText() == "a${*}b${?}*");
  CHECK(glob != Glob::Parse("a*b?*"));

  const Glob literal = Glob::Literal("x*y");
  CHECK_FALSE(literal.has_wildcards());
  CHECK(literal.LiteralText() == "x*y");
}

TEST_CASE("Glob::ToPolicyText escapes what would re-read differently", "[match]") {
  struct Row {
    std::string literal;
    std::string policy_text;
  };
  const std::vector<Row> rows = {
      {"plain", "plain"},         {"*", "${*}"},
      {"?", "${?}"},              {"${aws:username}", "${$}{aws:username}"},
      {"cost $5", "cost $5"},     {"$", "$"},
      {"a$${b}", "a$${$}{b}"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.literal);
    CHECK(Glob::Literal(row.literal).ToPolicyText() == row.policy_text);
  }
}

TEST_CASE("Glob::Folded lowercases ASCII in literal pieces only", "[match]") {
  const Glob glob = Glob::Parse("IAM:*AccessKey?\xC3\x89");
  const Glob folded = glob.Folded();
  CHECK(folded.ToString() == "iam:*accesskey?\xC3\x89");  // UTF-8 bytes untouched
  CHECK(Shape(folded) == "'iam:' * 'accesskey' ? '\xC3\x89'");
  CHECK(glob.ToString() == "IAM:*AccessKey?\xC3\x89");  // original unchanged
}

TEST_CASE("AsciiLower and HasAsciiUpper", "[match]") {
  struct Row {
    std::string text;
    std::string lower;
    bool has_upper;
  };
  const std::vector<Row> rows = {
      {"", "", false},
      {"abc", "abc", false},
      {"ABC", "abc", true},
      {"S3:GetObject", "s3:getobject", true},
      {"@[`{", "@[`{", false},  // neighbours of A-Z and a-z
      {"\xC3\x89t\xC3\xA9", "\xC3\x89t\xC3\xA9", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(AsciiLower(row.text) == row.lower);
    CHECK(HasAsciiUpper(row.text) == row.has_upper);
  }
}

}  // namespace
}  // namespace iamlint
