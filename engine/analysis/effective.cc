#include "engine/analysis/effective.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "engine/analysis/prepared_policy.h"
#include "engine/base/ascii.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/condition_eval.h"
#include "engine/eval/request.h"

namespace iamlint {
namespace {

enum class Tri : uint8_t { kFalse, kTrue, kUnknown };
enum class Scope : uint8_t { kNone, kSome, kAll };

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// One usable statement whose conditions the context does not make false.
struct StatementInfo {
  StatementLoc loc;
  PolicyRole role = PolicyRole::kGrant;
  int level = 0;
  const PreparedStatement* prepared = nullptr;
  Tri condition = Tri::kTrue;
  std::vector<GrantCondition> unknown;  // the undecided entries
};

// A Resource pattern in a grant, as a reference into the prepared
// statement; turned into text only for grants that keep details.
struct ResourceRef {
  enum class Form : uint8_t { kIs, kExcept, kOnly };
  const PreparedPattern* pattern = nullptr;
  Form form = Form::kIs;
  bool operator==(const ResourceRef& o) const {
    return form == o.form && pattern->text == o.pattern->text;
  }
  std::string Text() const {
    switch (form) {
      case Form::kIs: return pattern->text;
      case Form::kExcept: return "everything except `" + pattern->text + "`";
      case Form::kOnly: return "only `" + pattern->text + "`";
    }
    return pattern->text;
  }
};

bool Intersects(const std::vector<ResourceTypeId>& types, std::span<const ResourceLink> links) {
  for (const ResourceLink& link : links) {
    if (std::binary_search(types.begin(), types.end(), link.type)) return true;
  }
  return false;
}

// The scope of a statement's Resource/NotResource for one action; `out`
// receives the patterns (kSome only).
Scope ScopeFor(const Catalog& catalog, const PreparedStatement& s, ActionId action,
               bool reference, std::vector<ResourceRef>* out) {
  if (!s.has_resource) return Scope::kAll;
  std::span<const ResourceLink> links = catalog.ResourceTypesOf(action);
  auto covers_all = [&](const PreparedPattern& p) {
    return reference ? PatternCoversAllReference(catalog, action, p.text)
                     : PatternCoversAll(catalog, action, p);
  };
  if (!s.not_resource) {
    if (s.any_star) return Scope::kAll;
    if (catalog.TakesNoResource(action)) return Scope::kNone;
    bool any = false;
    for (const PreparedPattern& p : s.patterns) {
      if (!Intersects(p.types, links)) continue;
      if (covers_all(p)) return Scope::kAll;
      any = true;
      if (out) out->push_back({&p, ResourceRef::Form::kIs});
    }
    return any ? Scope::kSome : Scope::kNone;
  }
  // NotResource: everything except the listed patterns.
  if (s.any_star) return Scope::kNone;
  bool any = false;
  for (const PreparedPattern& p : s.patterns) {
    if (catalog.TakesNoResource(action) || !Intersects(p.types, links)) continue;
    if (covers_all(p)) return Scope::kNone;
    any = true;
    if (out) out->push_back({&p, ResourceRef::Form::kExcept});
  }
  return any ? Scope::kSome : Scope::kAll;
}

Tri EvaluateEntry(const CompiledCondition& c, const Request& known,
                  const PartialContext& context) {
  for (const CompiledConditionValue& v : c.values) {
    if (v.has_variables) return Tri::kUnknown;
  }
  bool decided = context.closed || known.Find(c.key) != nullptr;
  if (!decided) {
    for (const std::string& a : context.absent) {
      if (EqualsIgnoreAsciiCase(a, c.key)) {
        decided = true;
        break;
      }
    }
  }
  if (!decided) return Tri::kUnknown;
  return EvaluateCondition(c, known, nullptr) ? Tri::kTrue : Tri::kFalse;
}

// What one gate (grant, boundary, one SCP level) allows an action. The
// vectors are reused from action to action (cleared, never freed).
struct Gate {
  GrantLevel level = GrantLevel::kNever;
  std::vector<ResourceRef> resources;
  std::vector<const GrantCondition*> conditions;
  std::vector<StatementLoc> decisive;
  void Reset() {
    level = GrantLevel::kNever;
    resources.clear();
    conditions.clear();
    decisive.clear();
  }
};

void AddUnique(std::vector<ResourceRef>* to, const std::vector<ResourceRef>& from) {
  for (const ResourceRef& r : from) {
    if (std::find(to->begin(), to->end(), r) == to->end()) to->push_back(r);
  }
}

void AddConditions(std::vector<const GrantCondition*>* to, const std::vector<GrantCondition>& from) {
  for (const GrantCondition& c : from) to->push_back(&c);
}

}  // namespace

PartialContext PartialContext::LeakedAccessKey() {
  PartialContext c;
  c.absent = {"aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:CalledVia",
              "aws:CalledViaFirst", "aws:CalledViaLast", "aws:FederatedProvider"};
  c.present = {{"aws:ViaAWSService", {"false"}, false},
               {"aws:PrincipalIsAWSService", {"false"}, false}};
  return c;
}

std::string_view GrantLevelName(GrantLevel level) {
  switch (level) {
    case GrantLevel::kNever: return "never";
    case GrantLevel::kConditional: return "conditional";
    case GrantLevel::kSomeResources: return "some";
    case GrantLevel::kAllResources: return "all";
  }
  return "never";
}

std::string DescribeCondition(const GrantCondition& c) {
  std::string key = Lower(c.key);
  std::string op = c.op;
  std::string base_op = op;
  if (size_t colon = base_op.find(':'); colon != std::string::npos) base_op = base_op.substr(colon + 1);
  if (base_op.size() > 8 && base_op.ends_with("IfExists")) base_op.resize(base_op.size() - 8);
  auto join = [&](const std::vector<std::string>& values) {
    std::string out;
    size_t n = std::min<size_t>(values.size(), 3);
    for (size_t i = 0; i < n; ++i) {
      if (i) out += ", ";
      out += values[i];
    }
    if (values.size() > n) out += ", ...";
    return out;
  };
  bool value_true = !c.values.empty() && Lower(c.values[0]) == "true";
  if (key == "aws:multifactorauthpresent" && (base_op == "Bool" || base_op == "Null")) {
    // Bool true / Null false: MFA required. A Deny's condition inverts.
    bool needs_mfa = base_op == "Bool" ? value_true : !value_true;
    if (c.from_deny) needs_mfa = !needs_mfa;
    return needs_mfa ? "with MFA" : "without MFA";
  }
  if (key == "aws:sourceip" && (base_op == "IpAddress" || base_op == "NotIpAddress")) {
    bool from = base_op == "IpAddress";
    if (c.from_deny) from = !from;
    return std::string(from ? "from " : "not from ") + join(c.values);
  }
  if ((key == "aws:sourcevpce" || key == "aws:sourcevpc") &&
      (base_op == "StringEquals" || base_op == "StringNotEquals")) {
    bool through = base_op == "StringEquals";
    if (c.from_deny) through = !through;
    std::string what = key == "aws:sourcevpce" ? "VPC endpoint " : "VPC ";
    return std::string(through ? "through " : "not through ") + what + join(c.values);
  }
  std::string text = "`" + c.key + "` " + op + " `" + join(c.values) + "`";
  return c.from_deny ? "unless " + text : "when " + text;
}

const ActionGrant* GrantSet::Find(ActionId action) const {
  auto it = std::lower_bound(grants_.begin(), grants_.end(), action,
                             [](const ActionGrant& g, ActionId a) { return g.action < a; });
  return it != grants_.end() && it->action == action ? &*it : nullptr;
}

GrantLevel GrantSet::LevelOf(ActionId action) const {
  auto it = std::upper_bound(levels_.begin(), levels_.end(), action,
                             [](ActionId a, const GrantLevelRun& r) { return a < r.end; });
  return it != levels_.end() && it->begin <= action ? it->level : GrantLevel::kNever;
}

GrantLevel GrantSet::LevelOf(const Catalog& catalog, std::string_view action) const {
  std::optional<ActionId> id = catalog.FindAction(action);
  return id ? LevelOf(*id) : GrantLevel::kNever;
}

GrantSet AnalyzeGrants(const Catalog& catalog, const PolicyDocument& policy,
                       const AnalysisOptions& options) {
  return AnalyzeGrants(catalog, {AnalyzedPolicy{&policy, PolicyRole::kGrant, 0}}, options);
}

GrantSet AnalyzeGrants(const Catalog& catalog, const std::vector<AnalyzedPolicy>& policies,
                       const AnalysisOptions& options) {
  Request known;
  for (const PartialContext::Entry& e : options.context.present) {
    known.AddContext(e.key, e.values, e.is_list);
  }
  known.Finish();

  // 0. Each document prepared (given by the caller, or here).
  std::vector<std::unique_ptr<const PreparedPolicy>> made;
  std::vector<const PreparedPolicy*> prepared(policies.size());
  for (size_t p = 0; p < policies.size(); ++p) {
    const PreparedPolicy* given = policies[p].prepared;
    if (given != nullptr && &given->document() == policies[p].document &&
        &given->catalog() == &catalog && given->reference() == options.reference_path) {
      prepared[p] = given;
    } else {
      made.push_back(PreparedPolicy::Prepare(catalog, *policies[p].document, options.reference_path));
      prepared[p] = made.back().get();
    }
  }

  // 1. Per statement: conditions, three-valued.
  std::vector<StatementInfo> infos;
  for (uint32_t p = 0; p < policies.size(); ++p) {
    const AnalyzedPolicy& ap = policies[p];
    for (const PreparedStatement& ps : prepared[p]->statements()) {
      if (ps.actions.empty()) continue;
      const Statement& st = ap.document->statements[ps.index];
      StatementInfo info;
      info.loc = {p, ps.index};
      info.role = ap.role;
      info.level = ap.level;
      info.prepared = &ps;
      for (const CompiledCondition& c : ps.conditions) {
        Tri t = EvaluateEntry(c, known, options.context);
        if (t == Tri::kFalse) {
          info.condition = Tri::kFalse;
          break;
        }
        if (t == Tri::kUnknown) {
          info.condition = Tri::kUnknown;
          GrantCondition g;
          g.where = info.loc;
          g.entry = c.entry;
          const ConditionEntry& entry = st.conditions[c.entry];
          g.op = entry.op ? OperatorName(*entry.op) : entry.operator_text.value;
          g.key = entry.key.value;
          for (const LocatedString& v : entry.values) g.values.push_back(v.value);
          g.from_deny = ps.effect == Effect::kDeny;
          info.unknown.push_back(std::move(g));
        }
      }
      if (info.condition == Tri::kFalse) continue;
      infos.push_back(std::move(info));
    }
  }

  bool has_boundary = false;
  int scp_levels = 0;
  for (const AnalyzedPolicy& ap : policies) {
    if (ap.role == PolicyRole::kBoundary) has_boundary = true;
    if (ap.role == PolicyRole::kScp) scp_levels = std::max(scp_levels, ap.level + 1);
  }

  // 2. Per action: gates, then denies. The grant is built in scratch
  // vectors and stored with its details only when asked.
  const std::vector<ActionId>* detail = options.detail_actions;
  GrantSet result;
  std::vector<ResourceRef> patterns;
  // Gates: 0 grants, 1 the boundary, 2 direct grants, 3... SCP levels.
  std::vector<Gate> gates(3 + static_cast<size_t>(scp_levels));
  Gate grant;  // the combined grant (decisive, resources, conditions)
  std::vector<StatementLoc> limiting;
  // The grant of `action`, whose statements are infos[active[...]], into
  // `grant` and `limiting`; false when no grant-role Allow matches it.
  auto evaluate = [&](ActionId action, const std::vector<uint32_t>& active) -> bool {
    bool granted_somewhere = false;
    for (uint32_t k : active) {
      const StatementInfo& s = infos[k];
      if ((s.role == PolicyRole::kGrant || s.role == PolicyRole::kDirectGrant) &&
          s.prepared->effect == Effect::kAllow) {
        granted_somewhere = true;
      }
    }
    if (!granted_somewhere) return false;
    for (Gate& g : gates) g.Reset();
    for (uint32_t k : active) {
      const StatementInfo& s = infos[k];
      if (s.prepared->effect != Effect::kAllow) continue;
      size_t gi = s.role == PolicyRole::kGrant         ? 0
                  : s.role == PolicyRole::kBoundary    ? 1
                  : s.role == PolicyRole::kDirectGrant ? 2
                                                       : 3 + static_cast<size_t>(s.level);
      Gate& g = gates[gi];
      patterns.clear();
      Scope scope = ScopeFor(catalog, *s.prepared, action, options.reference_path, &patterns);
      if (scope == Scope::kNone) continue;
      GrantLevel level = s.condition == Tri::kUnknown ? GrantLevel::kConditional
                         : scope == Scope::kAll       ? GrantLevel::kAllResources
                                                      : GrantLevel::kSomeResources;
      if (level > g.level) {
        g.Reset();
        g.level = level;
      }
      if (level == g.level) {
        g.decisive.push_back(s.loc);
        if (level == GrantLevel::kSomeResources) AddUnique(&g.resources, patterns);
        if (level == GrantLevel::kConditional) {
          AddConditions(&g.conditions, s.unknown);
          if (scope == Scope::kSome) AddUnique(&g.resources, patterns);
        }
      }
    }
    grant.level = gates[0].level;
    grant.decisive.assign(gates[0].decisive.begin(), gates[0].decisive.end());
    grant.resources.assign(gates[0].resources.begin(), gates[0].resources.end());
    grant.conditions.assign(gates[0].conditions.begin(), gates[0].conditions.end());
    limiting.clear();
    for (size_t gi = 1; gi < gates.size(); ++gi) {
      if (gi == 1 && !has_boundary) continue;
      const Gate& g = gates[gi];
      if (gi == 2) {
        // A resource policy naming the caller directly grants whatever the
        // identity policies and the boundary say (SCPs still cap it).
        if (g.level > grant.level) {
          grant.level = g.level;
          grant.decisive.assign(g.decisive.begin(), g.decisive.end());
          grant.resources.assign(g.resources.begin(), g.resources.end());
          grant.conditions.assign(g.conditions.begin(), g.conditions.end());
        } else if (g.level == grant.level && g.level != GrantLevel::kNever) {
          grant.decisive.insert(grant.decisive.end(), g.decisive.begin(), g.decisive.end());
          AddUnique(&grant.resources, g.resources);
          grant.conditions.insert(grant.conditions.end(), g.conditions.begin(), g.conditions.end());
        }
        continue;
      }
      if (g.level < grant.level) {
        grant.level = g.level;
        if (g.level == GrantLevel::kSomeResources) {
          grant.resources.assign(g.resources.begin(), g.resources.end());
        }
      }
      if (g.level == GrantLevel::kConditional) {
        grant.conditions.insert(grant.conditions.end(), g.conditions.begin(), g.conditions.end());
      }
    }
    if (grant.level == GrantLevel::kNever) grant.decisive.clear();
    // Denies of every policy.
    for (uint32_t k : active) {
      if (grant.level == GrantLevel::kNever) break;
      const StatementInfo& s = infos[k];
      if (s.prepared->effect != Effect::kDeny) continue;
      patterns.clear();
      Scope scope = ScopeFor(catalog, *s.prepared, action, options.reference_path, &patterns);
      if (scope == Scope::kNone) continue;
      if (s.condition == Tri::kTrue && scope == Scope::kAll) {
        grant.level = GrantLevel::kNever;
        grant.decisive.assign(1, s.loc);
        grant.resources.clear();
        grant.conditions.clear();
        break;
      }
      limiting.push_back(s.loc);
      if (s.condition == Tri::kUnknown) {
        grant.level = std::min(grant.level, GrantLevel::kConditional);
        AddConditions(&grant.conditions, s.unknown);
      } else {
        if (grant.level == GrantLevel::kAllResources) grant.level = GrantLevel::kSomeResources;
        for (const ResourceRef& r : patterns) {
          // An Allow-side pattern `X` denied: everything except X; a
          // NotResource Deny (everything except X denied): only X.
          grant.resources.push_back(
              {r.pattern, s.prepared->not_resource ? ResourceRef::Form::kOnly
                                                   : ResourceRef::Form::kExcept});
        }
      }
    }
    return true;
  };
  // Emits the grant just evaluated for actions [begin, end).
  auto emit = [&](ActionId begin, ActionId end) {
    const bool limited = !grant.resources.empty();
    std::vector<GrantLevelRun>& runs = result.levels_;
    if (!runs.empty() && runs.back().end == begin && runs.back().level == grant.level &&
        runs.back().resources_limited == limited) {
      runs.back().end = end;
    } else {
      runs.push_back({begin, end, grant.level, limited});
    }
    auto add = [&](ActionId action) {
      ActionGrant& out = result.grants_.emplace_back();
      out.action = action;
      out.level = grant.level;
      out.resources_limited = limited;
      out.decisive = grant.decisive;
      out.limiting_denies = limiting;
      out.resources.reserve(grant.resources.size());
      for (const ResourceRef& r : grant.resources) out.resources.push_back(r.Text());
      out.conditions.reserve(grant.conditions.size());
      for (const GrantCondition* c : grant.conditions) out.conditions.push_back(*c);
    };
    if (detail == nullptr) {
      for (ActionId action = begin; action < end; ++action) add(action);
    } else {
      for (auto it = std::lower_bound(detail->begin(), detail->end(), begin);
           it != detail->end() && *it < end; ++it) {
        add(*it);
      }
    }
  };

  // A sweep over the action ids: statements enter and leave the active set
  // at the ends of their runs, so between two consecutive ends the same
  // statements apply. When none of their scopes depends on the action (no
  // Resource, or `*`), every action of the segment gets the same grant and
  // is evaluated once (an admin policy: one segment per run instead of
  // 22,000 actions); otherwise each action is evaluated. The reference
  // path evaluates every action.
  struct Event {
    ActionId at;
    bool enter;
    uint32_t statement;
  };
  std::vector<Event> events;
  for (uint32_t k = 0; k < infos.size(); ++k) {
    for (const ActionRun& run : infos[k].prepared->actions) {
      events.push_back({run.begin, true, k});
      events.push_back({run.end, false, k});
    }
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.at != b.at ? a.at < b.at : a.enter < b.enter;  // leave before enter
  });
  if (detail == nullptr) {
    // Every covered action gets an ActionGrant: reserve for all of them.
    size_t covered = 0;
    int open_runs = 0;
    for (size_t e = 0; e < events.size(); ++e) {
      if (open_runs > 0 && e > 0) covered += events[e].at - events[e - 1].at;
      open_runs += events[e].enter ? 1 : -1;
    }
    result.grants_.reserve(covered);
  }
  std::vector<uint32_t> active;  // ascending statement indexes (statement order)
  for (size_t e = 0; e < events.size();) {
    const ActionId at = events[e].at;
    for (; e < events.size() && events[e].at == at; ++e) {
      const uint32_t k = events[e].statement;
      auto pos = std::lower_bound(active.begin(), active.end(), k);
      if (events[e].enter) {
        active.insert(pos, k);
      } else {
        active.erase(pos);
      }
    }
    if (active.empty() || e == events.size()) continue;
    const ActionId end = events[e].at;
    bool uniform = !options.reference_path;
    for (uint32_t k : active) {
      const PreparedStatement& ps = *infos[k].prepared;
      if (ps.has_resource && !ps.any_star) uniform = false;
    }
    if (uniform) {
      if (evaluate(at, active)) emit(at, end);
    } else {
      for (ActionId action = at; action < end; ++action) {
        if (evaluate(action, active)) emit(action, action + 1);
      }
    }
  }
  return result;
}

}  // namespace iamlint
