#include "engine/match/wildcard.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/match/glob.h"
#include "engine/match/wildcard_reference.h"

namespace iamlint {
namespace {

using Strategy = Wildcard::Strategy;

TEST_CASE("Wildcard picks its strategy from the pattern shape", "[match]") {
  struct Row {
    std::string pattern;
    Strategy strategy;
  };
  const std::vector<Row> rows = {
      {"*", Strategy::kAny},
      {"**", Strategy::kAny},
      {"", Strategy::kExact},
      {"s3:GetObject", Strategy::kExact},
      {"s3:Get*", Strategy::kPrefix},
      {"*.example.com", Strategy::kSuffix},
      {"*a*", Strategy::kGeneral},
      {"a*b", Strategy::kGeneral},
      {"?", Strategy::kGeneral},
      {"s3:?etObject", Strategy::kGeneral},
      {"a?*", Strategy::kGeneral},
      {"*?", Strategy::kGeneral},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern);
    const Wildcard wildcard = Wildcard::FromPattern(row.pattern);
    CHECK(wildcard.strategy() == row.strategy);
    CHECK(StrategyName(wildcard.strategy()) == StrategyName(row.strategy));
  }
  CHECK(Wildcard().strategy() == Strategy::kExact);
  CHECK(Wildcard().Match(""));
  CHECK_FALSE(Wildcard().Match("a"));
}

TEST_CASE("Wildcard::Match follows the glob rules of spec 2.1", "[match]") {
  struct Row {
    std::string pattern;
    std::string text;
    bool match;
  };
  const std::vector<Row> rows = {
      // kAny
      {"*", "", true},
      {"*", "anything:at/all", true},
      // kExact
      {"", "", true},
      {"", "a", false},
      {"abc", "abc", true},
      {"abc", "abcd", false},
      {"abc", "ab", false},
      {"abc", "ABC", false},  // case-sensitive
      // kPrefix
      {"s3:Get*", "s3:Get", true},
      {"s3:Get*", "s3:GetObject", true},
      {"s3:Get*", "s3:Ge", false},
      {"s3:Get*", "s3:getObject", false},
      // kSuffix
      {"*.com", ".com", true},
      {"*.com", "example.com", true},
      {"*.com", "example.org", false},
      {"*.com", "com", false},
      // kGeneral
      {"*a*", "a", true},
      {"*a*", "bab", true},
      {"*a*", "bbb", false},
      {"*a*", "", false},
      {"a*b", "ab", true},
      {"a*b", "axxb", true},
      {"a*b", "abx", false},
      {"a*a", "a", false},  // head and tail must not overlap
      {"a*a", "aa", true},
      {"ab*ba", "aba", false},
      {"ab*ba", "abba", true},
      {"?", "", false},
      {"?", "x", true},
      {"?", "xy", false},
      {"s3:?etObject", "s3:GetObject", true},
      {"s3:?etObject", "s3:etObject", false},
      {"*?", "", false},
      {"*?", "x", true},
      {"*??*", "x", false},
      {"*??*", "xy", true},
      {"?*?", "xy", true},
      {"?*?", "x", false},
      {"iam:*AccessKey*", "iam:ListAccessKeys", true},
      {"iam:*AccessKey*", "iam:CreateAccessKey", true},
      {"iam:*AccessKey*", "iam:ListUsers", false},
      {"*a?c*", "xxabcxx", true},
      {"*a?c*", "xxacxx", false},
      {"*ab*ab*", "abab", true},
      {"*ab*ab*", "aba", false},
      {"*aab*", "aaab", true},  // a failed partial match must not skip the real one
      // `/` has no special meaning (spec 2.4 rule 7)
      {"b/*/test/*", "b/1/2/test/x.jpg", true},
      {"b/*/test/*", "b//test/x", true},
      {"b/*/test/*", "b/1/test/", true},
      {"b/*/test/*", "b/test/x", false},
      {"b/*/test/*", "b/1-test/x", false},
      {"b/*/test/*", "b/1/2/test.jpg", false},
      // Wildcards cross colons in a plain glob (StringLike, spec 2.7)
      {"arn:aws:someservice:*:111122223333:finance/*",
       "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", true},
      // Long literal segments (KMP) and long `?` segments (multi-word shift-and)
      {"*abcdefghijklmnopqrstuvwxyz*", "xxabcdefghijklmnopqrstuvwxyabcdefghijklmnopqrstuvwxyzxx", true},
      {"*abcdefghijklmnopqrstuvwxyz*", "xxabcdefghijklmnopqrstuvwxyabcdefghijklmnopqrstuvwxy", false},
      {"*aaaaaaaaaaaaaaaaaaaab*", std::string(40, 'a') + "b", true},
      {"*aaaaaaaaaaaaaaaaaaaab*", std::string(40, 'a'), false},
      {"*" + std::string(70, 'a') + "?b*", std::string(100, 'a') + "b", true},
      {"*" + std::string(70, 'a') + "?b*", std::string(100, 'a'), false},
      {"*" + std::string(70, 'a') + "?b*", std::string(70, 'a') + "b", false},
      // Bytes above 0x7f are ordinary bytes
      {"*\xC3\xA9*", "caf\xC3\xA9", true},
      {"caf?", "caf\xC3\xA9", true},  // `?` is one character, not one byte
      {"caf??", "caf\xC3\xA9", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern, row.text);
    const Wildcard wildcard = Wildcard::FromPattern(row.pattern);
    CAPTURE(StrategyName(wildcard.strategy()));
    CHECK(wildcard.Match(row.text) == row.match);
    CHECK(WildcardMatchReference(row.pattern, row.text) == row.match);
  }
}

TEST_CASE("Wildcard treats literal * and ? pieces as text", "[match]") {
  // Pattern: 'a*' then a wildcard star then '?x' (as if from a${*}*${?}x).
  Glob glob;
  glob.AppendLiteral("a*");
  glob.AppendStar();
  glob.AppendLiteral("?x");
  const Wildcard wildcard = Wildcard::Compile(glob);
  struct Row {
    std::string text;
    bool match;
  };
  const std::vector<Row> rows = {
      {"a*?x", true}, {"a*zz?x", true}, {"abc?x", false}, {"a*zzyx", false}, {"a*?", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(wildcard.Match(row.text) == row.match);
    CHECK(WildcardMatchReference(glob, row.text) == row.match);
  }
  // Literal-only Globs stay exact even when they contain * and ?.
  const Wildcard exact = Wildcard::Compile(Glob::Literal("*?"));
  CHECK(exact.strategy() == Strategy::kExact);
  CHECK(exact.Match("*?"));
  CHECK_FALSE(exact.Match("ab"));
  // A literal star next to a wildcard star: prefix strategy on "x*".
  Glob prefix;
  prefix.AppendLiteral("x*");
  prefix.AppendStar();
  const Wildcard prefix_wildcard = Wildcard::Compile(prefix);
  CHECK(prefix_wildcard.strategy() == Strategy::kPrefix);
  CHECK(prefix_wildcard.Match("x*yz"));
  CHECK_FALSE(prefix_wildcard.Match("xyz"));
}

TEST_CASE("Wildcard::FromPatternFolded matches lowered text", "[match]") {
  const Wildcard wildcard = Wildcard::FromPatternFolded("IAM:*AccessKey*");
  CHECK(wildcard.glob().ToString() == "iam:*accesskey*");
  CHECK(wildcard.Match(AsciiLower("iam:ListAccessKeys")));
  CHECK(wildcard.Match(AsciiLower("IAM:LISTACCESSKEYS")));
  CHECK_FALSE(wildcard.Match("IAM:LISTACCESSKEYS"));  // callers must lower the text
}

TEST_CASE("Wildcard reports min_length", "[match]") {
  struct Row {
    std::string pattern;
    size_t min_length;
  };
  const std::vector<Row> rows = {
      {"", 0}, {"*", 0}, {"abc", 3}, {"a*b", 2}, {"?*?", 2}, {"*ab?c*", 4},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern);
    CHECK(Wildcard::FromPattern(row.pattern).min_length() == row.min_length);
  }
}

TEST_CASE("Wildcard stays near-linear on adversarial inputs", "[match]") {
  // No timing assertions (CI runs under sanitizers); a quadratic or
  // exponential matcher simply would not finish in the test timeout.
  std::string pattern;
  while (pattern.size() + 2 < 100000) pattern += "*a";
  pattern += "*b";
  REQUIRE(pattern.size() == 100000);
  const std::string text(1000000, 'a');
  const Wildcard wildcard = Wildcard::FromPattern(pattern);
  CHECK(wildcard.strategy() == Strategy::kGeneral);
  CHECK_FALSE(wildcard.Match(text));
  CHECK(wildcard.Match(text + "b"));

  // Same shape without the cheap tail rejection: the last star-separated
  // segment is absent from the text, so every middle segment is searched.
  std::string no_tail = pattern.substr(0, pattern.size() - 1) + "c*";
  CHECK_FALSE(Wildcard::FromPattern(no_tail).Match(text));

  // Long literal segments that almost match everywhere (KMP worst case).
  const std::string segment = std::string(5000, 'a') + "b";
  CHECK_FALSE(Wildcard::FromPattern("*" + segment + "*").Match(text));
  CHECK(Wildcard::FromPattern("*" + segment + "*").Match(text + "b"));

  // Long `?` segments: multi-word shift-and, O(n * words).
  const std::string question_segment = std::string(150, 'a') + "?" + std::string(150, 'a') + "b";
  CHECK_FALSE(Wildcard::FromPattern("*" + question_segment + "*").Match(text));
  CHECK(Wildcard::FromPattern("*" + question_segment + "*").Match(text + "b"));

  // Many short `?` segments.
  std::string many_questions;
  while (many_questions.size() < 30000) many_questions += "*a?";
  many_questions += "*b";
  CHECK_FALSE(Wildcard::FromPattern(many_questions).Match(text));
  CHECK(Wildcard::FromPattern(many_questions).Match(text + "b"));
}

// Every string over `alphabet` of length <= max_length, shortest first.
std::vector<std::string> AllStrings(const std::string& alphabet, size_t max_length) {
  std::vector<std::string> out = {""};
  size_t begin = 0;
  for (size_t length = 1; length <= max_length; ++length) {
    const size_t end = out.size();
    for (size_t i = begin; i < end; ++i) {
      for (char c : alphabet) out.push_back(out[i] + c);
    }
    begin = end;
  }
  return out;
}

TEST_CASE("Wildcard agrees with the reference exhaustively on tiny inputs", "[match]") {
  // All 1,365 patterns of length <= 5 over {a, b, *, ?} against all 63 texts
  // of length <= 5 over {a, b}.
  const std::vector<std::string> patterns = AllStrings("ab*?", 5);
  const std::vector<std::string> texts = AllStrings("ab", 5);
  REQUIRE(patterns.size() == 1365);
  REQUIRE(texts.size() == 63);
  for (const std::string& pattern : patterns) {
    const Wildcard wildcard = Wildcard::FromPattern(pattern);
    for (const std::string& text : texts) {
      const bool expected = WildcardMatchReference(pattern, text);
      if (wildcard.Match(text) != expected) {
        CAPTURE(pattern, text, expected, StrategyName(wildcard.strategy()));
        FAIL("Wildcard and reference disagree");
      }
    }
  }
}

// Builds a random Glob over {a, b, *, ?} plus, sometimes, literal `*`/`?`
// bytes, using a fixed-seed engine so failures reproduce.
class RandomGlobs {
 public:
  explicit RandomGlobs(uint32_t seed) : engine_(seed) {}

