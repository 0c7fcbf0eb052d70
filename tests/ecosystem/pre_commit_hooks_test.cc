// .pre-commit-hooks.yaml and README's .pre-commit-config.yaml snippet: both
// parse; the hook `iamlint` runs the iamlint binary (language system); its
// `files` pattern picks the policy and template samples and leaves other
// JSON alone; and running the hook's entry on every sample it picks, as
// pre-commit would, reads them all (exit 1 for the broken sample, never 2).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "tests/testing/process.h"
#include "tests/testing/yaml_file.h"

namespace iamlint {
namespace {

using testing::ParseYaml;
using testing::ReadSourceFile;
using testing::YamlFile;

std::string Text(JsonValue v) { return v.valid() && v.is_string() ? std::string(v.text()) : ""; }

JsonValue Hook(const YamlFile& file) {
  JsonValue root = file.root();
  for (uint32_t i = 0; root.is_array() && i < root.size(); ++i) {
    if (Text(root.element(i).Find("id")) == "iamlint") return root.element(i);
  }
  return {};
}

TEST_CASE("pre-commit: the iamlint hook", "[ecosystem]") {
  YamlFile hooks;
  ParseYaml(".pre-commit-hooks.yaml", ReadSourceFile(".pre-commit-hooks.yaml"), &hooks);
  REQUIRE(hooks.problems.empty());
  JsonValue hook = Hook(hooks);
  REQUIRE(hook.valid());
  CHECK(Text(hook.Find("name")) == "iamlint");
  CHECK(Text(hook.Find("language")) == "system");
  CHECK(Text(hook.Find("entry")) == "iamlint lint");

  // pre-commit matches `files` with Python's re.search; this pattern uses
  // only syntax that std::regex (ECMAScript) reads the same way.
  std::regex files(Text(hook.Find("files")));
  auto picks = [&](const std::string& path) { return std::regex_search(path, files); };
  for (const char* path :
       {"samples/policies/identity/ec2-s3-list-buckets.json", "samples/templates/leaky-user.yaml",
        "iam/admin.json", "infra/cfn/app.yml", "deploy/bucket-policy.json", "policies.json",
        "stack.template", "cloudformation/network.yaml"}) {
    CAPTURE(path);
    CHECK(picks(path));
  }
  for (const char* path : {"package.json", "tsconfig.json", ".github/workflows/ci.yml",
                           "samples/cases/classic-demo.jsonl", "docs/diameter.json",
                           "samples/accounts/story.json", "policies/README.md"}) {
    CAPTURE(path);
    CHECK_FALSE(picks(path));
  }

  // The hook's run over the repository's samples, as pre-commit runs it.
  std::vector<std::string> picked;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::string(IAMLINT_SOURCE_DIR) + "/samples")) {
    if (!entry.is_regular_file()) continue;
    std::string rel = entry.path().lexically_relative(IAMLINT_SOURCE_DIR).generic_string();
    if (picks(rel)) picked.push_back(rel);
  }
  std::sort(picked.begin(), picked.end());
  CHECK(std::find(picked.begin(), picked.end(), "samples/policies/broken/many-mistakes.json") !=
        picked.end());
  CHECK(std::find(picked.begin(), picked.end(), "samples/templates/serverless.yaml") !=
        picked.end());
  std::vector<std::string> argv = {IAMLINT_BINARY, "lint"};
  argv.insert(argv.end(), picked.begin(), picked.end());
  testing::ProcessResult r = testing::RunProcess(argv, IAMLINT_SOURCE_DIR);
  CAPTURE(r.err);
  CHECK(r.exit_code == 1);  // the broken sample's errors
  CHECK(r.err.find("cannot read") == std::string::npos);
  CHECK(r.err.find(std::to_string(picked.size()) + " files checked") != std::string::npos);
}

TEST_CASE("README: the .pre-commit-config.yaml snippet uses the hook", "[ecosystem]") {
  std::vector<std::string> blocks =
      testing::YamlBlocks(ReadSourceFile("README.md"), "# .pre-commit-config.yaml");
  REQUIRE(blocks.size() == 1);
  YamlFile config;
  ParseYaml("README.md pre-commit", blocks[0], &config);
  REQUIRE(config.problems.empty());
  JsonValue repos = config.root().Find("repos");
  REQUIRE(repos.is_array());
  REQUIRE(repos.size() >= 1);
  JsonValue hooks = repos.element(0).Find("hooks");
  REQUIRE(hooks.is_array());
  REQUIRE(hooks.size() >= 1);
  CHECK(Text(hooks.element(0).Find("id")) == "iamlint");
}

}  // namespace
}  // namespace iamlint
