#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

std::string Date() { return Catalog::BuiltIn().info().updated.substr(0, 10); }

TEST_CASE("unknown-action flags a misspelt action with a suggestion", "[lint][checks]") {
  std::string json = OneStatement("['s3:PutObject','s3:GetObjekt']", "'*'");
  auto run = RunCheck("unknown-action", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"s3:GetObjekt") +
                             " warning unknown-action: unknown action `s3:GetObjekt`: not in the "
                             "catalog of " + Date()});
  CHECK(run.notes() == std::vector<std::string>{"did you mean `s3:GetObject`?"});
}

TEST_CASE("unknown-action flags a pattern that matches no action", "[lint][checks]") {
  std::string json = OneStatement("'s3:Gte*'", "'*'");
  auto run = RunCheck("unknown-action", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"s3:Gte*") +
                             " warning unknown-action: action pattern `s3:Gte*` matches no action "
                             "of `s3` in the catalog of " + Date()});
}

TEST_CASE("unknown-action accepts real actions and patterns in any case", "[lint][checks]") {
  for (const char* action : {"'s3:getobject'", "'s3:Get*'", "'*'", "'iam:*'", "'ec2:Describe?pcs'",
                             "'nosuchservice:Foo'"}) {
    CAPTURE(action);
    CHECK(RunCheck("unknown-action", OneStatement(action, "'*'")).findings.empty());
  }
}

TEST_CASE("unknown-action also reads NotAction", "[lint][checks]") {
  std::string json = iamlint::testing::Q(
      "{'Version':'2012-10-17','Statement':[{'Effect':'Deny','NotAction':'iam:CreateUsr',"
      "'Resource':'*'}]}");
  auto run = RunCheck("unknown-action", json);
  REQUIRE(run.findings.size() == 1);
  CHECK(iamlint::testing::FormatDiagnostic(*run.parsed.sources, run.findings[0])
            .starts_with(PositionOf(json, "\"iam:CreateUsr")));
}

}  // namespace
}  // namespace iamlint::lint
