#include "lint/runner.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "tests/testing/test_util.h"

namespace iamlint::lint {
namespace {

using testing::Lines;

std::string SamplePath(const std::string& relative) {
  return std::string(IAMLINT_SOURCE_DIR) + "/samples/policies/" + relative;
}

struct Linted {
  SourceManager sources;
  LintResult result;
  Lines lines() const { return testing::FormatDiagnostics(sources, result.diagnostics); }
};

void Lint(const std::vector<std::string>& paths, std::optional<PolicyKind> kind, Linted* out) {
  LintOptions options;
  options.kind = kind;
  out->result = RunLint(paths, options, out->sources);
}

TEST_CASE("Every valid sample is clean as its kind and infers a sensible kind", "[lint]") {
  struct Row {
    std::string path;
    PolicyKind kind;           // what the sample is
    PolicyKind inferred_kind;  // what iamlint guesses without --policy-type
  };
  const std::vector<Row> rows = {
      {"identity/ec2-s3-list-buckets.json", PolicyKind::kIdentity, PolicyKind::kIdentity},
      {"trust/ec2-role-trust.json", PolicyKind::kTrust, PolicyKind::kTrust},
      {"resource/s3-bucket-reports.json", PolicyKind::kResource, PolicyKind::kResource},
      {"boundary/developer-boundary.json", PolicyKind::kBoundary, PolicyKind::kIdentity},
      {"scp/deny-outside-eu-regions.json", PolicyKind::kScp, PolicyKind::kIdentity},
      {"rcp/enforce-secure-transport.json", PolicyKind::kRcp, PolicyKind::kResource},
  };
  for (const Row& row : rows) {
    CAPTURE(row.path);
    Linted given;
    Lint({SamplePath(row.path)}, row.kind, &given);
    CHECK(given.lines().empty());
    REQUIRE(given.result.files.size() == 1);
    REQUIRE(given.result.files[0].policy);
    CHECK(given.result.files[0].policy->kind == row.kind);
    CHECK_FALSE(given.result.files[0].policy->kind_inferred);

    // Read as the inferred kind (a boundary looks like an identity policy),
    // a sample stays valid; evaluated-permission checks may speak up about
    // what it would grant, so only errors count here.
    Linted inferred;
    Lint({SamplePath(row.path)}, std::nullopt, &inferred);
    CHECK(inferred.result.errors == 0);
    REQUIRE(inferred.result.files[0].policy);
    CHECK(inferred.result.files[0].policy->kind == row.inferred_kind);
    CHECK(inferred.result.files[0].policy->kind_inferred);
  }
}

TEST_CASE("The classic demo policy is what the README shows", "[lint]") {
  Linted linted;
  Lint({SamplePath("identity/ec2-s3-list-buckets.json")}, std::nullopt, &linted);
  REQUIRE(linted.result.files[0].policy);
  const PolicyDocument& doc = *linted.result.files[0].policy;
  REQUIRE(doc.statements.size() == 1);
  const Statement& st = doc.statements[0];
  CHECK(st.sid->value == "ListAllBuckets");
  CHECK(st.effect->value == Effect::kAllow);
  CHECK(st.action->values.size() == 1);
  CHECK(st.action->values[0].value == "s3:ListAllMyBuckets");
  CHECK(st.resource->values[0].value == "*");
  CHECK(doc.version->value == "2012-10-17");
  LineColumn at = linted.sources.Begin(st.span);
  CHECK(at.line == 4);
  CHECK(at.column == 5);
}

TEST_CASE("The trust sample is wrong as any other kind", "[lint]") {
  Linted identity;
  Lint({SamplePath("trust/ec2-role-trust.json")}, PolicyKind::kIdentity, &identity);
  CHECK(identity.lines() ==
        Lines{"4:5 error missing-resource: statement has neither `Resource` nor `NotResource`",
              "7:7 error principal-not-allowed: an identity policy must not have `Principal`"});
  Linted rcp;
  Lint({SamplePath("trust/ec2-role-trust.json")}, PolicyKind::kRcp, &rcp);
  CHECK(rcp.lines() ==
        Lines{"4:5 error missing-resource: statement has neither `Resource` nor `NotResource`",
              "6:17 error rcp-syntax: a resource control policy may only `Deny` (only AWS's "
              "RCPFullAWSAccess allows)",
              "7:20 error rcp-syntax: a resource control policy statement must have "
              "`\"Principal\": \"*\"`"});
}

TEST_CASE("The broken sample trips every rule it was written for", "[lint]") {
  Linted linted;
  Lint({SamplePath("broken/many-mistakes.json")}, std::nullopt, &linted);
  CHECK(linted.lines() ==
        Lines{
            "2:14 error invalid-version: invalid `Version` `2012-10-18`: expected `2012-10-17` "
            "or `2008-10-17`",
            "7:17 error invalid-effect: invalid `Effect` `allow`: expected `Allow` or `Deny`",
            "8:28 error invalid-principal: unsupported wildcard in principal "
            "`arn:aws:iam::111122223333:user/*`: only `*` alone is a wildcard",
            "9:18 error invalid-action: invalid action `s3GetObject`: expected `service:action` "
            "or `*`",
            "9:33 error action-service-wildcard: wildcard in the service prefix of action "
            "`*:List*`",
            "10:19 error invalid-resource: resource `example-reports/*` must be an ARN or `*`",
            "13:14 warning duplicate-sid: duplicate `Sid` `ReadReports`",
            "15:7 error notprincipal-with-allow: `NotPrincipal` is not supported with "
            "`\"Effect\": \"Allow\"`",
            "17:19 error invalid-variable: policy variable is missing its closing `}` in "
            "`arn:aws:s3:::example-reports/${aws:username`",
            "19:9 error unknown-condition-operator: unknown condition operator `StringEqual`",
            "20:26 error missing-set-qualifier: multivalued key `aws:TagKeys` needs "
            "`ForAllValues:` or `ForAnyValue:` before `StringEquals`",
            "21:9 error null-with-if-exists: `Null` cannot take `IfExists`: `NullIfExists` is "
            "not an operator",
            "25:14 error invalid-type: `Sid` must be a string, not a number",
            "27:7 error duplicate-key: duplicate key `Effect` in the same object",
            "28:20 error invalid-principal: a bare `Principal` string must be `*`, not "
            "`111122223333`",
            "29:17 warning action-resource-mismatch: `iam:PassRole` can act on none of the "
            "statement's resources",
            "30:19 error iam-arn-region: IAM resource "
            "`arn:aws:iam:us-east-1:111122223333:role/reports` must not contain a region",
            "31:7 error unknown-element: unknown statement element `Principle`",
        });
  CHECK(linted.result.errors == 16);
  CHECK(linted.result.warnings == 2);
  CHECK(linted.result.infos == 0);
  REQUIRE(linted.result.files[0].policy);
  CHECK(linted.result.files[0].policy->kind == PolicyKind::kResource);
  CHECK(linted.result.files[0].policy->kind_reason ==
        "statement `ReadReports` names a `Principal`");
}

TEST_CASE("RunLint sorts findings by file, line, column and code, and counts them", "[lint]") {
  Linted linted;
  Lint({SamplePath("trust/ec2-role-trust.json"), SamplePath("nope.json"),
        SamplePath("identity/ec2-s3-list-buckets.json")},
       PolicyKind::kResource, &linted);
  // The readable files are linted; the missing one is reported as unreadable.
  CHECK(linted.result.files.size() == 2);
  REQUIRE(linted.result.unreadable.size() == 1);
  CHECK(linted.result.unreadable[0].path == SamplePath("nope.json"));
  CHECK_FALSE(linted.result.unreadable[0].message.empty());
  CHECK(linted.lines() ==
        Lines{"4:5 error missing-principal: statement in a resource-based policy needs "
              "`Principal` or `NotPrincipal`"});
  CHECK(linted.result.errors == 1);
  CHECK(linted.sources.name(linted.result.diagnostics[0].span.source) ==
        SamplePath("identity/ec2-s3-list-buckets.json"));
}

TEST_CASE("LintBuffer lints a buffer that is already in memory", "[lint]") {
  SourceManager sources;
  SourceId id = sources.AddBuffer("<memory>", "{\"Statement\": []}");
  LintResult result;
  LintBuffer(id, LintOptions{}, sources, &result);
  CHECK(testing::FormatDiagnostics(sources, result.diagnostics) ==
        Lines{"1:1 warning missing-version: policy has no `Version`: AWS applies the 2008-10-17 "
              "language, where policy variables are plain text",
              "1:15 error empty-statement: `Statement` is an empty list"});
  CHECK(result.errors == 1);
  CHECK(result.warnings == 1);
  CHECK(result.infos == 0);
}

TEST_CASE("LintBuffer counts findings past the diagnostic cap", "[lint]") {
  std::string text = "{\"Version\": \"2012-10-17\", \"Statement\": [";
  // 6,000 statements (under the 8,192 the builder reads), two errors each.
  for (int i = 0; i < 6000; ++i) {
    text += "{\"Sid\": \"a b" + std::to_string(i) + "\", \"Effect\": \"Allow\", \"Action\": \"*\"},";
  }
  text.back() = ']';
  text += "}";
  SourceManager sources;
  SourceId id = sources.AddBuffer("<memory>", std::move(text));
  LintResult result;
  LintBuffer(id, LintOptions{}, sources, &result);
  CHECK(result.diagnostics.size() == DiagnosticSink::kDefaultCap);
  // One invalid-sid and one missing-resource per statement; the policy is
  // over its quota and over the IAM API's 131,072 characters.
  size_t kept_sid = 0, kept_resource = 0;
  for (const Diagnostic& d : result.diagnostics) {
    kept_sid += d.code == "invalid-sid" ? size_t{1} : size_t{0};
    kept_resource += d.code == "missing-resource" ? size_t{1} : size_t{0};
  }
  CHECK(kept_sid + kept_resource == DiagnosticSink::kDefaultCap);
  CHECK(result.errors == 12002);
}

TEST_CASE("RunLint honours max_input_bytes", "[lint]") {
  SourceManager sources;
  LintOptions options;
  options.max_input_bytes = 100;
  LintResult result =
      RunLint({SamplePath("resource/s3-bucket-reports.json")}, options, sources);
  CHECK(result.files.empty());
  REQUIRE(result.unreadable.size() == 1);
  CHECK(result.unreadable[0].message ==
        "input is larger than the limit of 100 bytes (raise it with --max-input-size)");
}

}  // namespace
}  // namespace iamlint::lint

