// Request normalization (request.h): action split and folded, context keys
// folded (semantics §1.4, §3.6), resource account derived (cases.md).
#include "engine/eval/request.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace iamlint {
namespace {

TEST_CASE("Request splits and lowercases the action", "[eval]") {
  // §1.4: service prefix and action name compare case-insensitively.
  struct Row {
    std::string action, service, name;
  };
  const std::vector<Row> rows = {
      {"s3:GetObject", "s3", "getobject"},
      {"IAM:ListAccessKeys", "iam", "listaccesskeys"},
      {"GetObject", "", "getobject"},
      {"s3:a:b", "s3", "a:b"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.action);
    Request r;
    r.set_action(row.action);
    r.Finish();
    CHECK(r.action_service() == row.service);
    CHECK(r.action_name() == row.name);
  }
}

TEST_CASE("a Request keeps its action after being moved or copied", "[eval]") {
  // Regression: the service and name used to be views into the request's
  // own short string, left dangling by the move inside Case (found by the
  // eval harness, which moves the last Case it reads).
  Request original;
  original.set_action("s3:GetObject");
  original.Finish();
  Request moved = std::move(original);
  CHECK(moved.action_service() == "s3");
  CHECK(moved.action_name() == "getobject");
  Request copy = moved;
  moved = Request();
  CHECK(copy.action_service() == "s3");
  CHECK(copy.action_name() == "getobject");
  std::vector<Request> many(1);
  many[0].set_action("ec2:RunInstances");
  many[0].Finish();
  many.resize(100);  // reallocation moves the element
  CHECK(many[0].action_service() == "ec2");
  CHECK(many[0].action_name() == "runinstances");
}

TEST_CASE("Request context keys are case-insensitive; case variants merge", "[eval]") {
  // §3.6: key names are case-insensitive; iamlint decision: a key given in
  // two letter cases holds both values.
  Request r;
  r.AddContext("aws:PrincipalTag/Team", {"a"}, false);
  r.AddContext("AWS:principaltag/team", {"b"}, false);
  r.AddContext("aws:TagKeys", {"x", "y"}, true);
  r.Finish();
  const ContextEntry* team = r.Find("aws:principaltag/team");
  REQUIRE(team != nullptr);
  CHECK(team->values == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(team->is_list);
  const ContextEntry* keys = r.Find("aws:tagkeys");
  REQUIRE(keys != nullptr);
  CHECK(keys->is_list);
  CHECK(r.Find("aws:TagKeys") == nullptr);  // Find takes the lowered key
  CHECK(r.Find("aws:username") == nullptr);
}

TEST_CASE("Request derives the resource account (cases.md)", "[eval]") {
  struct Row {
    std::string principal, resource, given, want;
  };
  const std::vector<Row> rows = {
      // As given.
      {"arn:aws:iam::111111111111:user/a", "arn:aws:s3:::b", "333333333333", "333333333333"},
      // Else the ARN's account field.
      {"arn:aws:iam::111111111111:user/a", "arn:aws:sqs:us-east-1:222222222222:q", "",
       "222222222222"},
      {"arn:aws:iam::111111111111:user/a",
       "arn:aws:logs:us-east-1:222222222222:log-group:g:log-stream:s", "", "222222222222"},
      // Else the caller's account (S3 ARNs carry none; "*" resources).
      {"arn:aws:iam::111111111111:user/a", "arn:aws:s3:::b/k", "", "111111111111"},
      {"arn:aws:sts::111111111111:assumed-role/r/s", "*", "", "111111111111"},
      // Anonymous caller and no account anywhere: empty.
      {"", "arn:aws:s3:::b/k", "", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.principal, row.resource, row.given);
    Request r;
    r.set_principal(row.principal);
    r.set_resource(row.resource);
    r.set_resource_account(row.given);
    r.set_action("s3:GetObject");
    r.Finish();
    CHECK(r.resource_account() == row.want);
  }
}

}  // namespace
}  // namespace iamlint
