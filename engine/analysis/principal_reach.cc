#include "engine/analysis/principal_reach.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "engine/policy/policy_builder.h"
#include "engine/source/diagnostic.h"

namespace iamlint {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && LowerAscii(s.substr(0, prefix.size())) == LowerAscii(prefix);
}

// The account of an ARN ("arn:aws:iam::111122223333:user/x" → "111122223333").
std::string_view ArnAccount(std::string_view arn) {
  size_t pos = 0;
  for (int field = 0; field < 4; ++field) {
    size_t colon = arn.find(':', pos);
    if (colon == std::string_view::npos) return {};
    pos = colon + 1;
  }
  size_t end = arn.find(':', pos);
  if (end == std::string_view::npos) return {};
  return arn.substr(pos, end - pos);
}

// Does `principal` (a resource policy's statement) name the entity?
// `explicit_only`: only its ARN or `*` (Allows); else also its account.
bool NamesEntity(const PrincipalClause& principal, const Entity& entity, bool explicit_only) {
  if (principal.wildcard) return !principal.negated;
  const std::string_view account = ArnAccount(entity.arn);
  bool named = false;
  for (const PrincipalEntry& e : principal.entries) {
    if (e.type != PrincipalType::kAws) continue;
    const std::string& v = e.value.value;
    if (v == "*" || (!entity.arn.empty() && v == entity.arn)) named = true;
    if (!explicit_only && !account.empty() &&
        (v == account || v == "arn:aws:iam::" + std::string(account) + ":root")) {
      named = true;
    }
  }
  return principal.negated ? !named : named;
}

// Does an Allow's `principal` (which names the entity) name it directly, as
// the evaluator's PrincipalGrant::kDirect: `*`, or a user's own ARN (a
// role's ARN grants its sessions through the role: kRole, boundary applies)?
bool NamesDirectly(const PrincipalClause& principal, const Entity& entity) {
  if (principal.negated) return false;
  if (principal.wildcard) return true;
  for (const PrincipalEntry& e : principal.entries) {
    if (e.type != PrincipalType::kAws) continue;
    const std::string& v = e.value.value;
    if (v == "*") return true;
    if (entity.type == EntityType::kUser && !entity.arn.empty() && v == entity.arn) return true;
  }
  return false;
}

// True when some condition names a key the leaked-key context decides
// (MFA, service, federation keys): only then can a grant be out of a key's
// reach while open to the user, and the second analysis is needed.
bool HasLeakedKeyConditions(const GatheredPolicies& gathered) {
  static const PartialContext kLeaked = PartialContext::LeakedAccessKey();
  for (const GatheredPolicy& p : gathered.policies) {
    for (const Statement& s : p.document->statements) {
      for (const ConditionEntry& c : s.conditions) {
        const std::string key = LowerAscii(c.key.value);
        for (const std::string& k : kLeaked.absent) {
          if (LowerAscii(k) == key) return true;
        }
        for (const PartialContext::Entry& e : kLeaked.present) {
          if (LowerAscii(e.key) == key) return true;
        }
      }
    }
  }
  return false;
}

PartialContext MakeContext(bool leaked, const std::vector<PartialContext::Entry>& overrides) {
  PartialContext c = leaked ? PartialContext::LeakedAccessKey() : PartialContext::Unknown();
  for (const PartialContext::Entry& o : overrides) {
    const std::string key = LowerAscii(o.key);
    std::erase_if(c.absent, [&](const std::string& k) { return LowerAscii(k) == key; });
    std::erase_if(c.present,
                  [&](const PartialContext::Entry& e) { return LowerAscii(e.key) == key; });
    c.present.push_back(o);
  }
  return c;
}

uint64_t LevelWeight(AccessLevel level) {
  switch (level) {
    case AccessLevel::kList: return 1;
    case AccessLevel::kRead: return 2;
    case AccessLevel::kWrite: return 3;
    case AccessLevel::kPermissionsManagement: return 5;
    case AccessLevel::kTagging: return 1;
  }
  return 1;
}

void AddDecisive(std::vector<StatementLoc>* out, const std::vector<StatementLoc>& add) {
  for (const StatementLoc& l : add) {
    if (std::find(out->begin(), out->end(), l) == out->end()) out->push_back(l);
  }
}

// Risk actions resolved against one catalog, once per call.
struct ResolvedRisks {
  struct Single {
    RiskCategory category;
    const RiskAction* risk;
    ActionId action;
  };
  struct Recipe {
    const EscalationRecipe* recipe;
    std::vector<ActionId> actions;
  };
  std::vector<Single> singles;
  std::vector<Recipe> recipes;
  std::vector<ActionId> actions;  // every action above, ascending, unique
};

