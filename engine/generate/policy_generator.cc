#include "engine/generate/policy_generator.h"

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>
#include <utility>

#include "engine/analysis/effective.h"
#include "engine/eval/caller.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/evaluator.h"
#include "engine/generate/event_mapping.h"
#include "engine/json/json_writer.h"
#include "engine/policy/policy_reader.h"

namespace iamlint {

namespace {

void AddNote(std::vector<std::string>* notes, const std::string& note) {
  if (std::find(notes->begin(), notes->end(), note) == notes->end()) notes->push_back(note);
}

bool IsAccount(std::string_view s) {
  return s.size() == 12 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool KnownCaller(const CallerIdentity& caller) {
  switch (caller.kind) {
    case CallerKind::kRoot:
    case CallerKind::kUser:
    case CallerKind::kRole:
    case CallerKind::kAssumedRole:
    case CallerKind::kFederatedUser:
      return caller.has_account();
    default:
      return false;
  }
}

std::string CallerOf(const CloudTrailEvent& e) {
  if (KnownCaller(ParseCaller(e.principal_arn))) return e.principal_arn;
  std::string account = IsAccount(e.account) ? e.account : "123456789012";
  return "arn:aws:iam::" + account + ":user/iamlint-generated";
}

// Statement classes, in output order.
enum class Class : uint8_t { kRead, kWrite, kPermissions };

Class ClassOf(AccessLevel level) {
  switch (level) {
    case AccessLevel::kList:
    case AccessLevel::kRead:
      return Class::kRead;
    case AccessLevel::kWrite:
    case AccessLevel::kTagging:
      return Class::kWrite;
    case AccessLevel::kPermissionsManagement:
      return Class::kPermissions;
  }
  return Class::kWrite;
}

std::string_view ClassName(Class c) {
  switch (c) {
    case Class::kRead:
      return "Read";
    case Class::kWrite:
      return "Write";
    case Class::kPermissions:
      return "Permissions";
  }
  return "";
}

// "s3" → "S3", "cognito-idp" → "CognitoIdp".
std::string CamelService(std::string_view prefix) {
  std::string out;
  bool upper = true;
  for (char c : prefix) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

std::string Quoted(JsonWriter& w, std::string_view s) {
  w.Clear();
  w.String(s);
  return std::string(w.text());
}

void WriteList(JsonWriter& w, std::string* out, std::string_view key,
               const std::vector<std::string>& values) {
  *out += "      \"" + std::string(key) + "\": ";
  if (values.size() == 1) {
    *out += Quoted(w, values[0]);
    return;
  }
  *out += "[\n";
  for (size_t i = 0; i < values.size(); ++i) {
    *out += "        " + Quoted(w, values[i]) + (i + 1 < values.size() ? ",\n" : "\n");
  }
  *out += "      ]";
}

}  // namespace

std::string ArnCluster(std::string_view arn) {
  size_t pos = 0;
  for (int colons = 0; colons < 5; ++colons) {
    pos = arn.find(':', pos);
    if (pos == std::string_view::npos) return std::string(arn);
    ++pos;
  }
  size_t cut = arn.find_first_of("/:", pos);
  return std::string(arn.substr(0, cut == std::string_view::npos ? pos : cut + 1));
}

bool MatchesFilter(const CloudTrailEvent& e, const PrincipalFilter& f) {
  if (!f.user.empty() && e.user_name != f.user) return false;
  if (!f.role.empty() && e.role_name != f.role) return false;
  if (!f.access_key.empty() && e.access_key_id != f.access_key) return false;
  return true;
}

void AddEvents(const Catalog& catalog, const std::vector<CloudTrailEvent>& events,
               const PrincipalFilter& filter, Needs* needs) {
  for (const CloudTrailEvent& e : events) {
    ++needs->records;
    if (!MatchesFilter(e, filter)) {
      ++needs->filtered_out;
      continue;
    }
    if (!e.event_type.empty() && e.event_type != "AwsApiCall") {
      ++needs->not_api_calls;
      continue;
    }
    if (!e.error_code.empty() && filter.only_successful) {
      ++needs->failed_skipped;
      continue;
    }
    MappedEvent mapped = MapEvent(catalog, e);
    std::string what = "(" + e.event_source + " " + e.event_name + ")";
    for (const std::string& unknown : mapped.unknown) ++needs->unmapped["`" + unknown + "` " + what];
    if (mapped.actions.empty() && mapped.unknown.empty()) {
      ++needs->unmapped["no IAM action for event source `" + e.event_source + "` " + what];
    }
    for (const std::string& note : mapped.notes) AddNote(&needs->notes, note);
    if (mapped.actions.empty()) continue;
    ++needs->used;
    if (!e.error_code.empty()) ++needs->failed_used;
    std::string caller = CallerOf(e);
    for (const ActionResources& ar : mapped.actions) {
      for (const std::string& resource : ar.resources) {
        NeededRequest r;
        r.principal = caller;
        r.action = ar.action;
        r.resource = resource;
        r.unrecorded = ar.unrecorded;
        r.error_code = e.error_code;
        r.span = e.span;
        needs->requests.push_back(std::move(r));
      }
    }
  }
}

void AddCaseRequest(const Catalog& catalog, const Request& request, Span span, Needs* needs) {
  ++needs->records;
  std::optional<ActionId> id = catalog.FindAction(request.action());
  if (!id) {
    ++needs->unmapped["`" + request.action() + "` (request case)"];
    return;
  }
  ++needs->used;
  NeededRequest r;
  r.principal = KnownCaller(request.caller()) ? request.principal() : std::string(kDefaultCaller);
  r.action = *id;
  r.resource = catalog.TakesNoResource(*id) || request.resource().empty() ? "*" : request.resource();
  r.span = span;
  needs->requests.push_back(std::move(r));
}

std::string EscapeResourceLiteral(std::string_view text) {
  // Only the resource part (after the fifth colon) takes policy variables;
  // a `*` that stands for an unknown region or account stays a wildcard.
  size_t head = 0;
  if (text.rfind("arn:", 0) == 0) {
    for (int colons = 0; colons < 5 && head != std::string_view::npos; ++colons) {
      head = text.find(':', head);
      if (head != std::string_view::npos) ++head;
    }
    if (head == std::string_view::npos) head = 0;
  }
  std::string out(text.substr(0, head));
  for (char c : text.substr(head)) {
    if (c == '$' || c == '*' || c == '?') {
      out += "${";
      out += c;
      out += '}';
    } else {
      out += c;
    }
  }
  return out;
}

std::string CommonPrefix(const std::vector<std::string>& texts) {
  std::string prefix = texts[0];
  for (const std::string& t : texts) {
    size_t n = 0;
    while (n < prefix.size() && n < t.size() && prefix[n] == t[n]) ++n;
    prefix.resize(n);
  }
  return prefix;
}

GeneratedPolicy GeneratePolicy(const Catalog& catalog, const std::vector<NeededRequest>& requests,
                               const GenerateOptions& options) {
  GeneratedPolicy policy;
  // Per action: exact ARNs (raw) and patterns.
  struct Uses {
    std::vector<std::string> exact;
    std::set<std::string> patterns;
  };
  std::map<ActionId, Uses> uses;
  for (const NeededRequest& r : requests) {
    Uses& u = uses[r.action];
    if (r.unrecorded || r.resource == "*") {
      u.patterns.insert(r.resource);
    } else if (std::find(u.exact.begin(), u.exact.end(), r.resource) == u.exact.end()) {
      u.exact.push_back(r.resource);
    }
  }
  // (service, class, resources) → actions.
  using Key = std::tuple<std::string, Class, std::vector<std::string>>;
  std::map<Key, std::vector<std::string>> groups;
  for (auto& [action, u] : uses) {
    std::set<std::string> resources;
    if (u.patterns.count("*") > 0) {
      resources.insert("*");
    } else {
      resources = u.patterns;
      std::map<std::pair<ResourceTypeId, std::string>, std::vector<std::string>> clusters;
      constexpr ResourceTypeId kNoType = ~ResourceTypeId{0};
      for (const std::string& arn : u.exact) {
        std::vector<ResourceTypeId> types = catalog.ClassifyArnFor(action, arn);
        clusters[{types.empty() ? kNoType : types[0], ArnCluster(arn)}].push_back(arn);
      }
      for (auto& [cluster, arns] : clusters) {
        if (options.collapse > 0 && arns.size() > options.collapse) {
          resources.insert(EscapeResourceLiteral(CommonPrefix(arns)) + "*");
          ++policy.collapsed;
        } else {
          for (const std::string& arn : arns) resources.insert(EscapeResourceLiteral(arn));
        }
      }
    }
    Key key{std::string(catalog.service_prefix(catalog.action_service(action))),
            ClassOf(catalog.access_level(action)),
            std::vector<std::string>(resources.begin(), resources.end())};
    groups[key].push_back(catalog.FullName(action));
  }
  // Sids: the service; its class when the service has several statements;
  // the resource type ("Bucket", "Object"; "All" for `*`) when the class
  // has several; a number when that is still not unique.
  std::map<std::string, size_t> per_service;
  std::map<std::pair<std::string, Class>, size_t> per_class;
  for (const auto& [key, actions] : groups) {
    ++per_service[std::get<0>(key)];
    ++per_class[{std::get<0>(key), std::get<1>(key)}];
  }
  std::set<std::string> used;
  for (auto& [key, actions] : groups) {
    const std::string& service = std::get<0>(key);
    const std::vector<std::string>& resources = std::get<2>(key);
    GeneratedStatement s;
    s.sid = CamelService(service);
    if (per_service[service] > 1) s.sid += ClassName(std::get<1>(key));
    if (per_class[{service, std::get<1>(key)}] > 1) {
      std::string type = "All";
      if (resources[0] != "*") {
        std::optional<ActionId> first = catalog.FindAction(actions[0]);
        std::vector<ResourceTypeId> types =
            first ? catalog.ClassifyArnFor(*first, resources[0]) : std::vector<ResourceTypeId>{};
        type = types.empty() ? "" : CamelService(catalog.resource_type_name(types[0]));
      }
      s.sid += type;
    }
    std::string base = s.sid;
    for (size_t n = 2; used.count(s.sid) > 0; ++n) s.sid = base + std::to_string(n);
    used.insert(s.sid);
    s.actions = actions;
    std::sort(s.actions.begin(), s.actions.end());
    s.resources = resources;
    policy.statements.push_back(std::move(s));
  }
  return policy;
}

std::string PolicyToJson(const GeneratedPolicy& policy) {
  JsonWriter w;
  std::string out = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [";
  for (size_t i = 0; i < policy.statements.size(); ++i) {
    const GeneratedStatement& s = policy.statements[i];
    out += i == 0 ? "\n" : ",\n";
    out += "    {\n      \"Sid\": " + Quoted(w, s.sid) + ",\n      \"Effect\": \"Allow\",\n";
    WriteList(w, &out, "Action", s.actions);
    out += ",\n";
    WriteList(w, &out, "Resource", s.resources);
    out += "\n    }";
  }
  out += policy.statements.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

ProofResult ProvePolicy(const Catalog& catalog, std::string_view policy_json,
                        const std::vector<NeededRequest>& requests, bool use_index) {
  ProofResult proof;
  SourceManager sources;
  SourceId id = sources.AddBuffer("<generated policy>", std::string(policy_json));
  PolicyReadOptions read;
  read.build.kind = PolicyKind::kIdentity;
  read.build.check_size = false;
  DiagnosticSink sink;
  std::optional<PolicyDocument> doc = ReadPolicy(sources, id, read, sink);
  for (Diagnostic& d : sink.Take()) {
    if (d.severity == Severity::kError) proof.policy_errors.push_back(std::move(d));
  }
  proof.policy_valid = doc.has_value() && proof.policy_errors.empty();
  if (!doc) {
    for (size_t i = 0; i < requests.size(); ++i) proof.denied.push_back(i);
    return proof;
  }
  auto shared = std::make_shared<const PolicyDocument>(std::move(*doc));
  std::shared_ptr<const CompiledPolicy> compiled = CompiledPolicy::Compile(shared);
  PolicyBundle bundle;
  bundle.identity.push_back(compiled.get());
  PolicyBundle federated = bundle;  // GetFederationToken passes it as the session policy too
  federated.session.push_back(compiled.get());
  EvalOptions eval;
  eval.use_index = use_index;
  eval.catalog = &catalog;
  EvalScratch scratch;
  Decision decision;
  // KMS key policies and role trust policies must themselves allow the
  // caller: the proof gives each such request the default that delegates
  // to IAM policies (the caller's account root as principal), so that what
  // decides is the identity side, the generated policy.
  std::map<std::string, std::shared_ptr<const CompiledPolicy>> delegating;
  auto delegate = [&](const std::string& partition, const std::string& account,
                      bool trust) -> const CompiledPolicy* {
    std::string key = (trust ? "trust " : "key ") + partition + " " + account;
    auto it = delegating.find(key);
    if (it != delegating.end()) return it->second.get();
    std::string text = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                       "\"Principal\": {\"AWS\": \"arn:" + partition + ":iam::" + account +
                       ":root\"}, \"Action\": \"" + (trust ? "sts:*\"}]}" : "kms:*\", \"Resource\": \"*\"}]}");
    SourceId policy_id = sources.AddBuffer("<delegating " + key + ">", std::move(text));
    PolicyReadOptions options;
    options.build.kind = trust ? PolicyKind::kTrust : PolicyKind::kResource;
    DiagnosticSink ignored;
    std::optional<PolicyDocument> d = ReadPolicy(sources, policy_id, options, ignored);
    if (!d) return nullptr;
    auto c = CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*d)));
    return (delegating[key] = std::move(c)).get();
  };
  std::set<ActionId> needed;
  for (size_t i = 0; i < requests.size(); ++i) {
    const NeededRequest& r = requests[i];
    needed.insert(r.action);
    Request request;
    request.set_principal(r.principal);
    request.set_action(catalog.FullName(r.action));
    request.set_resource(r.resource);
    CallerIdentity caller = ParseCaller(r.principal);
    if (caller.has_account()) request.set_resource_account(caller.account);
    request.Finish();
    PolicyBundle& used = caller.kind == CallerKind::kFederatedUser ? federated : bundle;
    used.resource = nullptr;
    std::string_view service = catalog.service_prefix(catalog.action_service(r.action));
    if (caller.has_account() && (service == "kms" || service == "sts")) {
      used.resource = delegate(caller.partition, caller.account, service == "sts");
    }
    Authorize(used, request, eval, &scratch, &decision);
    if (decision.kind == DecisionKind::kAllow) {
      ++proof.allowed;
    } else {
      proof.denied.push_back(i);
    }
  }
  GrantSet grants = AnalyzeGrants(catalog, *shared);
  for (const ActionGrant& g : grants.grants()) {
    if (g.level == GrantLevel::kNever || needed.count(g.action) > 0) continue;
    ++proof.other_actions;
    std::string service(catalog.service_prefix(catalog.action_service(g.action)));
    auto& counts = proof.other_by_service[service];
    ++counts[static_cast<size_t>(catalog.access_level(g.action))];
  }
  return proof;
}

std::string ProofSummary(const ProofResult& proof, size_t requests) {
  std::string out = std::to_string(proof.allowed) + " of " + std::to_string(requests) +
                    (requests == 1 ? " recorded request" : " recorded requests") +
                    " allowed; also allows " +
                    std::to_string(proof.other_actions) + " other action" +
                    (proof.other_actions == 1 ? "" : "s");
  if (proof.other_actions > 0) {
    out += " (";
    bool first_service = true;
    for (const auto& [service, counts] : proof.other_by_service) {
      out += first_service ? "" : "; ";
      first_service = false;
      out += service + ":";
      bool first = true;
      for (size_t level = 0; level < kAccessLevelCount; ++level) {
        if (counts[level] == 0) continue;
        out += first ? " " : ", ";
        first = false;
        out += std::to_string(counts[level]) + " " +
               std::string(AccessLevelName(static_cast<AccessLevel>(level)));
      }
    }
    out += ")";
  }
  return out;
}

}  // namespace iamlint
