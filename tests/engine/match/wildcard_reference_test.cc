#include "engine/match/wildcard_reference.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/match/glob.h"

namespace iamlint {
namespace {

TEST_CASE("WildcardMatchReference implements the glob rules", "[match]") {
  struct Row {
    std::string pattern;
    std::string text;
    bool match;
  };
  const std::vector<Row> rows = {
      {"", "", true},        {"", "a", false},       {"*", "", true},
      {"*", "abc", true},    {"?", "", false},       {"?", "a", true},
      {"?", "ab", false},    {"a", "a", true},       {"a", "A", false},
      {"a*", "a", true},     {"a*", "ba", false},    {"*a", "ba", true},
      {"*a*", "bab", true},  {"a*b*c", "abc", true}, {"a*b*c", "acb", false},
      {"a?c", "abc", true},  {"a?c", "ac", false},   {"**", "", true},
      {"*?*", "", false},    {"*?*", "z", true},     {"a*a*a", "aa", false},
      {"a*a*a", "aaa", true}, {"ab*ba", "aba", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern, row.text);
    CHECK(WildcardMatchReference(row.pattern, row.text) == row.match);
    CHECK(WildcardMatchReference(Glob::Parse(row.pattern), row.text) == row.match);
  }
}

TEST_CASE("WildcardMatchReference keeps literal pieces literal", "[match]") {
  Glob glob;
  glob.AppendLiteral("?");
  glob.AppendQuestion();
  glob.AppendLiteral("*");
  struct Row {
    std::string text;
    bool match;
  };
  const std::vector<Row> rows = {
      {"?x*", true}, {"??*", true}, {"ax*", false}, {"?x", false}, {"?x*y", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(WildcardMatchReference(glob, row.text) == row.match);
  }
}

TEST_CASE("WildcardMatchReference satisfies glob identities", "[match]") {
  // Identities any correct glob matcher satisfies, checked over every pair
  // of small texts: `*` matches everything, a pattern without wildcards
  // matches only itself, `p*` matches every extension of p, and n `?`
  // match exactly the texts of length n.
  const std::vector<std::string> texts = {"", "a", "b", "aa", "ab", "ba", "bb", "aab", "bba"};
  for (const std::string& text : texts) {
    CAPTURE(text);
    CHECK(WildcardMatchReference("*", text));
    for (const std::string& other : texts) {
      CAPTURE(other);
      CHECK(WildcardMatchReference(other, text) == (other == text));
      CHECK(WildcardMatchReference(text + "*", text + other));
      CHECK(WildcardMatchReference(std::string(text.size(), '?'), other) ==
            (other.size() == text.size()));
    }
  }
}

}  // namespace
}  // namespace iamlint
