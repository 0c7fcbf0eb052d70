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
// Both are compiled once from policy text (or from a Glob, when variables were
// substituted) and are then immutable: Match() is const and thread-safe, and
// copies are cheap.
#ifndef IAMLINT_ENGINE_MATCH_ARN_H_
#define IAMLINT_ENGINE_MATCH_ARN_H_

#include <optional>
#include <string_view>
#include <vector>

#include "engine/match/glob.h"
#include "engine/match/wildcard.h"

namespace iamlint {

// The five fields after the `arn` prefix, as views into the split text.
// A plain struct; the views live as long as the text passed to SplitArn.
struct ArnFields {
  std::string_view partition;
  std::string_view service;
  std::string_view region;
  std::string_view account;
  std::string_view resource;  // everything after the fifth colon
};

// Splits `arn` if it starts with `arn:` (lowercase, exactly) and has at least
// five colons; std::nullopt otherwise. Fields may be empty (`arn:aws:s3:::b`
// has empty region and account). No other validation: this is the shape
// check that both matchers use, not the validator's ARN grammar.
std::optional<ArnFields> SplitArn(std::string_view arn);

// `arn` cut after its fifth colon: head is `arn:partition:service:region:
// account:` (colons included) and resource is the rest. The same shape
// condition as SplitArn. Used by the evaluator to substitute policy variables
// in the resource field only (spec §2.4 rule 6) before calling
// ResourcePattern::CompileWithResourceGlob.
struct ArnHeadAndResource {
  std::string_view head;
  std::string_view resource;
};
std::optional<ArnHeadAndResource> SplitArnResource(std::string_view arn);

// How a Resource pattern with fewer than six fields and no trailing `*` on its
// last field (`arn:aws:sqs:us-east-1:111111111111`) behaves. AWS behaviour is
// UNCONFIRMED (spec §2.4 rule 5); iamlint follows iam-simulate per policy kind
// and the validator reports the pattern as an error either way.
enum class ShortArnMode {
  // Resource-based and VPC-endpoint policies: the pattern matches nothing.
  kNeverMatch,
  // Identity, session and permissions-boundary policies: the missing fields
  // are filled with `*` (the example above matches every queue in that
  // account and region).
  kPadWithWildcards,
};

// One compiled policy `Resource`/`NotResource` entry (spec §2.4).
//
// Rules, for a pattern P and a request resource R:
//   1. P = `*` matches every R, including R = `*` (the resource of actions
//      without a resource type). A P made only of stars (`**`) counts as `*`.
//   2. R = `*` matches only rule 1.
//   3. P not starting with `arn:` matches nothing. R that is not an ARN (see
//      SplitArn) matches only rule 1.
//   4. P with six fields: partition, service, region and account are each
//      matched alone with a case-insensitive glob (iamlint decision, spec
//      §1.4); the resource field with a case-sensitive glob over R's whole
//      resource field.
//   5. P with fewer than six fields whose last field ends in `*`: P's earlier
//      fields are matched one by one as in rule 4, and P's last field is
//      matched as a glob against R's remainder starting at the same field,
//      colons included. `arn:aws:sqs:*`, `arn:aws:sqs:us-east-1:1*` and
//      `arn:aws:sq*` all match `arn:aws:sqs:us-east-1:111111111111:queue1`.
//      Case (iamlint decision; AWS is silent): R's partition/service/region/
//      account text in the remainder is lowercased and its resource text is
//      not; P's last field is lowercased up to its first `*`. So literal text
//      that lands in fields 2-5 compares case-insensitively, and literal text
//      after a `*` that lands in the resource field compares case-sensitively
//      (and must be lowercase to match fields 2-5).
//   6. P with fewer than six fields otherwise: per ShortArnMode.
//
// Thread-safety: immutable after compilation; Match() is const and safe to
// call concurrently. Copies share compiled state.
class ResourcePattern {
 public:
  enum class Form {
    kNothing,       // matches no resource
    kEverything,    // rule 1
    kFields,        // rule 4 (also rule 6 after padding)
    kTrailingStar,  // rule 5
  };

  // Matches nothing (Form::kNothing).
  ResourcePattern();

  // Compiles the policy text of one resource pattern, in which every `*` and
  // `?` is a wildcard (no policy variables: the evaluator substitutes them
  // first and uses CompileWithResourceGlob). Never fails; patterns that can
  // match nothing compile to kNothing.
  static ResourcePattern Compile(std::string_view pattern,
                                 ShortArnMode short_mode = ShortArnMode::kNeverMatch);

  // Compiles a six-field pattern whose resource field has already been turned
  // into a Glob (policy variables substituted, `${*}`/`${?}` literal).
  // `head` is the text through the fifth colon, as SplitArnResource returns
  // it (`arn:aws:s3:::`); its fields 2-5 are parsed with Glob::Parse. If
  // `head` is not exactly `arn:` plus four fields each followed by `:`, the
  // result is kNothing. Typical use:
  //
  //   if (auto parts = SplitArnResource(text)) {
  //     Glob resource = SubstituteVariables(parts->resource, request);
  //     pattern = ResourcePattern::CompileWithResourceGlob(parts->head, resource);
  //   } else {
  //     pattern = ResourcePattern::Compile(text, mode);  // `*`, short ARNs
  //   }
  static ResourcePattern CompileWithResourceGlob(std::string_view head, const Glob& resource);

  // A pattern that matches nothing: for an unresolved policy variable
  // (spec §4, "that pattern matches no resource").
  static ResourcePattern Nothing() { return ResourcePattern(); }

  // True iff `request_resource` (a full ARN or `*`) matches.
  bool Match(std::string_view request_resource) const;

  Form form() const { return form_; }

 private:
  Form form_ = Form::kNothing;
  // kFields: partition, service, region, account (folded), then the resource
  // field (case-sensitive). kTrailingStar: the pattern's fields before its
  // last (folded, partition first; may be empty), then the last field.
  // INVARIANT: kFields has five entries; kTrailingStar has between one and
  // four; the other forms have none.
  std::vector<Wildcard> fields_;
};

// One compiled ArnLike/ArnEquals condition value (spec §2.7). ArnEquals and
// ArnLike are the same operator; the negated forms are the caller's NOR.
//
// Rules, for a pattern P (a Glob, after variable substitution) and a context
// value V:
//   - V must be an ARN (SplitArn); otherwise nothing matches it, not even `*`.
//   - P is split at its first five colons, counting only colons in literal
//     pieces (a colon that came from a substituted variable separates fields
//     like any other). P's first field must be the literal `arn`.
//   - Each of fields 2-5 is matched alone with a case-sensitive glob, so a
//     wildcard cannot consume a colon; P's sixth field is matched against V's
//     whole resource field (colons included), case-sensitively.
//   - P = `*` (only stars) matches every ARN value. iamlint decision: the AWS
//     operator docs describe only six-field patterns; a lone `*` is the usual
//     way to say "any", and iam-simulate's reading (no match) would turn an
//     ArnNotLike `*` guard into "always true".
//   - Any other P with fewer than six fields matches nothing (iam-simulate
//     behaviour; AWS documents the operators as comparing six fields). The
//     Resource trailing-`*` rule does not apply to condition values.
//
// Thread-safety: immutable after compilation; Match() is const.
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
  // kFields: partition, service, region, account, resource.
  std::vector<Wildcard> fields_;
};

// ArnLikePattern::Compile(pattern).Match(value), for one-off comparisons.
// Compile once instead when a pattern is matched repeatedly.
bool ArnLikeMatch(const Glob& pattern, std::string_view value);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_MATCH_ARN_H_
