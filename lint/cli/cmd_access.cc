#include "lint/cli/cmd_access.h"
#include "lint/report/access_html.h"

#include <cstdio>
#include <fstream>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "engine/base/suggest.h"
#include "engine/catalog/catalog.h"
#include "engine/inputs/credential_report.h"
#include "engine/inputs/input_reader.h"
#include "engine/json/json_writer.h"
#include "engine/policy/policy_reader.h"
#include "lint/cli/progress.h"
#include "lint/input_files.h"
#include "lint/report/access_html.h"
#include "lint/report/snippet.h"

namespace iamlint::cli {

namespace {

// Writes `path` through a temporary file in the same folder and a rename, so
// an interrupted run never leaves a half-written report (or a clobbered
// file) behind.
template <typename Write>
bool WriteHtmlFile(const std::string& path, std::ostream& err, Write write) {
  const std::string temporary = path + ".iamlint-tmp";
  {
    std::ofstream page(temporary, std::ios::binary | std::ios::trunc);
    if (!page) {
      err << "iamlint: cannot write " << lint::SanitizeForTerminal(path) << "\n";
      return false;
    }
    write(page);
    page.flush();
    if (!page) {
      err << "iamlint: cannot write " << lint::SanitizeForTerminal(path) << "\n";
      std::remove(temporary.c_str());
      return false;
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    err << "iamlint: cannot write " << lint::SanitizeForTerminal(path) << "\n";
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

using lint::SanitizeForTerminal;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Backquote(std::string_view s) { return "`" + SanitizeForTerminal(s) + "`"; }

bool ReadFileInto(const std::string& path, size_t max_bytes, SourceManager& sources, SourceId* id,
                  std::ostream& err) {
  std::string bytes, error;
  if (!lint::ReadInput(path, max_bytes, &bytes, &error)) {
    err << "iamlint: cannot read " << SanitizeForTerminal(path) << ": " << error << "\n";
    return false;
  }
  *id = sources.AddBuffer(path == "-" ? lint::kStdinName : path, std::move(bytes));
  return true;
}

void PrintErrors(const SourceManager& sources, const std::string& path, DiagnosticSink& sink,
                 std::ostream& err) {
  for (const Diagnostic& d : sink.diagnostics()) {
    if (d.severity != Severity::kError) continue;
    err << "iamlint: " << SanitizeForTerminal(path);
    if (d.span.valid()) {
      LineColumn at = sources.Begin(d.span);
      err << ":" << at.line << ":" << at.column;
    }
    err << ": " << SanitizeForTerminal(d.message) << "\n";
  }
}

std::string Location(const SourceManager& sources, const Span& span) {
  if (!span.valid()) return "";
  LineColumn at = sources.Begin(span);
  return SanitizeForTerminal(sources.name(span.source)) + ":" + std::to_string(at.line) + ":" +
         std::to_string(at.column);
}

std::string WithThousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Plural(uint64_t n, std::string_view one, std::string_view many) {
  return WithThousands(n) + " " + std::string(n == 1 ? one : many);
}

std::string ResourcesPhrase(const std::vector<std::string>& resources, size_t max = 3) {
  std::vector<std::string> items;
  for (size_t i = 0; i < resources.size() && i < max; ++i) {
    const std::string& r = resources[i];
    // AnalyzeGrants words NotResource scopes itself ("everything except `x`").
    items.push_back(r.find('`') != std::string::npos ? SanitizeForTerminal(r) : Backquote(r));
  }
  if (resources.size() > max) items.push_back(std::to_string(resources.size() - max) + " more");
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    out += i == 0 ? "" : i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

bool IsAwsManaged(const FoundPolicy& f) {
  return f.aws_managed || f.arn.find(":iam::aws:policy/") != std::string::npos;
}

const char* AccessKeyText(const Entity& e, bool credentials) {
  if (e.type != EntityType::kUser) return "";
  switch (e.access_key) {
    case Tristate::kYes: return "active access key";
    case Tristate::kNo: return "no active access key";
    case Tristate::kUnknown: break;
  }
  return credentials ? "access key unknown (not in the credential report)"
                     : "access key unknown (give --credentials)";
}

const char* AccessKeyJson(const Entity& e) {
  switch (e.access_key) {
    case Tristate::kYes: return "yes";
    case Tristate::kNo: return "no";
    case Tristate::kUnknown: break;
  }
  return "unknown";
}

// A filter on actions: --service and --level.
struct ActionFilter {
  std::optional<ServiceId> service;
  std::optional<AccessLevel> level;
  bool Passes(const Catalog& catalog, ActionId id) const {
    if (service && catalog.action_service(id) != *service) return false;
    if (level && catalog.access_level(id) != *level) return false;
    return true;
  }
  bool any() const { return service || level; }
};

bool ParseFilter(const AccessCommandOptions& options, const Catalog& catalog, ActionFilter* filter,
                 std::ostream& err) {
  if (!options.service.empty()) {
    filter->service = catalog.FindService(Lower(options.service));
    if (!filter->service) {
      err << "iamlint: --service: unknown service prefix " << Backquote(options.service);
      std::string s = catalog.SuggestService(options.service);
      if (!s.empty()) err << "; did you mean " << Backquote(s) << "?";
      err << "\n";
      return false;
    }
  }
  if (!options.level.empty()) {
    filter->level = ParseAccessLevel(options.level);
    if (!filter->level) {
      err << "iamlint: --level: expected list, read, write, permissions-management or tagging, "
             "got "
          << Backquote(options.level) << "\n";
      return false;
    }
  }
  return true;
}

std::string ContextPhrase(const LoadedAccount& account, bool leaked) {
  std::string out = leaked ? "a leaked access key: no MFA, not via an AWS service, any source IP"
                           : "any request: conditions are left open";
  for (const PartialContext::Entry& e : account.context) {
    out += "; " + SanitizeForTerminal(e.key) + "=";
    for (size_t i = 0; i < e.values.size(); ++i) {
      if (i > 0) out += ",";
      out += SanitizeForTerminal(e.values[i]);
    }
  }
  return out;
}

std::string VerdictLine(const Catalog& catalog, const LoadedAccount& account, const GatheredPolicies& gathered,
                        const Entity& entity, const PrincipalReach& reach, const ReachVerdict& v) {
  std::string line;
  const bool esc = v.category == RiskCategory::kPrivilegeEscalation;
  const std::string consequence = SanitizeForTerminal(v.consequence) + (esc ? " (privilege escalation)" : "");
  if (v.reach == Reach::kNotByKey) {
    line = SubjectOf(entity, false) + " can " + consequence + " " + ConditionsPhrase(v.conditions) +
           ": not reachable by a leaked access key";
  } else if (!v.all_resources) {
    // Not on every resource: name the actions rather than the broad consequence.
    line = SubjectOf(entity, reach.leaked_key) + " can use ";
    for (size_t i = 0; i < v.actions.size(); ++i) {
      line += (i == 0 ? "" : i + 1 == v.actions.size() ? " and " : ", ") + Backquote(catalog.FullName(v.actions[i]));
    }
    line += " only on " + ResourcesPhrase(v.resources);
    if (v.reach == Reach::kConditional) line += ", " + ConditionsPhrase(v.conditions);
  } else {
    line = SubjectOf(entity, reach.leaked_key) + " can " + consequence;
    if (v.reach == Reach::kConditional) line += " " + ConditionsPhrase(v.conditions);
  }
  if (v.reach == Reach::kNotByKey && !v.all_resources) line += " (only on " + ResourcesPhrase(v.resources) + ")";
  if (!v.decisive.empty()) {
    line += " — " + CiteStatement(account, gathered, v.decisive[0]);
    if (v.decisive.size() > 1) line += " and " + Plural(v.decisive.size() - 1, "more statement", "more statements");
  }
  return line;
}

// "3/3", "2/5~" (some resource-limited), "1/4?" (conditional), "-".
std::string CellText(const ReachCell& c) {
  if (c.reached() == 0) return c.not_by_key > 0 ? "mfa" : "-";
  std::string out = std::to_string(c.reached()) + "/" + std::to_string(c.total);
  if (c.some > 0) out += "~";
  if (c.conditional > 0) out += "?";
  return out;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

constexpr std::array<AccessLevel, kAccessLevelCount> kLevels = {
    AccessLevel::kList, AccessLevel::kRead, AccessLevel::kWrite,
    AccessLevel::kPermissionsManagement, AccessLevel::kTagging};

void WriteCitations(JsonWriter& w, const LoadedAccount& account, const GatheredPolicies& gathered,
                    const std::vector<StatementLoc>& locs) {
  w.BeginArray();
  for (const StatementLoc& l : locs) {
    w.BeginObject();
    w.Key("policy");
    w.Int(l.policy);
    w.Key("statement");
    w.Int(l.statement);
    w.Key("cite");
    w.String(CiteStatement(account, gathered, l));
    w.EndObject();
  }
  w.EndArray();
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& items) {
  w.BeginArray();
  for (const std::string& s : items) w.String(s);
  w.EndArray();
}

ExitCode RunOnePrincipal(const AccessCommandOptions& options, LoadedAccount& account,
                         std::ostream& out, std::ostream& err) {
  const Catalog& catalog = Catalog::BuiltIn();
  ActionFilter filter;
  if (!ParseFilter(options, catalog, &filter, err)) return ExitCode::kUsage;
  const uint32_t index = FindPrincipal(account.inventory, options.principal, err);
  if (index == kNoIndex) return ExitCode::kUsage;
  const Entity& entity = account.inventory.entities[index];

  ReachPolicyCache cache(account.sources, account.inventory);
  GatheredPolicies gathered = GatherPrincipalPolicies(cache, index, account.external);
  ReachOptions reach_options;
  reach_options.context = account.context;
  PrincipalReach reach = AnalyzeReach(catalog, gathered, account.inventory, reach_options);

  std::vector<const ReachVerdict*> verdicts;
  for (const ReachVerdict& v : reach.verdicts) {
    bool pass = !filter.any();
    for (ActionId a : v.actions) pass = pass || filter.Passes(catalog, a);
    if (pass) verdicts.push_back(&v);
  }
  std::vector<const ActionReach*> actions;
  for (const ActionReach& a : reach.actions) {
    if (a.reach != Reach::kNever && filter.Passes(catalog, a.action)) actions.push_back(&a);
  }

  if (!options.html_file.empty()) {
    lint::AccessHtmlOptions html;
    html.external = account.external;
    if (!WriteHtmlFile(options.html_file, err, [&](std::ostream& page) {
          lint::WriteAccessHtml(page, catalog, cache, gathered, reach, html);
        })) {
      return ExitCode::kUsage;
    }
  }
  if (options.format == "json") {
    JsonWriter w;
    w.BeginObject();
    w.Key("version");
    w.Int(1);
    w.Key("principal");
    w.BeginObject();
    w.Key("type");
    w.String(EntityTypeName(entity.type));
    w.Key("name");
    w.String(entity.name);
    w.Key("arn");
    w.String(entity.arn);
    w.Key("declared");
    w.String(Location(account.sources, entity.span));
    if (entity.type == EntityType::kUser) {
      w.Key("access_key");
      w.String(AccessKeyJson(entity));
    }
    w.EndObject();
    w.Key("context");
    w.String(reach.leaked_key ? "leaked-key" : "unknown");
    w.Key("context_overrides");
    w.BeginArray();
    for (const PartialContext::Entry& e : account.context) {
      w.BeginObject();
      w.Key("key");
      w.String(e.key);
      w.Key("values");
      WriteStrings(w, e.values);
      w.EndObject();
    }
    w.EndArray();
    w.Key("filter");
    w.BeginObject();
    w.Key("service");
    if (filter.service) w.String(catalog.service_prefix(*filter.service)); else w.Null();
    w.Key("level");
    if (filter.level) w.String(AccessLevelName(*filter.level)); else w.Null();
    w.EndObject();
    w.Key("policies");
    w.BeginArray();
    for (const GatheredPolicy& p : gathered.policies) {
      w.BeginObject();
      w.Key("via");
      w.String(ReachViaName(p.via));
      std::string name, arn;
      if (p.found != kNoIndex) {
        const FoundPolicy& f = account.inventory.policies[p.found];
        name = f.name;
        arn = f.arn;
      } else if (p.external != kNoIndex) {
        name = account.external[p.external].name;
      }
      w.Key("name");
      w.String(name);
      w.Key("arn");
      w.String(arn);
      w.Key("group");
      w.String(p.group);
      w.Key("location");
      w.String(Location(account.sources, p.document->span));
      w.EndObject();
    }
    w.EndArray();
    w.Key("unresolved");
    WriteStrings(w, gathered.unresolved);
    w.Key("missing_groups");
    WriteStrings(w, gathered.missing_groups);
    w.Key("full_admin");
    w.Bool(reach.full_admin);
    w.Key("counts");
    w.BeginObject();
    w.Key("always");
    w.Int(reach.always);
    w.Key("conditional");
    w.Int(reach.conditional);
    w.Key("not_by_key");
    w.Int(reach.not_by_key);
    w.EndObject();
    w.Key("score");
    w.Int(static_cast<int64_t>(reach.score));
    w.Key("verdicts");
    w.BeginArray();
    for (const ReachVerdict* v : verdicts) {
      w.BeginObject();
      w.Key("category");
      w.String(RiskCategoryId(v->category));
      w.Key("consequence");
      w.String(v->consequence);
      w.Key("recipe");
      w.String(v->recipe);
      w.Key("actions");
      w.BeginArray();
      for (ActionId a : v->actions) w.String(catalog.FullName(a));
      w.EndArray();
      w.Key("reach");
      w.String(ReachName(v->reach));
      w.Key("all_resources");
      w.Bool(v->all_resources);
      w.Key("resources");
      WriteStrings(w, v->resources);
      w.Key("conditions");
      WriteConditions(w, v->conditions);
      w.Key("decisive");
      WriteCitations(w, account, gathered, v->decisive);
      w.EndObject();
    }
    w.EndArray();
    w.Key("services");
    w.BeginArray();
    for (const ServiceReach& s : reach.services) {
      if (filter.service && s.service != *filter.service) continue;
      w.BeginObject();
      w.Key("service");
      w.String(catalog.service_prefix(s.service));
      w.Key("levels");
      w.BeginObject();
      for (AccessLevel level : kLevels) {
        if (filter.level && level != *filter.level) continue;
        const ReachCell& c = s.cells[static_cast<size_t>(level)];
        w.Key(AccessLevelName(level));
        w.BeginObject();
        w.Key("total");
        w.Int(c.total);
        w.Key("all");
        w.Int(c.all);
        w.Key("some");
        w.Int(c.some);
        w.Key("conditional");
        w.Int(c.conditional);
        w.Key("not_by_key");
        w.Int(c.not_by_key);
        w.EndObject();
      }
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.Key("actions");
    w.BeginArray();
    for (const ActionReach* a : actions) {
      w.BeginObject();
      w.Key("action");
      w.String(catalog.FullName(a->action));
      w.Key("level");
      w.String(AccessLevelName(catalog.access_level(a->action)));
      w.Key("reach");
      w.String(ReachName(a->reach));
      w.Key("all_resources");
      w.Bool(a->all_resources);
      w.Key("resources");
      WriteStrings(w, a->resources);
      w.Key("conditions");
      WriteConditions(w, a->conditions);
      w.Key("decisive");
      WriteCitations(w, account, gathered, a->decisive);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << w.text() << "\n";
    return ExitCode::kOk;
  }

  // Text.
  out << EntityTypeName(entity.type) << " " << Backquote(entity.name);
  if (!entity.arn.empty()) out << " (" << SanitizeForTerminal(entity.arn) << ")";
  if (entity.type == EntityType::kUser) out << ": " << AccessKeyText(entity, account.credentials);
  out << "\n";
  out << "context: " << ContextPhrase(account, reach.leaked_key) << "\n";
  out << "policies: " << gathered.policies.size();
  if (!gathered.unresolved.empty()) {
    out << "; not analysed (unknown managed policies, reach may be larger): ";
    for (size_t i = 0; i < gathered.unresolved.size(); ++i) {
      out << (i ? ", " : "") << Backquote(gathered.unresolved[i]);
    }
  }
  if (!gathered.missing_groups.empty()) {
    out << "; groups not in the input: ";
    for (size_t i = 0; i < gathered.missing_groups.size(); ++i) {
      out << (i ? ", " : "") << Backquote(gathered.missing_groups[i]);
    }
  }
  out << "\n\n";

  out << "Verdicts\n";
  if (reach.full_admin && !filter.any()) {
    // The decisive statement of any action: the first verdict's.
    out << "  " << SubjectOf(entity, reach.leaked_key)
        << " has full administrator access: every action on every resource";
    if (!verdicts.empty() && !verdicts[0]->decisive.empty()) {
      out << " — " << CiteStatement(account, gathered, verdicts[0]->decisive[0]);
    }
    out << "\n";
  }
  if (verdicts.empty()) out << "  none: no risky action is reachable" << (filter.any() ? " in this selection" : "") << "\n";
  constexpr size_t kPerCategory = 3;
  for (size_t c = 0; c < kRiskCategoryCount; ++c) {
    const RiskCategory category = static_cast<RiskCategory>(c);
    size_t shown = 0, total = 0;
    for (const ReachVerdict* v : verdicts) {
      if (v->category != category) continue;
      ++total;
      if (shown == kPerCategory) continue;
      if (shown == 0) out << "  " << RiskCategoryId(category) << ":\n";
      out << "    " << VerdictLine(catalog, account, gathered, entity, reach, *v) << "\n";
      ++shown;
    }
    if (total > shown) {
      out << "    ... and " << Plural(total - shown, "more", "more") << " (--format json lists all)\n";
    }
  }
  out << "\n";

  // Service × access level table.
  std::vector<const ServiceReach*> rows;
  for (const ServiceReach& s : reach.services) {
    if (filter.service && s.service != *filter.service) continue;
    uint32_t any = 0;
    for (AccessLevel level : kLevels) {
      if (filter.level && level != *filter.level) continue;
      const ReachCell& cell = s.cells[static_cast<size_t>(level)];
      any += cell.reached() + cell.not_by_key;
    }
    if (any > 0) rows.push_back(&s);
  }
  auto reached_of = [](const ServiceReach* s) {
    uint32_t n = 0;
    for (const ReachCell& c : s->cells) n += c.reached();
    return n;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const ServiceReach* a, const ServiceReach* b) {
    return reached_of(a) > reached_of(b);
  });
  out << "Reach by service and access level (reached/actions; ~ some resources only, ? conditional, "
         "mfa: not by a leaked key)\n";
  if (rows.empty()) {
    out << "  nothing\n";
  } else {
    constexpr size_t kMaxRows = 15;
    std::string header = "  " + Pad("service", 20);
    for (AccessLevel level : kLevels) {
      if (filter.level && level != *filter.level) continue;
      header += Pad(std::string(AccessLevelName(level)), 24);
    }
    while (header.back() == ' ') header.pop_back();
    out << header;
    out << "\n";
    for (size_t i = 0; i < rows.size() && i < kMaxRows; ++i) {
      std::string line = "  " + Pad(std::string(catalog.service_prefix(rows[i]->service)), 20);
      for (AccessLevel level : kLevels) {
        if (filter.level && level != *filter.level) continue;
        line += Pad(CellText(rows[i]->cells[static_cast<size_t>(level)]), 24);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << "\n";
    }
    if (rows.size() > kMaxRows) {
      out << "  ... and " << Plural(rows.size() - kMaxRows, "more service", "more services")
          << " (--service to narrow, --format json lists all)\n";
    }
  }
  out << "\n";

  // Details.
  constexpr size_t kMaxDetails = 40;
  out << "Actions (" << WithThousands(actions.size()) << ")\n";
  if (actions.size() > kMaxDetails && !filter.service) {
    out << "  narrow with --service SERVICE [--level LEVEL] to list them\n";
    return ExitCode::kOk;
  }
  for (const ActionReach* a : actions) {
    std::string line = "  " + catalog.FullName(a->action) + " (" +
                       std::string(AccessLevelName(catalog.access_level(a->action))) + "): ";
    const std::string scope = a->all_resources ? "on all resources" : "on " + ResourcesPhrase(a->resources);
    switch (a->reach) {
      case Reach::kAlways: line += "allowed " + scope; break;
      case Reach::kConditional: line += "allowed " + scope + ", " + ConditionsPhrase(a->conditions); break;
      case Reach::kNotByKey:
        line += "not by a leaked key (allowed " + scope + ", " + ConditionsPhrase(a->conditions) + ")";
        break;
      case Reach::kNever: break;
    }
    if (!a->decisive.empty()) line += " — " + CiteStatement(account, gathered, a->decisive[0]);
    out << line << "\n";
  }
  return ExitCode::kOk;
}

std::string ReachSummary(const Catalog& catalog, const PrincipalReach& reach) {
  if (reach.full_admin) return "full administrator access";
  size_t services = 0;
  for (const ServiceReach& s : reach.services) {
    for (const ReachCell& c : s.cells) {
      if (c.reached() > 0) {
        ++services;
        break;
      }
    }
  }
  std::string out = Plural(reach.always, "action", "actions");
  if (reach.conditional > 0) out += " (+" + WithThousands(reach.conditional) + " conditional)";
  out += " in " + Plural(services, "service", "services");
  if (services == 1) {
    for (const ServiceReach& s : reach.services) {
      for (const ReachCell& c : s.cells) {
        if (c.reached() > 0) {
          out += " (" + std::string(catalog.service_prefix(s.service)) + ")";
          break;
        }
      }
      if (out.back() == ')') break;
    }
  }
  if (reach.not_by_key > 0) out += "; " + WithThousands(reach.not_by_key) + " only with MFA";
  return out;
}

std::vector<std::string_view> RiskCategoriesOf(const PrincipalReach& reach, bool include_conditional) {
  std::vector<std::string_view> out;
  for (const ReachVerdict& v : reach.verdicts) {
    if (v.reach == Reach::kNotByKey || (!include_conditional && v.reach != Reach::kAlways)) continue;
    std::string_view id = RiskCategoryId(v.category);
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

ExitCode RunAll(const AccessCommandOptions& options, LoadedAccount& account, std::ostream& out,
                std::ostream& err) {
  const Catalog& catalog = Catalog::BuiltIn();
  ReachPolicyCache cache(account.sources, account.inventory);
  RankOptions rank;
  rank.roles = options.roles;
  rank.reach.context = account.context;
  rank.external = account.external;
  Progress progress(err, options.progress, "access", "entities");
  rank.progress = [&progress](size_t done, size_t total) { progress.Update(done, total); };
  std::vector<RankedPrincipal> ranked = RankPrincipals(catalog, cache, rank);
  progress.Finish();
  const Inventory& inv = account.inventory;
  size_t users = 0, roles = 0, keys = 0;
  for (const RankedPrincipal& p : ranked) {
    if (inv.entities[p.entity].type == EntityType::kUser) ++users; else ++roles;
    if (p.active_key) ++keys;
  }

  if (!options.html_file.empty()) {
    lint::AccessHtmlOptions html;
    html.external = account.external;
    html.max_verdicts = 20;
    html.max_services = 40;
    if (!WriteHtmlFile(options.html_file, err, [&](std::ostream& page) {
          lint::WriteAccessHtml(page, catalog, cache, ranked, html);
        })) {
      return ExitCode::kUsage;
    }
  }
  if (options.format == "json") {
    JsonWriter w;
    w.BeginObject();
    w.Key("version");
    w.Int(1);
    w.Key("account");
    w.String(inv.account_id);
    w.Key("users");
    w.Int(static_cast<int64_t>(users));
    w.Key("roles");
    w.Int(static_cast<int64_t>(roles));
    w.Key("active_keys");
    w.Int(static_cast<int64_t>(keys));
    w.Key("principals");
    w.BeginArray();
    size_t rank_no = 0;
    for (const RankedPrincipal& p : ranked) {
      const Entity& e = inv.entities[p.entity];
      w.BeginObject();
      w.Key("rank");
      w.Int(static_cast<int64_t>(++rank_no));
      w.Key("type");
      w.String(EntityTypeName(e.type));
      w.Key("name");
      w.String(e.name);
      w.Key("arn");
      w.String(e.arn);
      if (e.type == EntityType::kUser) {
        w.Key("access_key");
        w.String(AccessKeyJson(e));
      }
      w.Key("context");
      w.String(p.reach.leaked_key ? "leaked-key" : "unknown");
      w.Key("score");
      w.Int(static_cast<int64_t>(p.reach.score));
      w.Key("full_admin");
      w.Bool(p.reach.full_admin);
      w.Key("counts");
      w.BeginObject();
      w.Key("always");
      w.Int(p.reach.always);
      w.Key("conditional");
      w.Int(p.reach.conditional);
      w.Key("not_by_key");
      w.Int(p.reach.not_by_key);
      w.EndObject();
      w.Key("risk_categories");
      w.BeginArray();
      for (std::string_view c : RiskCategoriesOf(p.reach, true)) w.String(c);
      w.EndArray();
      w.Key("verdicts");
      w.Int(static_cast<int64_t>(p.reach.verdicts.size()));
      w.Key("alternative");
      if (p.alternative) {
        w.BeginObject();
        w.Key("role");
        w.String(inv.entities[p.alternative->role].name);
        w.Key("trust");
        w.String(RoleTrustName(p.alternative->trust));
        w.Key("trusted");
        w.String(p.alternative->trusted);
        w.Key("shared_pairs");
        w.Int(p.alternative->shared_services);
        w.Key("user_pairs");
        w.Int(p.alternative->user_services);
        w.EndObject();
      } else {
        w.Null();
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << w.text() << "\n";
    return ExitCode::kOk;
  }

  out << "Principals by reach (" << Plural(users, "user", "users");
  if (options.roles) out << ", " << Plural(roles, "role", "roles");
  out << "; " << Plural(keys, "active access key", "active access keys")
      << "): users with an active access key first\n";
  size_t rank_no = 0;
  for (const RankedPrincipal& p : ranked) {
    const Entity& e = inv.entities[p.entity];
    out << "  " << ++rank_no << ". " << EntityTypeName(e.type) << " " << Backquote(e.name);
    if (e.type == EntityType::kUser) out << ", " << AccessKeyText(e, account.credentials);
    out << ": " << ReachSummary(catalog, p.reach) << " (score " << WithThousands(p.reach.score) << ")\n";
    std::vector<std::string_view> risks = RiskCategoriesOf(p.reach, true);
    if (!risks.empty()) {
      out << "       risks: ";
      for (size_t i = 0; i < risks.size(); ++i) out << (i ? ", " : "") << risks[i];
      out << "\n";
    }
    if (e.type != EntityType::kUser) continue;
    if (p.alternative) {
      const RoleAlternative& a = *p.alternative;
      out << "       instead: role " << Backquote(inv.entities[a.role].name) << " ("
          << RoleTrustName(a.trust) << " " << SanitizeForTerminal(a.trusted) << ") reaches "
          << a.shared_services << " of the user's " << a.user_services
          << " (service, access level) pairs\n";
    } else if (p.reach.always + p.reach.conditional > 0) {
      out << "       instead: no role of the account fits; use a role: an instance profile for EC2, "
             "OIDC federation for CI, IAM Identity Center for people\n";
    }
  }
  return ExitCode::kOk;
}

}  // namespace

void WriteConditions(JsonWriter& w, const std::vector<GrantCondition>& conditions) {
  w.BeginArray();
  for (const GrantCondition& c : conditions) {
    w.BeginObject();
    w.Key("operator");
    w.String(c.op);
    w.Key("key");
    w.String(c.key);
    w.Key("values");
    w.BeginArray();
    for (const std::string& v : c.values) w.String(v);
    w.EndArray();
    w.Key("from_deny");
    w.Bool(c.from_deny);
    w.Key("text");
    w.String(DescribeCondition(c));
    w.EndObject();
  }
  w.EndArray();
}

// ---------------------------------------------------------------------------
// Shared helpers

bool LoadAccount(const AccountInputOptions& options, LoadedAccount* account, std::ostream& err) {
  if (options.account.empty()) {
    err << "iamlint: --account is required\n";
    return false;
  }
  SourceId id;
  if (!ReadFileInto(options.account, options.max_input_bytes, account->sources, &id, err)) {
    return false;
  }
  InputReadOptions read;
  read.json.max_bytes = options.max_input_bytes;
  read.yaml.max_bytes = options.max_input_bytes;
  DiagnosticSink sink;
  if (!ReadInventory(account->sources, id, read, &account->inventory, sink)) {
    PrintErrors(account->sources, options.account, sink, err);
    return false;
  }
  if (account->inventory.format == InputFormat::kPolicy ||
      account->inventory.format == InputFormat::kCredentialReport) {
    err << "iamlint: " << SanitizeForTerminal(options.account)
        << ": not an account: expected an account snapshot (aws iam "
           "get-account-authorization-details), a CloudFormation template or a Terraform plan\n";
    return false;
  }
  if (!options.credentials.empty()) {
    SourceId cid;
    if (!ReadFileInto(options.credentials, options.max_input_bytes, account->sources, &cid, err)) {
      return false;
    }
    std::vector<CredentialReportRow> rows;
    DiagnosticSink csink;
    if (!ReadCredentialReport(account->sources, cid, &rows, csink)) {
      PrintErrors(account->sources, options.credentials, csink, err);
      return false;
    }
    ApplyCredentialReport(rows, &account->inventory);
    account->credentials = true;
  }
  auto load_policy = [&](const std::string& path, PolicyKind kind, ReachVia via, int level) {
    SourceId pid;
    if (!ReadFileInto(path, options.max_input_bytes, account->sources, &pid, err)) return false;
    PolicyReadOptions pread;
    pread.json.max_bytes = options.max_input_bytes;
    pread.build.kind = kind;
    pread.build.check_size = false;
    DiagnosticSink psink;
    std::optional<PolicyDocument> doc = ReadPolicy(account->sources, pid, pread, psink);
    if (!doc) {
      PrintErrors(account->sources, path, psink, err);
      return false;
    }
    account->external_documents.push_back(std::make_unique<PolicyDocument>(std::move(*doc)));
    ExternalPolicy e;
    e.document = account->external_documents.back().get();
    e.via = via;
    e.level = level;
    e.name = path;
    account->external.push_back(std::move(e));
    return true;
  };
  for (size_t i = 0; i < options.scps.size(); ++i) {
    if (!load_policy(options.scps[i], PolicyKind::kScp, ReachVia::kScp, static_cast<int>(i))) return false;
    // A level whose file has no Allow (a deny list) gets FullAWSAccess
    // alongside, as AWS attaches it to every level by default.
    bool allows = false;
    for (const Statement& st : account->external.back().document->statements) {
      allows = allows || (st.effect && st.effect->value == Effect::kAllow);
    }
    if (allows) continue;
    SourceId full = account->sources.AddBuffer(
        "FullAWSAccess",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
        "\"Resource\":\"*\"}]}");
    PolicyReadOptions fread;
    fread.build.kind = PolicyKind::kScp;
    DiagnosticSink fsink;
    std::optional<PolicyDocument> doc = ReadPolicy(account->sources, full, fread, fsink);
    if (!doc) continue;
    account->external_documents.push_back(std::make_unique<PolicyDocument>(std::move(*doc)));
    ExternalPolicy e;
    e.document = account->external_documents.back().get();
    e.via = ReachVia::kScp;
    e.level = static_cast<int>(i);
    e.name = "FullAWSAccess";
    account->external.push_back(std::move(e));
  }
  for (const std::string& p : options.resource_policies) {
    if (!load_policy(p, PolicyKind::kResource, ReachVia::kResource, 0)) return false;
  }
  for (const std::string& kv : options.context) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0 || kv.find(':') > eq) {
      err << "iamlint: --context: expected key=value with a `prefix:name` key, got "
          << Backquote(kv) << "\n";
      return false;
    }
    std::string key = kv.substr(0, eq), value = kv.substr(eq + 1);
    auto it = std::find_if(account->context.begin(), account->context.end(),
                           [&](const PartialContext::Entry& e) { return Lower(e.key) == Lower(key); });
    if (it == account->context.end()) {
      account->context.push_back({key, {value}, false});
    } else {
      it->values.push_back(value);
      it->is_list = true;
    }
  }
  return true;
}

uint32_t FindPrincipal(const Inventory& inventory, const std::string& principal, std::ostream& err) {
  std::vector<uint32_t> matches;
  const bool is_arn = principal.starts_with("arn:");
  for (uint32_t i = 0; i < inventory.entities.size(); ++i) {
    const Entity& e = inventory.entities[i];
    if (e.type == EntityType::kGroup) continue;
    if (is_arn ? e.arn == principal : e.name == principal) matches.push_back(i);
  }
  if (matches.size() == 1) return matches[0];
  if (matches.size() > 1) {
    err << "iamlint: " << Backquote(principal) << " names both a user and a role; give its ARN\n";
    return kNoIndex;
  }
  err << "iamlint: no user or role " << Backquote(principal) << " in the account";
  std::vector<std::string_view> names;
  for (const Entity& e : inventory.entities) {
    if (e.type != EntityType::kGroup) names.push_back(is_arn ? std::string_view(e.arn) : std::string_view(e.name));
  }
  std::string suggestion = ClosestMatch(principal, names);
  if (!suggestion.empty()) err << "; did you mean " << Backquote(suggestion) << "?";
  err << "\n";
  return kNoIndex;
}

std::string CiteStatement(const LoadedAccount& account, const GatheredPolicies& gathered,
                          const StatementLoc& loc) {
  if (loc.policy >= gathered.policies.size()) return "";
  const GatheredPolicy& p = gathered.policies[loc.policy];
  const Statement* s =
      loc.statement < p.document->statements.size() ? &p.document->statements[loc.statement] : nullptr;
  std::string where;
  if (p.found != kNoIndex) {
    const FoundPolicy& f = account.inventory.policies[p.found];
    if (IsAwsManaged(f) && p.attachment.valid()) {
      return Location(account.sources, p.attachment) + " (AWS managed policy " +
             SanitizeForTerminal(f.name) + (p.group.empty() ? "" : ", via group " + Backquote(p.group)) +
             ")";
    }
    where = std::string(ReachViaName(p.via)) + " " + SanitizeForTerminal(f.name);
    if (!p.group.empty()) where += " of group " + Backquote(p.group);
  } else {
    where = std::string(ReachViaName(p.via));
  }
  Span span = p.document->span;
  if (s != nullptr) {
    span = s->action ? s->action->key_span : s->span;
    if (!span.valid()) span = s->span;
    where += s->sid && !s->sid->value.empty() ? ", statement " + SanitizeForTerminal(s->sid->value)
                                              : ", statement #" + std::to_string(s->index + 1);
  }
  return Location(account.sources, span) + " (" + where + ")";
}

std::string SubjectOf(const Entity& entity, bool leaked_key) {
  if (entity.type == EntityType::kUser && leaked_key) {
    return "a leaked access key of " + Backquote(entity.name);
  }
  return std::string(EntityTypeName(entity.type)) + " " + Backquote(entity.name);
}

std::string ConditionsPhrase(const std::vector<GrantCondition>& conditions) {
  auto join = [](const std::vector<std::string>& parts, std::string_view last) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
      out += i == 0 ? "" : i + 1 == parts.size() ? std::string(last) : ", ";
      out += parts[i];
    }
    return out;
  };
  // Allow conditions all hold ("only a and b"); a Deny's conditions must
  // all hold for it to cut, so each Deny reads "unless a and b".
  std::vector<std::string> only;
  std::vector<std::pair<StatementLoc, std::vector<std::string>>> unless;
  for (const GrantCondition& c : conditions) {
    std::string d = SanitizeForTerminal(DescribeCondition(c));
    if (!c.from_deny) {
      if (std::find(only.begin(), only.end(), d) == only.end()) only.push_back(std::move(d));
      continue;
    }
    if (d.starts_with("unless ")) d = d.substr(7);
    auto it = std::find_if(unless.begin(), unless.end(), [&](const auto& u) { return u.first == c.where; });
    if (it == unless.end()) {
      unless.push_back({c.where, {}});
      it = unless.end() - 1;
    }
    if (std::find(it->second.begin(), it->second.end(), d) == it->second.end()) it->second.push_back(std::move(d));
  }
  std::string out;
  if (!only.empty()) out = "only " + join(only, " and ");
  for (const auto& u : unless) out += (out.empty() ? "unless " : ", unless ") + join(u.second, " and ");
  return out.empty() ? "under conditions" : out;
}

ExitCode RunAccessCommand(const AccessCommandOptions& options, std::ostream& out, std::ostream& err) {
  if (options.all == !options.principal.empty()) {
    err << "iamlint access: give a PRINCIPAL (user or role name or ARN) or --all\n";
    return ExitCode::kUsage;
  }
  if (options.roles && !options.all) {
    err << "iamlint access: --roles goes with --all\n";
    return ExitCode::kUsage;
  }
  LoadedAccount account;
  if (!LoadAccount(options.input, &account, err)) return ExitCode::kUsage;
  if (options.all) return RunAll(options, account, out, err);
  return RunOnePrincipal(options, account, out, err);
}

}  // namespace iamlint::cli
