// Test harness for the evaluation engine: run a request case (the batch
// format of shared/spec/cases.md) through the same path as `iamlint
// simulate` — CaseReader, then Authorize — and return the verdict in a form
// a test can compare in one line.
//
// Every run evaluates the case three times: with the statement index, with
// the reference scan (EvalOptions::use_index = false) and with a Trace
// (which always scans). The harness CHECKs that the three agree on the
// decision kind, the gate and the decisive statements, so every request of
// every [eval] test is also an index-vs-reference oracle check
// (style.md rule 17).
//
// Header-only on purpose: tests/CMakeLists.txt compiles only *_test.cc and
// tests/testing/*.cc, and these helpers belong to the eval tests alone.
// For tests only; namespace iamlint::evaltest.
#ifndef IAMLINT_TESTS_ENGINE_EVAL_EVAL_HARNESS_H_
#define IAMLINT_TESTS_ENGINE_EVAL_EVAL_HARNESS_H_

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/cases/case_reader.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/trace.h"
#include "engine/source/source_manager.h"
#include "tests/testing/test_util.h"

namespace iamlint::evaltest {

using testing::Q;

inline constexpr std::string_view kAccountA = "111111111111";
inline constexpr std::string_view kAccountB = "222222222222";
inline constexpr std::string_view kAlice = "arn:aws:iam::111111111111:user/alice";
inline constexpr std::string_view kBob = "arn:aws:iam::111111111111:user/bob";
inline constexpr std::string_view kRoleR1 = "arn:aws:iam::111111111111:role/r1";
inline constexpr std::string_view kSessionR1 = "arn:aws:sts::111111111111:assumed-role/r1/sess1";
inline constexpr std::string_view kRootA = "arn:aws:iam::111111111111:root";
inline constexpr std::string_view kCarolB = "arn:aws:iam::222222222222:user/carol";

// The verdict of one case, flattened to strings so that a failing CHECK
// prints something readable.
struct Outcome {
  bool read = false;          // the case was read (no reader error)
  std::vector<std::string> errors;  // reader diagnostics, "line:col severity code: message"
  std::string decision;       // "Allow", "ExplicitDeny", "ImplicitDeny"
  std::string gate;           // "" or "identity", "boundary", "scp", ...
  // Decisive statements as "slot/label": "identity[0]/AllowRead", "scp[1][0]/0".
  std::vector<std::string> decisive;
  // One line per statement the traced run considered:
  //   "identity[0]/S1 applies"
  //   "resource/0 principal: principal `...` is not named"
  std::vector<std::string> trace;
};

// "slot/label" of a statement reference.
inline std::string RefLabel(const PolicyBundle& bundle, const StatementRef& ref) {
  const CompiledPolicy* policy = PolicyOf(bundle, ref);
  std::string label = policy != nullptr && ref.statement < policy->document().statements.size()
                          ? policy->document().statements[ref.statement].Label()
                          : "?";
  return SlotName(ref) + "/" + label;
}

inline std::vector<std::string> DecisiveLabels(const PolicyBundle& bundle, const Decision& d) {
  std::vector<std::string> out;
  for (const StatementRef& ref : d.decisive) out.push_back(RefLabel(bundle, ref));
  return out;
}

// Evaluates an already-read case three ways (index, scan, traced) and
// CHECKs that they agree.
inline Outcome EvaluateCase(const Case& c) {
  Outcome out;
  out.read = true;
  EvalScratch scratch;
  Decision indexed, scanned, traced;
  Trace trace;
  Authorize(c.bundle, c.request, EvalOptions{true}, &scratch, &indexed);
  Authorize(c.bundle, c.request, EvalOptions{false}, &scratch, &scanned);
  Authorize(c.bundle, c.request, EvalOptions{true}, &scratch, &traced, &trace);
  out.decision = std::string(DecisionKindName(indexed.kind));
  out.gate = std::string(GateName(indexed.gate));
  out.decisive = DecisiveLabels(c.bundle, indexed);
  {
    INFO("index on vs off must agree (style.md rule 17) for case " << c.id);
    CHECK(DecisionKindName(scanned.kind) == out.decision);
    CHECK(GateName(scanned.gate) == out.gate);
    CHECK(DecisiveLabels(c.bundle, scanned) == out.decisive);
    CHECK(DecisionKindName(traced.kind) == out.decision);
    CHECK(GateName(traced.gate) == out.gate);
    CHECK(DecisiveLabels(c.bundle, traced) == out.decisive);
    CHECK(trace.gate == out.gate);
  }
  for (const StatementTrace& t : trace.statements) {
    std::string line = RefLabel(c.bundle, t.ref);
    if (t.applied) {
      line += " applies";
    } else {
      line += " " + std::string(MissReasonName(t.reason)) + ": " + t.detail;
    }
    out.trace.push_back(std::move(line));
  }
  return out;
}

// Reads `text` (JSON Lines or an array; may hold `define` lines) and
// evaluates its LAST case. Reader errors of any case are collected.
inline Outcome RunCase(std::string text) {
  SourceManager sources;
  SourceId id = sources.AddBuffer("case.jsonl", std::move(text));
  CaseReader reader(sources, id);
  Outcome out;
  std::optional<Case> last;
  while (true) {
    Case c;
    DiagnosticSink sink;
    CaseReader::Status status = reader.Next(&c, sink);
    if (status == CaseReader::Status::kEnd) break;
    for (const Diagnostic& d : sink.diagnostics()) {
      out.errors.push_back(testing::FormatDiagnostic(sources, d));
    }
    if (status == CaseReader::Status::kCase) last = std::move(c);
  }
  if (!last) return out;
  Outcome result = EvaluateCase(*last);
  result.errors = std::move(out.errors);
  return result;
}

// Minimal JSON string quoting for the builders below.
inline std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

// A policy document around `statements` (each one JSON object text).
// `version` empty means no Version element at all.
inline std::string Policy(const std::vector<std::string>& statements,
                          std::string_view version = "2012-10-17") {
  std::string out = "{";
  if (!version.empty()) out += "\"Version\":" + JsonString(version) + ",";
  out += "\"Statement\":[";
  for (size_t i = 0; i < statements.size(); ++i) {
    if (i) out += ",";
    out += statements[i];
  }
  return out + "]}";
}

// One statement written with single quotes: S("{'Effect':'Allow'}").
inline std::string S(std::string_view single_quoted) { return Q(single_quoted); }

// The usual shapes, so that tables read like the spec's traps.
inline std::string Allow(std::string_view action, std::string_view resource = "*",
                         std::string_view sid = "") {
  std::string out = "{";
  if (!sid.empty()) out += "\"Sid\":" + JsonString(sid) + ",";
  return out + "\"Effect\":\"Allow\",\"Action\":" + JsonString(action) +
         ",\"Resource\":" + JsonString(resource) + "}";
}
inline std::string Deny(std::string_view action, std::string_view resource = "*",
                        std::string_view sid = "") {
  std::string out = "{";
  if (!sid.empty()) out += "\"Sid\":" + JsonString(sid) + ",";
  return out + "\"Effect\":\"Deny\",\"Action\":" + JsonString(action) +
         ",\"Resource\":" + JsonString(resource) + "}";
}
// A resource-policy statement; `principal` is the JSON of the Principal value.
inline std::string AllowTo(std::string_view principal_json, std::string_view action,
                           std::string_view resource = "*", std::string_view sid = "") {
  std::string out = "{";
  if (!sid.empty()) out += "\"Sid\":" + JsonString(sid) + ",";
  return out + "\"Effect\":\"Allow\",\"Principal\":" + std::string(principal_json) +
         ",\"Action\":" + JsonString(action) + ",\"Resource\":" + JsonString(resource) + "}";
}
inline std::string Aws(std::string_view arn) { return "{\"AWS\":" + JsonString(arn) + "}"; }

// One case of the batch format, built field by field.
struct CaseSpec {
  std::vector<std::string> identity;
  std::string boundary;  // empty: none
  std::vector<std::string> session;
  std::string resource_policy;  // empty: none
  std::optional<std::vector<std::vector<std::string>>> scp, rcp;
  std::string principal = std::string(kAlice);  // empty: anonymous (field omitted)
  std::string action = "s3:GetObject";
  std::string resource = "arn:aws:s3:::b/k";
  std::string resource_account;  // empty: omitted
  std::string context = "{}";    // JSON object text

