// Hostile inputs (issue 10), each bounded in time and memory and refused or
// read with a clear error at file:line:col and the documented exit code
// (README "Fuzzing and hostile inputs"). Limits tested elsewhere are not
// repeated here: JSON depth, 100 MB and 100,000 duplicate keys and 10,000
// digits (tests/engine/json/json_reader_test.cc), the YAML alias bomb and
// depth (tests/engine/yaml/yaml_reader_test.cc), the 100,000-character
// wildcard (tests/engine/match/wildcard_test.cc), 10,000-digit decimals
// (tests/engine/match/typed_value_test.cc). These tests take them through
// the layers above: the policy builder, the case reader, the evaluator and
// the `iamlint` binary.
//
// They are hidden ([.hostile]) and run as one ctest test, `hostile_inputs`,
// with a TIMEOUT: a reader gone quadratic fails there instead of hanging.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/cases/case_reader.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/evaluator.h"
#include "lint/input_files.h"
#include "tests/testing/hardening_util.h"
#include "tests/testing/process.h"
#include "tests/testing/test_util.h"

namespace iamlint {
namespace {

namespace fs = std::filesystem;
using testing::Lines;
using testing::ProcessResult;
using testing::RunProcess;
using testing::ScratchDir;

ProcessResult Iamlint(const ScratchDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), IAMLINT_BINARY);
  return RunProcess(args, dir.path().string());
}

// A file of `size` bytes starting with `head`, the rest a hole (sparse: it
// costs no disk and no time to make).
std::string SparseFile(const ScratchDir& dir, const std::string& name, const std::string& head,
                       uintmax_t size) {
  const std::string path = dir.Write(name, head);
  fs::resize_file(path, size);
  return path;
}

TEST_CASE("a 1 GB file is refused by its size before anything is read", "[.hostile][hostile]") {
  ScratchDir dir;
  const std::string path = SparseFile(dir, "big.json", "{\"Statement\": [", uintmax_t{1} << 30);
  std::string bytes = "old", error;
  CHECK_FALSE(lint::ReadInput(path, size_t{64} << 20, &bytes, &error));
  CHECK(bytes.empty());
  CHECK(error == "input is larger than the limit of 67108864 bytes (raise it with --max-input-size)");
  // Through the binary, for each command that reads files: exit 2, named.
  // (lint and exercise default to 64 MiB; simulate, access, can and
  // generate, which read whole accounts and trails, to 256 MiB.)
  for (const auto& [args, limit] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"lint", "big.json"}, "67108864"},
           {{"simulate", "big.json"}, "268435456"},
           {{"access", "--account", "big.json", "alice"}, "268435456"}}) {
    CAPTURE(args[0]);
    ProcessResult r = Iamlint(dir, args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("big.json: input is larger than the limit of " + limit + " bytes") !=
          std::string::npos);
  }
  // The limit is the flag's: a smaller one refuses a small file too.
  dir.Write("small.json", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
  ProcessResult small = Iamlint(dir, {"lint", "--max-input-size", "10", "small.json"});
  CHECK(small.exit_code == 2);
  CHECK(small.err.find("small.json: input is larger than the limit of 10 bytes") !=
        std::string::npos);
}

