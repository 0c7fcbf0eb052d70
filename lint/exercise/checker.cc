#include "lint/exercise/checker.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <utility>

#include "engine/analysis/risk.h"
#include "engine/base/ascii.h"
#include "engine/eval/evaluator.h"
#include "engine/json/json_writer.h"
#include "lint/lint_options.h"
#include "lint/report/snippet.h"
#include "lint/runner.h"

namespace iamlint::exercise {

namespace {

std::string Position(const SourceManager& sources, const Span& span) {
  if (!span.valid()) return "";
  LineColumn at = sources.Begin(span);
  return std::string(sources.name(span.source)) + ":" + std::to_string(at.line) + ":" +
         std::to_string(at.column);
}

bool IsLearner(const Exercise& ex, const StatementRef& ref) {
  if (ex.kind == PolicyKind::kIdentity) return ref.slot == Slot::kIdentity && ref.index == 0;
  return ref.slot == Slot::kResource;
}

StatementMention Mention(const Exercise& ex, const PolicyBundle& bundle,
                         const SourceManager& sources, const StatementRef& ref) {
  StatementMention m;
  m.given = !IsLearner(ex, ref);
  m.label = std::to_string(ref.statement);
  if (const CompiledPolicy* p = PolicyOf(bundle, ref)) {
    const auto& statements = p->document().statements;
    if (ref.statement < statements.size()) {
      m.label = statements[ref.statement].Label();
      m.at = Position(sources, statements[ref.statement].span);
    }
  }
  return m;
}

// Risky actions named by the risk tables, lowercased, with what they let a
// holder do (empty for escalation-recipe actions).
const std::map<std::string, std::string_view, std::less<>>& RiskTable() {
  static const auto* table = [] {
    auto* t = new std::map<std::string, std::string_view, std::less<>>();
    for (size_t c = 0; c < kRiskCategoryCount; ++c) {
      for (const RiskAction& a : RiskActions(static_cast<RiskCategory>(c))) {
        t->emplace(AsciiLower(a.action), a.consequence);
      }
    }
    for (const EscalationRecipe& r : EscalationRecipes()) {
      for (std::string_view a : r.actions) {
        if (!a.empty()) t->emplace(AsciiLower(a), std::string_view());
      }
    }
    return t;
  }();
  return *table;
}

int AccessRank(AccessLevel level) {
  switch (level) {
    case AccessLevel::kPermissionsManagement:
      return 0;
    case AccessLevel::kWrite:
      return 1;
    case AccessLevel::kRead:
      return 2;
    case AccessLevel::kTagging:
      return 3;
    case AccessLevel::kList:
      return 4;
  }
  return 5;
}

int GrantRank(GrantLevel level) {
  switch (level) {
    case GrantLevel::kAllResources:
      return 0;
    case GrantLevel::kSomeResources:
      return 1;
    default:
      return 2;
  }
}

std::string RawCondition(const GrantCondition& c) {
  std::string out = (c.from_deny ? "Deny " : "") + c.op + " " + c.key;
  for (size_t i = 0; i < c.values.size() && i < 3; ++i) out += (i ? ", " : " ") + c.values[i];
  if (c.values.size() > 3) out += ", ...";
  return out;
}

OverGrant ComputeOverGrant(const Exercise& ex, const PolicyDocument& doc, const Catalog& catalog) {
  OverGrant over;
  over.budget = ex.budget.size();
  GrantSet grants = AnalyzeGrants(catalog, doc);
  struct Candidate {
    const ActionGrant* grant;
    bool listed;
  };
  std::vector<Candidate> extra;
  std::map<std::string, ServiceCount> services;
  const auto& risk = RiskTable();
  for (const ActionGrant& g : grants.grants()) {
    if (g.level == GrantLevel::kNever) continue;
    if (std::binary_search(ex.budget.begin(), ex.budget.end(), g.action)) continue;
    ++over.extra;
    std::string prefix(catalog.service_prefix(catalog.action_service(g.action)));
    ServiceCount& sc = services[prefix];
    sc.service = prefix;
    ++sc.total;
    ++sc.by_level[static_cast<size_t>(catalog.access_level(g.action))];
    bool listed = risk.find(AsciiLower(catalog.FullName(g.action))) != risk.end();
    extra.push_back({&g, listed});
  }
  for (auto& [name, sc] : services) over.services.push_back(std::move(sc));
  std::stable_sort(over.services.begin(), over.services.end(),
                   [](const ServiceCount& a, const ServiceCount& b) { return a.total > b.total; });
  auto key = [&](const Candidate& c) {
    return std::make_tuple(c.listed ? 0 : 1, AccessRank(catalog.access_level(c.grant->action)),
                           GrantRank(c.grant->level), catalog.FullName(c.grant->action));
  };
  size_t keep = std::min(kMaxRiskiest, extra.size());
  std::partial_sort(extra.begin(), extra.begin() + static_cast<std::ptrdiff_t>(keep), extra.end(),
                    [&](const Candidate& a, const Candidate& b) { return key(a) < key(b); });
  for (size_t i = 0; i < keep; ++i) {
    const ActionGrant& g = *extra[i].grant;
    RiskyGrant r;
    r.action = catalog.FullName(g.action);
    r.access = catalog.access_level(g.action);
    r.level = g.level;
    r.takes_no_resource = catalog.TakesNoResource(g.action);
    r.resources = g.resources;
    for (const GrantCondition& c : g.conditions) {
      r.conditions_en.push_back(DescribeCondition(c));
      r.conditions_raw.push_back(RawCondition(c));
    }
    auto it = risk.find(AsciiLower(r.action));
    if (it != risk.end()) r.consequence = std::string(it->second);
    over.riskiest.push_back(std::move(r));
  }
  return over;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep, size_t max) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < max; ++i) {
    if (i) out += sep;
    out += items[i];
  }
  if (items.size() > max) out += std::string(sep) + "...";
  return out;
}

