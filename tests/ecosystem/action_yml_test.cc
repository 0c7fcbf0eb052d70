// action.yml (the GitHub composite action) and README's example workflow:
// both parse as YAML; the action has the inputs, outputs and steps GitHub
// requires (every `run` step of a composite action names its shell); and
// the step that runs iamlint, executed here with the built binary as a
// runner would (INPUT_* variables, GITHUB_OUTPUT), writes a SARIF report
// and exits 1 on errors, 0 on a clean policy.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
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

JsonValue StepWithId(JsonValue steps, std::string_view id) {
  for (uint32_t i = 0; i < steps.size(); ++i) {
    if (Text(steps.element(i).Find("id")) == id) return steps.element(i);
  }
  return {};
}

TEST_CASE("action.yml: a composite action with the documented inputs and outputs", "[ecosystem]") {
  YamlFile action;
  ParseYaml("action.yml", ReadSourceFile("action.yml"), &action);
  REQUIRE(action.problems.empty());
  JsonValue root = action.root();
  CHECK(Text(root.Find("name")) == "iamlint");
  CHECK(!Text(root.Find("description")).empty());

  JsonValue inputs = root.Find("inputs");
  REQUIRE(inputs.is_object());
  for (const char* name : {"paths", "format", "output", "fail-on"}) {
    CAPTURE(name);
    REQUIRE(inputs.Find(name).is_object());
    CHECK(!Text(inputs.Find(name).Find("description")).empty());
  }
  CHECK(Text(inputs.Find("format").Find("default")) == "sarif");
  CHECK(Text(inputs.Find("fail-on").Find("default")) == "error");
  CHECK(Text(inputs.Find("output").Find("default")) == "iamlint.sarif");

  JsonValue runs = root.Find("runs");
  CHECK(Text(runs.Find("using")) == "composite");
  JsonValue steps = runs.Find("steps");
  REQUIRE(steps.is_array());
  REQUIRE(steps.size() >= 2);
  for (uint32_t i = 0; i < steps.size(); ++i) {
    JsonValue step = steps.element(i);
    CAPTURE(i);
    CHECK(!Text(step.Find("name")).empty());
    if (step.Find("run").valid()) CHECK(Text(step.Find("shell")) == "bash");
  }
  // Outputs point at a step that exists.
  JsonValue outputs = root.Find("outputs");
  REQUIRE(outputs.is_object());
  for (uint32_t i = 0; i < outputs.size(); ++i) {
    std::string value = Text(outputs.member_value(i).Find("value"));
    CAPTURE(value);
    CHECK(value.find("steps.run.outputs.") != std::string::npos);
  }
  CHECK(StepWithId(steps, "run").valid());
}

struct StepRun {
  int exit_code = -1;
  std::string report;
  std::string github_output;
  std::string log;
};

StepRun RunLintStep(const std::string& paths, const std::string& format) {
  YamlFile action;
  ParseYaml("action.yml", ReadSourceFile("action.yml"), &action);
  JsonValue step = StepWithId(action.root().Find("runs").Find("steps"), "run");
  std::string dir = testing::MakeTempDir();
  {
    std::ofstream script(dir + "/step.sh");
    script << Text(step.Find("run"));
  }
  std::ofstream(dir + "/github_output").close();
  std::vector<std::string> argv = {
      "/usr/bin/env",           "IAMLINT=" + std::string(IAMLINT_BINARY),  "INPUT_PATHS=" + paths,
      "INPUT_FORMAT=" + format, "INPUT_OUTPUT=" + dir + "/report",         "INPUT_FAIL_ON=error",
      "INPUT_ARGS=--no-config", "GITHUB_OUTPUT=" + dir + "/github_output", "bash",
      dir + "/step.sh"};
  testing::ProcessResult r = testing::RunProcess(argv, IAMLINT_SOURCE_DIR);
  StepRun run;
  run.exit_code = r.exit_code;
  run.log = r.out + r.err;
  std::ifstream report(dir + "/report");
  run.report.assign(std::istreambuf_iterator<char>(report), {});
  std::ifstream output(dir + "/github_output");
  run.github_output.assign(std::istreambuf_iterator<char>(output), {});
  std::filesystem::remove_all(dir);
  return run;
}

TEST_CASE("action.yml: the run step writes SARIF and fails on errors", "[ecosystem]") {
  StepRun broken = RunLintStep("samples/policies/broken/many-mistakes.json", "sarif");
  CAPTURE(broken.log);
  CHECK(broken.exit_code == 1);
  CHECK(broken.report.find("\"version\":\"2.1.0\"") != std::string::npos);
  CHECK(broken.report.find("invalid-effect") != std::string::npos);
  CHECK(broken.github_output.find("exit-code=1\n") != std::string::npos);
  CHECK(broken.log.find("::error title=iamlint::") != std::string::npos);

  StepRun clean = RunLintStep(
      "samples/policies/identity/ec2-s3-list-buckets.json\nsamples/policies/trust", "sarif");
  CAPTURE(clean.log);
  CHECK(clean.exit_code == 0);
  CHECK(clean.github_output.find("exit-code=0\n") != std::string::npos);
}

TEST_CASE("action.yml: --format github prints annotations in the log", "[ecosystem]") {
  StepRun run = RunLintStep("samples/policies/broken/many-mistakes.json", "github");
  CHECK(run.exit_code == 1);
  CHECK(run.log.find("::error file=samples/policies/broken/many-mistakes.json,line=") !=
        std::string::npos);
  CHECK(run.report.find("::error file=") != std::string::npos);
}

TEST_CASE("README: the example workflow parses and uploads SARIF", "[ecosystem]") {
  std::vector<std::string> blocks =
      testing::YamlBlocks(ReadSourceFile("README.md"), "# .github/workflows/iamlint.yml");
  REQUIRE(blocks.size() == 1);
  YamlFile workflow;
  ParseYaml("README.md workflow", blocks[0], &workflow);
  REQUIRE(workflow.problems.empty());
  JsonValue jobs = workflow.root().Find("jobs");
  REQUIRE(jobs.is_object());
  REQUIRE(jobs.size() >= 1);
  JsonValue steps = jobs.member_value(0).Find("steps");
  REQUIRE(steps.is_array());
  bool uses_action = false, uploads = false;
  for (uint32_t i = 0; i < steps.size(); ++i) {
    std::string uses = Text(steps.element(i).Find("uses"));
    uses_action |= uses.find("iamlint") != std::string::npos;
    if (uses.rfind("github/codeql-action/upload-sarif", 0) == 0) {
      uploads = true;
      CHECK(Text(steps.element(i).Find("with").Find("sarif_file")) == "iamlint.sarif");
      CHECK(!Text(steps.element(i).Find("if")).empty());  // uploads even when lint failed
    }
  }
  CHECK(uses_action);
  CHECK(uploads);
}

}  // namespace
}  // namespace iamlint
