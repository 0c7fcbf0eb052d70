// CaseReader: reads request cases from one buffer, one at a time.
//
// The buffer is JSON Lines (one case per line; blank lines and lines
// starting with `#` are skipped) or one JSON array of cases. `define`
// lines/elements name policies for the rest of the file; a case refers to
// one by its name wherever a policy is expected. Named policies are built
// and compiled once per policy kind they are used as, then shared.
//
// A malformed case (bad JSON, a missing field, an unknown policy name) is
// reported as a Diagnostic with its position and does not stop the reader.
// Diagnostics about the policies inside a case (validation findings) go to
// the policy sink given in the options, if any.
//
// Not thread-safe; the SourceManager must outlive the reader and the cases.
#ifndef IAMLINT_ENGINE_CASES_CASE_READER_H_
#define IAMLINT_ENGINE_CASES_CASE_READER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "engine/cases/case.h"
#include "engine/json/json_reader.h"
#include "engine/policy/policy.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

struct CaseReaderOptions {
  JsonReadOptions json;
  DiagnosticSink* policy_sink = nullptr;  // validation findings of case policies
};

class CaseReader {
 public:
  CaseReader(const SourceManager& sources, SourceId id, CaseReaderOptions options = {});
  ~CaseReader();

  enum class Status { kCase, kError, kEnd };
  // Reads the next case into *out (kCase), or reports one malformed case to
  // `sink` (kError), or says the input is exhausted (kEnd).
  Status Next(Case* out, DiagnosticSink& sink);

 private:
  struct Named;
  Status ReadLineMode(Case* out, DiagnosticSink& sink);
  Status ReadArrayMode(Case* out, DiagnosticSink& sink);
  Status HandleValue(JsonValue value, Case* out, DiagnosticSink& sink);
  bool Define(JsonValue defs, DiagnosticSink& sink);
  bool BuildCase(JsonValue value, Case* out, DiagnosticSink& sink);
  std::shared_ptr<const CompiledPolicy> Policy(JsonValue value, PolicyKind kind,
                                               DiagnosticSink& sink);

  const SourceManager& sources_;
  SourceId id_;
  CaseReaderOptions options_;
  std::string_view text_;
  size_t pos_ = 0;
  bool array_mode_ = false;
  bool started_ = false;
  std::unique_ptr<JsonDocument> array_doc_;
  uint32_t array_index_ = 0;
  // Documents that named policies point into, kept alive for the file.
  std::vector<std::unique_ptr<JsonDocument>> kept_;
  std::map<std::string, std::unique_ptr<Named>, std::less<>> named_;
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_CASES_CASE_READER_H_