std::string Quoted(std::string_view s) { return "`" + std::string(s) + "`"; }

std::string MentionText(const StatementMention& m, const Messages& msg) {
  return Format(m.given ? msg.given_statement : msg.statement, {m.label, m.at});
}

std::string MentionList(const std::vector<StatementMention>& list, const Messages& msg) {
  std::string out;
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += msg.list_separator;
    out += MentionText(list[i], msg);
  }
  return out;
}

// The reason lines of one requirement: the verdict, then (failed allow
// requirements) why each of the learner's statements did not apply.
std::vector<std::string> ReasonLines(const RequirementResult& r, Lang lang) {
  const Messages& msg = MessagesFor(lang);
  std::vector<std::string> lines;
  if (!r.evaluated) {
    lines.emplace_back(msg.policy_unreadable);
    return lines;
  }
  bool must_allow = r.requirement->must_allow;
  switch (r.decision) {
    case DecisionKind::kAllow:
      lines.push_back(Format(must_allow ? msg.allowed_by : msg.allowed_must_deny,
                             {MentionList(r.decisive, msg)}));
      break;
    case DecisionKind::kExplicitDeny:
      lines.push_back(Format(msg.denied_by, {MentionList(r.decisive, msg)}));
      break;
    case DecisionKind::kImplicitDeny:
      lines.emplace_back(must_allow ? msg.not_allowed : msg.denied_no_allow);
      break;
  }
  for (const StatementMiss& m : r.misses) {
    lines.push_back(Format(msg.does_not_apply,
                           {MentionText(m.statement, msg), MissWord(m.reason, lang), m.detail}));
  }
  return lines;
}

std::string RiskyText(const RiskyGrant& r, Lang lang) {
  const Messages& msg = MessagesFor(lang);
  switch (r.level) {
    case GrantLevel::kAllResources:
      return r.takes_no_resource ? Format(msg.also_plain, {r.action})
                                 : Format(msg.also_all, {r.action});
    case GrantLevel::kSomeResources: {
      std::vector<std::string> quoted;
      for (const std::string& res : r.resources) quoted.push_back(Quoted(res));
      return Format(msg.also_some, {r.action, Join(quoted, msg.list_separator, 3)});
    }
    default:
      return Format(msg.also_conditional,
                    {r.action, Join(lang == Lang::kJa ? r.conditions_raw : r.conditions_en,
                                    lang == Lang::kJa ? std::string_view(msg.list_separator)
                                                      : std::string_view(" and "),
                                    3)});
  }
}

