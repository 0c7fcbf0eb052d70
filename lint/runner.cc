#include "lint/runner.h"

#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>

#include "engine/inputs/credential_report.h"
#include "engine/inputs/input_reader.h"
#include "engine/policy/policy_builder.h"
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

namespace {

// The checks whose findings on an AWS managed policy are the attaching
// entity's concern: what the policy lets it do. The policy's own quality
// (unknown or redundant actions, condition typing) is AWS's business.
bool IsReachCheck(std::string_view code) {
  static constexpr std::string_view kReach[] = {
      "assumerole-on-all",      "audit-tampering",
      "compute-abuse",          "credentials-exposure",
      "data-exfiltration",      "full-admin",
      "infrastructure-modification", "passrole-on-all",
      "permissions-management-on-all-resources", "privilege-escalation",
      "resource-exposure",      "s3-read-all-objects",
      "sensitive-actions-without-mfa", "sensitive-read-on-all",
      "service-wildcard-on-all-resources", "user-attached-policy",
      "user-leaked-key-reach",  "write-on-all-resources",
  };
  for (std::string_view id : kReach) {
    if (id == code) return true;
  }
  return false;
}

// What the checks are told about the entities a document is attached to.
void SetAttachment(const Inventory& inventory, const std::vector<uint32_t>& attached,
                   CheckContext* context) {
  for (uint32_t e : attached) {
    if (e < inventory.entities.size()) context->attached_entities.push_back(&inventory.entities[e]);
  }
  if (context->attached_entities.empty()) return;
  auto type_of = [](EntityType t) {
    switch (t) {
      case EntityType::kUser: return AttachedTo::kUser;
      case EntityType::kGroup: return AttachedTo::kGroup;
      case EntityType::kRole: return AttachedTo::kRole;
    }
    return AttachedTo::kUnknown;
  };
  context->attached_to = type_of(context->attached_entities.front()->type);
  for (const Entity* e : context->attached_entities) {
    if (e->type == EntityType::kUser) context->attached_to = AttachedTo::kUser;
  }
}

// One document's findings after --disable, severity overrides and
// suppressions.
struct DocumentFindings {
  std::vector<Diagnostic> kept;
  std::array<size_t, 3> dropped{};  // past the sink's cap, by severity
};

void ApplyOptions(const LintOptions& options, const std::string& name,
                  const PolicyDocument* policy, DiagnosticSink& sink, LintResult* result,
                  DocumentFindings* out) {
  for (size_t s = 0; s < 3; ++s) out->dropped[s] += sink.count(static_cast<Severity>(s));
  for (const Diagnostic& d : sink.diagnostics()) --out->dropped[static_cast<size_t>(d.severity)];
  if (result->suppression_used.size() < options.suppressions.size()) {
    result->suppression_used.resize(options.suppressions.size(), false);
  }
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
        const Statement* st = StatementAt(policy, d.span);
        if (st == nullptr || !st->sid || st->sid->value != *s.sid) continue;
      }
      result->suppression_used[i] = true;
      suppressed = true;
    }
    if (suppressed) {
      ++result->suppressed;
      continue;
    }
    out->kept.push_back(std::move(d));
  }
}

// Validator, then checks, of one document. Returns the policy (if built).
std::optional<PolicyDocument> CheckDocument(const SourceManager& sources, JsonValue root,
                                            const PolicyBuildOptions& build,
                                            CheckContext context, const LintOptions& options,
                                            DiagnosticSink& sink) {
  std::optional<PolicyDocument> policy = BuildPolicy(sources, root, build, sink);
  if (policy && options.run_checks) {
    context.kind = policy->kind;
    context.valid = !sink.has_errors();
    for (const Check* check : AllChecks()) {
      if (CheckEnabled(check->info(), options)) check->Run(context, *policy, sink);
    }
  }
  return policy;
}

// The span of the reference by which `entity` attaches policy `index`.
Span ReferenceSpan(const Entity& entity, uint32_t index, Span fallback) {
  for (const ManagedPolicyRef& ref : entity.managed_policies) {
    if (ref.policy == index) return ref.span;
  }
  if (entity.boundary && entity.boundary->policy == index) return entity.boundary->span;
  return fallback;
}

}  // namespace

