// ARN splitting and the two ARN-aware matchers: policy Resource patterns
// (spec §2.4) and the ArnLike/ArnEquals condition operators (spec §2.7).
//
// An ARN has six colon-separated fields,
//
//   arn : partition : service : region : account : resource
//
// split at the FIRST five colons only: the resource field keeps any further
// colons (`log-group:g1:log-stream:s1`). Both matchers compare field by field,
// so a wildcard in the partition, service, region or account field cannot
// consume a colon, while a wildcard in the resource field may consume `:` and
// `/` freely (`/` has no special meaning anywhere).
//
// The two matchers differ where the spec says they do:
//
//                           ResourcePattern            ArnLikePattern
//   fields 2-5              case-insensitive           case-sensitive
//   resource field          case-sensitive             case-sensitive
//   pattern `*`             every resource, and `*`    every ARN value
//   fewer than six fields   trailing-`*` rule, else    never matches
//                           ShortArnMode
//   value not an ARN        only `*` matches it        never matches
//
// Both compile once and are then immutable; copies share compiled state.
#ifndef IAMLINT_ENGINE_MATCH_ARN_H_
#define IAMLINT_ENGINE_MATCH_ARN_H_

#include <optional>
#include <string_view>
#include <vector>

#include "engine/match/glob.h"
#include "engine/match/wildcard.h"

namespace iamlint {

// The fields after `arn:`, as views into the text given to SplitArn.
struct ArnFields {
  std::string_view partition;
  std::string_view service;
  std::string_view region;
  std::string_view account;
  std::string_view resource;  // everything after the fifth colon
};

// Splits `arn` if it starts with `arn:` (exactly) and has at least five
// colons. Fields may be empty (`arn:aws:s3:::b`). A shape check only, not
// the validator's ARN grammar.
std::optional<ArnFields> SplitArn(std::string_view arn);

// `arn` cut after its fifth colon: head = `arn:p:s:r:a:`, resource = the
// rest. Same shape rule as SplitArn. The evaluator substitutes variables in
// `resource` only (spec §2.4 rule 6), then calls CompileWithResourceGlob.
struct ArnHeadAndResource {
  std::string_view head;
  std::string_view resource;
};
std::optional<ArnHeadAndResource> SplitArnResource(std::string_view arn);

// Resource patterns with fewer than six fields and no trailing `*`
// (`arn:aws:sqs:us-east-1:111111111111`): AWS behaviour UNCONFIRMED; iamlint
// follows iam-simulate per policy kind (spec §2.4 rule 5).
enum class ShortArnMode {
  kNeverMatch,        // resource-based and VPC-endpoint policies
  kPadWithWildcards,  // identity, session, boundary: missing fields are `*`
};

// One compiled `Resource`/`NotResource` entry (spec §2.4). For pattern P and
// request resource R:
//   1. P = `*` (or only stars) matches every R, including R = `*`.
//   2. R = `*`, or R not an ARN, matches nothing else.
//   3. P not starting with `arn:` matches nothing.
//   4. Six fields: fields 2-5 each alone, case-insensitive glob (iamlint
//      decision, spec §1.4); the resource field case-sensitive glob.
//   5. Fewer than six fields, last ending in `*`: earlier fields as in 4;
//      the last is a glob over R from the same field on, colons included
//      (`arn:aws:sq*` matches `arn:aws:sqs:us-east-1:1:queue1`). Case,
//      iamlint decision: R's fields 2-5 are lowered and its resource field
//      is not; P's last field is lowered up to its first `*`.
//   6. Fewer than six fields otherwise: ShortArnMode.
// Immutable after compilation; Match() is const and thread-safe.
class ResourcePattern {
 public:
  enum class Form { kNothing, kEverything, kFields, kTrailingStar };

  // Matches nothing.
  ResourcePattern();

  // Compiles policy text in which every `*` and `?` is a wildcard (no
  // variables). Never fails; hopeless patterns become kNothing.
  static ResourcePattern Compile(std::string_view pattern,
                                 ShortArnMode short_mode = ShortArnMode::kNeverMatch);

  // Compiles a six-field pattern whose resource field is already a Glob
  // (variables substituted, `${*}` literal). `head` is SplitArnResource's
  // head; anything else (wrong prefix, not exactly five colons, text after
  // the fifth) gives kNothing. Typical use:
  //
  //   if (auto parts = SplitArnResource(text)) {
  //     pattern = ResourcePattern::CompileWithResourceGlob(
  //         parts->head, Substitute(parts->resource, request));
  //   } else {
  //     pattern = ResourcePattern::Compile(text, mode);  // `*`, short ARNs
  //   }
  static ResourcePattern CompileWithResourceGlob(std::string_view head, const Glob& resource);

  // For an unresolved variable: "that pattern matches no resource" (spec §4).
  static ResourcePattern Nothing() { return ResourcePattern(); }

  // `request_resource` is an ARN or `*`; any other text just fails.
  bool Match(std::string_view request_resource) const;

  Form form() const { return form_; }

 private:
  Form form_ = Form::kNothing;
  // INVARIANT: kFields holds partition, service, region, account (folded)
  // and resource; kTrailingStar holds 1-4 entries, the leading fields then
  // the last field; other forms hold none.
  std::vector<Wildcard> fields_;
};

// One compiled ArnLike/ArnEquals value (spec §2.7; the two operators are the
// same, and negation is the caller's). For pattern P and context value V:
//   - V must be an ARN (SplitArn), else no match, not even for `*`.
//   - P splits at its first five literal colons (a colon from a substituted
//     variable counts); its first field must be literally `arn`.
//   - Every field is a case-sensitive glob; wildcards in fields 2-5 cannot
//     cross colons, the sixth field covers V's whole resource field.
//   - P = `*` matches every ARN. iamlint decision: the docs only describe
//     six-field patterns; iam-simulate's "no match" would turn an
//     `ArnNotLike "*"` guard into "always true".
//   - Other P with fewer than six fields match nothing (iam-simulate); the
//     Resource trailing-`*` rule does not apply here.
// Immutable after compilation; Match() is const and thread-safe.
class ArnLikePattern {
 public:
  enum class Form { kNothing, kAnyArn, kFields };

  // Matches nothing.
  ArnLikePattern();

  static ArnLikePattern Compile(const Glob& pattern);

  bool Match(std::string_view value) const;

  Form form() const { return form_; }

 private:
  Form form_ = Form::kNothing;
  // INVARIANT: kFields holds partition, service, region, account, resource.
  std::vector<Wildcard> fields_;
};

// ArnLikePattern::Compile(pattern).Match(value); compile once instead when
// the pattern is reused.
bool ArnLikeMatch(const Glob& pattern, std::string_view value);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_MATCH_ARN_H_
