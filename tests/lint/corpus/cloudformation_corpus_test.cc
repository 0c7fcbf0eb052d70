// Corpus run of the CloudFormation reader (hidden tag [.corpus]; run with
// `iamlint_tests "[corpus]"`): every template under
// ../shared/corpora/cloudformation (JSON through ReadJson, YAML through
// ReadYaml) goes through ReadCloudFormation, and
// every policy found through BuildPolicy. Nothing may crash; syntax errors
// on values not known before deployment (JsonValue::is_unknown) must not
// appear. Counts and time go to stdout so a run records them. Prints a loud
// SKIP when ../shared is absent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/inputs/cloudformation.h"
#include "engine/json/json_reader.h"
#include "engine/policy/policy_builder.h"
#include "engine/yaml/yaml_reader.h"

namespace iamlint {
namespace {

std::filesystem::path CfnDir() {
  return std::filesystem::path(IAMLINT_SOURCE_DIR) / ".." / "shared" / "corpora" / "cloudformation";
}

bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

// True when a diagnostic quotes a value with an unknown `{{...}}` token.
bool OnUnknownToken(const Diagnostic& d) { return d.message.find("{{") != std::string::npos; }

TEST_CASE("corpus: every CloudFormation template is read", "[.corpus][corpus]") {
  std::error_code ec;
  if (!std::filesystem::is_directory(CfnDir(), ec)) {
    WARN("SKIP: ../shared/corpora/cloudformation is absent");
    std::cout << "*** SKIP cloudformation corpus: ../shared/corpora/cloudformation not found ***\n";
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(CfnDir())) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext == ".json" || ext == ".yaml" || ext == ".yml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());

  struct Counts {
    size_t files = 0, read_errors = 0, templates = 0, policies = 0, entities = 0, variants = 0;
    size_t reader_diagnostics = 0, builder_diagnostics = 0;
  };
  Counts json, yaml;
  std::map<std::string, size_t> reader_codes, builder_codes;
  std::vector<std::string> unknown_syntax;  // must stay empty
  std::vector<std::string> examples;        // the first errors of each code
  auto start = std::chrono::steady_clock::now();
  for (const auto& path : files) {
    bool is_json = path.extension() == ".json";
    Counts& c = is_json ? json : yaml;
    ++c.files;
    std::string text;
    REQUIRE(ReadFile(path, &text));
    SourceManager sources;
    SourceId id = sources.AddBuffer(path.string(), std::move(text));
    JsonDocument doc;
    DiagnosticSink sink;
    bool ok = is_json ? ReadJson(sources, id, JsonReadOptions{}, &doc, sink)
                      : ReadYaml(sources, id, YamlReadOptions{}, &doc, sink);
    if (!ok) {
      ++c.read_errors;  // fixtures of linters include broken files on purpose
      continue;
    }
    if (!LooksLikeCloudFormation(doc.root())) continue;
    ++c.templates;
    Inventory inv;
    uint32_t index = inv.AddDocument(std::move(doc));
    ReadCloudFormation(sources, index, &inv, sink);
    for (const Diagnostic& d : sink.diagnostics()) {
      if (++reader_codes[d.code] <= 10) {
        examples.push_back(d.code + " " + path.filename().string() + " " + d.where + ": " +
                           d.message);
      }
    }
    c.reader_diagnostics += sink.total();
    c.policies += inv.policies.size();
    c.entities += inv.entities.size();
    for (const FoundPolicy& p : inv.policies) {
      if (!p.variant.empty()) ++c.variants;
      DiagnosticSink build_sink;
      PolicyBuildOptions options;
      options.kind = p.kind;
      BuildPolicy(sources, p.root, options, build_sink);
      c.builder_diagnostics += build_sink.total();
      for (const Diagnostic& d : build_sink.diagnostics()) {
        if (++builder_codes[d.code] <= 3 && d.severity == Severity::kError) {
          examples.push_back(d.code + " " + path.filename().string() + " " + p.where + ": " +
                             d.message);
        }
        bool syntax = d.code == "invalid-arn" || d.code == "invalid-resource" ||
                      d.code == "invalid-principal" || d.code == "invalid-action";
        if (syntax && OnUnknownToken(d)) {
          unknown_syntax.push_back(path.filename().string() + " " + p.where + ": " + d.message);
        }
      }
    }
  }
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  for (const auto& [name, c] : {std::pair<const char*, const Counts&>{"JSON", json},
                                std::pair<const char*, const Counts&>{"YAML", yaml}}) {
    std::cout << "cloudformation corpus (" << name << "): " << c.files << " files, "
              << c.read_errors << " not readable, " << c.templates << " templates, " << c.policies
              << " policy documents (" << c.variants << " from Fn::If variants), " << c.entities
              << " entities, " << c.reader_diagnostics << " reader diagnostics, "
              << c.builder_diagnostics << " policy diagnostics\n";
  }
  std::cout << "cloudformation corpus: " << files.size() << " files in " << elapsed.count()
            << " ms\n";
  std::cout << "  reader diagnostics:";
  for (const auto& [code, n] : reader_codes) std::cout << " " << code << "=" << n;
  std::cout << "\n  builder diagnostics:";
  for (const auto& [code, n] : builder_codes) std::cout << " " << code << "=" << n;
  std::cout << "\n";
  for (const std::string& s : examples) std::cout << "  e.g. " << s << "\n";
  for (const std::string& s : unknown_syntax) std::cout << "  UNKNOWN-SYNTAX " << s << "\n";
  CHECK(unknown_syntax.empty());
  CHECK(json.templates > 0);
  CHECK(yaml.templates > 0);
}

}  // namespace
}  // namespace iamlint
