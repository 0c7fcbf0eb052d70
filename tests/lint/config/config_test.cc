#include "lint/config/config.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace iamlint::lint {
namespace {

struct Parsed {
  SourceManager sources;
  SourceId id = kNoSource;
  Config config;
  std::string error;
  bool ok = false;
};

void Parse(const std::string& text, Parsed* out) {
  out->id = out->sources.AddBuffer(".iamlint.yaml", text);
  out->ok = ParseConfig(out->sources, out->id, &out->config, &out->error);
}

TEST_CASE("Config: every setting", "[lint][config]") {
  Parsed p;
  Parse(
      "fail-on: warning\n"
      "enable: [unknown-action]\n"
      "disable:\n"
      "  - redundant-action\n"
      "  - missing-version\n"
      "severity:\n"
      "  unknown-action: error\n"
      "policy-type:\n"
      "  \"trust/*.json\": trust\n"
      "suppressions:\n"
      "  - check: action-resource-mismatch\n"
      "    path: legacy/*.json\n"
      "    sid: Old\n"
      "    reason: the catalog lags this service\n",
      &p);
  REQUIRE(p.ok);
  CHECK(p.config.fail_on == "warning");
  CHECK(p.config.enable == std::vector<std::string>{"unknown-action"});
  CHECK(p.config.disable == std::vector<std::string>{"redundant-action", "missing-version"});
  CHECK(p.config.severity.at("unknown-action") == Severity::kError);
  REQUIRE(p.config.kind_rules.size() == 1);
  CHECK(p.config.kind_rules[0].glob == "trust/*.json");
  CHECK(p.config.kind_rules[0].kind == PolicyKind::kTrust);
  REQUIRE(p.config.suppressions.size() == 1);
  const Suppression& s = p.config.suppressions[0];
  CHECK(s.check == "action-resource-mismatch");
  CHECK(s.path == "legacy/*.json");
  CHECK(s.sid == "Old");
  CHECK(s.reason == "the catalog lags this service");
  LineColumn at = p.sources.Begin(s.span);
  CHECK(at.line == 11);
  CHECK(at.column == 12);

  LintOptions options;
  ApplyConfig(p.config, &options);
  CHECK(options.fail_on == Severity::kWarning);
  CHECK(options.disable.count("redundant-action") == 1);
  CHECK(options.suppressions.size() == 1);
}

TEST_CASE("Config: errors name the file, line and column", "[lint][config]") {
  struct Row {
    const char* text;
    const char* error;
  };
  const Row rows[] = {
      {"suppressions:\n  - check: unknown-action\n    path: a.json\n",
       ".iamlint.yaml:2:5: suppression of `unknown-action` needs a `reason`"},
      {"disable: [unknwon-action]\n",
       ".iamlint.yaml:1:11: unknown check `unknwon-action`; did you mean `unknown-action`?"},
      {"fail-on: sometimes\n",
       ".iamlint.yaml:1:10: invalid `fail-on` `sometimes`: expected error, warning, info or never"},
      {"severity:\n  unknown-action: fatal\n",
       ".iamlint.yaml:2:19: invalid severity `fatal`: expected error, warning or info"},
      {"policy-type:\n  '*.json': roles\n",
       ".iamlint.yaml:2:13: invalid policy kind `roles`: expected identity, resource, trust, "
       "boundary, session, scp or rcp"},
      {"disabel: [unknown-action]\n",
       ".iamlint.yaml:1:1: unknown setting `disabel`; did you mean `disable`?"},
      {"enable: [a\n", ".iamlint.yaml:2:1: invalid YAML: end of sequence flow not found"},
      {"- a\n", ".iamlint.yaml:1:1: the config must be a mapping of settings"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    Parsed p;
    Parse(row.text, &p);
    CHECK(!p.ok);
    CHECK(p.error == row.error);
  }
}

TEST_CASE("Config: an empty file is fine", "[lint][config]") {
  Parsed p;
  Parse("", &p);
  CHECK(p.ok);
  CHECK(p.config.suppressions.empty());
}

TEST_CASE("Config: found in the folder or a parent", "[lint][config]") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / "iamlint-config-test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  CHECK(!FindConfigFile(root / "a" / "b").string().starts_with(root.string()));
  std::ofstream(root / ".iamlint.yaml") << "fail-on: never\n";
  CHECK(FindConfigFile(root / "a" / "b") == root / ".iamlint.yaml");
  std::ofstream(root / "a" / ".iamlint.yaml") << "fail-on: info\n";
  CHECK(FindConfigFile(root / "a" / "b") == root / "a" / ".iamlint.yaml");
  fs::remove_all(root);
}

}  // namespace
}  // namespace iamlint::lint
