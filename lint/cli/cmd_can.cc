#include "lint/cli/cmd_can.h"

#include <memory>
#include <optional>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/json/json_writer.h"
#include "engine/match/arn.h"
#include "lint/report/snippet.h"

namespace iamlint::cli {

namespace {

using lint::SanitizeForTerminal;

std::string Backquote(std::string_view s) { return "`" + SanitizeForTerminal(s) + "`"; }

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

// `document` with the statements whose resource scope covers `resource`
// scoped to `*`, and the others emptied (no action; statement indexes are
// positions, so none is removed).
std::unique_ptr<PolicyDocument> NarrowToResource(const PolicyDocument& document,
                                                 const std::string& resource, const Entity& entity) {
  auto out = std::make_unique<PolicyDocument>(document);
  out->statements.clear();
  const ShortArnMode mode = document.kind == PolicyKind::kIdentity ||
                                    document.kind == PolicyKind::kBoundary ||
                                    document.kind == PolicyKind::kSession
                                ? ShortArnMode::kPadWithWildcards
                                : ShortArnMode::kNeverMatch;
  for (const Statement& s : document.statements) {
    if (!s.resource) {
      out->statements.push_back(s);
      continue;
    }
    bool matched = false;
    for (const LocatedString& r : s.resource->values) {
      std::string pattern = r.value;
      if (entity.type == EntityType::kUser && document.variables_enabled()) {
        pattern = ReplaceAll(pattern, "${aws:username}", entity.name);
      }
      if (ResourcePattern::Compile(pattern, mode).Match(resource)) {
        matched = true;
        break;
      }
    }
    Statement copy = s;
    if (matched == s.resource->negated) {
      // Kept (statement indexes are positions) but matching no action.
      if (copy.action) {
        copy.action->negated = false;
        copy.action->values.clear();
      }
    } else {
      copy.resource->negated = false;
      copy.resource->values.resize(1);
      copy.resource->values[0].value = "*";
    }
    out->statements.push_back(std::move(copy));
  }
  return out;
}

std::string JoinResources(const std::vector<std::string>& resources) {
  std::string out;
  for (size_t i = 0; i < resources.size(); ++i) {
    if (i > 0) out += ", ";
    // AnalyzeGrants words NotResource scopes itself ("everything except `x`").
    out += resources[i].find('`') != std::string::npos ? SanitizeForTerminal(resources[i])
                                                       : Backquote(resources[i]);
  }
  return out;
}

const ActionReach* FindAction(const PrincipalReach& reach, ActionId id) {
  for (const ActionReach& a : reach.actions) {
    if (a.action == id) return &a;
  }
  return nullptr;
}

// The gate that stops a granted action when no Deny does: "permissions
// boundary", "SCP" (checked by analysing without the later gates).
std::string StoppingGate(const Catalog& catalog, const GatheredPolicies& gathered,
                         const Inventory& inventory, const ReachOptions& options, ActionId id) {
  GatheredPolicies partial;
  partial.entity = gathered.entity;
  for (const GatheredPolicy& p : gathered.policies) {
    if (p.role != PolicyRole::kScp) partial.policies.push_back(p);
  }
  PrincipalReach r = AnalyzeReach(catalog, partial, inventory, options);
  const ActionReach* a = FindAction(r, id);
  if (a == nullptr || a->reach == Reach::kNever) return "the permissions boundary does not allow it";
  return "an SCP does not allow it";
}

}  // namespace

ExitCode RunCanCommand(const CanCommandOptions& options, std::ostream& out, std::ostream& err) {
  const Catalog& catalog = Catalog::BuiltIn();
  std::optional<ActionId> action = catalog.FindAction(options.action);
  if (!action) {
    err << "iamlint can: unknown action " << Backquote(options.action);
    std::string s = catalog.SuggestAction(options.action);
    if (!s.empty()) err << "; did you mean " << Backquote(s) << "?";
    err << " (one catalog action, `service:Name`, no wildcards)\n";
    return ExitCode::kUsage;
  }
  if (!options.resource.empty() && options.resource != "*" && !options.resource.starts_with("arn:")) {
    err << "iamlint can: RESOURCE must be an ARN, got " << Backquote(options.resource) << "\n";
    return ExitCode::kUsage;
  }
  LoadedAccount account;
  if (!LoadAccount(options.input, &account, err)) return ExitCode::kUsage;
  const uint32_t index = FindPrincipal(account.inventory, options.principal, err);
  if (index == kNoIndex) return ExitCode::kUsage;
  const Entity& entity = account.inventory.entities[index];

  ReachPolicyCache cache(account.sources, account.inventory);
  GatheredPolicies gathered = GatherPrincipalPolicies(cache, index, account.external);
  std::vector<std::unique_ptr<PolicyDocument>> narrowed;
  const bool specific = !options.resource.empty() && options.resource != "*";
  if (specific) {
    for (GatheredPolicy& p : gathered.policies) {
      narrowed.push_back(NarrowToResource(*p.document, options.resource, entity));
      p.document = narrowed.back().get();
    }
  }
  ReachOptions reach_options;
  reach_options.context = account.context;
  PrincipalReach reach = AnalyzeReach(catalog, gathered, account.inventory, reach_options);
  const ActionReach* a = FindAction(reach, *action);

  const std::string name = catalog.FullName(*action);
  std::string decision, reason;
  std::vector<StatementLoc> cited;
  const std::string subject = SubjectOf(entity, reach.leaked_key);
  const std::string on = specific ? " on " + Backquote(options.resource) : "";
  if (a == nullptr) {
    decision = "deny";
    reason = subject + " cannot " + name + on + ": no policy allows it (implicit deny)";
  } else {
    switch (a->reach) {
      case Reach::kAlways:
        decision = "allow";
        reason = subject + " can " + name + on;
        if (!specific) {
          reason += a->all_resources ? " on every resource" : " only on " + JoinResources(a->resources);
        }
        cited = a->decisive;
        break;
      case Reach::kConditional:
        decision = "conditional";
        reason = subject + " can " + name + on + " " + ConditionsPhrase(a->conditions);
        cited = a->decisive;
        cited.insert(cited.end(), a->limiting_denies.begin(), a->limiting_denies.end());
        break;
      case Reach::kNotByKey:
        decision = "deny";
        reason = subject + " cannot " + name + on + ": " + SubjectOf(entity, false) + " can, " +
                 ConditionsPhrase(a->conditions) + ", which a leaked access key cannot satisfy";
        cited = a->decisive;
        break;
      case Reach::kNever:
        decision = "deny";
        if (!a->decisive.empty()) {
          reason = subject + " cannot " + name + on + ": explicitly denied";
          cited = a->decisive;
        } else {
          reason = subject + " cannot " + name + on + ": " +
                   StoppingGate(catalog, gathered, account.inventory, reach_options, *action);
        }
        break;
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
    w.EndObject();
    w.Key("action");
    w.String(name);
    w.Key("resource");
    if (specific) w.String(options.resource); else w.Null();
    w.Key("context");
    w.String(reach.leaked_key ? "leaked-key" : "unknown");
    w.Key("decision");
    w.String(decision);
    w.Key("reach");
    w.String(a == nullptr ? "never" : ReachName(a->reach));
    w.Key("reason");
    w.String(reason);
    w.Key("all_resources");
    w.Bool(a != nullptr && a->reach != Reach::kNever && a->all_resources);
    w.Key("resources");
    w.BeginArray();
    if (a != nullptr && a->reach != Reach::kNever) {
      for (const std::string& r : a->resources) w.String(r);
    }
    w.EndArray();
    w.Key("conditions");
    WriteConditions(w, a != nullptr ? a->conditions : std::vector<GrantCondition>{});
    w.Key("decisive");
    w.BeginArray();
    for (const StatementLoc& l : cited) w.String(CiteStatement(account, gathered, l));
    w.EndArray();
    w.EndObject();
    out << w.text() << "\n";
  } else {
    out << decision << ": " << reason << "\n";
    for (const StatementLoc& l : cited) out << "  " << CiteStatement(account, gathered, l) << "\n";
  }
  return decision == "allow" ? ExitCode::kOk : ExitCode::kFindings;
}

}  // namespace iamlint::cli
