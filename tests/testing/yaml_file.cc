#include "tests/testing/yaml_file.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engine/source/diagnostic.h"
#include "engine/yaml/yaml_reader.h"

namespace iamlint::testing {

void ParseYaml(std::string name, std::string text, YamlFile* file) {
  SourceId id = file->sources.AddBuffer(std::move(name), std::move(text));
  DiagnosticSink sink;
  if (!ReadYaml(file->sources, id, YamlReadOptions{}, &file->doc, sink)) {
    file->problems.push_back("unreadable");
  }
  for (const Diagnostic& d : sink.diagnostics()) {
    LineColumn at = file->sources.Begin(d.span);
    file->problems.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " +
                             d.message);
  }
}

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(IAMLINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> YamlBlocks(std::string_view markdown, std::string_view first_line) {
  std::vector<std::string> blocks;
  const std::string open = "```yaml\n" + std::string(first_line) + "\n";
  size_t at = 0;
  while ((at = markdown.find(open, at)) != std::string_view::npos) {
    size_t begin = at + 8;  // after "```yaml\n"
    size_t end = markdown.find("\n```", begin);
    if (end == std::string_view::npos) break;
    blocks.emplace_back(markdown.substr(begin, end + 1 - begin));
    at = end;
  }
  return blocks;
}

std::string MakeTempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/iamlint-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

}  // namespace iamlint::testing
