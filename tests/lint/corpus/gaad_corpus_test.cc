// Corpus run of the account snapshot reader (hidden tag [.corpus]; run with
// `iamlint_tests "[corpus]"`): every `get-account-authorization-details`
// file under shared/corpora/gaad/ reads without a crash, every policy it
// finds builds, and the same snapshots with their documents re-written as
// URL-encoded strings (the raw API form) give the same policies at
// positions inside the encoded strings. Reads ../shared next to the
// repository and prints a loud SKIP when it is absent. Counts and times go
// to stdout so a run records them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/inputs/account_snapshot.h"
#include "engine/json/json_reader.h"
#include "engine/policy/policy_builder.h"

namespace iamlint {
namespace {

std::filesystem::path SharedDir() {
  return std::filesystem::path(IAMLINT_SOURCE_DIR) / ".." / "shared" / "corpora";
}

bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

std::vector<std::filesystem::path> JsonFiles(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Totals {
  size_t files = 0, snapshots = 0, entities = 0, policies = 0, unresolved = 0;
  size_t reader_diagnostics = 0, policy_diagnostics = 0;
  std::map<std::string, size_t> by_code;
};

// Reads one snapshot text; adds its counts to `totals`. Returns each
// policy's `where` path and diagnostic codes (for comparing two forms of
// one snapshot).
std::vector<std::string> ReadOne(const std::string& name, std::string text, Totals* totals,
                                 bool print) {
  SourceManager sources;
  SourceId id = sources.AddBuffer(name, std::move(text));
  JsonDocument doc;
  DiagnosticSink sink;
  JsonReadOptions options;
  options.max_bytes = size_t{256} << 20;
  std::vector<std::string> wheres;
  if (!ReadJson(sources, id, options, &doc, sink) || !LooksLikeAccountSnapshot(doc.root())) {
    return wheres;
  }
  ++totals->snapshots;
  auto start = std::chrono::steady_clock::now();
  Inventory inventory;
  ReadAccountSnapshot(sources, inventory.AddDocument(std::move(doc)), &inventory, sink);
  double read_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  size_t reader = sink.total();
  for (const Diagnostic& d : sink.diagnostics()) {
    ++totals->by_code["reader " + std::string(SeverityName(d.severity)) + " " + d.code];
    std::cout << "  " << name << ": " << d.where << ": " << d.code << ": " << d.message << "\n";
  }
  size_t unresolved = 0;
  for (const Entity& e : inventory.entities) {
    for (const ManagedPolicyRef& ref : e.managed_policies) unresolved += ref.policy == kNoIndex;
    if (e.boundary) unresolved += e.boundary->policy == kNoIndex;
    for (uint32_t p : e.inline_policies) CHECK(p < inventory.policies.size());
  }
  size_t policy_diagnostics = 0;
  for (const FoundPolicy& p : inventory.policies) {
    CAPTURE(name, p.where);
    REQUIRE(p.root.valid());
    CHECK(p.root.is_object());
    CHECK(p.anchor.valid());
    CHECK(sources.Origin(p.root.span().source) == id);
    DiagnosticSink policy_sink;
    PolicyBuildOptions build;
    build.kind = p.kind;
    CHECK(BuildPolicy(sources, p.root, build, policy_sink).has_value());
    policy_diagnostics += policy_sink.total();
    std::string codes;
    for (const Diagnostic& d : policy_sink.diagnostics()) {
      ++totals->by_code["policy " + std::string(SeverityName(d.severity)) + " " + d.code];
      if (d.code == "policy-too-large") {
        // Sizes that count white space differ between the CLI's indented
        // form and the API's compact one; they are printed, not compared.
        if (print) std::cout << "  " << name << ": " << p.where << ": " << d.message << "\n";
        continue;
      }
      codes += " " + d.code;
    }
    wheres.push_back(p.where + ":" + codes);
  }
  totals->entities += inventory.entities.size();
  totals->policies += inventory.policies.size();
  totals->unresolved += unresolved;
  totals->reader_diagnostics += reader;
  totals->policy_diagnostics += policy_diagnostics;
  if (print) {
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.2f", read_ms);
    std::cout << name << ": " << inventory.entities.size() << " entities, "
              << inventory.policies.size() << " policies, " << unresolved
              << " managed refs not in the snapshot, " << reader << " reader diagnostics, "
              << policy_diagnostics << " policy diagnostics, " << ms << " ms\n";
  }
  return wheres;
}

// `text` (a snapshot) with every policy document object re-written as a
// URL-encoded string, the way the raw IAM API returns it. The documents
// are found by their key; each is minified and percent-encoded.
std::string UrlEncodeDocuments(const std::string& text) {
  SourceManager sources;
  SourceId id = sources.AddBuffer("x", text);
  JsonDocument doc;
  DiagnosticSink sink;
  JsonReadOptions options;
  options.max_bytes = size_t{256} << 20;
  if (!ReadJson(sources, id, options, &doc, sink)) return text;
  // Spans of the document objects, in order (no nesting among them).
  std::vector<Span> spans;
  auto collect = [&](JsonValue object, std::string_view key) {
    JsonValue v = object.Find(key);
    if (v.valid() && v.is_object()) spans.push_back(v.span());
  };
  JsonValue root = doc.root();
  for (std::string_view list : {"UserDetailList", "GroupDetailList", "RoleDetailList"}) {
    JsonValue l = root.Find(list);
    if (!l.valid() || !l.is_array()) continue;
    for (uint32_t i = 0; i < l.size(); ++i) {
      JsonValue e = l.element(i);
      if (!e.is_object()) continue;
      collect(e, "AssumeRolePolicyDocument");
      for (std::string_view inl : {"UserPolicyList", "GroupPolicyList", "RolePolicyList"}) {
        JsonValue p = e.Find(inl);
        if (!p.valid() || !p.is_array()) continue;
        for (uint32_t j = 0; j < p.size(); ++j) {
          if (p.element(j).is_object()) collect(p.element(j), "PolicyDocument");
        }
      }
    }
  }
  JsonValue policies = root.Find("Policies");
  if (policies.valid() && policies.is_array()) {
    for (uint32_t i = 0; i < policies.size(); ++i) {
      JsonValue versions = policies.element(i).is_object()
                               ? policies.element(i).Find("PolicyVersionList")
                               : JsonValue();
      if (!versions.valid() || !versions.is_array()) continue;
      for (uint32_t j = 0; j < versions.size(); ++j) {
        if (versions.element(j).is_object()) collect(versions.element(j), "Document");
      }
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::string out;
  size_t at = 0;
  static const char kHex[] = "0123456789ABCDEF";
  for (const Span& s : spans) {
    out.append(text, at, s.begin - at);
    out.push_back('"');
    // Minify outside strings, then percent-encode everything but unreserved.
    bool in_string = false, escaped = false;
    for (uint32_t k = s.begin; k < s.end; ++k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      if (!in_string && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) continue;
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      }
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '_' || c == '.' || c == '~') {
        out.push_back(static_cast<char>(c));
      } else {
        out.push_back('%');
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
      }
    }
    out.push_back('"');
    at = s.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

void PrintTotals(const char* title, const Totals& t, double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", ms);
  std::cout << title << ": " << t.files << " files, " << t.snapshots << " snapshots, "
            << t.entities << " entities, " << t.policies << " policies, " << t.unresolved
            << " managed refs not in their snapshot, " << t.reader_diagnostics
            << " reader diagnostics, " << t.policy_diagnostics << " policy diagnostics, " << buf
            << " ms\n";
  for (const auto& [k, n] : t.by_code) std::cout << "  " << k << ": " << n << "\n";
}

TEST_CASE("corpus: every account snapshot reads without a crash", "[.corpus][corpus]") {
  const std::filesystem::path dir = SharedDir() / "gaad";
  if (!std::filesystem::is_directory(dir)) {
    WARN("SKIP: ../shared/corpora/gaad is absent");
    std::cout << "*** SKIP corpus: ../shared/corpora/gaad not found ***\n";
    return;
  }
  Totals plain, encoded;
  double plain_ms = 0, encoded_ms = 0;
  for (const std::filesystem::path& path : JsonFiles(dir)) {
    std::string text;
    REQUIRE(ReadFile(path, &text));
    const std::string name = std::filesystem::relative(path, dir).string();
    ++plain.files;
    auto start = std::chrono::steady_clock::now();
    std::vector<std::string> a = ReadOne(name, text, &plain, true);
    plain_ms +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    // The raw-API form of the same snapshot: the same policies.
    std::string url = UrlEncodeDocuments(text);
    ++encoded.files;
    start = std::chrono::steady_clock::now();
    std::vector<std::string> b = ReadOne(name + " (URL-encoded)", std::move(url), &encoded, false);
    encoded_ms +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    CAPTURE(name);
    CHECK(a == b);
  }
  PrintTotals("gaad", plain, plain_ms);
  PrintTotals("gaad, documents URL-encoded", encoded, encoded_ms);
  // 7 cloudsplaining + 1 cloudmapper + 11 IAMSpy snapshots; AirIAM's
  // collector format, cloudsplaining's scan results and IAMSpy's
  // resource/SCP files are not snapshots.
  CHECK(plain.snapshots == 19);
  CHECK(plain.reader_diagnostics == 0);
  CHECK(encoded.snapshots == plain.snapshots);
  CHECK(encoded.entities == plain.entities);
  CHECK(encoded.policies == plain.policies);
  CHECK(encoded.reader_diagnostics == 0);
}

}  // namespace
}  // namespace iamlint
