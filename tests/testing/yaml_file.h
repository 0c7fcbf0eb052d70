// Reading the repository's integration files (action.yml,
// .pre-commit-hooks.yaml, YAML blocks of README.md) with the engine's own
// YAML reader, for the tests in tests/ecosystem/. For tests only.
#ifndef IAMLINT_TESTS_TESTING_YAML_FILE_H_
#define IAMLINT_TESTS_TESTING_YAML_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/json/json_tree.h"
#include "engine/source/source_manager.h"

namespace iamlint::testing {

struct YamlFile {
  SourceManager sources;
  JsonDocument doc;
  std::vector<std::string> problems;  // "line:col message"; empty when it parsed
  JsonValue root() const { return doc.root(); }
};

// Parses `text` (named `name` in problems). `file` keeps the result.
void ParseYaml(std::string name, std::string text, YamlFile* file);

// The text of a file under the source root.
std::string ReadSourceFile(const std::string& relative);

// The fenced ```yaml blocks of `markdown` whose first line is `first_line`.
std::vector<std::string> YamlBlocks(std::string_view markdown, std::string_view first_line);

// A fresh empty folder under the system temporary folder.
std::string MakeTempDir();

}  // namespace iamlint::testing

#endif  // IAMLINT_TESTS_TESTING_YAML_FILE_H_
