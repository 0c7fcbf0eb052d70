#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using iamlint::testing::Q;
using testing::RunCheck;

TEST_CASE("redundant-statement: a statement inside a wider one", "[lint][checks]") {
  std::string json = Q(
      "{'Version':'2012-10-17','Statement':[\n"
      "{'Sid':'All','Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b*'},\n"
      "{'Sid':'Tls','Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/k',"
      "'Condition':{'Bool':{'aws:SecureTransport':'true'}}}]}");
  auto run = RunCheck("redundant-statement", json);
  CHECK(run.lines() == Lines{PositionOf(json, "{\"Sid\":\"Tls") +
                             " warning redundant-statement: statement `Tls` is redundant: "
                             "statement `All` (line 2) already covers all its actions and "
                             "resources"});
  CHECK(run.notes() == std::vector<std::string>{"its `Condition` does not restrict anything"});
}

TEST_CASE("redundant-statement: identical statements report the later one", "[lint][checks]") {
  std::string json = Q(
      "{'Version':'2012-10-17','Statement':["
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'},"
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}");
  auto run = RunCheck("redundant-statement", json);
  REQUIRE(run.findings.size() == 1);
  CHECK(run.lines()[0].starts_with(PositionOf(json, "{\"Effect", 1)));
}

TEST_CASE("redundant-statement: not when coverage is unprovable", "[lint][checks]") {
  const char* rows[] = {
      // different effect
      "{'Effect':'Allow','Action':'s3:*','Resource':'*'},"
      "{'Effect':'Deny','Action':'s3:GetObject','Resource':'*'}",
      // the wider statement has a condition
      "{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}},"
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}",
      // resources not covered
      "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::a/*'},"
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}",
      // NotAction is not compared
      "{'Effect':'Allow','NotAction':'iam:*','Resource':'*'},"
      "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}",
  };
  for (const char* statements : rows) {
    CAPTURE(statements);
    std::string json =
        Q(std::string("{'Version':'2012-10-17','Statement':[") + statements + "]}");
    CHECK(RunCheck("redundant-statement", json).findings.empty());
  }
}

}  // namespace
}  // namespace iamlint::lint
