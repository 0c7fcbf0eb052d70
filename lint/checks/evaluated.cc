#include "lint/checks/evaluated.h"

#include "lint/checks/check_util.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <functional>
#include <map>
#include <utility>

namespace iamlint::lint {
namespace {

size_t Fingerprint(const PolicyDocument& policy) {
  std::string text;
  for (const Statement& st : policy.statements) {
    text += st.effect ? (st.effect->value == Effect::kAllow ? "A" : "D") : "?";
    for (const auto* clause : {&st.action, &st.resource}) {
      if (!*clause) continue;
      text += (*clause)->negated ? "!" : "=";
      for (const LocatedString& v : (*clause)->values) text += v.value + "\x1f";
    }
    for (const ConditionEntry& c : st.conditions) {
      text += c.operator_text.value + "\x1e" + c.key.value;
      for (const LocatedString& v : c.values) text += "\x1f" + v.value;
    }
    text += "\x1d";
  }
  return std::hash<std::string>{}(text);
}

struct CacheEntry {
  const PolicyDocument* policy = nullptr;
  const Catalog* catalog = nullptr;
  uint32_t begin = 0, end = 0;
  size_t fingerprint = 0;
  bool valid = false;
  GrantSet grants;
};

}  // namespace

bool GrantsPermissions(const CheckContext& context) {
  // A policy AWS would refuse to store grants nothing worth judging.
  return context.valid &&
         (context.kind == PolicyKind::kIdentity || context.kind == PolicyKind::kSession);
}

namespace {

// Whether some condition of `policy` uses a key that the leaked-key context
// decides; when none does, the leaked-key analysis equals the plain one.
bool UsesLeakedKeyFacts(const PolicyDocument& policy) {
  static const PartialContext kLeaked = PartialContext::LeakedAccessKey();
  for (const Statement& st : policy.statements) {
    for (const ConditionEntry& c : st.conditions) {
      for (const std::string& k : kLeaked.absent) {
        if (EqualsIgnoreCase(c.key.value, k)) return true;
      }
      for (const PartialContext::Entry& k : kLeaked.present) {
        if (EqualsIgnoreCase(c.key.value, k.key)) return true;
      }
    }
  }
  return false;
}

}  // namespace

const GrantSet& GrantsOf(const CheckContext& context, const PolicyDocument& policy,
                         bool leaked_key) {
  // The same answer, computed once, when no condition names a leaked-key fact.
  if (leaked_key && !UsesLeakedKeyFacts(policy)) leaked_key = false;
  thread_local CacheEntry cache[2];
  CacheEntry& e = cache[leaked_key ? 1 : 0];
  size_t fp = Fingerprint(policy);
  if (e.valid && e.policy == &policy && e.catalog == context.catalog &&
      e.begin == policy.span.begin && e.end == policy.span.end && e.fingerprint == fp) {
    return e.grants;
  }
  AnalysisOptions options;
  if (leaked_key) options.context = PartialContext::LeakedAccessKey();
  e.grants = AnalyzeGrants(*context.catalog, policy, options);
  e.policy = &policy;
  e.catalog = context.catalog;
  e.begin = policy.span.begin;
  e.end = policy.span.end;
  e.fingerprint = fp;
  e.valid = true;
  return e.grants;
}

Span FindingSpan(const PolicyDocument& policy, const StatementLoc& loc) {
  if (loc.statement >= policy.statements.size()) return policy.span;
  const Statement& st = policy.statements[loc.statement];
  if (st.action) return st.action->key_span;
  return st.span;
}

namespace {

// The one user the document is attached to, when the input names exactly one.
const Entity* OnlyUser(const CheckContext& context) {
  const Entity* user = nullptr;
  for (const Entity* e : context.attached_entities) {
    if (e->type != EntityType::kUser) continue;
    if (user != nullptr) return nullptr;
    user = e;
  }
  return user;
}

}  // namespace

std::string Subject(const CheckContext& context) {
  if (context.attached_to == AttachedTo::kUser) {
    const Entity* user = OnlyUser(context);
    if (user == nullptr) return "a leaked access key of this user";
    std::string who = "user " + Quote(user->name);
    if (user->access_key == Tristate::kYes) return "a leaked access key of " + who + " (it has one)";
    if (user->access_key == Tristate::kNo) return who + " (no access key today)";
    return "a leaked access key of " + who;
  }
  if (context.attached_entities.size() == 1) {
    const Entity* e = context.attached_entities.front();
    return std::string(EntityTypeName(e->type)) + " " + Quote(e->name);
  }
  return "a principal with this policy";
}

std::string Subject(const CheckContext& context, const ActionGrant& grant) {
  if (context.attached_to == AttachedTo::kUser && !grant.conditions.empty()) {
    const Entity* user = OnlyUser(context);
    return user == nullptr ? "this user" : "user " + Quote(user->name);
  }
  return Subject(context);
}

std::string ListPhrase(const std::vector<std::string>& items, size_t max) {
  std::string out;
  size_t n = std::min(items.size(), max);
  for (size_t i = 0; i < n; ++i) {
    if (i) out += i + 1 == n && items.size() <= max ? " and " : ", ";
    out += Quote(items[i]);
  }
  if (items.size() > max) out += " and " + std::to_string(items.size() - max) + " more";
  return out;
}

std::string ConditionPhrase(const ActionGrant& grant) {
  if (grant.conditions.empty()) return "";
  std::vector<std::string> parts;
  for (const GrantCondition& c : grant.conditions) {
    std::string d = DescribeCondition(c);
    if (std::find(parts.begin(), parts.end(), d) == parts.end()) parts.push_back(d);
  }
  std::string out = " only ";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += " and ";
    out += parts[i];
  }
  return out;
}

