#include "engine/base/suggest.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint {
namespace {

TEST_CASE("EditDistance is Levenshtein with ASCII case folded", "[base]") {
  struct Row {
    std::string a, b;
    size_t distance;
  };
  const std::vector<Row> rows = {
      {"", "", 0},
      {"", "abc", 3},
      {"Effect", "effect", 0},
      {"Efect", "Effect", 1},
      {"Effects", "Effect", 1},
      {"Efefct", "Effect", 2},
      {"StringEqual", "StringEquals", 1},
      {"kitten", "sitting", 3},
      {"caf\xC3\xA9", "CAF\xC3\xA9", 0},
      {"caf\xC3\xA9", "cafe", 2},  // two bytes against one
  };
  for (const Row& row : rows) {
    CAPTURE(row.a, row.b);
    CHECK(EditDistance(row.a, row.b) == row.distance);
    CHECK(EditDistance(row.b, row.a) == row.distance);
  }
  // Inputs longer than 256 bytes are not compared.
  CHECK(EditDistance(std::string(257, 'a'), "a") > 1000);
}

TEST_CASE("ClosestMatch suggests within max(2, |word|/3) edits", "[base]") {
  const std::vector<std::string_view> elements = {"Sid", "Effect", "Principal", "NotPrincipal",
                                                  "Action", "NotAction", "Resource",
                                                  "NotResource", "Condition"};
  struct Row {
    std::string word;
    std::string expected;
  };
  const std::vector<Row> rows = {
      {"effect", "Effect"},
      {"Actions", "Action"},
      {"Principals", "Principal"},
      {"NotResources", "NotResource"},
      {"Conditon", "Condition"},
      {"sid", "Sid"},
      {"Statement", ""},   // nothing close
      {"Version", ""},
      {"Xyz", ""},
      {"Resourcez1", "Resource"},  // 2 edits, within 10/3 = 3
  };
  for (const Row& row : rows) {
    CAPTURE(row.word);
    CHECK(ClosestMatch(row.word, elements) == row.expected);
  }
  // Ties go to the earliest candidate.
  CHECK(ClosestMatch("ab", {"aa", "bb"}) == "aa");
  CHECK(ClosestMatch("x", {}) == "");
}

}  // namespace
}  // namespace iamlint
