#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("wildcard-without-like flags * under StringEquals", "[lint][checks]") {
  std::string json = OneStatement("'s3:ListBucket'", "'*'",
                                  "'Condition':{'StringNotEquals':{'s3:prefix':['a','home/*']}}");
  auto run = RunCheck("wildcard-without-like", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"home/*") +
                             " warning wildcard-without-like: `StringNotEquals` compares "
                             "`home/*` literally: `*` and `?` are not wildcards here"});
  CHECK(run.notes() == std::vector<std::string>{"use `StringNotLike`"});
}

TEST_CASE("wildcard-without-like accepts Like operators and literal variables",
          "[lint][checks]") {
  for (const char* cond : {"{'StringLike':{'s3:prefix':'home/*'}}",
                           "{'StringEquals':{'s3:prefix':'home/${*}'}}",
                           "{'ArnEquals':{'aws:PrincipalArn':'arn:aws:iam::1:role/*'}}",
                           "{'StringEquals':{'s3:prefix':'home'}}"}) {
    CAPTURE(cond);
    std::string extra = std::string("'Condition':") + cond;
    CHECK(RunCheck("wildcard-without-like", OneStatement("'s3:*'", "'*'", extra))
              .findings.empty());
  }
}

}  // namespace
}  // namespace iamlint::lint