std::string ScopePhrase(const ActionGrant& grant) {
  if (grant.resources.empty()) return "on all resources";
  std::string out = "on ";
  size_t n = std::min<size_t>(grant.resources.size(), 2);
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    const std::string& r = grant.resources[i];
    out += r.find('`') != std::string::npos ? r : Quote(r);
  }
  if (grant.resources.size() > n) out += " and " + std::to_string(grant.resources.size() - n) + " more";
  return out;
}

void ReportWith(const Check& check, DiagnosticSink& sink, Severity severity, Span span,
                std::string message, std::vector<std::string> notes) {
  sink.Report(check.info().id, severity, span, std::move(message), std::move(notes));
}

const std::vector<std::optional<ActionId>>& RiskActionIds(const Catalog& catalog,
                                                          RiskCategory category) {
  struct Memo {
    const Catalog* catalog = nullptr;
    std::array<std::vector<std::optional<ActionId>>, kRiskCategoryCount> ids;
  };
  thread_local Memo memo;
  if (memo.catalog != &catalog) {
    memo.catalog = &catalog;
    for (size_t c = 0; c < kRiskCategoryCount; ++c) {
      memo.ids[c].clear();
      for (const RiskAction& ra : RiskActions(static_cast<RiskCategory>(c))) {
        memo.ids[c].push_back(catalog.FindAction(ra.action));
      }
    }
  }
  return memo.ids[static_cast<size_t>(category)];
}