std::string LevelCounts(const ServiceCount& sc, Lang lang) {
  const Messages& msg = MessagesFor(lang);
  std::string out;
  for (size_t l = 0; l < kAccessLevelCount; ++l) {
    if (sc.by_level[l] == 0) continue;
    if (!out.empty()) out += msg.list_separator;
    out += std::string(LevelWord(static_cast<AccessLevel>(l), lang)) + " " +
           std::to_string(sc.by_level[l]);
  }
  return out;
}

std::string DiagnosticLine(const SourceManager& sources, const Diagnostic& d, Lang lang) {
  return Position(sources, d.span) + ": " + std::string(SeverityWord(d.severity, lang)) + ": " +
         d.message + " [" + d.code + "]";
}

std::string RequestText(const Requirement& req, Lang lang) {
  return Format(MessagesFor(lang).request, {req.request.action(), req.request.resource()});
}

}  // namespace

CheckResult CheckExercise(const Exercise& ex, SourceId policy, SourceManager& sources,
                          const Catalog& catalog) {
  CheckResult result;
  result.exercise = &ex;
  result.policy = policy;

  // Lint first: it reads and validates the policy as the exercise's kind.
  lint::LintOptions options;
  options.kind = ex.kind;
  options.catalog = &catalog;
  options.input_format = InputFormat::kPolicy;
  lint::LintResult linted;
  lint::LintBuffer(policy, options, sources, &linted);
  result.lint = std::move(linted.diagnostics);
  result.errors = linted.errors;
  result.warnings = linted.warnings;
  result.infos = linted.infos;
  std::shared_ptr<const CompiledPolicy> learner;
  if (!linted.files.empty() && linted.files.front().policy) {
    learner = CompiledPolicy::Compile(
        std::make_shared<const PolicyDocument>(std::move(*linted.files.front().policy)));
    result.policy_read = true;
  }

  PolicyBundle bundle;
  if (ex.kind == PolicyKind::kIdentity) {
    if (learner) bundle.identity.push_back(learner.get());
    for (const auto& p : ex.given_identity) bundle.identity.push_back(p.get());
    bundle.resource = ex.given_resource.get();
  } else {
    for (const auto& p : ex.given_identity) bundle.identity.push_back(p.get());
    bundle.resource = learner.get();
  }
  bundle.boundary = ex.given_boundary.get();

  EvalOptions eval;
  eval.catalog = &catalog;
  EvalScratch scratch;
  Decision decision;
  Trace trace;
  std::set<std::string, std::less<>> failed;
  for (const Requirement& req : ex.requirements) {
    RequirementResult r;
    r.requirement = &req;
    if (learner) {
      r.evaluated = true;
      trace.statements.clear();
      trace.gate.clear();
      Authorize(bundle, req.request, eval, &scratch, &decision, &trace);
      r.decision = decision.kind;
      r.pass = req.must_allow ? decision.kind == DecisionKind::kAllow
                              : decision.kind != DecisionKind::kAllow;
      for (const StatementRef& ref : decision.decisive) {
        r.decisive.push_back(Mention(ex, bundle, sources, ref));
      }
      if (!r.pass && req.must_allow && decision.kind == DecisionKind::kImplicitDeny) {
        for (const StatementTrace& st : trace.statements) {
          if (st.applied || !IsLearner(ex, st.ref)) continue;
          r.misses.push_back({Mention(ex, bundle, sources, st.ref), st.reason, st.detail});
        }
      }
    }
    if (r.pass) {
      ++result.passed;
    } else {
      failed.insert(req.id);
    }
    result.requirements.push_back(std::move(r));
  }

  if (learner) result.over = ComputeOverGrant(ex, learner->document(), catalog);
  if (result.over.extra > 0) failed.insert("over-grant");
  if (result.errors > 0) failed.insert("lint");

  size_t total = ex.requirements.size();
  result.score.requirements = total == 0 ? 70 : static_cast<int>(70 * result.passed / total);
  result.score.least_privilege =
      !result.policy_read || result.over.extra >= 10 ? 0 : 20 - 2 * static_cast<int>(result.over.extra);
  int lint_points = 10 - 5 * static_cast<int>(std::min<size_t>(result.errors, 2)) -
                    2 * static_cast<int>(std::min<size_t>(result.warnings, 5));
  result.score.lint = std::max(0, lint_points);
  result.pass = result.policy_read && result.passed == total && result.over.extra == 0 &&
                result.errors == 0;
  if (!result.pass) {
    for (const Hint& h : ex.hints) {
      bool show = h.when.empty();
      for (const std::string& w : h.when) show |= failed.count(w) > 0;
      if (show) result.hints.push_back(&h);
    }
  }
  return result;
}

