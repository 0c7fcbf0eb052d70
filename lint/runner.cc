#include "lint/runner.h"

#include <algorithm>
#include <tuple>

#include "engine/policy/policy_reader.h"

namespace iamlint::lint {

void LintBuffer(SourceId id, const LintOptions& options, const SourceManager& sources,
                LintResult* result) {
  DiagnosticSink sink;
  PolicyReadOptions read;
  read.json.max_bytes = options.max_input_bytes;
  read.build.kind = options.kind;
  LintedFile file;
  file.source = id;
  file.policy = ReadPolicy(sources, id, read, sink);
  result->files.push_back(std::move(file));
  sink.Sort();  // one buffer: offset order is line:column order
  // Counts come from the sink, which also counts what it dropped past its cap.
  result->errors += sink.count(Severity::kError);
  result->warnings += sink.count(Severity::kWarning);
  result->infos += sink.count(Severity::kInfo);
  for (Diagnostic& d : sink.Take()) result->diagnostics.push_back(std::move(d));
}

LintResult RunLint(const std::vector<std::string>& paths, const LintOptions& options,
                   SourceManager& sources) {
  LintResult result;
  for (const std::string& path : paths) {
    std::string bytes, error;
    if (!ReadInput(path, options.max_input_bytes, &bytes, &error)) {
      result.unreadable.push_back({path == "-" ? kStdinName : path, error});
      continue;
    }
    SourceId id = sources.AddBuffer(path == "-" ? kStdinName : path, std::move(bytes));
    LintBuffer(id, options, sources, &result);
  }
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     LineColumn la = sources.Begin(a.span), lb = sources.Begin(b.span);
                     return std::make_tuple(a.span.source, la.line, la.column, a.code) <
                            std::make_tuple(b.span.source, lb.line, lb.column, b.code);
                   });
  return result;
}

}  // namespace iamlint::lint