void RunRiskCategory(const Check& check, RiskCategory category, const CheckContext& context,
                     const PolicyDocument& policy, DiagnosticSink& sink) {
  if (!GrantsPermissions(context)) return;
  const GrantSet& grants = GrantsOf(context, policy);
  const Catalog& catalog = *context.catalog;
  // Grouped by (first decisive statement, level): one finding each.
  struct Group {
    GrantLevel level = GrantLevel::kNever;
    std::vector<std::string> actions;
    std::vector<std::string> consequences;
    const ActionGrant* first = nullptr;
  };
  std::map<std::pair<uint32_t, int>, Group> groups;
  const std::vector<std::optional<ActionId>>& ids = RiskActionIds(catalog, category);
  std::span<const RiskAction> risks = RiskActions(category);
  for (size_t r = 0; r < risks.size(); ++r) {
    const RiskAction& ra = risks[r];
    const std::optional<ActionId>& id = ids[r];
    if (!id) continue;
    const ActionGrant* g = grants.Find(*id);
    if (g == nullptr || g->level == GrantLevel::kNever || g->decisive.empty()) continue;
    Group& group = groups[{g->decisive[0].statement, -static_cast<int>(g->level)}];
    group.level = g->level;
    if (group.first == nullptr) group.first = g;
    group.actions.push_back(catalog.FullName(*id));
    std::string c(ra.consequence);
    if (std::find(group.consequences.begin(), group.consequences.end(), c) ==
        group.consequences.end()) {
      group.consequences.push_back(c);
    }
  }
  for (const auto& [key, group] : groups) {
    std::string what = group.consequences[0];
    if (group.consequences.size() > 1) {
      what += " (and " + std::to_string(group.consequences.size() - 1) + " more)";
    }
    // The consequences speak of "every" secret, bucket...; a grant limited
    // to some resources only says which actions on which resources.
    if (group.level == GrantLevel::kSomeResources) {
      what = "use " + std::string(check.info().id) + " actions on some resources";
    }
    std::string message = Subject(context, *group.first) +
                          " can " + what + ConditionPhrase(*group.first) + " (" +
                          ListPhrase(group.actions) + " " + ScopePhrase(*group.first) + ")";
    Severity severity = group.level == GrantLevel::kAllResources ? check.info().default_severity
                                                                 : Severity::kInfo;
    ReportWith(check, sink, severity, FindingSpan(policy, group.first->decisive[0]),
               std::move(message));
  }
}

void RunActionsOnAll(const Check& check, const std::vector<std::string_view>& actions,
                     std::string_view what, const CheckContext& context,
                     const PolicyDocument& policy, DiagnosticSink& sink) {
  if (!GrantsPermissions(context)) return;
  const GrantSet& grants = GrantsOf(context, policy);
  std::map<uint32_t, std::vector<std::string>> by_statement;
  for (std::string_view name : actions) {
    std::optional<ActionId> id = FindActionCached(*context.catalog, name);
    if (!id) continue;
    const ActionGrant* g = grants.Find(*id);
    if (g == nullptr || g->level != GrantLevel::kAllResources || g->decisive.empty()) continue;
    by_statement[g->decisive[0].statement].push_back(context.catalog->FullName(*id));
  }
  for (const auto& [statement, names] : by_statement) {
    sink.Report(check.info().id, check.info().default_severity,
                FindingSpan(policy, StatementLoc{0, statement}),
                Subject(context) + " can " + std::string(what) + " (" + ListPhrase(names) +
                    " on all resources)");
  }
}

void RunAccessLevelOnAll(const Check& check, AccessLevel level, std::string_view level_name,
                         const CheckContext& context, const PolicyDocument& policy,
                         DiagnosticSink& sink) {
  if (!GrantsPermissions(context)) return;
  const GrantSet& grants = GrantsOf(context, policy);
  const Catalog& catalog = *context.catalog;
  std::map<uint32_t, std::vector<ActionId>> by_statement;
  for (const ActionGrant& g : grants.grants()) {
    if (g.level != GrantLevel::kAllResources || g.decisive.empty()) continue;
    if (catalog.access_level(g.action) != level) continue;
    by_statement[g.decisive[0].statement].push_back(g.action);
  }
  for (const auto& [statement, ids] : by_statement) {
    // Only the names ListPhrase shows are spelled out (there can be thousands).
    std::vector<std::string> names(ids.size());
    for (size_t i = 0; i < ids.size() && i < kListPhraseMax; ++i) names[i] = catalog.FullName(ids[i]);
    sink.Report(check.info().id, check.info().default_severity,
                FindingSpan(policy, StatementLoc{0, statement}),
                Subject(context) + " can use " + std::to_string(names.size()) +
                    (names.size() == 1 ? " action" : " actions") + " of level " +
                    std::string(level_name) + " on all resources (" + ListPhrase(names) + ")");
  }
}

}  // namespace iamlint::lint