ResolvedRisks ResolveRisks(const Catalog& catalog) {
  ResolvedRisks r;
  for (size_t c = 0; c < kRiskCategoryCount; ++c) {
    const RiskCategory category = static_cast<RiskCategory>(c);
    if (category == RiskCategory::kPrivilegeEscalation) {
      for (const EscalationRecipe& recipe : EscalationRecipes()) {
        ResolvedRisks::Recipe rr{&recipe, {}};
        bool ok = true;
        for (std::string_view a : recipe.actions) {
          if (a.empty()) continue;
          std::optional<ActionId> id = catalog.FindAction(a);
          if (!id) {
            ok = false;
            break;
          }
          rr.actions.push_back(*id);
        }
        if (ok && !rr.actions.empty()) r.recipes.push_back(std::move(rr));
      }
      continue;
    }
    for (const RiskAction& risk : RiskActions(category)) {
      std::optional<ActionId> id = catalog.FindAction(risk.action);
      if (id) r.singles.push_back({category, &risk, *id});
    }
  }
  for (const ResolvedRisks::Single& s : r.singles) r.actions.push_back(s.action);
  for (const ResolvedRisks::Recipe& recipe : r.recipes) {
    r.actions.insert(r.actions.end(), recipe.actions.begin(), recipe.actions.end());
  }
  std::sort(r.actions.begin(), r.actions.end());
  r.actions.erase(std::unique(r.actions.begin(), r.actions.end()), r.actions.end());
  return r;
}

}  // namespace

// ---------------------------------------------------------------------------
// ReachPolicyCache

ReachPolicyCache::ReachPolicyCache(const SourceManager& sources, const Inventory& inventory,
                                   const Catalog& catalog)
    : sources_(&sources),
      inventory_(&inventory),
      catalog_(&catalog),
      documents_(inventory.policies.size()),
      prepared_(inventory.policies.size()),
      state_(inventory.policies.size(), 0) {}

ReachPolicyCache::~ReachPolicyCache() = default;

const PolicyDocument* ReachPolicyCache::Get(uint32_t found) {
  if (found >= state_.size()) return nullptr;
  if (state_[found] == 0) {
    const FoundPolicy& f = inventory_->policies[found];
    PolicyBuildOptions build;
    build.kind = f.kind ? *f.kind : PolicyKind::kIdentity;
    build.check_size = false;
    DiagnosticSink sink;
    std::optional<PolicyDocument> doc = BuildPolicy(*sources_, f.root, build, sink);
    if (doc) {
      documents_[found] = std::make_unique<PolicyDocument>(std::move(*doc));
      state_[found] = 1;
      ++built_;
    } else {
      state_[found] = 2;
    }
  }
  return documents_[found].get();
}

const PreparedPolicy* ReachPolicyCache::Prepared(uint32_t found) {
  const PolicyDocument* doc = Get(found);
  if (doc == nullptr) return nullptr;
  if (!prepared_[found]) prepared_[found] = PreparedPolicy::Prepare(*catalog_, *doc);
  return prepared_[found].get();
}