TEST_CASE("JSON nested 1,000,000 deep: json-too-deep at nesting level 65, exit 1",
          "[.hostile][hostile]") {
  ScratchDir dir;
  std::string text = "{\"Statement\":";
  text += std::string(1000000, '[');
  dir.Write("deep.json", text);
  ProcessResult r = Iamlint(dir, {"lint", "deep.json"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("deep.json:1:77: error: JSON nested deeper than 64 levels [json-too-deep]", 0) ==
        0);
}

TEST_CASE("NUL bytes and invalid UTF-8: json-encoding at the byte, exit 1", "[.hostile][hostile]") {
  ScratchDir dir;
  dir.Write("nul.json", std::string("{\"Version\":\"2012-10-17\",\n \"Sid\":\"a\0b\"}", 38));
  dir.Write("utf8.json", "{\"Version\":\"2012-10-17\",\n \"Sid\":\"caf\xE9\"}");
  ProcessResult nul = Iamlint(dir, {"lint", "nul.json"});
  CHECK(nul.exit_code == 1);
  CHECK(nul.out.rfind("nul.json:2:10: error: NUL byte in the input [json-encoding]", 0) == 0);
  ProcessResult utf8 = Iamlint(dir, {"lint", "utf8.json"});
  CHECK(utf8.exit_code == 1);
  CHECK(utf8.out.rfind("utf8.json:2:12: error: invalid UTF-8 in a string [json-encoding]", 0) == 0);
  // An escaped NUL (\u0000) is valid JSON: it is a character like any other
  // (the Sid's character set rule reports it) and is never printed raw.
  dir.Write("escaped.json",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"a\\u0000b\",\"Effect\":\"Allow\","
            "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
  ProcessResult escaped = Iamlint(dir, {"lint", "escaped.json"});
  CHECK(escaped.exit_code == 1);
  CHECK(escaped.out.find('\0') == std::string::npos);
  CHECK(escaped.out.find("[invalid-sid]") != std::string::npos);
}

TEST_CASE("a CloudFormation YAML alias bomb stops at the node budget, exit 1",
          "[.hostile][hostile]") {
  ScratchDir dir;
  std::string text =
      "AWSTemplateFormatVersion: '2010-09-09'\n"
      "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (int i = 1; i <= 9; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k > 0 ? "," : "") + prev;
    text += "]\n";
  }
  dir.Write("bomb.yaml", text);
  ProcessResult r = Iamlint(dir, {"lint", "bomb.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("bomb.yaml:8:18: error: alias `*a5` expands the document past 4194304 values "
                    "[input-too-large]",
                    0) == 0);
}

TEST_CASE("100,000 duplicate keys in a statement: reported, capped, bounded",
          "[.hostile][hostile]") {
  std::string text = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",";
  for (int i = 0; i < 100000; ++i) text += "\"Action\":\"s3:GetObject\",";
  text += "\"Resource\":\"*\"}]}";
  testing::PolicyResult r = testing::ParsePolicy(text, PolicyKind::kIdentity, false);
  REQUIRE(r.policy);
  REQUIRE(r.policy->statements.size() == 1);
  // One duplicate-key finding per repeated key, up to the sink's cap.
  size_t duplicates = 0;
  for (const Diagnostic& d : r.diagnostics) duplicates += d.code == "duplicate-key" ? size_t{1} : size_t{0};
  CHECK(duplicates > 0);
  CHECK(r.diagnostics.size() <= DiagnosticSink::kDefaultCap);
}

// A policy of `statements` copies of one statement.
std::string ManyStatements(size_t statements) {
  const std::string statement =
      "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}";
  std::string text = "{\"Version\":\"2012-10-17\",\"Statement\":[";
  text.reserve(statements * (statement.size() + 1) + 64);
  for (size_t i = 0; i < statements; ++i) {
    if (i > 0) text += ",";
    text += statement;
  }
  text += "]}";
  return text;
}

TEST_CASE("a policy of 1,000,000 statements: policy-too-large, read in bounded memory",
          "[.hostile][hostile]") {
  ScratchDir dir;
  const std::string text = ManyStatements(1000000);
  REQUIRE(text.size() < (size_t{64} << 20));
  dir.Write("million.json", text);
  ProcessResult r = Iamlint(dir, {"lint", "--format", "json", "million.json"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"code\":\"policy-too-large\"") != std::string::npos);
  CHECK(r.out.find("\"code\":\"too-many-statements\"") != std::string::npos);
}

TEST_CASE("a 100,000-character `*a*a...*b` resource against a 1,000,000-byte ARN evaluates",
          "[.hostile][hostile]") {
  std::string pattern = "arn:aws:s3:::b/";
  while (pattern.size() + 2 < 100000) pattern += "*a";
  pattern += "*b";
  const std::string policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                             "\"Action\":\"s3:GetObject\",\"Resource\":\"" + pattern + "\"}]}";
  testing::PolicyResult built = testing::ParsePolicy(policy, PolicyKind::kIdentity, false);
  REQUIRE(built.policy);
  auto compiled =
      CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*built.policy)));
  PolicyBundle bundle;
  bundle.identity.push_back(compiled.get());
  for (const bool matches : {false, true}) {
    Request request;
    request.set_principal("arn:aws:iam::123456789012:user/u");
    request.set_action("s3:GetObject");
    request.set_resource("arn:aws:s3:::b/" + std::string(1000000, 'a') + (matches ? "b" : ""));
    request.Finish();
    EvalScratch scratch;
    Decision indexed, scanned;
    Authorize(bundle, request, EvalOptions{true}, &scratch, &indexed);
    Authorize(bundle, request, EvalOptions{false}, &scratch, &scanned);
    CHECK(indexed.kind == (matches ? DecisionKind::kAllow : DecisionKind::kImplicitDeny));
    CHECK(scanned.kind == indexed.kind);
  }
}