  size_t Below(size_t bound) { return static_cast<size_t>(engine_() % bound); }

  Glob NextGlob(size_t max_length, bool literal_wildcards) {
    Glob glob;
    const size_t length = Below(max_length + 1);
    for (size_t i = 0; i < length; ++i) {
      const size_t roll = Below(literal_wildcards ? 10 : 8);
      if (roll < 3) {
        glob.AppendLiteral("a");
      } else if (roll < 5) {
        glob.AppendLiteral("b");
      } else if (roll < 7) {
        glob.AppendStar();
      } else if (roll < 8) {
        glob.AppendQuestion();
      } else if (roll < 9) {
        glob.AppendLiteral("*");
      } else {
        glob.AppendLiteral("?");
      }
    }
    return glob;
  }

  std::string NextText(size_t max_length, bool literal_wildcards) {
    std::string text;
    const size_t length = Below(max_length + 1);
    const std::string alphabet = literal_wildcards ? "aaabb*?" : "aab";
    for (size_t i = 0; i < length; ++i) text += alphabet[Below(alphabet.size())];
    return text;
  }

 private:
  std::mt19937 engine_;
};

TEST_CASE("Wildcard agrees with the reference on random short inputs", "[match]") {
  RandomGlobs random(20240601);
  size_t matches = 0;
  for (int round = 0; round < 4000; ++round) {
    const bool literal_wildcards = round % 4 == 3;
    const Glob glob = random.NextGlob(8, literal_wildcards);
    const Wildcard wildcard = Wildcard::Compile(glob);
    for (int t = 0; t < 8; ++t) {
      const std::string text = random.NextText(12, literal_wildcards);
      const bool expected = WildcardMatchReference(glob, text);
      if (wildcard.Match(text) != expected) {
        CAPTURE(glob.ToPolicyText(), text, expected, StrategyName(wildcard.strategy()));
        FAIL("Wildcard and reference disagree");
      }
      matches += expected ? 1 : 0;
    }
  }
  // The generator must exercise both outcomes.
  CHECK(matches > 1000);
  CHECK(matches < 31000);
}

TEST_CASE("Wildcard agrees with the reference on long segments", "[match]") {
  // Patterns with segments past the short-literal (16) and one-word (64)
  // limits, over a two-letter alphabet so near-misses are common.
  RandomGlobs random(7);
  for (int round = 0; round < 300; ++round) {
    Glob glob;
    const size_t segments = 1 + random.Below(3);
    if (random.Below(2) == 0) glob.AppendStar();
    for (size_t s = 0; s < segments; ++s) {
      const size_t length = 10 + random.Below(140);
      const bool with_question = random.Below(2) == 0;
      for (size_t i = 0; i < length; ++i) {
        if (with_question && random.Below(12) == 0) {
          glob.AppendQuestion();
        } else {
          glob.AppendLiteral(random.Below(6) == 0 ? "b" : "a");
        }
      }
      glob.AppendStar();
    }
    const Wildcard wildcard = Wildcard::Compile(glob);
    for (int t = 0; t < 6; ++t) {
      std::string text;
      const size_t length = random.Below(600);
      for (size_t i = 0; i < length; ++i) text += random.Below(6) == 0 ? 'b' : 'a';
      // Sometimes plant the pattern's literal text so matches happen.
      if (t % 2 == 0) {
        std::string planted = glob.ToString();
        for (char& c : planted) {
          if (c == '?') c = 'b';
        }
        std::string filled;
        for (char c : planted) {
          if (c != '*') filled += c;
        }
        text += filled;
      }
      const bool expected = WildcardMatchReference(glob, text);
      if (wildcard.Match(text) != expected) {
        CAPTURE(glob.ToPolicyText(), text, expected);
        FAIL("Wildcard and reference disagree");
      }
    }
  }
}

}  // namespace
}  // namespace iamlint