uint32_t ReachPolicyCache::FindGroup(std::string_view name) {
  if (!groups_indexed_) {
    groups_indexed_ = true;
    for (uint32_t i = 0; i < inventory_->entities.size(); ++i) {
      const Entity& e = inventory_->entities[i];
      if (e.type == EntityType::kGroup) groups_.emplace_back(e.name, i);
    }
    std::stable_sort(groups_.begin(), groups_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  auto it = std::lower_bound(groups_.begin(), groups_.end(), name,
                             [](const auto& a, std::string_view v) { return a.first < v; });
  return it != groups_.end() && it->first == name ? it->second : kNoIndex;
}

// ---------------------------------------------------------------------------
// Gathering

std::string_view ReachViaName(ReachVia via) {
  switch (via) {
    case ReachVia::kInline: return "inline policy";
    case ReachVia::kManaged: return "managed policy";
    case ReachVia::kGroupInline: return "group inline policy";
    case ReachVia::kGroupManaged: return "group managed policy";
    case ReachVia::kBoundary: return "permissions boundary";
    case ReachVia::kScp: return "SCP";
    case ReachVia::kResource: return "resource policy";
  }
  return "policy";
}

std::vector<AnalyzedPolicy> GatheredPolicies::Analyzed() const {
  std::vector<AnalyzedPolicy> out;
  out.reserve(policies.size());
  for (const GatheredPolicy& p : policies) {
    out.push_back({p.document, p.role, p.level, p.prepared});
  }
  return out;
}

GatheredPolicies GatherPrincipalPolicies(ReachPolicyCache& cache, uint32_t entity_index,
                                         std::span<const ExternalPolicy> external) {
  GatheredPolicies out;
  out.entity = entity_index;
  const Inventory& inventory = cache.inventory();
  if (entity_index >= inventory.entities.size()) return out;
  const Entity& entity = inventory.entities[entity_index];

  auto add_found = [&](uint32_t found, ReachVia via, PolicyRole role, const std::string& group,
                       Span attachment) {
    const PolicyDocument* doc = cache.Get(found);
    if (doc == nullptr) return;
    GatheredPolicy g;
    g.document = doc;
    g.role = role;
    g.via = via;
    g.found = found;
    g.prepared = cache.Prepared(found);
    g.group = group;
    g.attachment = attachment;
    out.policies.push_back(std::move(g));
  };
  auto add_managed = [&](const ManagedPolicyRef& ref, ReachVia via, PolicyRole role,
                         const std::string& group) {
    if (ref.policy == kNoIndex) {
      if (std::find(out.unresolved.begin(), out.unresolved.end(), ref.arn) == out.unresolved.end()) {
        out.unresolved.push_back(ref.arn);
      }
      return;
    }
    add_found(ref.policy, via, role, group, ref.span);
  };

  for (uint32_t p : entity.inline_policies) add_found(p, ReachVia::kInline, PolicyRole::kGrant, "", {});
  for (const ManagedPolicyRef& ref : entity.managed_policies) {
    add_managed(ref, ReachVia::kManaged, PolicyRole::kGrant, "");
  }
  if (entity.type == EntityType::kUser) {
    for (const std::string& name : entity.groups) {
      uint32_t g = cache.FindGroup(name);
      if (g == kNoIndex) {
        out.missing_groups.push_back(name);
        continue;
      }
      const Entity& group = inventory.entities[g];
      for (uint32_t p : group.inline_policies) {
        add_found(p, ReachVia::kGroupInline, PolicyRole::kGrant, name, {});
      }
      for (const ManagedPolicyRef& ref : group.managed_policies) {
        add_managed(ref, ReachVia::kGroupManaged, PolicyRole::kGrant, name);
      }
    }
  }
  for (uint32_t x = 0; x < external.size(); ++x) {
    const ExternalPolicy& e = external[x];
    if (e.via != ReachVia::kResource || e.document == nullptr) continue;
    // Two narrowed copies: Allows that name the entity directly (its user
    // ARN, or `*`: PolicyRole::kDirectGrant, not limited by the boundary)
    // and the rest that names it (a role's ARN, and the Denies: kGrant).
    // Statements that do not belong are kept without actions, so
    // StatementLoc indexes stay positions and they match nothing.
    for (const bool direct : {false, true}) {
      auto narrowed = std::make_unique<PolicyDocument>();
      narrowed->span = e.document->span;
      narrowed->kind = e.document->kind;
      narrowed->version = e.document->version;
      narrowed->statement_span = e.document->statement_span;
      bool any = false;
      for (const Statement& s : e.document->statements) {
        narrowed->statements.push_back(s);
        const bool allow = s.effect && s.effect->value == Effect::kAllow;
        const bool named = s.principal && s.effect && NamesEntity(*s.principal, entity, allow);
        const bool is_direct = named && allow && NamesDirectly(*s.principal, entity);
        if (named && is_direct == direct) {
          any = true;
        } else if (narrowed->statements.back().action) {
          narrowed->statements.back().action->negated = false;
          narrowed->statements.back().action->values.clear();
        }
      }
      if (!any) continue;
      GatheredPolicy g;
      g.document = narrowed.get();
      g.role = direct ? PolicyRole::kDirectGrant : PolicyRole::kGrant;
      g.via = ReachVia::kResource;
      g.external = x;
      out.owned.push_back(std::move(narrowed));
      out.policies.push_back(std::move(g));
    }
  }
  if (entity.boundary && entity.type != EntityType::kGroup) {
    add_managed(*entity.boundary, ReachVia::kBoundary, PolicyRole::kBoundary, "");
  }
  for (uint32_t x = 0; x < external.size(); ++x) {
    const ExternalPolicy& e = external[x];
    if (e.via != ReachVia::kScp || e.document == nullptr) continue;
    GatheredPolicy g;
    g.document = e.document;
    g.role = PolicyRole::kScp;
    g.level = e.level;
    g.via = ReachVia::kScp;
    g.external = x;
    out.policies.push_back(std::move(g));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Analysis

std::string_view ReachName(Reach reach) {
  switch (reach) {
    case Reach::kNever: return "never";
    case Reach::kNotByKey: return "not-by-key";
    case Reach::kConditional: return "conditional";
    case Reach::kAlways: return "always";
  }
  return "never";
}

namespace {

// Per access level, how many catalog actions come before each id: the
// actions of a level in [a, b) without visiting them.
class LevelPrefix {
 public:
  explicit LevelPrefix(const Catalog& catalog) {
    const size_t n = catalog.action_count();
    for (auto& p : prefix_) p.assign(n + 1, 0);
    for (ActionId id = 0; id < n; ++id) {
      const size_t level = static_cast<size_t>(catalog.access_level(id));
      for (size_t l = 0; l < kAccessLevelCount; ++l) {
        prefix_[l][id + 1] = prefix_[l][id] + (l == level ? 1 : 0);
      }
    }
  }
  uint32_t Count(size_t level, ActionId begin, ActionId end) const {
    return prefix_[level][end] - prefix_[level][begin];
  }

 private:
  std::array<std::vector<uint32_t>, kAccessLevelCount> prefix_;
};

Reach ReachOfLevel(GrantLevel level) {
  switch (level) {
    case GrantLevel::kNever: return Reach::kNever;
    case GrantLevel::kConditional: return Reach::kConditional;
    case GrantLevel::kSomeResources:
    case GrantLevel::kAllResources: return Reach::kAlways;
  }
  return Reach::kNever;
}

bool AllResources(GrantLevel level, bool resources_limited) {
  return level == GrantLevel::kAllResources ||
         (level == GrantLevel::kConditional && !resources_limited);
}

// An action's reach with its details (resources, conditions, statements).
ActionReach FromGrant(const ActionGrant& g) {
  ActionReach a;
  a.action = g.action;
  a.reach = ReachOfLevel(g.level);
  a.all_resources = AllResources(g.level, g.resources_limited);
  if (!a.all_resources && a.reach != Reach::kNever) a.resources = g.resources;
  a.conditions = g.conditions;
  a.decisive = g.decisive;
  a.limiting_denies = g.limiting_denies;
  return a;
}

}  // namespace

PrincipalReach AnalyzeReach(const Catalog& catalog, const GatheredPolicies& gathered,
                            const Inventory& inventory, const ReachOptions& options) {
  PrincipalReach out;
  out.entity = gathered.entity;
  const bool is_user = gathered.entity < inventory.entities.size() &&
                       inventory.entities[gathered.entity].type == EntityType::kUser;
  out.leaked_key = options.leaked_key.value_or(is_user);

  const std::vector<AnalyzedPolicy> analyzed = gathered.Analyzed();
  // What the request says of its caller is known: aws:PrincipalArn (and
  // aws:username for users), unless overridden.
  std::vector<PartialContext::Entry> overrides;
  if (gathered.entity < inventory.entities.size()) {
    const Entity& e = inventory.entities[gathered.entity];
    auto given = [&](std::string_view key) {
      for (const PartialContext::Entry& o : options.context) {
        if (LowerAscii(o.key) == LowerAscii(key)) return true;
      }
      return false;
    };
    if (!e.arn.empty() && !given("aws:PrincipalArn")) overrides.push_back({"aws:PrincipalArn", {e.arn}, false});
    if (is_user && !given("aws:username")) overrides.push_back({"aws:username", {e.name}, false});
  }
  overrides.insert(overrides.end(), options.context.begin(), options.context.end());
  // The built-in catalog's risk table is resolved once (thread-safe static).
  static const ResolvedRisks kBuiltInRisks = ResolveRisks(Catalog::BuiltIn());
  std::optional<ResolvedRisks> other;
  if (&catalog != &Catalog::BuiltIn()) other = ResolveRisks(catalog);
  const ResolvedRisks& risks = other ? *other : kBuiltInRisks;
  // Without per-action output, only the verdicts' actions need details.
  const std::vector<ActionId>* detail_ids = options.keep_actions ? nullptr : &risks.actions;
  AnalysisOptions analysis;
  analysis.context = MakeContext(out.leaked_key, overrides);
  analysis.detail_actions = detail_ids;
  GrantSet grants = AnalyzeGrants(catalog, analyzed, analysis);

  // Runs of granted actions (GrantSet::levels()) with their reach, from
  // `grants` or, for kNotByKey, from `wider`; details are looked up only
  // where needed.
  struct Entry {
    ActionId begin;
    ActionId end;
    Reach reach;
    bool all_resources;
    bool from_wider;
  };
  auto entry_of = [](const GrantLevelRun& g, bool from_wider) {
    return Entry{g.begin, g.end, ReachOfLevel(g.level),
                 AllResources(g.level, g.resources_limited), from_wider};
  };
  std::vector<Entry> actions;
  actions.reserve(grants.levels().size());
  for (const GrantLevelRun& g : grants.levels()) actions.push_back(entry_of(g, false));

  // What the user may do but a key cannot: the same analysis with the
  // leaked-key facts unknown. Only needed when some condition names them.
  // Per action: granted to the key, kept; granted only without the key's
  // facts (never, or not listed, with the key), kNotByKey from `wider`.
  GrantSet wider;
  if (out.leaked_key && HasLeakedKeyConditions(gathered)) {
    AnalysisOptions open;
    open.context = MakeContext(false, overrides);
    open.detail_actions = detail_ids;
    wider = AnalyzeGrants(catalog, analyzed, open);
    std::vector<Entry> merged;
    auto push = [&merged](Entry e) {
      if (e.begin >= e.end) return;
      if (!merged.empty()) {
        Entry& last = merged.back();
        if (last.end == e.begin && last.reach == e.reach && last.all_resources == e.all_resources &&
            last.from_wider == e.from_wider) {
          last.end = e.end;
          return;
        }
      }
      merged.push_back(e);
    };
    const std::vector<GrantLevelRun>& w = wider.levels();
    size_t i = 0, k = 0;
    ActionId at = 0;
    while (i < actions.size() || k < w.size()) {
      // Skip to the next action either list covers.
      ActionId next = std::numeric_limits<ActionId>::max();
      if (i < actions.size()) next = std::min(next, std::max(at, actions[i].begin));
      if (k < w.size()) next = std::min(next, std::max(at, w[k].begin));
      at = next;
      const bool in_a = i < actions.size() && actions[i].begin <= at;
      const bool in_w = k < w.size() && w[k].begin <= at;
      // The piece [at, stop) where neither list changes.
      ActionId stop = std::numeric_limits<ActionId>::max();
      if (in_a) stop = std::min(stop, actions[i].end);
      else if (i < actions.size()) stop = std::min(stop, actions[i].begin);
      if (in_w) stop = std::min(stop, w[k].end);
      else if (k < w.size()) stop = std::min(stop, w[k].begin);
      if (in_w && w[k].level != GrantLevel::kNever && (!in_a || actions[i].reach == Reach::kNever)) {
        Entry e = entry_of(w[k], true);
        e.reach = Reach::kNotByKey;
        e.begin = at;
        e.end = stop;
        push(e);
      } else if (in_a) {
        Entry e = actions[i];
        e.begin = at;
        e.end = stop;
        push(e);
      }
      at = stop;
      if (in_a && actions[i].end == at) ++i;
      if (in_w && w[k].end == at) ++k;
    }
    actions = std::move(merged);
  }
  auto detail = [&](const Entry& e, ActionId id) {
    const ActionGrant* source = (e.from_wider ? wider : grants).Find(id);
    ActionReach a = FromGrant(*source);
    a.reach = e.reach;
    return a;
  };
  // The entry of `id` with its details, or null when not granted.
  ActionReach scratch;
  auto detailed = [&](ActionId id) -> const ActionReach* {
    auto it = std::upper_bound(actions.begin(), actions.end(), id,
                               [](ActionId a, const Entry& e) { return a < e.end; });
    if (it == actions.end() || it->begin > id || it->reach == Reach::kNever) return nullptr;
    scratch = detail(*it, id);
    return &scratch;
  };

  // Summaries: counts per service and access level, by runs (each run split
  // at service ends; the actions of each level in a range come from the
  // catalog's per-level prefix counts).
  static const LevelPrefix kBuiltInPrefix(Catalog::BuiltIn());
  std::optional<LevelPrefix> other_prefix;
  if (&catalog != &Catalog::BuiltIn()) other_prefix.emplace(catalog);
  const LevelPrefix& prefix = other_prefix ? *other_prefix : kBuiltInPrefix;
  uint64_t always_all = 0;
  for (const Entry& a : actions) {
    if (a.reach == Reach::kNever) continue;
    for (ActionId x = a.begin; x < a.end;) {
      const ServiceId service = catalog.action_service(x);
      const ActionRange range = catalog.actions_of(service);
      const ActionId y = std::min<ActionId>(a.end, range.end);
      if (out.services.empty() || out.services.back().service != service) {
        ServiceReach s;
        s.service = service;
        for (size_t l = 0; l < kAccessLevelCount; ++l) {
          s.cells[l].total = prefix.Count(l, range.begin, range.end);
        }
        out.services.push_back(s);
      }
      for (size_t l = 0; l < kAccessLevelCount; ++l) {
        const uint32_t n = prefix.Count(l, x, y);
        if (n == 0) continue;
        const uint64_t weight = LevelWeight(static_cast<AccessLevel>(l));
        ReachCell& cell = out.services.back().cells[l];
        switch (a.reach) {
          case Reach::kNever: break;  // skipped above
          case Reach::kNotByKey:
            cell.not_by_key += n;
            out.not_by_key += n;
            break;
          case Reach::kConditional:
            cell.conditional += n;
            out.conditional += n;
            out.score += n * weight;
            break;
          case Reach::kAlways:
            (a.all_resources ? cell.all : cell.some) += n;
            out.always += n;
            if (a.all_resources) always_all += n;
            out.score += 2 * n * weight;
            break;
        }
      }
      x = y;
    }
  }
  out.full_admin = catalog.action_count() > 0 && always_all == catalog.action_count();
  if (out.full_admin) out.score += 1000000;

  // Verdicts.
  auto weight = [](Reach r) -> uint64_t {
    return r == Reach::kAlways ? 1000 : r == Reach::kConditional ? 100 : 0;
  };
  auto finish = [&](ReachVerdict* v) {
    std::sort(v->decisive.begin(), v->decisive.end(), [](const StatementLoc& a, const StatementLoc& b) {
      return std::tie(a.policy, a.statement) < std::tie(b.policy, b.statement);
    });
    out.score += weight(v->reach);
  };
  for (size_t c = 0; c < kRiskCategoryCount; ++c) {
    const RiskCategory category = static_cast<RiskCategory>(c);
    if (category == RiskCategory::kPrivilegeEscalation) {
      for (const ResolvedRisks::Recipe& r : risks.recipes) {
        ReachVerdict v;
        v.category = category;
        v.consequence = std::string(r.recipe->consequence);
        v.recipe = std::string(r.recipe->id);
        v.reach = Reach::kAlways;
        bool reached = true;
        for (ActionId id : r.actions) {
          const ActionReach* a = detailed(id);
          if (a == nullptr) {
            reached = false;
            break;
          }
          v.actions.push_back(id);
          v.reach = std::min(v.reach, a->reach);
          if (!a->all_resources && v.all_resources) {
            v.all_resources = false;
            v.resources = a->resources;
          }
          v.conditions.insert(v.conditions.end(), a->conditions.begin(), a->conditions.end());
          AddDecisive(&v.decisive, a->decisive);
        }
        if (!reached) continue;
        finish(&v);
        out.verdicts.push_back(std::move(v));
      }
      continue;
    }
    for (const ResolvedRisks::Single& s : risks.singles) {
      if (s.category != category) continue;
      const ActionReach* a = detailed(s.action);
      if (a == nullptr) continue;
      ReachVerdict v;
      v.category = category;
      v.consequence = std::string(s.risk->consequence);
      v.actions = {s.action};
      v.reach = a->reach;
      v.all_resources = a->all_resources;
      v.resources = a->resources;
      v.conditions = a->conditions;
      v.decisive = a->decisive;
      finish(&v);
      out.verdicts.push_back(std::move(v));
    }
  }
  if (options.keep_actions) {
    for (const Entry& e : actions) {
      for (ActionId id = e.begin; id < e.end; ++id) out.actions.push_back(detail(e, id));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Ranking

std::string_view RoleTrustName(RoleTrust trust) {
  switch (trust) {
    case RoleTrust::kInstanceProfile: return "EC2 instance profile";
    case RoleTrust::kOidc: return "OIDC";
    case RoleTrust::kIdentityCenter: return "IAM Identity Center";
    case RoleTrust::kService: return "AWS service";
  }
  return "AWS service";
}

std::vector<RoleAlternative> WorkloadRoles(ReachPolicyCache& cache, uint32_t role) {
  std::vector<RoleAlternative> out;
  const Inventory& inventory = cache.inventory();
  if (role >= inventory.entities.size()) return out;
  const Entity& entity = inventory.entities[role];
  if (entity.type != EntityType::kRole) return out;
  auto add = [&](RoleTrust trust, std::string trusted) {
    for (const RoleAlternative& a : out) {
      if (a.trust == trust) return;
    }
    RoleAlternative a;
    a.role = role;
    a.trust = trust;
    a.trusted = std::move(trusted);
    out.push_back(std::move(a));
  };
  if (StartsWithIgnoreCase(entity.name, "AWSReservedSSO_")) add(RoleTrust::kIdentityCenter, "AWS SSO");
  const PolicyDocument* trust = cache.Get(entity.trust_policy);
  if (trust == nullptr) return out;
  for (const Statement& s : trust->statements) {
    if (!s.effect || s.effect->value != Effect::kAllow || !s.principal || s.principal->negated) continue;
    for (const PrincipalEntry& p : s.principal->entries) {
      const std::string& v = p.value.value;
      if (p.type == PrincipalType::kService) {
        if (LowerAscii(v) == "ec2.amazonaws.com" && !entity.instance_profiles.empty()) {
          add(RoleTrust::kInstanceProfile, v);
        } else {
          add(RoleTrust::kService, v);
        }
      } else if (p.type == PrincipalType::kFederated) {
        if (size_t at = v.find(":oidc-provider/"); at != std::string::npos) {
          add(RoleTrust::kOidc, v.substr(at + 15));
        } else if (size_t saml = v.find(":saml-provider/"); saml != std::string::npos) {
          add(RoleTrust::kIdentityCenter, v.substr(saml + 15));
        } else if (v.find('.') != std::string::npos) {
          add(RoleTrust::kOidc, v);  // accounts.google.com, cognito-identity.amazonaws.com
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RoleAlternative& a, const RoleAlternative& b) { return a.trust < b.trust; });
  return out;
}

namespace {

// The (service, access level) pairs reached, as service * 8 + level, ascending.
std::vector<uint64_t> ReachedCells(const PrincipalReach& reach) {
  std::vector<uint64_t> out;
  for (const ServiceReach& s : reach.services) {
    for (size_t l = 0; l < kAccessLevelCount; ++l) {
      if (s.cells[l].reached() > 0) out.push_back(uint64_t{s.service} * 8 + l);
    }
  }
  return out;
}

// Signature of a gathered set: identical sets reach identically.
std::vector<uint64_t> Signature(const GatheredPolicies& g) {
  std::vector<uint64_t> sig;
  sig.reserve(g.policies.size() + 1);
  for (const GatheredPolicy& p : g.policies) {
    if (p.via == ReachVia::kResource) return {};  // entity-specific documents
    sig.push_back((uint64_t{p.found} << 32) | (uint64_t{p.external} & 0xffffu) << 16 |
                  (static_cast<uint64_t>(p.role) << 8) | static_cast<uint64_t>(p.level & 0xff));
  }
  return sig;
}

struct U64VectorHash {
  size_t operator()(const std::vector<uint64_t>& v) const {
    uint64_t h = 0xcbf29ce484222325u;
    for (uint64_t x : v) h = (h ^ x) * 0x100000001b3u + (h >> 29);
    return static_cast<size_t>(h);
  }
};

// Whether some condition of the set uses a key the analysis context sets
// per principal (aws:PrincipalArn, aws:username): then two principals with
// the same policies may still reach differently.
bool NamesCaller(const GatheredPolicies& g) {
  static constexpr std::string_view kCallerKeys[] = {"aws:principalarn", "aws:username"};
  for (const GatheredPolicy& p : g.policies) {
    if (p.prepared != nullptr) {
      const std::vector<std::string>& keys = p.prepared->condition_keys();
      for (std::string_view k : kCallerKeys) {
        if (std::binary_search(keys.begin(), keys.end(), k)) return true;
      }
      continue;
    }
    for (const Statement& st : p.document->statements) {
      for (const ConditionEntry& c : st.conditions) {
        for (std::string_view k : kCallerKeys) {
          if (LowerAscii(c.key.value) == k) return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

std::vector<RankedPrincipal> RankPrincipals(const Catalog& catalog, ReachPolicyCache& cache,
                                            const RankOptions& options) {
  const Inventory& inventory = cache.inventory();
  ReachOptions reach_options = options.reach;
  reach_options.keep_actions = false;

  // Principals with the same policy set (signature) and context reach the
  // same: analysed once. Only signatures seen twice are kept for reuse.
  // The context names the caller (aws:PrincipalArn, aws:username), so a
  // set whose conditions use those keys is analysed per principal.
  using Key = std::pair<std::vector<uint64_t>, bool>;
  struct KeyHash {
    size_t operator()(const Key& k) const { return U64VectorHash{}(k.first) ^ (k.second ? 1 : 0); }
  };
  // Pass 1: which principals are analysed (users; roles when ranked or when
  // they can stand in for a user's key), their policies and signatures.
  std::vector<GatheredPolicies> gathered(inventory.entities.size());
  std::vector<std::vector<RoleAlternative>> workloads(inventory.entities.size());
  std::vector<uint8_t> analysed(inventory.entities.size(), 0);
  std::vector<Key> keys(inventory.entities.size());
  std::vector<uint8_t> shareable(inventory.entities.size(), 0);
  std::unordered_map<Key, uint32_t, KeyHash> seen;
  for (uint32_t e = 0; e < inventory.entities.size(); ++e) {
    const EntityType type = inventory.entities[e].type;
    if (type == EntityType::kGroup) continue;
    if (type == EntityType::kRole) {
      workloads[e] = WorkloadRoles(cache, e);
      if (!options.roles && workloads[e].empty()) continue;
    }
    analysed[e] = 1;
    gathered[e] = GatherPrincipalPolicies(cache, e, options.external);
    const bool leaked =
        reach_options.leaked_key.value_or(inventory.entities[e].type == EntityType::kUser);
    std::vector<uint64_t> sig = Signature(gathered[e]);
    // An empty signature with policies: entity-specific resource policies.
    if ((sig.empty() && !gathered[e].policies.empty()) || NamesCaller(gathered[e])) continue;
    keys[e] = {std::move(sig), leaked};
    shareable[e] = 1;
    ++seen[keys[e]];
  }
  std::unordered_map<Key, PrincipalReach, KeyHash> memo;
  auto analyze = [&](uint32_t e) {
    if (!shareable[e] || seen[keys[e]] < 2) {
      return AnalyzeReach(catalog, gathered[e], inventory, reach_options);
    }
    auto it = memo.find(keys[e]);
    if (it == memo.end()) {
      it = memo.emplace(keys[e], AnalyzeReach(catalog, gathered[e], inventory, reach_options)).first;
    }
    PrincipalReach r = it->second;
    r.entity = e;
    return r;
  };

  std::vector<RankedPrincipal> ranked;
  std::vector<std::pair<RoleAlternative, std::vector<uint64_t>>> candidates;
  for (uint32_t e = 0; e < inventory.entities.size(); ++e) {
    if (options.progress) options.progress(e + 1, inventory.entities.size());
    const Entity& entity = inventory.entities[e];
    if (!analysed[e]) continue;
    const std::vector<RoleAlternative>& workload = workloads[e];
    RankedPrincipal p;
    p.entity = e;
    p.active_key = entity.type == EntityType::kUser && entity.access_key == Tristate::kYes;
    p.reach = analyze(e);
    gathered[e] = GatheredPolicies();  // not needed any more
    if (!workload.empty()) {
      std::vector<uint64_t> services = ReachedCells(p.reach);
      if (!services.empty()) candidates.emplace_back(workload.front(), std::move(services));
    }
    if (entity.type == EntityType::kRole && !options.roles) continue;
    ranked.push_back(std::move(p));
  }

  // The role-based alternative of each user: candidates indexed by the
  // (service, access level) pairs they reach; users with the same pairs
  // (the same groups) share the answer.
  // Roles with the same pairs tie on everything but the name: only the
  // first by name can win, so only it is indexed.
  {
    std::unordered_map<std::vector<uint64_t>, size_t, U64VectorHash> first_by_cells;
    std::vector<std::pair<RoleAlternative, std::vector<uint64_t>>> distinct;
    for (auto& candidate : candidates) {
      auto [it, inserted] = first_by_cells.emplace(candidate.second, distinct.size());
      if (inserted) {
        distinct.push_back(std::move(candidate));
      } else if (inventory.entities[candidate.first.role].name <
                 inventory.entities[distinct[it->second].first.role].name) {
        distinct[it->second] = std::move(candidate);
      }
    }
    candidates = std::move(distinct);
  }
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  for (uint32_t c = 0; c < candidates.size(); ++c) {
    for (uint64_t cell : candidates[c].second) postings[cell].push_back(c);
  }
  std::unordered_map<std::vector<uint64_t>, std::optional<RoleAlternative>, U64VectorHash>
      chosen;
  std::vector<uint32_t> shared(candidates.size(), 0);
  std::vector<uint32_t> touched;
  for (RankedPrincipal& p : ranked) {
    if (inventory.entities[p.entity].type != EntityType::kUser) continue;
    std::vector<uint64_t> mine = ReachedCells(p.reach);
    if (mine.empty()) continue;
    auto memo_it = chosen.find(mine);
    if (memo_it != chosen.end()) {
      p.alternative = memo_it->second;
      continue;
    }
    touched.clear();
    for (uint64_t cell : mine) {
      auto it = postings.find(cell);
      if (it == postings.end()) continue;
      for (uint32_t c : it->second) {
        if (shared[c]++ == 0) touched.push_back(c);
      }
    }
    int64_t best = -1;
    uint32_t best_shared = 0, best_extra = 0;
    for (uint32_t c : touched) {
      const uint32_t n = shared[c];
      shared[c] = 0;
      const uint32_t extra = static_cast<uint32_t>(candidates[c].second.size()) - n;
      const RoleAlternative& alt = candidates[c].first;
      const bool better =
          best < 0 || n > best_shared ||
          (n == best_shared &&
           (extra < best_extra ||
            (extra == best_extra &&
             inventory.entities[alt.role].name <
                 inventory.entities[candidates[static_cast<size_t>(best)].first.role].name)));
      if (better) {
        best = c;
        best_shared = n;
        best_extra = extra;
      }
    }
    std::optional<RoleAlternative> result;
    if (best >= 0) {
      RoleAlternative a = candidates[static_cast<size_t>(best)].first;
      a.shared_services = best_shared;
      a.user_services = static_cast<uint32_t>(mine.size());
      result = std::move(a);
    }
    p.alternative = result;
    chosen.emplace(std::move(mine), std::move(result));
  }

  std::stable_sort(ranked.begin(), ranked.end(), [&](const RankedPrincipal& a, const RankedPrincipal& b) {
    if (a.active_key != b.active_key) return a.active_key;
    if (a.reach.score != b.reach.score) return a.reach.score > b.reach.score;
    const Entity& ea = inventory.entities[a.entity];
    const Entity& eb = inventory.entities[b.entity];
    if (ea.type != eb.type) return ea.type == EntityType::kUser;
    return ea.name < eb.name;
  });
  return ranked;
}

}  // namespace iamlint