namespace iamlint::lint {
namespace {

// One buffer through LintBuffer with the given options.
struct Buffer {
  SourceManager sources;
  LintResult result;
  Lines lines() const { return testing::FormatDiagnostics(sources, result.diagnostics); }
};

void LintText(const std::string& name, const std::string& text, const LintOptions& options,
              Buffer* out) {
  SourceId id = out->sources.AddBuffer(name, text);
  LintBuffer(id, options, out->sources, &out->result);
  ReportUnusedSuppressions(options, &out->result);
  SortDiagnostics(out->sources, &out->result.diagnostics);
}

const char* kTwoFindings =
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\","
    "\"Action\":[\"s3:PutObjekt\",\"s3:GetBucket*\",\"s3:GetBucketTagging\"],"
    "\"Resource\":\"arn:aws:s3:::b\"}]}";

TEST_CASE("Checks run after the validator, in order, and --disable drops them", "[lint]") {
  Buffer all;
  LintText("p.json", kTwoFindings, LintOptions{}, &all);
  CHECK(all.lines() ==
        Lines{"1:76 warning unknown-action: unknown action `s3:PutObjekt`: not in the catalog "
              "of " + Catalog::BuiltIn().info().updated.substr(0, 10),
              "1:107 info redundant-action: `s3:GetBucketTagging` is already covered by `s3:GetBucket*`"});
  CHECK(all.result.warnings == 1);
  CHECK(all.result.infos == 1);

  LintOptions options;
  options.disable.insert("redundant-action");
  options.severity["unknown-action"] = Severity::kError;
  Buffer some;
  LintText("p.json", kTwoFindings, options, &some);
  REQUIRE(some.result.diagnostics.size() == 1);
  CHECK(some.result.diagnostics[0].severity == Severity::kError);
  CHECK(some.result.errors == 1);
  CHECK(some.result.infos == 0);

  LintOptions validator_only;
  validator_only.run_checks = false;
  Buffer none;
  LintText("p.json", kTwoFindings, validator_only, &none);
  CHECK(none.result.diagnostics.empty());
}

TEST_CASE("Suppressions match check, path glob and Sid; unused ones are reported", "[lint]") {
  LintOptions options;
  options.suppressions.push_back({"unknown-action", std::string("dir/*.json"), std::string("A"),
                                  "vendor policy", Span{}});
  options.suppressions.push_back({"redundant-action", std::string("other/*.json"), std::nullopt,
                                  "never matches", Span{}});
  Buffer b;
  LintText("dir/p.json", kTwoFindings, options, &b);
  CHECK(b.result.suppressed == 1);
  CHECK(b.lines() ==
        Lines{"-:- info unused-suppression: suppression of `redundant-action` matched no finding "
              "in `other/*.json`",
              "1:107 info redundant-action: `s3:GetBucketTagging` is already covered by `s3:GetBucket*`"});

  LintOptions wrong_sid;
  wrong_sid.suppressions.push_back({"unknown-action", std::nullopt, std::string("B"), "r", Span{}});
  Buffer c;
  LintText("dir/p.json", kTwoFindings, wrong_sid, &c);
  CHECK(c.result.suppressed == 0);
  CHECK(c.result.infos == 2);  // redundant-action + the unused suppression
}

TEST_CASE("Policy-type rules pick the kind by path glob", "[lint]") {
  LintOptions options;
  options.kind_rules.push_back({"trust/*.json", PolicyKind::kTrust});
  Buffer b;
  SourceId id = b.sources.AddBuffer(
      "trust/r.json",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
      "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
  LintBuffer(id, options, b.sources, &b.result);
  REQUIRE(b.result.files.size() == 1);
  REQUIRE(b.result.files[0].policy);
  CHECK(b.result.files[0].policy->kind == PolicyKind::kTrust);
  CHECK(!b.result.files[0].policy->kind_inferred);
}

}  // namespace
}  // namespace iamlint::lint
