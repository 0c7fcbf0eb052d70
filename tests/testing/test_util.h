// Helpers shared by the iamlint tests (ninja's test.h, leveldb's testutil.h).
//
// The central idea: a diagnostic is compared as one line of text,
//
//   "3:15 error invalid-effect: invalid `Effect` `allow`: expected `Allow` or `Deny`"
//
// (line:column of the span's first byte, severity, code, message), so a test
// asserts the exact code, position and message of *every* diagnostic with
// one `CHECK(result.lines() == Lines{...})`, and Catch2 prints both lists
// when they differ. Notes are left out of that line; `notes_of()` gives them.
//
// Everything here lives in namespace iamlint::testing and is for tests only.
#ifndef IAMLINT_TESTS_TESTING_TEST_UTIL_H_
#define IAMLINT_TESTS_TESTING_TEST_UTIL_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/json/json_reader.h"
#include "engine/json/json_tree.h"
#include "engine/policy/policy.h"
#include "engine/policy/policy_builder.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint::testing {

using Lines = std::vector<std::string>;

// "line:col severity code: message" for one diagnostic; "-:- ..." when the
// span has no source.
std::string FormatDiagnostic(const SourceManager& sources, const Diagnostic& diagnostic);
Lines FormatDiagnostics(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics);

// `text` with every `'` turned into `"`, so that one-line JSON can be written
// without escapes: Q("{'a':1}") == "{\"a\":1}". Offsets do not change.
std::string Q(std::string_view text);

// The 1-based line:column ("3:15") of the `nth` (0-based) occurrence of
// `needle` in `text`; "not found" when absent. Lets a test say *which*
// token a diagnostic must point at without counting columns by hand.
std::string PositionOf(std::string_view text, std::string_view needle, int nth = 0);

// The result of reading one in-memory JSON text. Owns its SourceManager
// (the document's spans point into it).
struct ReadResult {
  std::unique_ptr<SourceManager> sources;
  SourceId id = kNoSource;
  bool ok = false;
  JsonDocument doc;
  std::vector<Diagnostic> diagnostics;

  Lines lines() const { return FormatDiagnostics(*sources, diagnostics); }
  // line:col of a span in this result's buffer.
  std::string Where(const Span& span) const;
};

ReadResult ReadJsonText(std::string text, const JsonReadOptions& options = {},
                        std::string name = "test.json");

// The result of reading and building one in-memory policy.
struct PolicyResult {
  std::unique_ptr<SourceManager> sources;
  SourceId id = kNoSource;
  std::optional<PolicyDocument> policy;
  std::vector<Diagnostic> diagnostics;  // in source order (sorted)

  Lines lines() const { return FormatDiagnostics(*sources, diagnostics); }
  // Only the codes, in source order.
  std::vector<std::string> codes() const;
  bool has(std::string_view code) const;
  // Notes of the first diagnostic with `code` (empty when there is none).
  std::vector<std::string> notes_of(std::string_view code) const;
  std::string Where(const Span& span) const;
};

// Reads `json` (JSON text, not a path) and builds a policy of `kind` (or an
// inferred kind when empty). Diagnostics are sorted by position, then code.
PolicyResult ParsePolicy(std::string json, std::optional<PolicyKind> kind = std::nullopt,
                         bool check_size = true);

}  // namespace iamlint::testing

#endif  // IAMLINT_TESTS_TESTING_TEST_UTIL_H_