std::string RenderText(const CheckResult& result, const SourceManager& sources, Lang lang) {
  const Messages& msg = MessagesFor(lang);
  const Exercise& ex = *result.exercise;
  std::string out;
  // Lines quote the learner's policy (file name, Sids, lint messages): no
  // character a terminal acts on gets through.
  auto line = [&](std::string_view indent, const std::string& text) {
    out += indent;
    out += lint::SanitizeForTerminal(text);
    out += "\n";
  };
  line("", Format(msg.exercise, {ex.id, ex.title.In(lang)}));
  line("", Format(msg.task, {ex.task.In(lang)}));
  line("", Format(msg.policy, {sources.name(result.policy), KindWord(ex.kind, lang)}));
  out += "\n";
  line("", Format(msg.requirements,
                  {std::to_string(result.passed), std::to_string(result.requirements.size())}));
  for (const RequirementResult& r : result.requirements) {
    const Requirement& req = *r.requirement;
    std::string head = std::string(r.pass ? msg.pass : msg.fail);
    // Pad the verdict to a fixed display width (CJK text is two columns).
    size_t width = lang == Lang::kJa ? 2 * (head.size() / 3) : head.size();
    size_t column = lang == Lang::kJa ? 8 : 6;
    head.append(width < column ? column - width : 1, ' ');
    head += std::string(req.must_allow ? msg.must_allow : msg.must_deny) + " " + req.id + ": " +
            RequestText(req, lang);
    line("  ", head);
    if (!req.about.In(lang).empty()) line("        ", req.about.In(lang));
    for (const std::string& reason : ReasonLines(r, lang)) line("        ", reason);
  }
  out += "\n";
  if (!result.policy_read) {
    // Nothing to analyse.
  } else if (result.over.extra == 0) {
    line("", std::string(msg.over_none));
  } else {
    line("", Format(msg.over_count,
                    {std::to_string(result.over.extra), std::to_string(result.over.budget)}));
    line("  ", std::string(msg.by_service));
    size_t shown = std::min(kMaxServices, result.over.services.size());
    size_t rest_actions = 0;
    for (size_t i = 0; i < result.over.services.size(); ++i) {
      const ServiceCount& sc = result.over.services[i];
      if (i >= shown) {
        rest_actions += sc.total;
        continue;
      }
      line("    ", Format(msg.service_row,
                        {sc.service, std::to_string(sc.total), LevelCounts(sc, lang)}));
    }
    if (shown < result.over.services.size()) {
      line("    ", Format(msg.more_services, {std::to_string(result.over.services.size() - shown),
                                              std::to_string(rest_actions)}));
    }
    line("  ", std::string(msg.riskiest));
    for (const RiskyGrant& r : result.over.riskiest) {
      std::string text = RiskyText(r, lang);
      if (lang == Lang::kEn && !r.consequence.empty()) text += " (can " + r.consequence + ")";
      line("    ", text);
    }
  }
  line("", Format(msg.lint, {std::to_string(result.errors), std::to_string(result.warnings),
                             std::to_string(result.infos)}));
  for (const Diagnostic& d : result.lint) line("  ", DiagnosticLine(sources, d, lang));
  line("", Format(msg.score, {std::to_string(result.score.total()),
                              std::to_string(result.score.requirements),
                              std::to_string(result.score.least_privilege),
                              std::to_string(result.score.lint)}));
  if (!result.hints.empty()) {
    line("", std::string(msg.hints));
    for (const Hint* h : result.hints) line("  - ", h->text.In(lang));
  }
  line("", std::string(result.pass ? msg.result_pass : msg.result_fail));
  return out;
}