  std::string ToJson() const {
    auto list = [](const std::vector<std::string>& items) {
      std::string out = "[";
      for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
      return out + "]";
    };
    auto levels = [&](const std::vector<std::vector<std::string>>& tree) {
      std::string out = "[";
      for (size_t i = 0; i < tree.size(); ++i) out += (i ? "," : "") + list(tree[i]);
      return out + "]";
    };
    std::string p;
    auto add = [&](std::string_view key, const std::string& value) {
      if (!p.empty()) p += ",";
      p += JsonString(key) + ":" + value;
    };
    if (!identity.empty()) add("identity", list(identity));
    if (!boundary.empty()) add("boundary", boundary);
    if (!session.empty()) add("session", list(session));
    if (!resource_policy.empty()) add("resource", resource_policy);
    if (scp) add("scp", levels(*scp));
    if (rcp) add("rcp", levels(*rcp));
    std::string r = "\"action\":" + JsonString(action) + ",\"resource\":" + JsonString(resource);
    if (!principal.empty()) r += ",\"principal\":" + JsonString(principal);
    if (!resource_account.empty()) r += ",\"resourceAccount\":" + JsonString(resource_account);
    r += ",\"context\":" + context;
    return "{\"id\":\"t\",\"policies\":{" + p + "},\"request\":{" + r + "}}";
  }
};

inline Outcome Run(const CaseSpec& c) {
  std::string json = c.ToJson();
  INFO("case: " << json);
  Outcome out = RunCase(json);
  CHECK(out.errors.empty());
  return out;
}

// The FullAWSAccess SCP / RCPFullAWSAccess RCP that AWS attaches at every
// level (cases.md: write them into the case where they apply).
inline std::string FullAwsAccess() { return Policy({Allow("*", "*", "FullAWSAccess")}); }
inline std::string RcpFullAwsAccess() {
  return Policy({S("{'Sid':'RCPFullAWSAccess','Effect':'Allow','Principal':'*','Action':'*',"
                   "'Resource':'*'}")});
}

}  // namespace iamlint::evaltest

#endif  // IAMLINT_TESTS_ENGINE_EVAL_EVAL_HARNESS_H_
