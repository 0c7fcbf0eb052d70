#include "engine/analysis/effective.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "engine/eval/compiled_policy.h"
#include "engine/eval/condition_eval.h"
#include "engine/eval/request.h"
#include "engine/match/wildcard_reference.h"

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

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && Lower(a) == Lower(b);
}

std::vector<std::string_view> SplitColons(std::string_view s, size_t max_fields) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < max_fields) {
    size_t c = s.find(':');
    if (c == std::string_view::npos) break;
    out.push_back(s.substr(0, c));
    s.remove_prefix(c + 1);
  }
  out.push_back(s);
  return out;
}

struct PatternInfo {
  std::string text;
  std::vector<ResourceTypeId> types;  // sorted
  bool star = false;                  // "*"
};

struct StatementInfo {
  StatementLoc loc;
  PolicyRole role = PolicyRole::kGrant;
  int level = 0;
  Effect effect = Effect::kAllow;
  Tri condition = Tri::kTrue;
  std::vector<GrantCondition> unknown;  // the undecided entries
  bool has_resource = false;
  bool not_resource = false;
  bool any_star = false;
  std::vector<PatternInfo> patterns;
};

// Expand() as the evaluator matches: a wildcard in the service prefix
// (`*:Get*`) matches nothing (semantics E7); only `*` alone is every action.
std::vector<ActionId> ExpandAction(const Catalog& catalog, std::string_view pattern,
                                   bool use_expand) {
  size_t colon = pattern.find(':');
  if (pattern != "*" && (colon == std::string_view::npos ||
                         pattern.substr(0, colon).find_first_of("*?") != std::string_view::npos)) {
    return {};
  }
  if (use_expand) return catalog.Expand(pattern);
  std::vector<ActionId> out;
  std::string lowered = Lower(pattern);
  for (ActionId id = 0; id < catalog.action_count(); ++id) {
    if (WildcardMatchReference(lowered, Lower(catalog.FullName(id)))) out.push_back(id);
  }
  return out;
}

bool Intersects(const std::vector<ResourceTypeId>& types, std::span<const ResourceLink> links) {
  for (const ResourceLink& link : links) {
    if (std::binary_search(types.begin(), types.end(), link.type)) return true;
  }
  return false;
}

// A specific pattern that still names every resource of the action's types:
// `arn:aws:s3:::*`, `arn:*:iam::*:role/*`, `arn:aws:ec2:*:*:instance/*`.
// Heuristic (documented in the header): partition `aws`/`*`, service the
// action's or `*`, region and account `*` or empty, and a resource field
// that is `*`-only or `<type name>/` followed by `*`-only text.
bool CoversAll(const Catalog& catalog, ActionId action, std::string_view pattern) {
  std::vector<std::string_view> f = SplitColons(pattern, 6);
  if (f.size() < 6) return pattern == "arn:*";
  if (!EqualsIgnoreCase(f[0], "arn")) return false;
  if (f[1] != "*" && f[1] != "aws") return false;
  if (f[2] != "*" && !EqualsIgnoreCase(f[2], catalog.service_prefix(catalog.action_service(action))))
    return false;
  for (size_t i : {size_t{3}, size_t{4}}) {
    if (!f[i].empty() && f[i] != "*") return false;
  }
  std::string_view rest = f[5];
  auto only_stars = [](std::string_view t) {
    return !t.empty() && t.find_first_not_of("*/") == std::string_view::npos && t[0] == '*';
  };
  if (only_stars(rest)) return true;
  size_t sep = rest.find_first_of("/:");
  if (sep == std::string_view::npos) return false;
  std::string_view type = rest.substr(0, sep);
  if (!only_stars(rest.substr(sep + 1))) return false;
  for (const ResourceLink& link : catalog.ResourceTypesOf(action)) {
    if (EqualsIgnoreCase(catalog.resource_type_name(link.type), type)) return true;
  }
  return false;
}

