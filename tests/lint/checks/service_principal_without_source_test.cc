// service-principal-without-source: a positive case with its exact position and message, and a negative case.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/lint/checks/check_testing.h"

namespace iamlint::lint {
namespace {

using iamlint::testing::Lines;
using iamlint::testing::PositionOf;
using iamlint::testing::Q;
using testing::RunCheck;

TEST_CASE("service-principal-without-source: positive, with position and message", "[lint][checks]") {
  std::string json = Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sqs:SendMessage','Resource':'arn:aws:sqs:eu-west-1:111122223333:q'}]}");
  auto run = RunCheck("service-principal-without-source", json, PolicyKind::kResource, AttachedTo::kUnknown);
  CHECK(run.lines() ==
        Lines{PositionOf(json, "\"sns.amazonaws.com") + " warning service-principal-without-source: " +
              "service principal `sns.amazonaws.com` without `aws:SourceAccount` or `aws:SourceArn`: another account can make the service act on this resource (confused deputy)"});
  CHECK(run.notes() == std::vector<std::string>{"add \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"<your account>\"}}"});
}

TEST_CASE("service-principal-without-source: negative", "[lint][checks]") {
  CHECK(RunCheck("service-principal-without-source", Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'sns.amazonaws.com'},'Action':'sqs:SendMessage','Resource':'arn:aws:sqs:eu-west-1:111122223333:q','Condition':{'ArnLike':{'aws:SourceArn':'arn:aws:sns:eu-west-1:111122223333:t'}}}]}"), PolicyKind::kResource, AttachedTo::kUnknown).findings.empty());
}

}  // namespace
}  // namespace iamlint::lint
