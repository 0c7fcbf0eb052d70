#include "lint/runner.h"

#include <fnmatch.h>

#include <algorithm>
#include <tuple>

#include "engine/policy/policy_reader.h"
#include "lint/registry.h"

namespace iamlint::lint {

namespace {

bool GlobMatches(const std::string& glob, const std::string& path) {
  if (fnmatch(glob.c_str(), path.c_str(), 0) == 0) return true;
  // "policies/*.json" also matches "./policies/x.json".
  if (path.rfind("./", 0) == 0) return fnmatch(glob.c_str(), path.c_str() + 2, 0) == 0;
  return false;
}

bool CheckEnabled(const CheckInfo& info, const LintOptions& options) {
  if (options.disable.count(info.id) != 0) return false;
  return info.enabled_by_default || options.enable.count(info.id) != 0;
}

// The statement whose span contains `span`, or null.
const Statement* StatementAt(const PolicyDocument* policy, const Span& span) {
  if (policy == nullptr || !span.valid()) return nullptr;
  for (const Statement& st : policy->statements) {
    if (st.span.source == span.source && st.span.begin <= span.begin && span.begin < st.span.end) {
      return &st;
    }
  }
  return nullptr;
}

}  // namespace

void LintBuffer(SourceId id, const LintOptions& options, const SourceManager& sources,
                LintResult* result) {
  DiagnosticSink sink;
  PolicyReadOptions read;
  read.json.max_bytes = options.max_input_bytes;
  read.build.kind = options.kind;
  const std::string name(sources.name(id));
  if (!options.kind) {
    for (const KindRule& rule : options.kind_rules) {
      if (GlobMatches(rule.glob, name)) {
        read.build.kind = rule.kind;
        break;
      }
    }
  }
  LintedFile file;
  file.source = id;
  file.policy = ReadPolicy(sources, id, read, sink);
  const bool validator_errors = sink.has_errors();

  // Checks run after the validator, on every document it could build, in
  // registry (id) order.
  if (file.policy && options.run_checks) {
    CheckContext context;
    context.kind = file.policy->kind;
    context.catalog = options.catalog != nullptr ? options.catalog : &Catalog::BuiltIn();
    context.sources = &sources;
    context.source = id;
    context.attached_to = options.attached_to;
    context.valid = !validator_errors;
    // ANALYSIS SLOT: compute the shared PolicyAnalysis here (once per
    // document, only if an enabled check needs it) and set context.analysis.
    for (const Check* check : AllChecks()) {
      if (CheckEnabled(check->info(), options)) check->Run(context, *file.policy, sink);
    }
  }

  // Diagnostics the sink dropped past its cap still count, by severity.
  std::array<size_t, 3> dropped{};
  for (size_t s = 0; s < 3; ++s) dropped[s] = sink.count(static_cast<Severity>(s));
  for (const Diagnostic& d : sink.diagnostics()) --dropped[static_cast<size_t>(d.severity)];

  sink.Sort();  // one buffer: offset order is line:column order
  if (result->suppression_used.size() < options.suppressions.size()) {
    result->suppression_used.resize(options.suppressions.size(), false);
  }
  DiagnosticSink kept;
  for (Diagnostic& d : sink.Take()) {
    if (options.disable.count(d.code) != 0) continue;
    if (auto it = options.severity.find(d.code); it != options.severity.end()) {
      d.severity = it->second;
    }
    bool suppressed = false;
    for (size_t i = 0; i < options.suppressions.size(); ++i) {
      const Suppression& s = options.suppressions[i];
      if (s.check != d.code) continue;
      if (s.path && !GlobMatches(*s.path, name)) continue;
      if (s.sid) {
        const Statement* st = StatementAt(file.policy ? &*file.policy : nullptr, d.span);
        if (st == nullptr || !st->sid || st->sid->value != *s.sid) continue;
      }
      result->suppression_used[i] = true;
      suppressed = true;
    }
    if (suppressed) {
      ++result->suppressed;
      continue;
    }
    kept.Add(std::move(d));
  }
  result->files.push_back(std::move(file));
  result->errors += kept.count(Severity::kError) + dropped[0];
  result->warnings += kept.count(Severity::kWarning) + dropped[1];
  result->infos += kept.count(Severity::kInfo) + dropped[2];
  for (Diagnostic& d : kept.Take()) result->diagnostics.push_back(std::move(d));
}

void ReportUnusedSuppressions(const LintOptions& options, LintResult* result) {
  for (size_t i = 0; i < options.suppressions.size(); ++i) {
    if (i < result->suppression_used.size() && result->suppression_used[i]) continue;
    const Suppression& s = options.suppressions[i];
    if (options.disable.count(kUnusedSuppression) != 0) continue;
    Diagnostic d;
    d.code = std::string(kUnusedSuppression);
    d.severity = Severity::kInfo;
    if (auto it = options.severity.find(kUnusedSuppression); it != options.severity.end()) {
      d.severity = it->second;
    }
    d.span = s.span;
    d.message = "suppression of " + Quote(s.check) + " matched no finding";
    if (s.path) d.message += " in " + Quote(*s.path);
    if (s.sid) d.message += " with `Sid` " + Quote(*s.sid);
    d.notes.push_back("remove it if the finding is gone");
    switch (d.severity) {
      case Severity::kError: ++result->errors; break;
      case Severity::kWarning: ++result->warnings; break;
      case Severity::kInfo: ++result->infos; break;
    }
    result->diagnostics.push_back(std::move(d));
  }
}

void SortDiagnostics(const SourceManager& sources, std::vector<Diagnostic>* diagnostics) {
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     // Findings without a position (none yet from checks) go first.
                     LineColumn la = a.span.valid() ? sources.Begin(a.span) : LineColumn{};
                     LineColumn lb = b.span.valid() ? sources.Begin(b.span) : LineColumn{};
                     return std::make_tuple(a.span.valid(), a.span.source, la.line, la.column,
                                            a.code) <
                            std::make_tuple(b.span.valid(), b.span.source, lb.line, lb.column,
                                            b.code);
                   });
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
  ReportUnusedSuppressions(options, &result);
  SortDiagnostics(sources, &result.diagnostics);
  return result;
}

}  // namespace iamlint::lint
