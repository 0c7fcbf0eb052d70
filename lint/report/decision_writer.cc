#include "lint/report/decision_writer.h"

#include "engine/json/json_writer.h"
#include "lint/report/snippet.h"

namespace iamlint::lint {

namespace {

std::string Position(const SourceManager& sources, const Span& span) {
  if (!span.valid()) return "";
  LineColumn at = sources.Begin(span);
  return std::string(sources.name(span.source)) + ":" + std::to_string(at.line) + ":" +
         std::to_string(at.column);
}

const Statement* StatementOf(const PolicyBundle& bundle, const StatementRef& ref) {
  const CompiledPolicy* policy = PolicyOf(bundle, ref);
  if (policy == nullptr) return nullptr;
  const auto& statements = policy->document().statements;
  return ref.statement < statements.size() ? &statements[ref.statement] : nullptr;
}

// The statement's Sid as a string, or its index as a number when it has none.
void WriteStatementId(JsonWriter& w, const PolicyBundle& bundle, const StatementRef& ref) {
  const Statement* st = StatementOf(bundle, ref);
  if (st && st->sid && !st->sid->value.empty()) {
    w.String(st->sid->value);
  } else {
    w.Int(ref.statement);
  }
}

}  // namespace

std::string StatementLabel(const PolicyBundle& bundle, const StatementRef& ref) {
  const Statement* st = StatementOf(bundle, ref);
  return st ? st->Label() : std::to_string(ref.statement);
}

std::string GateSentence(Gate gate) {
  switch (gate) {
    case Gate::kNone:
      return "";
    case Gate::kScp:
      return "implicitly denied: a service control policy level has no applicable Allow";
    case Gate::kRcp:
      return "implicitly denied: a resource control policy level has no applicable Allow";
    case Gate::kResource:
      return "implicitly denied: no resource-based policy allows it";
    case Gate::kIdentity:
      return "implicitly denied: no identity-based policy allows it";
    case Gate::kBoundary:
      return "implicitly denied: the permissions boundary does not allow it";
    case Gate::kSession:
      return "implicitly denied: the session policy does not allow it";
  }
  return "";
}

std::string DecisionToJson(const SourceManager& sources, const DecisionView& view) {
  JsonWriter w;
  const Decision& d = *view.decision;
  w.BeginObject();
  w.Key("id");
  w.String(view.id);
  w.Key("decision");
  w.String(DecisionKindName(d.kind));
  w.Key("decisive");
  w.BeginArray();
  for (const StatementRef& ref : d.decisive) {
    w.BeginObject();
    w.Key("policy");
    w.String(SlotName(ref));
    w.Key("statement");
    WriteStatementId(w, *view.bundle, ref);
    w.EndObject();
  }
  w.EndArray();
  if (d.kind == DecisionKind::kImplicitDeny && d.gate != Gate::kNone) {
    w.Key("gate");
    w.String(GateName(d.gate));
  }
  if (view.expect) {
    w.Key("expected");
    w.String(DecisionKindName(*view.expect));
    w.Key("pass");
    w.Bool(*view.expect == d.kind);
  }
  if (view.trace != nullptr) {
    w.Key("explain");
    w.BeginArray();
    for (const StatementTrace& t : view.trace->statements) {
      w.BeginObject();
      w.Key("policy");
      w.String(SlotName(t.ref));
      w.Key("statement");
      WriteStatementId(w, *view.bundle, t.ref);
      if (const Statement* st = StatementOf(*view.bundle, t.ref)) {
        w.Key("at");
        w.String(Position(sources, st->span));
      }
      w.Key("applied");
      w.Bool(t.applied);
      if (!t.applied) {
        w.Key("reason");
        w.String(MissReasonName(t.reason));
        w.Key("detail");
        w.String(t.detail);
      }
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return std::string(w.text());
}

std::string DecisionToText(const SourceManager& sources, const DecisionView& view) {
  const Decision& d = *view.decision;
  std::string out = std::string(DecisionKindName(d.kind));
  if (d.kind == DecisionKind::kImplicitDeny) out += " (" + GateSentence(d.gate) + ")";
  out += "\n";
  for (const StatementRef& ref : d.decisive) {
    const Statement* st = StatementOf(*view.bundle, ref);
    out += "  " + SlotName(ref) + " statement " + SanitizeForTerminal(StatementLabel(*view.bundle, ref));
    if (st) out += " at " + SanitizeForTerminal(Position(sources, st->span));
    out += "\n";
  }
  if (view.trace != nullptr) {
    out += "explanation:\n";
    for (const StatementTrace& t : view.trace->statements) {
      const Statement* st = StatementOf(*view.bundle, t.ref);
      out += "  " + SlotName(t.ref) + " statement " +
             SanitizeForTerminal(StatementLabel(*view.bundle, t.ref));
      if (st) out += " at " + SanitizeForTerminal(Position(sources, st->span));
      if (t.applied) {
        out += ": applies";
        if (st && st->effect) out += st->effect->value == Effect::kAllow ? " (Allow)" : " (Deny)";
      } else {
        out += ": does not apply (" + std::string(MissReasonName(t.reason)) + ": " +
               SanitizeForTerminal(t.detail) + ")";
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace iamlint::lint
