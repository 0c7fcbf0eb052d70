#include <catch2/catch.hpp>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using testing::OneStatement;
using testing::RunCheck;

TEST_CASE("forallvalues-single-valued-key flags a set qualifier on a single-valued key",
          "[lint][checks]") {
  std::string json = OneStatement(
      "'s3:GetObject'", "'*'",
      "'Condition':{'ForAllValues:StringEquals':{'aws:PrincipalOrgID':'o-123'}}");
  auto run = RunCheck("forallvalues-single-valued-key", json);
  CHECK(run.lines() == Lines{PositionOf(json, "\"ForAllValues:") +
                             " warning forallvalues-single-valued-key: `ForAllValues:` on "
                             "single-valued key `aws:PrincipalOrgID`"});
  CHECK(run.notes() ==
        std::vector<std::string>{"`ForAllValues:` also matches requests without the key"});
}

TEST_CASE("forallvalues-single-valued-key accepts multivalued keys and plain operators",
          "[lint][checks]") {
  for (const char* cond : {"{'ForAllValues:StringEquals':{'aws:TagKeys':['a']}}",
                           "{'ForAnyValue:StringEquals':{'aws:PrincipalServiceNamesList':'x'}}",
                           "{'StringEquals':{'aws:PrincipalOrgID':'o-1'}}",
                           "{'ForAllValues:StringEquals':{'nosuch:key':'x'}}"}) {
    CAPTURE(cond);
    std::string extra = std::string("'Condition':") + cond;
    CHECK(RunCheck("forallvalues-single-valued-key", OneStatement("'s3:*'", "'*'", extra))
              .findings.empty());
  }
}

}  // namespace
}  // namespace iamlint::lint
