// ReadExercise: the exercise file format, and every problem of a malformed
// file reported with its exact position.
#include "lint/exercise/exercise.h"

#include <catch2/catch.hpp>

#include <string>

#include "engine/catalog/catalog.h"
#include "tests/testing/test_util.h"

namespace iamlint::exercise {
namespace {

using testing::FormatDiagnostics;
using testing::Lines;
using testing::Q;

struct Read {
  SourceManager sources;
  std::optional<Exercise> exercise;
  Lines lines;
};

std::unique_ptr<Read> ReadText(const std::string& text) {
  auto r = std::make_unique<Read>();
  SourceId id = r->sources.AddBuffer("exercise.json", text);
  DiagnosticSink sink;
  r->exercise = ReadExercise(r->sources, id, Catalog::BuiltIn(), sink);
  r->lines = FormatDiagnostics(r->sources, sink.Take());
  return r;
}

const std::string kMinimal = Q(
    "{'id': 'x', 'title': {'en': 'T', 'ja': 'タイトル'}, 'task': {'en': 'Do it.', 'ja': 'してください。'},\n"
    " 'kind': 'identity', 'principal': 'arn:aws:iam::123456789012:user/u',\n"
    " 'allow': [{'id': 'a', 'request': {'action': 's3:ListAllMyBuckets'}}],\n"
    " 'deny': [{'id': 'd', 'about': {'en': 'read', 'ja': '読み取り'},\n"
    "           'request': {'action': 's3:GetObject', 'resource': 'arn:aws:s3:::b/k',\n"
    "                       'context': {'aws:MultiFactorAuthPresent': true, 'aws:TagKeys': ['a', 'b']}}}],\n"
    " 'budget': ['s3:GetBucketLocation', {'service': 'sts', 'level': 'read'}],\n"
    " 'hints': [{'en': 'h', 'ja': 'ヒント', 'when': ['a', 'over-grant']}, {'en': 'g', 'ja': 'ヒント2'}]}");

TEST_CASE("exercise: a minimal exercise reads into the model", "[exercise]") {
  auto r = ReadText(kMinimal);
  CHECK(r->lines == Lines{});
  REQUIRE(r->exercise);
  const Exercise& ex = *r->exercise;
  CHECK(ex.id == "x");
  CHECK(ex.title.In(Lang::kJa) == "タイトル");
  CHECK(ex.task.In(Lang::kEn) == "Do it.");
  CHECK(ex.kind == PolicyKind::kIdentity);
  REQUIRE(ex.requirements.size() == 2);
  CHECK(ex.requirements[0].id == "a");
  CHECK(ex.requirements[0].must_allow);
  CHECK(ex.requirements[0].request.resource() == "*");
  CHECK(ex.requirements[0].request.principal() == "arn:aws:iam::123456789012:user/u");
  CHECK(ex.requirements[1].id == "d");
  CHECK_FALSE(ex.requirements[1].must_allow);
  CHECK(ex.requirements[1].about.In(Lang::kJa) == "読み取り");
  CHECK(ex.requirements[1].request.context().size() == 2);
  REQUIRE(ex.hints.size() == 2);
  CHECK(ex.hints[0].when == std::vector<std::string>{"a", "over-grant"});
  CHECK(ex.hints[1].when.empty());
  // The allow action, the named action and every Read action of STS.
  const Catalog& catalog = Catalog::BuiltIn();
  size_t sts_read = catalog.ActionsWithLevel(*catalog.FindService("sts"), AccessLevel::kRead).size();
  CHECK(ex.budget.size() == 2 + sts_read);
  CHECK(std::is_sorted(ex.budget.begin(), ex.budget.end()));
}

TEST_CASE("exercise: a malformed exercise says exactly what is wrong, where", "[exercise]") {
  const std::string text = Q(
      "{'id': '', 'title': {'en': 'T'}, 'task': 'do it',\n"
      " 'kind': 'identiy', 'colour': 1,\n"
      " 'allow': [{'id': 'a', 'request': {'action': 's3:ListAllMyBucket'}},\n"
      "           {'id': 'a', 'request': {'principal': 'arn:aws:iam::1:user/u', 'action': 's3GetObject'}},\n"
      "           {'id': 'c', 'request': {'principal': 'p', 'action': 's3:GetObject', 'context': {'k': {}}}},\n"
      "           'x'],\n"
      " 'deny': {},\n"
      " 'budget': ['s3:Nope*', {'service': 's4', 'level': 'read'}, {'service': 's3', 'level': 'admin'}],\n"
      " 'hints': [{'en': 'h', 'ja': 'ヒント', 'when': ['b']}],\n"
      " 'given': {'identity': [{'Statement': [{'Effect': 'allow', 'Action': '*', 'Resource': '*'}]}]}}");
  auto r = ReadText(text);
  CHECK_FALSE(r->exercise);
  // In reading order: unknown fields, then id, title, task, kind, given,
  // allow, deny, budget, hints.
  CHECK(r->lines == Lines{
      "2:21 error exercise-invalid: unknown field `colour` in the exercise: expected id, title, "
      "task, kind, principal, given, allow, deny, budget, hints",
      "1:8 error exercise-invalid: `id` in the exercise must not be empty",
      "1:21 error exercise-invalid: `title` has no `ja`",
      "1:42 error exercise-invalid: `task` must be an object {\"en\": \"...\", \"ja\": \"...\"}, "
      "not a string",
      "2:10 error exercise-invalid: unknown policy kind `identiy`: expected identity, resource or "
      "trust",
      "10:51 error invalid-effect: given policy: invalid `Effect` `allow`: expected `Allow` or "
      "`Deny`",
      "3:46 error exercise-invalid: action `s3:ListAllMyBucket` of requirement `a` is not in the "
      "catalog",
      "3:35 error exercise-invalid: `request` of requirement `a` has no `principal`, and the "
      "exercise gives no default `principal`",
      "4:19 error exercise-invalid: duplicate requirement id `a`",
      "4:84 error exercise-invalid: action `s3GetObject` of requirement `a` must be "
      "`service:Action`",
      "5:97 error exercise-invalid: context value of `k` must be a string, number, boolean or a "
      "list of them",
      "6:12 error exercise-invalid: `allow`[3] must be an object {\"id\", \"request\"}, not a "
      "string",
      "7:10 error exercise-invalid: `deny` must be an array of requirements, not an object",
      "8:13 error exercise-invalid: budget entry `s3:Nope*` matches no catalog action",
      "8:37 error exercise-invalid: unknown service `s4`",
      "8:88 error exercise-invalid: unknown access level `admin`: expected list, read, write, "
      "permissions-management or tagging",
      "9:52 error exercise-invalid: `when` names `b`, which is no requirement id, `over-grant` or "
      "`lint`",
  });
}

TEST_CASE("exercise: not JSON, or not an object", "[exercise]") {
  auto truncated = ReadText("{\"id\": ");
  CHECK_FALSE(truncated->exercise);
  CHECK(truncated->lines == Lines{"1:8 error json-syntax: unexpected end of input"});
  auto array = ReadText("[1]");
  CHECK_FALSE(array->exercise);
  CHECK(array->lines ==
        Lines{"1:1 error exercise-invalid: an exercise must be a JSON object, not an array"});
}

TEST_CASE("exercise: given resource policies only in identity exercises", "[exercise]") {
  const std::string text = Q(
      "{'id': 'x', 'title': {'en': 'T', 'ja': 'T'}, 'task': {'en': 'T', 'ja': 'T'}, 'kind': 'trust',\n"
      " 'principal': 'arn:aws:iam::123456789012:user/u',\n"
      " 'given': {'identity': [], 'resource': {'Statement': []}},\n"
      " 'allow': [{'id': 'a', 'request': {'action': 'sts:AssumeRole'}}]}");
  auto r = ReadText(text);
  CHECK_FALSE(r->exercise);
  CHECK(r->lines == Lines{
      "3:28 error exercise-invalid: `given.resource` is only for identity exercises: in a trust "
      "exercise the learner writes the resource policy"});
}

}  // namespace
}  // namespace iamlint::exercise
