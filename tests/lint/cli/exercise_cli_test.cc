// Golden tests of `iamlint exercise` (tests/golden/cli/exercise-*): the
// list in both languages, checks that pass and fail, JSON output, and the
// usage and malformed-exercise errors. Same mechanism as cli_test.cc:
// IAMLINT_UPDATE_GOLDEN=1 rewrites the files.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/testing/golden.h"
#include "tests/testing/process.h"

namespace iamlint {
namespace {

using testing::CheckGolden;
using testing::GoldenCheck;
using testing::GoldenPath;
using testing::ProcessResult;
using testing::RunProcess;

struct ExerciseCase {
  std::string name;               // golden stem under tests/golden/cli/
  std::vector<std::string> args;  // after `iamlint`
  std::string stdin_text;         // the policy when the args say `-`
  std::string stdin_label;
};

void CheckCase(const ExerciseCase& c) {
  std::string header = "# iamlint";
  for (const std::string& a : c.args) header += " " + a;
  if (!c.stdin_label.empty()) header += " < " + c.stdin_label;
  CAPTURE(c.name, header);
  std::vector<std::string> argv = {IAMLINT_BINARY};
  argv.insert(argv.end(), c.args.begin(), c.args.end());
  ProcessResult r = RunProcess(argv, IAMLINT_SOURCE_DIR, c.stdin_text);
  const std::string stem = GoldenPath("cli/" + c.name);
  GoldenCheck out = CheckGolden(stem + ".stdout", header, r.out);
  GoldenCheck err = CheckGolden(stem + ".stderr", header, r.err);
  GoldenCheck code = CheckGolden(stem + ".exit", header, std::to_string(r.exit_code) + "\n");
  INFO(out.message);
  CHECK(r.out == out.expected);
  INFO(err.message);
  CHECK(r.err == err.expected);
  INFO(code.message);
  CHECK(std::to_string(r.exit_code) + "\n" == code.expected);
  CHECK(out.ok);
  CHECK(err.ok);
  CHECK(code.ok);
}

constexpr const char* kAdmin =
    "{\"Version\": \"2012-10-17\", \"Statement\": "
    "[{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}\n";
constexpr const char* kS3Star =
    "{\n"
    "  \"Version\": \"2012-10-17\",\n"
    "  \"Statement\": [\n"
    "    {\"Sid\": \"AllS3\", \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}\n"
    "  ]\n"
    "}\n";
constexpr const char* kNoDelete =
    "{\n"
    "  \"Version\": \"2012-10-17\",\n"
    "  \"Statement\": [\n"
    "    {\"Sid\": \"Backups\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", "
    "\"s3:PutObject\"],\n"
    "     \"Resource\": \"arn:aws:s3:::example-backups/*\"}\n"
    "  ]\n"
    "}\n";

TEST_CASE("cli: exercise list in English and Japanese", "[cli][exercise]") {
  for (const ExerciseCase& c : std::vector<ExerciseCase>{
           {"exercise-list", {"exercise", "list"}, "", ""},
           {"exercise-list-ja", {"exercise", "list", "--lang", "ja"}, "", ""},
       }) {
    CheckCase(c);
  }
}

TEST_CASE("cli: exercise check passes the reference solutions", "[cli][exercise]") {
  for (const ExerciseCase& c : std::vector<ExerciseCase>{
           {"exercise-check-01-solution",
            {"exercise", "check", "01-list-buckets", "samples/exercises/01-list-buckets/solution.json"},
            "",
            ""},
           {"exercise-check-08-solution-ja",
            {"exercise", "check", "samples/exercises/08-github-oidc-trust",
             "samples/exercises/08-github-oidc-trust/solution.json", "--lang", "ja"},
            "",
            ""},
       }) {
    CheckCase(c);
  }
}

TEST_CASE("cli: exercise check fails over-granting and incomplete policies", "[cli][exercise]") {
  for (const ExerciseCase& c : std::vector<ExerciseCase>{
           {"exercise-check-01-s3-star", {"exercise", "check", "01-list-buckets", "-"}, kS3Star, "s3-star.json"},
           {"exercise-check-01-s3-star-ja",
            {"exercise", "check", "01-list-buckets", "-", "--lang", "ja"},
            kS3Star,
            "s3-star.json"},
           {"exercise-check-01-admin-json",
            {"exercise", "check", "01-list-buckets", "-", "--format", "json"},
            kAdmin,
            "admin.json"},
           {"exercise-check-04-no-delete", {"exercise", "check", "04-mfa-delete", "-"}, kNoDelete, "no-delete.json"},
           {"exercise-check-04-no-delete-ja",
            {"exercise", "check", "04-mfa-delete", "-", "--lang", "ja"},
            kNoDelete,
            "no-delete.json"},
       }) {
    CheckCase(c);
  }
}

TEST_CASE("cli: exercise usage errors and malformed exercises", "[cli][exercise]") {
  for (const ExerciseCase& c : std::vector<ExerciseCase>{
           {"exercise-unknown", {"exercise", "check", "99-nothing", "policy.json"}, "", ""},
           {"exercise-unknown-ja", {"exercise", "check", "99-nothing", "policy.json", "--lang", "ja"}, "", ""},
           {"exercise-no-action", {"exercise"}, "", ""},
           {"exercise-missing-policy",
            {"exercise", "check", "01-list-buckets", "samples/exercises/01-list-buckets/none.json"},
            "",
            ""},
           {"exercise-malformed",
            {"exercise", "check", "tests/golden/cli/exercise-malformed.json", "-"},
            kAdmin,
            "admin.json"},
       }) {
    CheckCase(c);
  }
}

}  // namespace
}  // namespace iamlint
