#include "engine/match/arn.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "engine/match/glob.h"

namespace iamlint {
namespace {

TEST_CASE("SplitArn splits at the first five colons", "[match]") {
  struct Row {
    std::string arn;
    bool ok;
    std::string partition, service, region, account, resource;
  };
  const std::vector<Row> rows = {
      {"arn:aws:s3:::bucket/key", true, "aws", "s3", "", "", "bucket/key"},
      {"arn:aws:sqs:us-east-1:111111111111:queue1", true, "aws", "sqs", "us-east-1",
       "111111111111", "queue1"},
      {"arn:aws:logs:us-east-1:1:log-group:g1:log-stream:s1", true, "aws", "logs", "us-east-1",
       "1", "log-group:g1:log-stream:s1"},
      {"arn:aws-cn:iam::123:root", true, "aws-cn", "iam", "", "123", "root"},
      {"arn:::::", true, "", "", "", "", ""},
      {"arn:aws:s3::", false, "", "", "", "", ""},
      {"arn:aws:sqs:us-east-1:111111111111", false, "", "", "", "", ""},
      {"*", false, "", "", "", "", ""},
      {"", false, "", "", "", "", ""},
      {"ARN:aws:s3:::b", false, "", "", "", "", ""},  // the prefix is case-sensitive
      {"urn:aws:s3:::b", false, "", "", "", "", ""},
      {"arn", false, "", "", "", "", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.arn);
    const std::optional<ArnFields> fields = SplitArn(row.arn);
    REQUIRE(fields.has_value() == row.ok);
    if (!fields) continue;
    CHECK(fields->partition == row.partition);
    CHECK(fields->service == row.service);
    CHECK(fields->region == row.region);
    CHECK(fields->account == row.account);
    CHECK(fields->resource == row.resource);
  }
}

TEST_CASE("SplitArnResource cuts after the fifth colon", "[match]") {
  const auto parts = SplitArnResource("arn:aws:logs:us-east-1:1:log-group:g1:*");
  REQUIRE(parts.has_value());
  CHECK(parts->head == "arn:aws:logs:us-east-1:1:");
  CHECK(parts->resource == "log-group:g1:*");
  CHECK_FALSE(SplitArnResource("arn:aws:sqs:*").has_value());
}

struct ResourceRow {
  std::string pattern;
  std::string request;
  bool match;
};

void CheckResourceRows(const std::vector<ResourceRow>& rows, ShortArnMode mode) {
  for (const ResourceRow& row : rows) {
    CAPTURE(row.pattern, row.request, mode == ShortArnMode::kNeverMatch);
    CHECK(ResourcePattern::Compile(row.pattern, mode).Match(row.request) == row.match);
  }
}

TEST_CASE("ResourcePattern reproduces the verified examples of spec 2.4", "[match]") {
  const std::string queue = "arn:aws:sqs:us-east-1:111111111111:queue1";
  const std::string stream = "arn:aws:logs:us-east-1:111111111111:log-group:g1:log-stream:s1";
  const std::vector<ResourceRow> rows = {
      {"arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false},
      {"arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/k", false},
      {"arn:aws:s3:::buck*", "arn:aws:s3:::bucket/k", true},
      {"arn:aws:sqs:*:queue1", queue, false},
      {"arn:aws:sqs:*:*:queue1", queue, true},
      {"arn:aws:sqs:us*1:queue1", queue, false},
      {"arn:aws:logs:us-east-1:111111111111:log-group:g1:*", stream, true},
      {"arn:aws:logs:us-east-1:111111111111:log-group:g1", stream, false},
      {"arn:aws:logs:*:log-group:g1:log-stream:s1", stream, false},
  };
  // None of these is a short pattern without a trailing star, so both modes
  // agree.
  CheckResourceRows(rows, ShortArnMode::kNeverMatch);
  CheckResourceRows(rows, ShortArnMode::kPadWithWildcards);
}

TEST_CASE("ResourcePattern: `/` is an ordinary character (spec 2.4 rule 7)", "[match]") {
  const std::string pattern = "arn:aws:s3:::b/*/test/*";
  const std::vector<ResourceRow> rows = {
      {pattern, "arn:aws:s3:::b/1/2/test/x.jpg", true},
      {pattern, "arn:aws:s3:::b//test/x", true},
      {pattern, "arn:aws:s3:::b/1/test/", true},
      {pattern, "arn:aws:s3:::b/test/x", false},
      {pattern, "arn:aws:s3:::b/1-test/x", false},
      {pattern, "arn:aws:s3:::b/1/2/test.jpg", false},
  };
  CheckResourceRows(rows, ShortArnMode::kNeverMatch);
}

TEST_CASE("ResourcePattern: `*` and the `*` resource (rules 1-3)", "[match]") {
  const std::vector<ResourceRow> rows = {
      {"*", "*", true},
      {"*", "arn:aws:s3:::b", true},
      {"*", "not-an-arn", true},
      {"**", "*", true},  // a pattern of stars is `*`
      {"arn:aws:s3:::*", "*", false},
      {"arn:*", "*", false},
      {"arn:*:*:*:*:*", "*", false},
      {"arn:*:*:*:*:*", "arn:aws:s3:::b", true},
      {"arn:*", "arn:aws:s3:::b", true},
      {"s3:::b", "arn:aws:s3:::b", false},  // not an ARN pattern
      {"*:s3:::b", "arn:aws:s3:::b", false},
      {"foo", "foo", false},
      {"", "", false},
      {"arn:aws:s3:::b", "arn:aws:s3:::b", true},
      {"arn:aws:s3:::*", "arn:aws:s3", false},  // request is not an ARN
      {"arn:aws:s3:::*", "ARN:aws:s3:::b", false},
  };
  CheckResourceRows(rows, ShortArnMode::kNeverMatch);
  CheckResourceRows(rows, ShortArnMode::kPadWithWildcards);
}

TEST_CASE("ResourcePattern: case rules (spec 1.4)", "[match]") {
  const std::vector<ResourceRow> rows = {
      // fields 2-5 case-insensitive on both sides
      {"arn:AWS:S3:::b", "arn:aws:s3:::b", true},
      {"arn:aws:s3:::b", "arn:AWS:S3:::b", true},
      {"arn:aws:SQS:US-EAST-1:111:q", "arn:aws:sqs:us-east-1:111:q", true},
      {"arn:aws:S?S:*:111:q", "arn:aws:sqs:us-east-1:111:q", true},
      // the resource field is case-sensitive
      {"arn:aws:iam::111:user/Bob", "arn:aws:iam::111:user/bob", false},
      {"arn:aws:iam::111:user/Bob", "arn:aws:iam::111:user/Bob", true},
      {"arn:aws:s3:::b/*", "arn:aws:s3:::B/k", false},
  };
  CheckResourceRows(rows, ShortArnMode::kNeverMatch);
}

TEST_CASE("ResourcePattern: wildcards in fields 2-5 stay in their field", "[match]") {
  const std::vector<ResourceRow> rows = {
      {"arn:aws:*:us-east-1:111:q", "arn:aws:sqs:us-east-1:111:q", true},
      {"arn:aws:s*:*:*:*", "arn:aws:sqs:us-east-1:111:q", true},
      {"arn:aws:s*s:*:*:*", "arn:aws:s3:::b", false},
      {"arn:aws:sqs:us-east-?:111:q", "arn:aws:sqs:us-east-1:111:q", true},
      {"arn:aws:sqs:us-east-?:111:q", "arn:aws:sqs:us-east-12:111:q", false},
      {"arn:aws:sqs:*:111:*", "arn:aws:sqs:us-east-1:222:q:111:q", false},
      // the resource field's wildcards cross colons
      {"arn:aws:logs:*:*:log-group:*", "arn:aws:logs:r:1:log-group:g:log-stream:s", true},
      {"arn:aws:logs:*:*:log-group:?:log-stream:*", "arn:aws:logs:r:1:log-group:g:log-stream:s",
       true},
  };
  CheckResourceRows(rows, ShortArnMode::kNeverMatch);
}

TEST_CASE("ResourcePattern: short patterns with a trailing star (rule 5)", "[match]") {
  const std::string queue = "arn:aws:sqs:us-east-1:111111111111:queue1";
  const std::vector<ResourceRow> rows = {
      {"arn:aws:sqs:*", queue, true},
      {"arn:aws:sqs:us-east-1:1*", queue, true},
      {"arn:aws:sq*", queue, true},
      {"arn:aws:s3:*", "arn:aws:s3:::bucket", true},
      {"arn:aws:s3:*", "arn:aws:s3:::bucket/key/with:colon", true},
      {"arn:aws:s3:*", queue, false},
      {"arn:aws:sqs:us-east-1:2*", queue, false},
      {"arn:aws:sqs:us-west-2:*", queue, false},
      {"arn:aws:sqs:us-*", queue, true},
      {"arn:aws:sqs:us-*:queue1", queue, false},  // no trailing star: short pattern
      {"arn:aws*", queue, true},
      {"arn:aw*", queue, true},
      {"arn:gov*", queue, false},
      // case: literal text before the first star is in fields 2-5
      {"arn:aws:SQS:*", queue, true},
      {"arn:AWS:Sq*", queue, true},
      {"arn:aws:sqs:*", "arn:aws:SQS:US-EAST-1:111111111111:queue1", true},
      // after a star, literal text compares case-sensitively with the resource
      {"arn:aws:s3:*Bucket*", "arn:aws:s3:::Bucket/k", true},
      {"arn:aws:s3:*Bucket*", "arn:aws:s3:::bucket/k", false},
      {"arn:aws:s3:*bucket*", "arn:aws:s3:::Bucket/k", false},
      // ... and matches fields 2-5 only in lowercase
      {"arn:aws:sqs:*east*", "arn:aws:sqs:US-EAST-1:111111111111:queue1", true},
      {"arn:aws:sqs:*EAST*", "arn:aws:sqs:us-east-1:111111111111:queue1", false},
      {"arn:aws:sqs:*", "*", false},
  };
  CheckResourceRows(rows, ShortArnMode::kNeverMatch);
  CheckResourceRows(rows, ShortArnMode::kPadWithWildcards);
  CHECK(ResourcePattern::Compile("arn:aws:sqs:*").form() == ResourcePattern::Form::kTrailingStar);
}

TEST_CASE("ResourcePattern: short patterns without a trailing star follow ShortArnMode",
          "[match]") {
  const std::string queue = "arn:aws:sqs:us-east-1:111111111111:queue1";
  struct Row {
    std::string pattern;
    std::string request;
    bool padded_match;
  };
  const std::vector<Row> rows = {
      {"arn:aws:sqs:us-east-1:111111111111", queue, true},
      {"arn:aws:sqs:us-east-1:222222222222", queue, false},
      {"arn:aws:sqs:us-east-1", queue, true},
      {"arn:aws:sqs", queue, true},
      {"arn:aws:s3", queue, false},
      {"arn:aws", queue, true},
      {"arn:aws:sqs:*:queue1", queue, false},  // queue1 is the account field
      {"arn:aws:sqs:us-east-1:111111111111", "*", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern, row.request);
    const ResourcePattern never = ResourcePattern::Compile(row.pattern, ShortArnMode::kNeverMatch);
    const ResourcePattern padded =
        ResourcePattern::Compile(row.pattern, ShortArnMode::kPadWithWildcards);
    CHECK(never.form() == ResourcePattern::Form::kNothing);
    CHECK_FALSE(never.Match(row.request));
    CHECK(padded.form() == ResourcePattern::Form::kFields);
    CHECK(padded.Match(row.request) == row.padded_match);
  }
}

TEST_CASE("ResourcePattern::CompileWithResourceGlob takes a substituted resource field",
          "[match]") {
  // arn:aws:s3:::b/${aws:username}/* with aws:username = "a*b": the
  // substituted star is literal text.
  Glob resource;
  resource.AppendLiteral("b/");
  resource.AppendLiteral("a*b");
  resource.AppendLiteral("/");
  resource.AppendStar();
  const ResourcePattern pattern = ResourcePattern::CompileWithResourceGlob("arn:aws:s3:::", resource);
  CHECK(pattern.form() == ResourcePattern::Form::kFields);
  CHECK(pattern.Match("arn:aws:s3:::b/a*b/k"));
  CHECK_FALSE(pattern.Match("arn:aws:s3:::b/axxb/k"));
  CHECK(ResourcePattern::CompileWithResourceGlob("ARN:AWS:S3:::", resource).form() ==
        ResourcePattern::Form::kNothing);

  // The head must be exactly five fields through the fifth colon.
  struct Row {
    std::string head;
    bool ok;
  };
  const std::vector<Row> rows = {
      {"arn:aws:s3:::", true},
      {"arn:*:s3:*:*:", true},
      {"arn:aws:s3::", false},
      {"arn:aws:s3:::x", false},
      {"arn:aws:s3:::x:", false},
      {"", false},
      {"*", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.head);
    const ResourcePattern compiled = ResourcePattern::CompileWithResourceGlob(row.head, resource);
    CHECK((compiled.form() == ResourcePattern::Form::kFields) == row.ok);
  }
  CHECK(ResourcePattern::CompileWithResourceGlob("arn:*:S3:*:*:", resource)
            .Match("arn:aws:s3:us-east-1:1:b/a*b/"));
}

TEST_CASE("ResourcePattern::Nothing matches nothing", "[match]") {
  const ResourcePattern nothing = ResourcePattern::Nothing();
  CHECK(nothing.form() == ResourcePattern::Form::kNothing);
  CHECK_FALSE(nothing.Match("*"));
  CHECK_FALSE(nothing.Match("arn:aws:s3:::b"));
  CHECK_FALSE(ResourcePattern().Match("arn:aws:s3:::b"));
}

TEST_CASE("ArnLikePattern compares six fields case-sensitively (spec 2.7)", "[match]") {
  struct Row {
    std::string pattern;
    std::string value;
    bool match;
  };
  const std::vector<Row> rows = {
      // The spec's example: StringLike would say true.
      {"arn:aws:someservice:*:111122223333:finance/*",
       "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
       false},
      {"arn:aws:someservice:*:111122223333:finance/*",
       "arn:aws:someservice:us-east-2:111122223333:finance/document.txt", true},
      {"arn:aws:ec2:us-east-1:123456789012:instance/i-12345",
       "arn:aws:ec2:us-east-1:123456789012:instance/i-12345", true},
      {"arn:aws:ec2:us-east-1:123456789012:instance/i-12345",
       "arn:aws:ec2:us-east-1:123456789012:INSTANCE/I-12345", false},
      {"arn:aws:EC2:us-east-1:123456789012:instance/i-12345",
       "arn:aws:ec2:us-east-1:123456789012:instance/i-12345", false},  // all fields sensitive
      {"arn:???:*:*:*:*", "arn:aws:ec2:us-east-1:123456789012:instance/i-12345", true},
      {"arn:???:*:*:*:*", "arn:aws-cn:ec2:us-east-1:123456789012:instance/i-12345", false},
      {"arn:aws:s3:::my_corporate_bucket", "arn:aws:s3:::my_corporate_bucket", true},
      {"arn:aws:logs:*:*:log-group:*", "arn:aws:logs:r:1:log-group:g:log-stream:s", true},
      {"arn:aws:iam::*:role/*", "arn:aws:iam::111:role/path/r", true},
      {"arn:aws:iam::*:role/*", "arn:aws:sts::111:assumed-role/r/s", false},
      // lone star: any ARN, but never a non-ARN value
      {"*", "arn:aws:s3:::b", true},
      {"*", "not-an-arn", false},
      {"*", "*", false},
      // short or non-ARN patterns never match
      {"arn:aws:s3:*", "arn:aws:s3:::b", false},
      {"arn:*", "arn:aws:s3:::b", false},
      {"arn:::bucket-name", "arn:aws:s3:::bucket-name", false},
      {"*:aws:s3:::b", "arn:aws:s3:::b", false},
      {"ARN:aws:s3:::b", "arn:aws:s3:::b", false},
      // value not an ARN
      {"arn:aws:s3:::*", "arn:::bucket-name", false},
      {"arn:aws:s3:::*", "", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern, row.value);
    CHECK(ArnLikeMatch(Glob::Parse(row.pattern), row.value) == row.match);
  }
}

TEST_CASE("ArnLikePattern splits substituted text at its colons", "[match]") {
  // ArnLike aws:SourceArn "${aws:PrincipalArn}" with a substituted ARN: the
  // colons inside the literal piece still separate fields.
  Glob glob;
  glob.AppendLiteral("arn:aws:iam::111:role/r");
  CHECK(ArnLikePattern::Compile(glob).form() == ArnLikePattern::Form::kFields);
  CHECK(ArnLikeMatch(glob, "arn:aws:iam::111:role/r"));

  // A literal star from ${*} is text, not a wildcard.
  Glob with_literal_star;
  with_literal_star.AppendLiteral("arn:aws:s3:::b/*");
  CHECK(ArnLikeMatch(with_literal_star, "arn:aws:s3:::b/*"));
  CHECK_FALSE(ArnLikeMatch(with_literal_star, "arn:aws:s3:::b/k"));

  // Pieces split across fields: "arn:aws:s3:" + * + ":" + * + ":b/" + ?
  Glob mixed;
  mixed.AppendLiteral("arn:aws:s3:");
  mixed.AppendStar();
  mixed.AppendLiteral(":");
  mixed.AppendStar();
  mixed.AppendLiteral(":b/");
  mixed.AppendQuestion();
  const ArnLikePattern compiled = ArnLikePattern::Compile(mixed);
  CHECK(compiled.Match("arn:aws:s3:::b/k"));
  CHECK(compiled.Match("arn:aws:s3:r:1:b/k"));
  CHECK_FALSE(compiled.Match("arn:aws:s3:r:1:b/kk"));
  CHECK_FALSE(compiled.Match("arn:aws:s3:r:x:1:b/k"));  // * cannot eat the colon

  CHECK(ArnLikePattern().form() == ArnLikePattern::Form::kNothing);
  CHECK_FALSE(ArnLikePattern().Match("arn:aws:s3:::b"));
  CHECK(ArnLikePattern::Compile(Glob::Parse("*")).form() == ArnLikePattern::Form::kAnyArn);
}

}  // namespace
}  // namespace iamlint