void LintBuffer(SourceId id, const LintOptions& options, SourceManager& sources,
                LintResult* result) {
  const std::string name(sources.name(id));
  std::optional<PolicyKind> forced_kind = options.kind;
  if (!forced_kind) {
    for (const KindRule& rule : options.kind_rules) {
      if (GlobMatches(rule.glob, name)) {
        forced_kind = rule.kind;
        break;
      }
    }
  }

  Inventory inventory;
  InputReadOptions read;
  read.format = options.input_format;
  read.json.max_bytes = options.max_input_bytes;
  read.yaml.max_bytes = options.max_input_bytes;
  DiagnosticSink read_sink;
  ReadInventory(sources, id, read, &inventory, read_sink);
  if (!options.credentials.empty()) ApplyCredentialReport(options.credentials, &inventory);

  LintedFile file;
  file.source = id;
  file.format = inventory.format;
  file.entities = inventory.entities.size();
  DocumentFindings findings;
  ApplyOptions(options, name, nullptr, read_sink, result, &findings);

  CheckContext base;
  base.catalog = options.catalog != nullptr ? options.catalog : &Catalog::BuiltIn();
  base.sources = &sources;
  base.source = id;
  base.attached_to = options.attached_to;

  const bool plain = inventory.format == InputFormat::kPolicy;
  for (uint32_t k = 0; k < inventory.policies.size(); ++k) {
    const FoundPolicy& found = inventory.policies[k];
    PolicyBuildOptions build;
    build.kind = plain ? forced_kind : (found.kind ? found.kind : forced_kind);
    // Sizes count the JSON as AWS receives it: the file's own text for
    // policy files and JSON strings, the compact tree for templates and YAML.
    // (A snapshot's documents are indented by the CLI that wrote them; a
    // document inside a JSON string is exactly what AWS stores.)
    const SourceId doc_source = found.root.span().source;
    build.text_is_json =
        (plain || sources.Origin(doc_source) != doc_source) &&
        sources.text(doc_source).substr(found.root.span().begin, 1) == "{";
    ++file.documents;

    if (found.aws_managed) {
      // AWS's own policies are exempt from the customer size quotas.
      build.check_size = false;
      // The document is AWS's, not the user's: its own findings are not
      // theirs to fix, but what it grants the entity that attaches it is.
      // One finding per check, at each line that attaches it.
      // The findings depend on the entity only through its type, its
      // credentials and its name; the checks run once per (type, access
      // key, password) against a stand-in entity and the name is put in
      // afterwards, so a policy attached to 40,000 users is analysed once.
      struct Cached {
        EntityType type;
        Tristate access_key, password;
        std::vector<Diagnostic> findings;  // reach findings, name placeholder
      };
      std::vector<Cached> cache;
      static constexpr std::string_view kStandIn = "iamlint-entity-stand-in";
      const std::string quoted_stand_in = Quote(kStandIn);
      for (uint32_t e : found.attached) {
        if (e >= inventory.entities.size()) continue;
        const Entity& entity = inventory.entities[e];
        auto hit = std::find_if(cache.begin(), cache.end(), [&](const Cached& c) {
          return c.type == entity.type && c.access_key == entity.access_key &&
                 c.password == entity.password;
        });
        if (hit == cache.end()) {
          Entity stand_in;
          stand_in.type = entity.type;
          stand_in.name = std::string(kStandIn);
          stand_in.access_key = entity.access_key;
          stand_in.password = entity.password;
          stand_in.mfa = entity.mfa;
          CheckContext context = base;
          context.source = found.root.span().source;
          context.attached_entities = {&stand_in};
          context.attached_to = entity.type == EntityType::kUser    ? AttachedTo::kUser
                                : entity.type == EntityType::kGroup ? AttachedTo::kGroup
                                                                    : AttachedTo::kRole;
          DiagnosticSink sink;
          CheckDocument(sources, found.root, build, context, options, sink);
          std::vector<Diagnostic> all = sink.Take();
          // Full admin says it all: the other risk findings of the same
          // document (secrets, compute, escalation...) are implied by it.
          const bool full_admin = std::any_of(all.begin(), all.end(), [](const Diagnostic& d) {
            return d.code == "full-admin";
          });
          Cached c{entity.type, entity.access_key, entity.password, {}};
          std::vector<std::string> seen;
          for (const Diagnostic& d : all) {
            if (!IsReachCheck(d.code)) continue;
            if (full_admin && d.code != "full-admin" && d.code.rfind("user-", 0) != 0) continue;
            if (std::find(seen.begin(), seen.end(), d.code) != seen.end()) continue;
            seen.push_back(d.code);
            size_t more = static_cast<size_t>(
                std::count_if(all.begin(), all.end(),
                              [&](const Diagnostic& o) { return o.code == d.code; })) - 1;
            Diagnostic r;
            r.code = d.code;
            r.severity = d.severity;
            r.message = "AWS managed policy " + Quote(found.name) + ": " + d.message;
            r.notes = d.notes;
            if (more > 0) {
              r.notes.push_back(std::to_string(more) + " more " +
                                (more == 1 ? "finding" : "findings") + " of this check in the policy");
            }
            c.findings.push_back(std::move(r));
          }
          cache.push_back(std::move(c));
          hit = cache.end() - 1;
        }
        const std::string quoted_name = Quote(entity.name);
        auto put_name = [&](std::string text) {
          for (size_t at = text.find(quoted_stand_in); at != std::string::npos;
               at = text.find(quoted_stand_in, at + quoted_name.size())) {
            text.replace(at, quoted_stand_in.size(), quoted_name);
          }
          return text;
        };
        DiagnosticSink rehomed;
        for (const Diagnostic& d : hit->findings) {
          Diagnostic r = d;
          r.span = ReferenceSpan(entity, k, found.anchor);
          r.message = put_name(r.message);
          for (std::string& note : r.notes) note = put_name(note);
          r.where = entity.where.empty()
                        ? std::string(EntityTypeName(entity.type)) + " " + entity.name
                        : entity.where;
          rehomed.Add(std::move(r));
        }
        ApplyOptions(options, name, nullptr, rehomed, result, &findings);
      }
      continue;
    }

    CheckContext context = base;
    context.source = found.root.span().source;
    SetAttachment(inventory, found.attached, &context);
    DiagnosticSink sink;
    std::optional<PolicyDocument> policy =
        CheckDocument(sources, found.root, build, context, options, sink);
    if (!found.where.empty()) {
      // The sink is moved out below; tag each finding with its place.
      std::vector<Diagnostic> tagged = sink.Take();
      DiagnosticSink again;
      for (Diagnostic& d : tagged) {
        d.where = found.where;
        again.Add(std::move(d));
      }
      ApplyOptions(options, name, policy ? &*policy : nullptr, again, result, &findings);
    } else {
      ApplyOptions(options, name, policy ? &*policy : nullptr, sink, result, &findings);
    }
    if (plain) file.policy = std::move(policy);
  }

  // A document read under both Fn::If branches reports a shared finding once.
  std::vector<Diagnostic>& kept = findings.kept;
  std::stable_sort(kept.begin(), kept.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    uint32_t oa = a.span.valid() ? sources.OriginOffset(a.span.source, a.span.begin) : 0;
    uint32_t ob = b.span.valid() ? sources.OriginOffset(b.span.source, b.span.begin) : 0;
    return std::make_tuple(a.span.valid(), oa, a.code) < std::make_tuple(b.span.valid(), ob, b.code);
  });
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.code == b.code && a.span.source == b.span.source && a.span.begin == b.span.begin &&
           a.span.end == b.span.end && a.message == b.message && a.where == b.where;
  };
  kept.erase(std::unique(kept.begin(), kept.end(), same), kept.end());
  // At most DiagnosticSink::kDefaultCap findings per file are kept (a
  // snapshot of 40,000 users can have a million); the rest still count.
  if (kept.size() > DiagnosticSink::kDefaultCap) {
    for (size_t i = DiagnosticSink::kDefaultCap; i < kept.size(); ++i) {
      ++findings.dropped[static_cast<size_t>(kept[i].severity)];
    }
    kept.resize(DiagnosticSink::kDefaultCap);
  }

  result->files.push_back(std::move(file));
  for (const Diagnostic& d : kept) {
    switch (d.severity) {
      case Severity::kError: ++result->errors; break;
      case Severity::kWarning: ++result->warnings; break;
      case Severity::kInfo: ++result->infos; break;
    }
  }
  result->errors += findings.dropped[0];
  result->warnings += findings.dropped[1];
  result->infos += findings.dropped[2];
  for (Diagnostic& d : kept) result->diagnostics.push_back(std::move(d));
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
                     SourceId sa = a.span.valid() ? sources.Origin(a.span.source) : kNoSource;
                     SourceId sb = b.span.valid() ? sources.Origin(b.span.source) : kNoSource;
                     return std::make_tuple(a.span.valid(), sa, la.line, la.column, a.code) <
                            std::make_tuple(b.span.valid(), sb, lb.line, lb.column, b.code);
                   });
}

LintResult RunLint(const std::vector<std::string>& paths, const LintOptions& options,
                   SourceManager& sources,
                   const std::function<void(size_t done, size_t total)>& on_file) {
  LintResult result;
  size_t done = 0;
  for (const std::string& path : paths) {
    std::string bytes, error;
    if (ReadInput(path, options.max_input_bytes, &bytes, &error)) {
      SourceId id = sources.AddBuffer(path == "-" ? kStdinName : path, std::move(bytes));
      LintBuffer(id, options, sources, &result);
    } else {
      result.unreadable.push_back({path == "-" ? kStdinName : path, error});
    }
    if (on_file) on_file(++done, paths.size());
  }
  ReportUnusedSuppressions(options, &result);
  SortDiagnostics(sources, &result.diagnostics);
  return result;
}

}  // namespace iamlint::lint