TEST_CASE("10,000-digit numbers in a numeric condition compare exactly", "[.hostile][hostile]") {
  const std::string big(10000, '9');
  const std::string policy =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
      "\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":" + big + "}}}]}";
  testing::PolicyResult built = testing::ParsePolicy(policy, PolicyKind::kIdentity, false);
  REQUIRE(built.policy);
  auto compiled =
      CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*built.policy)));
  PolicyBundle bundle;
  bundle.identity.push_back(compiled.get());
  for (const auto& [value, expected] :
       std::vector<std::pair<std::string, DecisionKind>>{
           {"9" + std::string(9998, '9') + "8", DecisionKind::kAllow},
           {big, DecisionKind::kImplicitDeny},
           {"1" + std::string(10000, '0'), DecisionKind::kImplicitDeny}}) {
    Request request;
    request.set_principal("arn:aws:iam::123456789012:user/u");
    request.set_action("s3:GetObject");
    request.set_resource("*");
    request.AddContext("s3:max-keys", {value}, false);
    request.Finish();
    EvalScratch scratch;
    Decision decision;
    Authorize(bundle, request, EvalOptions{}, &scratch, &decision);
    CHECK(decision.kind == expected);
  }
}

TEST_CASE("a case file line of 100 MB: input-too-large at that line, the next case is read",
          "[.hostile][hostile]") {
  const std::string next =
      "{\"id\":\"after\",\"policies\":{},\"request\":{\"principal\":\"arn:aws:iam::1:user/u\","
      "\"action\":\"s3:GetObject\",\"resource\":\"*\"}}";
  std::string text = "{\"id\":\"" + std::string(size_t{100} << 20, 'x') + "\"}\n" + next + "\n";
  SourceManager sources;
  const SourceId id = sources.AddBuffer("big.jsonl", std::move(text));
  CaseReader reader(sources, id);
  Case c;
  DiagnosticSink first;
  CHECK(reader.Next(&c, first) == CaseReader::Status::kError);
  CHECK(testing::FormatDiagnostics(sources, first.diagnostics()) ==
        Lines{"1:1 error input-too-large: input is " + std::to_string((size_t{100} << 20) + 9) +
              " bytes, more than the limit of 67108864 bytes"});
  DiagnosticSink second;
  CHECK(reader.Next(&c, second) == CaseReader::Status::kCase);
  CHECK(c.id == "after");
  DiagnosticSink end;
  CHECK(reader.Next(&c, end) == CaseReader::Status::kEnd);

  // Through the binary: simulate reads up to 256 MiB, so the 100 MB line is
  // read, refused at its first bad byte (a NUL: the file is sparse) and the
  // batch exits 2 (a malformed case).
  ScratchDir dir;
  SparseFile(dir, "big.jsonl", "{\"id\":\"", (uintmax_t{100} << 20) + 8);
  ProcessResult r = Iamlint(dir, {"simulate", "big.jsonl"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("big.jsonl:1:8: error: NUL byte in the input [json-encoding]") !=
        std::string::npos);
}

}  // namespace
}  // namespace iamlint
