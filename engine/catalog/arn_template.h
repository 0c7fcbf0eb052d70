// Internal header of engine/catalog: include engine/catalog/catalog.h instead.
//
// ArnPattern and ArnTemplate: the two sides of Catalog::ClassifyArn, and the
// test that decides whether they share at least one ARN.
//
// An ArnTemplate is an AWS ARN format compiled to a byte code in which every
// byte is either itself (a literal), `*` (any text, from a literal `*` in
// the format), or a variable byte (0x01 | exclusion bits) standing for a
// `${Var}`: a non-empty text without the excluded characters. Literals in
// fields 2-5 (partition to account) are stored lowercased.
//
// An ArnPattern is a policy Resource (or a concrete ARN) split the way
// ResourcePattern splits it (engine/match/arn.h): at the first five colons,
// or, for a shorter pattern ending in `*`, with its last field extending
// over the rest. `*` and `?` are wildcards; a policy variable `${...}`
// becomes `*`.
//
// GlobIntersectsTemplate() decides whether a glob and a template code share
// a text by exploring the product of their two automata: states are
// (position in glob, position in template, "the current variable has taken
// a character"). With at most (|glob|+1)·(|template|+1)·2 states it runs in
// O(|glob|·|template|) time, and never recurses.
#ifndef IAMLINT_ENGINE_CATALOG_ARN_TEMPLATE_H_
#define IAMLINT_ENGINE_CATALOG_ARN_TEMPLATE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iamlint {

// Byte codes of a compiled template (literals are every other byte).
inline constexpr uint8_t kTemplateVariable = 0x01;       // bit 0: a variable
inline constexpr uint8_t kTemplateExcludesSlash = 0x02;  // the variable takes no `/`
inline constexpr uint8_t kTemplateExcludesColon = 0x04;  // the variable takes no `:`
inline bool IsTemplateVariable(char c) {
  return static_cast<unsigned char>(c) < 8 && (static_cast<unsigned char>(c) & 1) != 0;
}

// Work space of GlobIntersectsTemplate, reused between calls so that a
// classification allocates only while the buffers grow. Not thread-safe:
// one per thread (or per call).
struct ArnMatchScratch {
  std::vector<uint64_t> seen;   // one bit per product state
  std::vector<uint32_t> stack;  // states still to explore
};

// Patterns longer than this denote nothing (ARNs are at most 2048 bytes).
inline constexpr size_t kMaxArnPatternBytes = 4096;
// Formats longer than this match nothing (the longest AWS format is ~150).
inline constexpr size_t kMaxArnTemplateBytes = 1024;

// True iff some text matches both `glob` (`*` any run, `?` one character,
// other bytes literal) and template code `code` (see above). Positions of
// `code` before `fold_until` are compared case-insensitively (the code holds
// them lowercased). REQUIRES: glob.size() <= kMaxArnPatternBytes and
// code.size() <= kMaxArnTemplateBytes.
bool GlobIntersectsTemplate(std::string_view glob, std::string_view code, size_t fold_until,
                            ArnMatchScratch* scratch);

// A parsed resource pattern. A value; owns its text.
class ArnPattern {
 public:
  enum class Form {
    kNothing,       // not `arn:...` and not all stars: denotes no resource type
    kEverything,    // `*` (or only stars): every resource type
    kFields,        // six fields
    kTrailingStar,  // 2-5 fields, the last ending in `*` and covering the rest
  };

  // Never fails; text longer than kMaxArnPatternBytes gives kNothing.
  static ArnPattern Parse(std::string_view text);

  Form form() const { return form_; }
  // Number of fields, counting `arn` as field 0 (6 for kFields).
  size_t field_count() const { return field_count_; }
  // Field i; fields 1-4 are lowercased, except the last field of a
  // kTrailingStar pattern, which is kept as written.
  std::string_view field(size_t i) const;
  // The service field, lowercased, when it is complete and has no wildcard;
  // otherwise "" (every service may match).
  std::string_view literal_service() const;

 private:
  Form form_ = Form::kNothing;
  std::string text_;
  size_t field_count_ = 0;
  // INVARIANT: [begin, end) offsets into text_ of fields 0..field_count_-1.
  std::array<uint32_t, 6> begin_{};
  std::array<uint32_t, 6> end_{};
};

// One compiled ARN format. A value; immutable once the catalog is built.
class ArnTemplate {
 public:
  // Compiles `format` (e.g. "arn:${Partition}:s3:::${BucketName}"). A format
  // that does not start with `arn:`, has fewer than five colons or is longer
  // than kMaxArnTemplateBytes compiles to a template that matches nothing
  // (valid() is false).
  static ArnTemplate Compile(std::string_view format);

  bool valid() const { return valid_; }
  const std::string& code() const { return code_; }
  // The code with every variable byte reset to kTemplateVariable, so two
  // formats can be compared whatever their variables are called or exclude.
  std::string Normalized() const;
  bool ends_with_variable() const { return !code_.empty() && IsTemplateVariable(code_.back()); }
  // Adds `/` or `:` to what the final variable excludes (any other
  // character is ignored). REQUIRES: ends_with_variable().
  void ExcludeFromFinalVariable(char c);
  // The lowercased service field, or "" when it holds a variable or `*`.
  std::string_view literal_service() const;

  // True iff some ARN matches both the pattern and this format.
  bool Intersects(const ArnPattern& pattern, ArnMatchScratch* scratch) const;

 private:
  std::string_view Field(size_t i) const;

  bool valid_ = false;
  std::string code_;
  // INVARIANT (valid_): begin_[i] is the offset in code_ of field i; fields
  // 0-4 end at the colon before begin_[i+1], field 5 at the end of code_.
  std::array<uint32_t, 6> begin_{};
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_CATALOG_ARN_TEMPLATE_H_
