#include "tests/testing/test_util.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "engine/policy/policy_reader.h"

namespace iamlint::testing {

std::string FormatDiagnostic(const SourceManager& sources, const Diagnostic& d) {
  std::string out;
  if (d.span.valid()) {
    LineColumn at = sources.Begin(d.span);
    out = std::to_string(at.line) + ":" + std::to_string(at.column);
  } else {
    out = "-:-";
  }
  out += " ";
  out += SeverityName(d.severity);
  out += " " + d.code + ": " + d.message;
  return out;
}

Lines FormatDiagnostics(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics) {
  Lines out;
  out.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics) out.push_back(FormatDiagnostic(sources, d));
  return out;
}

std::string Q(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '\'', '"');
  return out;
}

std::string PositionOf(std::string_view text, std::string_view needle, int nth) {
  size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
  if (at == std::string_view::npos) return "not found";
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(at - line_start + 1);
}

namespace {

std::string WhereIn(const SourceManager& sources, const Span& span) {
  LineColumn at = sources.Begin(span);
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

void SortDiagnostics(std::vector<Diagnostic>* diagnostics) {
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.source, a.span.begin, a.code) <
                            std::tie(b.span.source, b.span.begin, b.code);
                   });
}

}  // namespace

std::string ReadResult::Where(const Span& span) const { return WhereIn(*sources, span); }
std::string PolicyResult::Where(const Span& span) const { return WhereIn(*sources, span); }

ReadResult ReadJsonText(std::string text, const JsonReadOptions& options, std::string name) {
  ReadResult result;
  result.sources = std::make_unique<SourceManager>();
  result.id = result.sources->AddBuffer(std::move(name), std::move(text));
  DiagnosticSink sink;
  result.ok = ReadJson(*result.sources, result.id, options, &result.doc, sink);
  result.diagnostics = sink.Take();
  return result;
}

PolicyResult ParsePolicy(std::string json, std::optional<PolicyKind> kind, bool check_size) {
  PolicyResult result;
  result.sources = std::make_unique<SourceManager>();
  result.id = result.sources->AddBuffer("policy.json", std::move(json));
  PolicyReadOptions options;
  options.build.kind = kind;
  options.build.check_size = check_size;
  DiagnosticSink sink;
  result.policy = ReadPolicy(*result.sources, result.id, options, sink);
  result.diagnostics = sink.Take();
  SortDiagnostics(&result.diagnostics);
  return result;
}

std::vector<std::string> PolicyResult::codes() const {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.code);
  return out;
}

bool PolicyResult::has(std::string_view code) const {
  for (const Diagnostic& d : diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

std::vector<std::string> PolicyResult::notes_of(std::string_view code) const {
  for (const Diagnostic& d : diagnostics) {
    if (d.code == code) return d.notes;
  }
  return {};
}

}  // namespace iamlint::testing
