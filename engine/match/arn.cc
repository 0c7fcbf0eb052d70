#include "engine/match/arn.h"

#include <array>
#include <string>
#include <utility>

#include "engine/base/check.h"

namespace iamlint {

namespace {

constexpr std::string_view kArnPrefix = "arn:";
constexpr size_t kArnFieldCount = 6;  // including the leading `arn`

bool IsAllStars(std::string_view text) {
  return !text.empty() && text.find_first_not_of('*') == std::string_view::npos;
}

// Fields 2-5 of a Resource pattern are compiled folded, so the request side
// is lowered too; ARN fields are short and usually lowercase already, so the
// copy is rare.
bool MatchFolded(const Wildcard& wildcard, std::string_view field) {
  if (!HasAsciiUpper(field)) return wildcard.Match(field);
  return wildcard.Match(AsciiLower(field));
}

// Short patterns have fewer than five colons, so every colon separates a
// field; the resource-field rule (keep later colons) does not arise.
std::vector<std::string_view> SplitAtColons(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t colon = text.find(':'); colon != std::string_view::npos;
       colon = text.find(':', start)) {
    parts.push_back(text.substr(start, colon - start));
    start = colon + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// For the trailing-star rule: literal text before the first star can only
// land in the pattern's own field (one of fields 2-5), which compares
// case-insensitively; what follows a star may land in the resource field.
Glob FoldBeforeFirstStar(const Glob& glob) {
  Glob out;
  bool seen_star = false;
  for (const GlobPiece& piece : glob.pieces()) {
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        out.AppendLiteral(seen_star ? piece.text : AsciiLower(piece.text));
        break;
      case GlobPiece::Kind::kStar:
        seen_star = true;
        out.AppendStar();
        break;
      case GlobPiece::Kind::kQuestion:
        out.AppendQuestion();
        break;
    }
  }
  return out;
}

size_t OffsetIn(std::string_view whole, std::string_view part) {
  return static_cast<size_t>(part.data() - whole.data());
}

}  // namespace

std::optional<ArnFields> SplitArn(std::string_view arn) {
  if (!arn.starts_with(kArnPrefix)) return std::nullopt;
  std::array<std::string_view, 4> head_fields;
  size_t pos = kArnPrefix.size();
  for (std::string_view& field : head_fields) {
    const size_t colon = arn.find(':', pos);
    if (colon == std::string_view::npos) return std::nullopt;
    field = arn.substr(pos, colon - pos);
    pos = colon + 1;
  }
  return ArnFields{head_fields[0], head_fields[1], head_fields[2], head_fields[3],
                   arn.substr(pos)};
}

std::optional<ArnHeadAndResource> SplitArnResource(std::string_view arn) {
  const std::optional<ArnFields> fields = SplitArn(arn);
  if (!fields) return std::nullopt;
  const size_t resource_start = OffsetIn(arn, fields->resource);
  return ArnHeadAndResource{arn.substr(0, resource_start), fields->resource};
}

ResourcePattern::ResourcePattern() = default;

// Everything is decided here, once per policy, so that Match() only walks
// precompiled fields; the evaluator runs Match() per request and pattern.
ResourcePattern ResourcePattern::Compile(std::string_view pattern, ShortArnMode short_mode) {
  ResourcePattern out;
  if (IsAllStars(pattern)) {
    out.form_ = Form::kEverything;
    return out;
  }
  if (!pattern.starts_with(kArnPrefix)) return out;
  if (const std::optional<ArnHeadAndResource> parts = SplitArnResource(pattern)) {
    return CompileWithResourceGlob(parts->head, Glob::Parse(parts->resource));
  }
  const std::vector<std::string_view> fields = SplitAtColons(pattern);
  IAMLINT_CHECK(fields.size() >= 2 && fields.size() < kArnFieldCount);
  if (fields.back().ends_with('*')) {
    out.form_ = Form::kTrailingStar;
    for (size_t i = 1; i + 1 < fields.size(); ++i) {
      out.fields_.push_back(Wildcard::FromPatternFolded(fields[i]));
    }
    out.fields_.push_back(Wildcard::Compile(FoldBeforeFirstStar(Glob::Parse(fields.back()))));
    return out;
  }
  if (short_mode == ShortArnMode::kNeverMatch) return out;
  // Padding reuses the six-field path, so padded patterns behave exactly like
  // the explicit `arn:aws:sqs:us-east-1:111111111111:*`.
  std::string padded(pattern);
  for (size_t i = fields.size(); i < kArnFieldCount; ++i) padded += ":*";
  const std::optional<ArnHeadAndResource> padded_parts = SplitArnResource(padded);
  IAMLINT_CHECK(padded_parts.has_value());
  return CompileWithResourceGlob(padded_parts->head, Glob::Parse(padded_parts->resource));
}

ResourcePattern ResourcePattern::CompileWithResourceGlob(std::string_view head,
                                                         const Glob& resource) {
  ResourcePattern out;
  const std::optional<ArnHeadAndResource> parts = SplitArnResource(head);
  // The head must end right after its fifth colon: nothing left over.
  if (!parts || !parts->resource.empty()) return out;
  const std::optional<ArnFields> fields = SplitArn(head);
  out.form_ = Form::kFields;
  for (std::string_view field : {fields->partition, fields->service, fields->region, fields->account}) {
    out.fields_.push_back(Wildcard::FromPatternFolded(field));
  }
  out.fields_.push_back(Wildcard::Compile(resource));
  return out;
}

bool ResourcePattern::Match(std::string_view request_resource) const {
  switch (form_) {
    case Form::kNothing:
      return false;
    case Form::kEverything:
      return true;
    case Form::kFields:
    case Form::kTrailingStar:
      break;
  }
  // `*` is not an ARN, so SplitArn also rejects the resource of actions
  // without a resource type here.
  const std::optional<ArnFields> request = SplitArn(request_resource);
  if (!request) return false;
  const std::array<std::string_view, 5> values = {request->partition, request->service,
                                                  request->region, request->account,
                                                  request->resource};
  if (form_ == Form::kFields) {
    IAMLINT_CHECK(fields_.size() == 5);
    for (size_t i = 0; i < 4; ++i) {
      if (!MatchFolded(fields_[i], values[i])) return false;
    }
    return fields_[4].Match(values[4]);
  }
  IAMLINT_CHECK(!fields_.empty() && fields_.size() <= 4);
  const size_t last = fields_.size() - 1;
  for (size_t i = 0; i < last; ++i) {
    if (!MatchFolded(fields_[i], values[i])) return false;
  }
  // The remainder runs from request field `last` to the end, colons included.
  const size_t start = OffsetIn(request_resource, values[last]);
  const size_t resource_start = OffsetIn(request_resource, request->resource);
  const std::string_view fields_part = request_resource.substr(start, resource_start - start);
  if (!HasAsciiUpper(fields_part)) return fields_.back().Match(request_resource.substr(start));
  std::string remainder = AsciiLower(fields_part);
  remainder += request->resource;
  return fields_.back().Match(remainder);
}

ArnLikePattern::ArnLikePattern() = default;

// Splitting works on the Glob, not on text, because a literal `*` from
// `${*}` must stay literal inside whichever field it lands in.
ArnLikePattern ArnLikePattern::Compile(const Glob& pattern) {
  ArnLikePattern out;
  // Split the pieces at the first five literal colons; the sixth field keeps
  // everything after, including later colons.
  std::vector<Glob> fields(1);
  size_t colons = 0;
  for (const GlobPiece& piece : pattern.pieces()) {
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral: {
        std::string_view text = piece.text;
        for (size_t colon = text.find(':');
             colons + 1 < kArnFieldCount && colon != std::string_view::npos;
             colon = text.find(':')) {
          fields.back().AppendLiteral(text.substr(0, colon));
          fields.emplace_back();
          ++colons;
          text.remove_prefix(colon + 1);
        }
        fields.back().AppendLiteral(text);
        break;
      }
      case GlobPiece::Kind::kStar:
        fields.back().AppendStar();
        break;
      case GlobPiece::Kind::kQuestion:
        fields.back().AppendQuestion();
        break;
    }
  }
  if (fields.size() < kArnFieldCount) {
    const std::vector<GlobPiece>& pieces = pattern.pieces();
    if (pieces.size() == 1 && pieces[0].kind == GlobPiece::Kind::kStar) out.form_ = Form::kAnyArn;
    return out;
  }
  if (fields[0] != Glob::Literal("arn")) return out;
  out.form_ = Form::kFields;
  for (size_t i = 1; i < kArnFieldCount; ++i) out.fields_.push_back(Wildcard::Compile(fields[i]));
  return out;
}

bool ArnLikePattern::Match(std::string_view value) const {
  if (form_ == Form::kNothing) return false;
  const std::optional<ArnFields> arn = SplitArn(value);
  if (!arn) return false;
  if (form_ == Form::kAnyArn) return true;
  IAMLINT_CHECK(fields_.size() == 5);
  return fields_[0].Match(arn->partition) && fields_[1].Match(arn->service) &&
         fields_[2].Match(arn->region) && fields_[3].Match(arn->account) &&
         fields_[4].Match(arn->resource);
}

bool ArnLikeMatch(const Glob& pattern, std::string_view value) {
  return ArnLikePattern::Compile(pattern).Match(value);
}

}  // namespace iamlint