// The scope of a statement's Resource/NotResource for one action; `out`
// receives the patterns (kSome only).
Scope ScopeFor(const Catalog& catalog, const StatementInfo& s, ActionId action,
               std::vector<std::string>* out) {
  if (!s.has_resource) return Scope::kAll;
  std::span<const ResourceLink> links = catalog.ResourceTypesOf(action);
  if (!s.not_resource) {
    if (s.any_star) return Scope::kAll;
    if (catalog.TakesNoResource(action)) return Scope::kNone;
    bool any = false;
    for (const PatternInfo& p : s.patterns) {
      if (!Intersects(p.types, links)) continue;
      if (CoversAll(catalog, action, p.text)) return Scope::kAll;
      any = true;
      if (out) out->push_back(p.text);
    }
    return any ? Scope::kSome : Scope::kNone;
  }
  // NotResource: everything except the listed patterns.
  if (s.any_star) return Scope::kNone;
  bool any = false;
  for (const PatternInfo& p : s.patterns) {
    if (catalog.TakesNoResource(action) || !Intersects(p.types, links)) continue;
    if (CoversAll(catalog, action, p.text)) return Scope::kNone;
    any = true;
    if (out) out->push_back("everything except `" + p.text + "`");
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
      if (EqualsIgnoreCase(a, c.key)) {
        decided = true;
        break;
      }
    }
  }
  if (!decided) return Tri::kUnknown;
  return EvaluateCondition(c, known, nullptr) ? Tri::kTrue : Tri::kFalse;
}

struct Gate {
  GrantLevel level = GrantLevel::kNever;
  std::vector<std::string> resources;
  std::vector<GrantCondition> conditions;
  std::vector<StatementLoc> decisive;
};

