// GlobIntersectsTemplate against brute force: every short glob against
// every short template code, compared with "some string of up to kMaxLength
// characters over {a, b, /} matches both", decided by naive matchers.
#include "engine/catalog/arn_template.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace iamlint {
namespace {

constexpr char kVar = static_cast<char>(kTemplateVariable);
constexpr char kVarNoSlash = static_cast<char>(kTemplateVariable | kTemplateExcludesSlash);

// Naive glob match: `*` any run, `?` one character.
bool GlobMatch(std::string_view glob, std::string_view text) {
  if (glob.empty()) return text.empty();
  if (glob[0] == '*') {
    for (size_t k = 0; k <= text.size(); ++k) {
      if (GlobMatch(glob.substr(1), text.substr(k))) return true;
    }
    return false;
  }
  if (text.empty()) return false;
  if (glob[0] != '?' && glob[0] != text[0]) return false;
  return GlobMatch(glob.substr(1), text.substr(1));
}

// Naive template match: a variable takes one or more characters it does not
// exclude, `*` any run.
bool TemplateMatch(std::string_view code, std::string_view text) {
  if (code.empty()) return text.empty();
  const char t = code[0];
  if (t == '*') {
    for (size_t k = 0; k <= text.size(); ++k) {
      if (TemplateMatch(code.substr(1), text.substr(k))) return true;
    }
    return false;
  }
  if (IsTemplateVariable(t)) {
    const bool no_slash = (static_cast<unsigned char>(t) & kTemplateExcludesSlash) != 0;
    for (size_t k = 1; k <= text.size(); ++k) {
      if (no_slash && text[k - 1] == '/') break;
      if (TemplateMatch(code.substr(1), text.substr(k))) return true;
    }
    return false;
  }
  return !text.empty() && text[0] == t && TemplateMatch(code.substr(1), text.substr(1));
}

// All strings over `alphabet` of length 0..max_length.
std::vector<std::string> AllStrings(std::string_view alphabet, size_t max_length) {
  std::vector<std::string> out{""};
  size_t level_begin = 0;
  for (size_t len = 1; len <= max_length; ++len) {
    const size_t level_end = out.size();
    for (size_t i = level_begin; i < level_end; ++i) {
      for (char c : alphabet) out.push_back(out[i] + c);
    }
    level_begin = level_end;
  }
  return out;
}

TEST_CASE("arn_template: intersection agrees with brute force", "[catalog]") {
  // `b` stands for "any other character": it appears in no glob or template.
  const std::vector<std::string> texts = AllStrings("ab/", 7);
  const std::vector<std::string> globs = AllStrings("a/*?", 3);
  const std::vector<std::string> codes = AllStrings(std::string("a/*") + kVar + kVarNoSlash, 3);

  auto matches = [&](auto&& match, const std::string& pattern) {
    std::vector<bool> out(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) out[i] = match(pattern, texts[i]);
    return out;
  };
  std::vector<std::vector<bool>> glob_sets, code_sets;
  for (const std::string& g : globs) glob_sets.push_back(matches(GlobMatch, g));
  for (const std::string& c : codes) code_sets.push_back(matches(TemplateMatch, c));

  ArnMatchScratch scratch;
  size_t compared = 0, intersecting = 0;
  for (size_t g = 0; g < globs.size(); ++g) {
    for (size_t c = 0; c < codes.size(); ++c) {
      bool expected = false;
      for (size_t i = 0; i < texts.size() && !expected; ++i) {
        expected = glob_sets[g][i] && code_sets[c][i];
      }
      const bool actual = GlobIntersectsTemplate(globs[g], codes[c], 0, &scratch);
      if (actual != expected) {
        CAPTURE(globs[g], codes[c], expected);
        FAIL("disagreement");
      }
      ++compared;
      intersecting += expected ? 1 : 0;
    }
  }
  CHECK(compared == globs.size() * codes.size());
  CHECK(intersecting > 0);
  CHECK(intersecting < compared);
}

TEST_CASE("arn_template: folding applies only before fold_until", "[catalog]") {
  ArnMatchScratch scratch;
  CHECK(GlobIntersectsTemplate("AB", "ab", 2, &scratch));
  CHECK_FALSE(GlobIntersectsTemplate("AB", "ab", 1, &scratch));
  CHECK(GlobIntersectsTemplate("Ab", "ab", 1, &scratch));
}

TEST_CASE("arn_template: compile", "[catalog]") {
  const ArnTemplate bucket = ArnTemplate::Compile("arn:${Partition}:S3:::${BucketName}");
  REQUIRE(bucket.valid());
  CHECK(bucket.literal_service() == "s3");
  CHECK(bucket.ends_with_variable());
  CHECK(bucket.code() == std::string("arn:") +
                             static_cast<char>(kTemplateVariable | kTemplateExcludesColon) +
                             ":s3:::" + kVar);
  CHECK(ArnTemplate::Compile("arn:${Partition}:${Vendor}:r:a:x").literal_service().empty());
  CHECK_FALSE(ArnTemplate::Compile("arn:aws:s3::b").valid());
  CHECK_FALSE(ArnTemplate::Compile("urn:aws:s3:::b").valid());

  const ArnPattern p = ArnPattern::Parse("arn:AWS:S3:::Bucket/Key");
  REQUIRE(p.form() == ArnPattern::Form::kFields);
  CHECK(p.field(1) == "aws");
  CHECK(p.field(2) == "s3");
  CHECK(p.field(5) == "Bucket/Key");
  CHECK(p.literal_service() == "s3");
  CHECK(ArnPattern::Parse("arn:aws:s*:::b").literal_service().empty());
  CHECK(ArnPattern::Parse("arn:aws:s3:*").literal_service() == "s3");
  CHECK(ArnPattern::Parse("arn:aws:s3*").literal_service().empty());
  CHECK(ArnPattern::Parse("**").form() == ArnPattern::Form::kEverything);
  CHECK(ArnPattern::Parse("arn:aws:s3").form() == ArnPattern::Form::kNothing);
  CHECK(ArnPattern::Parse(std::string(kMaxArnPatternBytes + 1, '*')).form() ==
        ArnPattern::Form::kNothing);
  CHECK(ArnPattern::Parse("arn:aws:s3:::${aws:username}/x").field(5) == "*/x");
}

}  // namespace
}  // namespace iamlint
