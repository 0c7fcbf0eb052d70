// RunLint/LintBuffer over templates, plans and snapshots: every embedded
// document is linted as its kind, with its attachment, and findings carry
// their logical location.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lint/runner.h"
#include "tests/testing/test_util.h"

namespace iamlint::lint {
namespace {

using testing::Lines;

struct Buffer {
  SourceManager sources;
  LintResult result;
  Lines lines() const { return testing::FormatDiagnostics(sources, result.diagnostics); }
  std::vector<std::string> wheres() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : result.diagnostics) out.push_back(d.code + " @ " + d.where);
    return out;
  }
};

void LintText(const std::string& name, const std::string& text, const LintOptions& options,
              Buffer* out) {
  SourceId id = out->sources.AddBuffer(name, text);
  LintBuffer(id, options, out->sources, &out->result);
  SortDiagnostics(out->sources, &out->result.diagnostics);
}

TEST_CASE("A template's trust policy is linted as a trust policy, in place", "[lint]") {
  // A trust policy with Resource is an error only when read as a trust policy.
  const std::string yaml =
      "Resources:\n"
      "  App:\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties:\n"
      "      AssumeRolePolicyDocument:\n"
      "        Version: '2012-10-17'\n"
      "        Statement:\n"
      "          - Effect: Allow\n"
      "            Principal: {Service: ec2.amazonaws.com}\n"
      "            Action: sts:AssumeRole\n"
      "            Resource: '*'\n";
  Buffer b;
  LintText("t.yaml", yaml, LintOptions{}, &b);
  CHECK(b.lines() == Lines{"11:13 error resource-not-allowed: a role trust policy must not have "
                           "`Resource`"});
  CHECK(b.wheres() ==
        std::vector<std::string>{
            "resource-not-allowed @ Resources.App.Properties.AssumeRolePolicyDocument"});
  REQUIRE(b.result.files.size() == 1);
  CHECK(b.result.files[0].format == InputFormat::kCloudFormation);
  CHECK(b.result.files[0].documents == 1);
  CHECK(b.result.files[0].entities == 1);
}

TEST_CASE("A finding common to both Fn::If branches is reported once", "[lint]") {
  const std::string json = testing::Q(
      "{'Conditions': {'Prod': {'Fn::Equals': ['a', 'b']}},"
      " 'Resources': {'R': {'Type': 'AWS::IAM::ManagedPolicy', 'Properties': {"
      "  'PolicyDocument': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',"
      "   'Action': ['s3:GetObjekt', {'Fn::If': ['Prod', 's3:GetObject', 's3:PutObject']}],"
      "   'Resource': 'arn:aws:s3:::b/*'}]}}}}}");
  Buffer b;
  LintText("t.json", json, LintOptions{}, &b);
  size_t unknown = 0;
  for (const Diagnostic& d : b.result.diagnostics) unknown += d.code == "unknown-action";
  CHECK(unknown == 1);
  CHECK(b.result.warnings == 1);
}

TEST_CASE("An AWS managed policy reports what it lets the entity do, at the ARN", "[lint]") {
  const std::string yaml =
      "Resources:\n"
      "  Ops:\n"
      "    Type: AWS::IAM::Group\n"
      "    Properties:\n"
      "      ManagedPolicyArns:\n"
      "        - arn:aws:iam::aws:policy/AdministratorAccess\n";
  Buffer b;
  LintText("g.yaml", yaml, LintOptions{}, &b);
  // Full admin subsumes the other risk findings; the document's own style
  // findings and AWS's size exemption are not reported.
  CHECK(b.lines() == Lines{"6:11 warning full-admin: AWS managed policy `AdministratorAccess`: "
                           "full administrator access: group `Ops` can perform all " +
                           std::to_string(Catalog::BuiltIn().action_count()) +
                           " actions of the catalog on all resources"});
  CHECK(b.wheres() == std::vector<std::string>{"full-admin @ Resources.Ops"});
}

TEST_CASE("Disabled checks stay off inside templates", "[lint]") {
  const std::string yaml =
      "Resources:\n"
      "  Ops:\n"
      "    Type: AWS::IAM::Group\n"
      "    Properties:\n"
      "      ManagedPolicyArns:\n"
      "        - arn:aws:iam::aws:policy/AdministratorAccess\n";
  LintOptions options;
  options.disable.insert("full-admin");
  Buffer b;
  LintText("g.yaml", yaml, options, &b);
  // Without full-admin, the findings it subsumed are the ones left.
  size_t full_admin = 0, escalation = 0;
  for (const Diagnostic& d : b.result.diagnostics) {
    full_admin += d.code == "full-admin";
    escalation += d.code == "privilege-escalation";
    CHECK(d.where == "Resources.Ops");
  }
  CHECK(full_admin == 0);
  CHECK(escalation == 1);
}

TEST_CASE("A forced input format picks the reader", "[lint]") {
  LintOptions options;
  options.input_format = InputFormat::kAccountSnapshot;
  Buffer b;
  LintText("p.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}", options, &b);
  REQUIRE(b.result.files.size() == 1);
  CHECK(b.result.files[0].format == InputFormat::kAccountSnapshot);
  CHECK(b.result.files[0].documents == 0);
}

}  // namespace
}  // namespace iamlint::lint