void AddUnique(std::vector<std::string>* to, const std::vector<std::string>& from) {
  for (const std::string& s : from) {
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
  }
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
  const ActionGrant* g = Find(action);
  return g ? g->level : GrantLevel::kNever;
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

  // 1. Per statement: conditions (three-valued), resource patterns, actions.
  std::vector<StatementInfo> infos;
  std::vector<std::pair<ActionId, uint32_t>> matches;  // (action, info index)
  std::vector<uint8_t> mark;
  for (uint32_t p = 0; p < policies.size(); ++p) {
    const AnalyzedPolicy& ap = policies[p];
    // A non-owning shared_ptr: the document outlives this call.
    std::shared_ptr<const PolicyDocument> doc(std::shared_ptr<const PolicyDocument>(), ap.document);
    std::shared_ptr<const CompiledPolicy> compiled = CompiledPolicy::Compile(doc);
    for (const CompiledStatement& cs : compiled->statements()) {
      if (!cs.usable) continue;
      const Statement& st = ap.document->statements[cs.index];
      StatementInfo info;
      info.loc = {p, cs.index};
      info.role = ap.role;
      info.level = ap.level;
      info.effect = cs.effect;
      for (const CompiledCondition& c : cs.conditions) {
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
          g.from_deny = cs.effect == Effect::kDeny;
          info.unknown.push_back(std::move(g));
        }
      }
      if (info.condition == Tri::kFalse) continue;
      if (st.resource) {
        info.has_resource = true;
        info.not_resource = st.resource->negated;
        for (const LocatedString& r : st.resource->values) {
          if (r.value == "*") {
            info.any_star = true;
            continue;
          }
          PatternInfo pi;
          pi.text = r.value;
          pi.types = catalog.ClassifyArn(r.value);
          std::sort(pi.types.begin(), pi.types.end());
          info.patterns.push_back(std::move(pi));
        }
      }
      uint32_t index = static_cast<uint32_t>(infos.size());
      infos.push_back(std::move(info));
      if (!st.action) continue;
      if (!st.action->negated) {
        for (const LocatedString& a : st.action->values) {
          for (ActionId id : ExpandAction(catalog, a.value, options.use_catalog_expand)) matches.emplace_back(id, index);
        }
      } else {
        mark.assign(catalog.action_count(), 0);
        for (const LocatedString& a : st.action->values) {
          for (ActionId id : ExpandAction(catalog, a.value, options.use_catalog_expand)) mark[id] = 1;
        }
        for (ActionId id = 0; id < catalog.action_count(); ++id) {
          if (!mark[id]) matches.emplace_back(id, index);
        }
      }
    }
  }
  std::sort(matches.begin(), matches.end());
  matches.erase(std::unique(matches.begin(), matches.end()), matches.end());

  bool has_boundary = false;
  int scp_levels = 0;
  for (const AnalyzedPolicy& ap : policies) {
    if (ap.role == PolicyRole::kBoundary) has_boundary = true;
    if (ap.role == PolicyRole::kScp) scp_levels = std::max(scp_levels, ap.level + 1);
  }

  // 2. Per action: gates, then denies.
  GrantSet result;
  std::vector<std::string> patterns;
  std::vector<Gate> gates(2 + static_cast<size_t>(scp_levels));
  size_t i = 0;
  while (i < matches.size()) {
    ActionId action = matches[i].first;
    size_t j = i;
    while (j < matches.size() && matches[j].first == action) ++j;
    bool granted_somewhere = false;
    for (size_t k = i; k < j; ++k) {
      const StatementInfo& s = infos[matches[k].second];
      if (s.role == PolicyRole::kGrant && s.effect == Effect::kAllow) granted_somewhere = true;
    }
    if (!granted_somewhere) {
      i = j;
      continue;
    }
    for (Gate& g : gates) g = Gate{};
    for (size_t k = i; k < j; ++k) {
      const StatementInfo& s = infos[matches[k].second];
      if (s.effect != Effect::kAllow) continue;
      size_t gi = s.role == PolicyRole::kGrant ? 0 : s.role == PolicyRole::kBoundary ? 1
                                                                : 2 + static_cast<size_t>(s.level);
      Gate& g = gates[gi];
      patterns.clear();
      Scope scope = ScopeFor(catalog, s, action, &patterns);
      if (scope == Scope::kNone) continue;
      GrantLevel level = s.condition == Tri::kUnknown ? GrantLevel::kConditional
                         : scope == Scope::kAll       ? GrantLevel::kAllResources
                                                      : GrantLevel::kSomeResources;
      if (level > g.level) {
        g.level = level;
        g.decisive.clear();
        g.resources.clear();
        g.conditions.clear();
      }
      if (level == g.level) {
        g.decisive.push_back(s.loc);
        if (level == GrantLevel::kSomeResources) AddUnique(&g.resources, patterns);
        if (level == GrantLevel::kConditional) {
          g.conditions.insert(g.conditions.end(), s.unknown.begin(), s.unknown.end());
          if (scope == Scope::kSome) AddUnique(&g.resources, patterns);
        }
      }
    }
    ActionGrant grant;
    grant.action = action;
    grant.level = gates[0].level;
    grant.decisive = gates[0].decisive;
    grant.resources = gates[0].resources;
    grant.conditions = gates[0].conditions;
    for (size_t gi = 1; gi < gates.size(); ++gi) {
      if (gi == 1 && !has_boundary) continue;
      const Gate& g = gates[gi];
      if (g.level < grant.level) {
        grant.level = g.level;
        if (g.level == GrantLevel::kSomeResources) grant.resources = g.resources;
      }
      if (g.level == GrantLevel::kConditional) {
        grant.conditions.insert(grant.conditions.end(), g.conditions.begin(), g.conditions.end());
      }
    }
    if (grant.level == GrantLevel::kNever) grant.decisive.clear();
    // Denies of every policy.
    for (size_t k = i; k < j && grant.level != GrantLevel::kNever; ++k) {
      const StatementInfo& s = infos[matches[k].second];
      if (s.effect != Effect::kDeny) continue;
      patterns.clear();
      Scope scope = ScopeFor(catalog, s, action, &patterns);
      if (scope == Scope::kNone) continue;
      if (s.condition == Tri::kTrue && scope == Scope::kAll) {
        grant.level = GrantLevel::kNever;
        grant.decisive = {s.loc};
        grant.resources.clear();
        grant.conditions.clear();
        break;
      }
      grant.limiting_denies.push_back(s.loc);
      if (s.condition == Tri::kUnknown) {
        grant.level = std::min(grant.level, GrantLevel::kConditional);
        grant.conditions.insert(grant.conditions.end(), s.unknown.begin(), s.unknown.end());
      } else {
        if (grant.level == GrantLevel::kAllResources) grant.level = GrantLevel::kSomeResources;
        for (const std::string& p : patterns) {
          grant.resources.push_back(s.not_resource ? "only `" + p.substr(p.find('`') + 1)
                                                   : "everything except `" + p + "`");
        }
      }
    }
    result.grants_.push_back(std::move(grant));
    i = j;
  }
  return result;
}

}  // namespace iamlint