std::string RenderJson(const CheckResult& result, const SourceManager& sources, Lang lang) {
  const Exercise& ex = *result.exercise;
  JsonWriter w;
  w.BeginObject();
  w.Key("exercise");
  w.String(ex.id);
  w.Key("title");
  w.String(ex.title.In(lang));
  w.Key("policy");
  w.String(sources.name(result.policy));
  w.Key("kind");
  w.String(ExerciseKindName(ex.kind));
  w.Key("pass");
  w.Bool(result.pass);
  w.Key("score");
  w.BeginObject();
  w.Key("total");
  w.Int(result.score.total());
  w.Key("requirements");
  w.Int(result.score.requirements);
  w.Key("least_privilege");
  w.Int(result.score.least_privilege);
  w.Key("lint");
  w.Int(result.score.lint);
  w.EndObject();
  w.Key("requirements");
  w.BeginArray();
  for (const RequirementResult& r : result.requirements) {
    const Requirement& req = *r.requirement;
    w.BeginObject();
    w.Key("id");
    w.String(req.id);
    w.Key("must");
    w.String(req.must_allow ? "allow" : "deny");
    w.Key("action");
    w.String(req.request.action());
    w.Key("resource");
    w.String(req.request.resource());
    w.Key("pass");
    w.Bool(r.pass);
    if (r.evaluated) {
      w.Key("decision");
      w.String(DecisionKindName(r.decision));
    }
    w.Key("decisive");
    w.BeginArray();
    for (const StatementMention& m : r.decisive) {
      w.BeginObject();
      w.Key("statement");
      w.String(m.label);
      w.Key("at");
      w.String(m.at);
      w.Key("given");
      w.Bool(m.given);
      w.EndObject();
    }
    w.EndArray();
    w.Key("reason");
    w.BeginArray();
    for (const std::string& reason : ReasonLines(r, lang)) w.String(reason);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("over_grant");
  w.BeginObject();
  w.Key("extra_actions");
  w.Int(static_cast<int64_t>(result.over.extra));
  w.Key("budget_actions");
  w.Int(static_cast<int64_t>(result.over.budget));
  w.Key("services");
  w.BeginArray();
  for (const ServiceCount& sc : result.over.services) {
    w.BeginObject();
    w.Key("service");
    w.String(sc.service);
    w.Key("total");
    w.Int(static_cast<int64_t>(sc.total));
    for (size_t l = 0; l < kAccessLevelCount; ++l) {
      w.Key(AccessLevelName(static_cast<AccessLevel>(l)));
      w.Int(static_cast<int64_t>(sc.by_level[l]));
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("riskiest");
  w.BeginArray();
  for (const RiskyGrant& r : result.over.riskiest) {
    w.BeginObject();
    w.Key("action");
    w.String(r.action);
    w.Key("access_level");
    w.String(AccessLevelName(r.access));
    w.Key("scope");
    w.String(GrantLevelName(r.level));
    w.Key("text");
    w.String(RiskyText(r, lang));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("lint");
  w.BeginArray();
  for (const Diagnostic& d : result.lint) {
    w.BeginObject();
    w.Key("at");
    w.String(Position(sources, d.span));
    w.Key("severity");
    w.String(SeverityName(d.severity));
    w.Key("code");
    w.String(d.code);
    w.Key("message");
    w.String(d.message);
    w.EndObject();
  }
  w.EndArray();
  w.Key("hints");
  w.BeginArray();
  for (const Hint* h : result.hints) w.String(h->text.In(lang));
  w.EndArray();
  w.EndObject();
  return std::string(w.text()) + "\n";
}

}  // namespace iamlint::exercise