namespace iamlint {
namespace {

// `?` matches one character, however many UTF-8 bytes it takes (semantics
// §2.1); the compiled matcher and the oracle agree on multi-byte text.
TEST_CASE("question mark matches one UTF-8 character", "[match]") {
  static const struct {
    const char* pattern;
    const char* text;
    bool expected;
  } kCases[] = {
      {"caf?", "caf\xC3\xA9", true},          // é: 2 bytes
      {"caf??", "caf\xC3\xA9", false},
      {"?", "\xE2\x82\xAC", true},            // €: 3 bytes
      {"?", "\xF0\x9F\x98\x80", true},        // 😀: 4 bytes
      {"a?c", "a\xF0\x9F\x98\x80" "c", true},
      {"*\xC3\xA9?", "x\xC3\xA9\xC3\xA9", true},
      {"*\xC3\xA9?", "x\xC3\xA9", false},
      {"?\xC3\xA9*", "\xE2\x82\xAC\xC3\xA9z", true},
      {"b/caf?", "b/caf\xC3\xA9", true},
      {"??", "\xC3\xA9", false},
      {"?", "\xFF", true},                    // a malformed byte is one character
  };
  for (const auto& c : kCases) {
    CAPTURE(c.pattern, c.text);
    CHECK(Wildcard::FromPattern(c.pattern).Match(c.text) == c.expected);
    CHECK(WildcardMatchReference(c.pattern, c.text) == c.expected);
  }
}

}  // namespace
}  // namespace iamlint
