// Simple case folding for the IgnoreCase operators (semantics §3.2, iamlint
// decision: Unicode simple case folding).
#include "engine/eval/case_fold.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint {
namespace {

TEST_CASE("FoldCodePoint follows CaseFolding.txt statuses C and S", "[eval]") {
  struct Row {
    char32_t in, out;
  };
  const std::vector<Row> rows = {
      {U'A', U'a'},       {U'z', U'z'},          {U'@', U'@'},
      {U'É', U'é'},       {U'é', U'é'},          {U'Ÿ', U'ÿ'},
      {U'Σ', U'σ'},       {U'ς', U'σ'},          {U'Ω', U'ω'},
      {U'Ж', U'ж'},       {U'Ա', U'ա'},          {U'ẞ', U'ß'},  // status S
      {U'µ', U'μ'},       {U'K', U'k'},          // KELVIN SIGN
      {U'İ', U'İ'},       // only a full (F) and Turkic (T) folding: unchanged
      {U'ß', U'ß'},       // full folding would give "ss": not simple
      {U'𐐀', U'𐐨'},      // Deseret, outside the BMP
      {U'中', U'中'},
  };
  for (const Row& row : rows) {
    CAPTURE(static_cast<uint32_t>(row.in));
    CHECK(static_cast<uint32_t>(FoldCodePoint(row.in)) == static_cast<uint32_t>(row.out));
  }
}

TEST_CASE("EqualsFoldedUtf8 compares code point by code point", "[eval]") {
  struct Row {
    std::string a, b;
    bool equal;
  };
  const std::vector<Row> rows = {
      {"", "", true},
      {"Hello", "hELLO", true},
      {"Hello", "Hell", false},
      {"CAFÉ", "café", true},
      {"ΣΟΦΟΣ", "σοφος", true},
      {"ΣΟΦΟΣ", "σοφοσ", true},
      {"Straße", "STRASSE", false},  // needs full folding
      {"Straße", "STRAẞE", true},
      {"ｘ", "Ｘ", true},          // fullwidth
      {"a", "\xC3\x81", false},
      // Invalid UTF-8 compares exactly, byte for byte.
      {"\xFF", "\xFF", true},
      {"\xFF", "\xFE", false},
      {"\xC3", "\xC3\x81", false},
      {"\xC0\x81", "A", false},  // an overlong "A" is not "A"
      {"\xC0\x81", "a", false},
      {"\xED\xA0\x80", "\xED\xA0\x80", true},  // a surrogate, as bytes
  };
  for (const Row& row : rows) {
    CAPTURE(row.a, row.b);
    CHECK(EqualsFoldedUtf8(row.a, row.b) == row.equal);
    CHECK(EqualsFoldedUtf8(row.b, row.a) == row.equal);
  }
}

}  // namespace
}  // namespace iamlint
