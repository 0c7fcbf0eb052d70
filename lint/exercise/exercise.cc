#include "lint/exercise/exercise.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "engine/policy/policy_builder.h"

namespace iamlint::exercise {

namespace {

constexpr std::string_view kCode = "exercise-invalid";

std::string Quote(std::string_view s) { return "`" + std::string(s) + "`"; }

std::string_view KindWord(JsonKind kind) {
  switch (kind) {
    case JsonKind::kString:
      return "a string";
    case JsonKind::kNumber:
      return "a number";
    case JsonKind::kTrue:
    case JsonKind::kFalse:
      return "a boolean";
    case JsonKind::kNull:
      return "null";
    case JsonKind::kArray:
      return "an array";
    case JsonKind::kObject:
      return "an object";
    default:
      return "a value";
  }
}

bool ScalarText(JsonValue v, std::string* out) {
  switch (v.kind()) {
    case JsonKind::kString:
    case JsonKind::kNumber:
    case JsonKind::kTrue:
    case JsonKind::kFalse:
      *out = std::string(v.text());
      return true;
    default:
      return false;
  }
}

class Reader {
 public:
  Reader(const SourceManager& sources, const Catalog& catalog, DiagnosticSink& sink)
      : sources_(sources), catalog_(catalog), sink_(sink) {}

  bool failed() const { return failed_; }

  void Error(Span span, std::string message, std::vector<std::string> notes = {}) {
    failed_ = true;
    sink_.Report(kCode, Severity::kError, span, std::move(message), std::move(notes));
  }

  // Every key of `object` must be one of `known`.
  void KnownKeys(JsonValue object, std::string_view where,
                 std::initializer_list<std::string_view> known) {
    for (uint32_t i = 0; i < object.size(); ++i) {
      std::string_view key = object.key(i);
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      Error(object.key_span(i), "unknown field " + Quote(key) + " in " + std::string(where) +
                                    ": expected " + list);
    }
  }

  // A required non-empty string field.
  bool RequiredString(JsonValue object, std::string_view field, std::string_view where,
                      std::string* out) {
    JsonValue v = object.Find(field);
    if (!v.valid()) {
      Error(object.span(), std::string(where) + " has no " + Quote(field));
      return false;
    }
    return StringValue(v, field, where, out);
  }

  bool StringValue(JsonValue v, std::string_view field, std::string_view where,
                   std::string* out) {
    if (!v.is_string()) {
      Error(v.span(), Quote(field) + " in " + std::string(where) + " must be a string, not " +
                          std::string(KindWord(v.kind())));
      return false;
    }
    if (v.text().empty()) {
      Error(v.span(), Quote(field) + " in " + std::string(where) + " must not be empty");
      return false;
    }
    *out = std::string(v.text());
    return true;
  }

  // {"en": "...", "ja": "..."}; `extra` names further allowed keys.
  bool ReadText(JsonValue v, std::string_view field, Text* out,
                std::initializer_list<std::string_view> known = {"en", "ja"}) {
    if (!v.is_object()) {
      Error(v.span(), Quote(field) + " must be an object {\"en\": \"...\", \"ja\": \"...\"}, not " +
                          std::string(KindWord(v.kind())));
      return false;
    }
    KnownKeys(v, Quote(field), known);
    bool ok = RequiredString(v, "en", Quote(field), &out->en);
    ok = RequiredString(v, "ja", Quote(field), &out->ja) && ok;
    return ok;
  }

  bool ReadRequest(JsonValue v, const std::string& where, const std::string& default_principal,
                   Request* out) {
    if (!v.is_object()) {
      Error(v.span(), "`request` of " + where + " must be an object, not " +
                          std::string(KindWord(v.kind())));
      return false;
    }
    KnownKeys(v, "`request` of " + where,
              {"principal", "action", "resource", "resourceAccount", "context"});
    bool ok = true;
    std::string action;
    if (RequiredString(v, "action", "`request` of " + where, &action)) {
      size_t colon = action.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == action.size()) {
        Error(v.Find("action").span(),
              "action " + Quote(action) + " of " + where + " must be `service:Action`");
        ok = false;
      } else if (!catalog_.FindAction(action)) {
        std::string guess = catalog_.SuggestAction(action);
        Error(v.Find("action").span(), "action " + Quote(action) + " of " + where +
                                           " is not in the catalog",
              guess.empty() ? std::vector<std::string>{}
                            : std::vector<std::string>{"did you mean " + Quote(guess) + "?"});
        ok = false;
      }
    } else {
      ok = false;
    }
    out->set_action(action);
    JsonValue resource = v.Find("resource");
    std::string text = "*";
    if (resource.valid() && !StringValue(resource, "resource", "`request` of " + where, &text)) {
      ok = false;
    }
    out->set_resource(text);
    JsonValue principal = v.Find("principal");
    std::string caller = default_principal;
    if (principal.valid()) {
      if (!StringValue(principal, "principal", "`request` of " + where, &caller)) ok = false;
    } else if (caller.empty()) {
      Error(v.span(), "`request` of " + where +
                          " has no `principal`, and the exercise gives no default `principal`");
      ok = false;
    }
    out->set_principal(caller);
    JsonValue account = v.Find("resourceAccount");
    if (account.valid()) {
      std::string a;
      if (StringValue(account, "resourceAccount", "`request` of " + where, &a)) {
        out->set_resource_account(a);
      } else {
        ok = false;
      }
    }
    JsonValue context = v.Find("context");
    if (context.valid()) {
      if (!context.is_object()) {
        Error(context.span(), "`context` of " + where + " must be an object, not " +
                                  std::string(KindWord(context.kind())));
        return false;
      }
      for (uint32_t i = 0; i < context.size(); ++i) {
        JsonValue value = context.member_value(i);
        std::vector<std::string> values;
        std::string scalar;
        bool is_list = value.is_array();
        if (is_list) {
          for (uint32_t k = 0; k < value.size(); ++k) {
            if (!ScalarText(value.element(k), &scalar)) {
              Error(value.element(k).span(), "context values must be strings, numbers or booleans");
              ok = false;
              continue;
            }
            values.push_back(scalar);
          }
        } else if (ScalarText(value, &scalar)) {
          values.push_back(scalar);
        } else {
          Error(value.span(), "context value of " + Quote(context.key(i)) +
                                  " must be a string, number, boolean or a list of them");
          ok = false;
          continue;
        }
        out->AddContext(context.key(i), std::move(values), is_list);
      }
    }
    out->Finish();
    return ok;
  }

  void ReadRequirements(JsonValue list, bool must_allow, const std::string& default_principal,
                        std::set<std::string, std::less<>>* ids, Exercise* ex) {
    std::string_view field = must_allow ? "allow" : "deny";
    if (!list.is_array()) {
      Error(list.span(), Quote(field) + " must be an array of requirements, not " +
                             std::string(KindWord(list.kind())));
      return;
    }
    if (must_allow && list.size() == 0) {
      Error(list.span(), "`allow` must list at least one request the policy must allow");
    }
    for (uint32_t i = 0; i < list.size(); ++i) {
      JsonValue item = list.element(i);
      std::string where = Quote(field) + "[" + std::to_string(i) + "]";
      if (!item.is_object()) {
        Error(item.span(), where + " must be an object {\"id\", \"request\"}, not " +
                               std::string(KindWord(item.kind())));
        continue;
      }
      KnownKeys(item, where, {"id", "about", "request"});
      Requirement req;
      req.must_allow = must_allow;
      req.span = item.span();
      if (RequiredString(item, "id", where, &req.id)) {
        if (!ids->insert(req.id).second) {
          Error(item.Find("id").span(), "duplicate requirement id " + Quote(req.id));
        }
        where = "requirement " + Quote(req.id);
      }
      JsonValue about = item.Find("about");
      if (about.valid()) ReadText(about, "about", &req.about);
      JsonValue request = item.Find("request");
      if (!request.valid()) {
        Error(item.span(), where + " has no `request`");
        continue;
      }
      if (ReadRequest(request, where, default_principal, &req.request)) {
        ex->requirements.push_back(std::move(req));
      }
    }
  }

  void ReadBudget(JsonValue list, Exercise* ex) {
    if (!list.is_array()) {
      Error(list.span(), "`budget` must be an array of action patterns or "
                         "{\"service\", \"level\"} objects, not " +
                             std::string(KindWord(list.kind())));
      return;
    }
    for (uint32_t i = 0; i < list.size(); ++i) {
      JsonValue item = list.element(i);
      if (item.is_string()) {
        std::vector<ActionId> ids = catalog_.Expand(item.text());
        if (ids.empty()) {
          Error(item.span(), "budget entry " + Quote(item.text()) + " matches no catalog action");
        }
        ex->budget.insert(ex->budget.end(), ids.begin(), ids.end());
        continue;
      }
      if (!item.is_object()) {
        Error(item.span(), "a budget entry must be an action pattern or an object "
                           "{\"service\": \"s3\", \"level\": \"list\"}, not " +
                               std::string(KindWord(item.kind())));
        continue;
      }
      KnownKeys(item, "a budget entry", {"service", "level"});
      std::string service, level;
      bool ok = RequiredString(item, "service", "a budget entry", &service);
      ok = RequiredString(item, "level", "a budget entry", &level) && ok;
      if (!ok) continue;
      std::optional<ServiceId> sid = catalog_.FindService(service);
      if (!sid) {
        Error(item.Find("service").span(), "unknown service " + Quote(service));
        continue;
      }
      std::optional<AccessLevel> lvl = ParseAccessLevel(level);
      if (!lvl) {
        Error(item.Find("level").span(),
              "unknown access level " + Quote(level) +
                  ": expected list, read, write, permissions-management or tagging");
        continue;
      }
      std::vector<ActionId> ids = catalog_.ActionsWithLevel(*sid, *lvl);
      ex->budget.insert(ex->budget.end(), ids.begin(), ids.end());
    }
  }

  void ReadHints(JsonValue list, const std::set<std::string, std::less<>>& ids, Exercise* ex) {
    if (!list.is_array()) {
      Error(list.span(), "`hints` must be an array of {\"en\", \"ja\"} objects, not " +
                             std::string(KindWord(list.kind())));
      return;
    }
    for (uint32_t i = 0; i < list.size(); ++i) {
      JsonValue item = list.element(i);
      Hint hint;
      std::string field = "hints[" + std::to_string(i) + "]";
      if (!ReadText(item, field, &hint.text, {"en", "ja", "when"})) continue;
      JsonValue when = item.Find("when");
      if (when.valid()) {
        if (!when.is_array()) {
          Error(when.span(), "`when` of " + Quote(field) +
                                 " must be an array of requirement ids, `over-grant` or `lint`");
          continue;
        }
        for (uint32_t k = 0; k < when.size(); ++k) {
          JsonValue w = when.element(k);
          if (!w.is_string()) {
            Error(w.span(), "`when` entries must be strings");
            continue;
          }
          std::string_view name = w.text();
          if (name != "over-grant" && name != "lint" && !ids.count(name)) {
            Error(w.span(), "`when` names " + Quote(name) +
                                ", which is no requirement id, `over-grant` or `lint`");
            continue;
          }
          hint.when.emplace_back(name);
        }
      }
      ex->hints.push_back(std::move(hint));
    }
  }

  std::shared_ptr<const CompiledPolicy> GivenPolicy(JsonValue v, PolicyKind kind) {
    if (!v.is_object()) {
      Error(v.span(), "a given policy must be a policy document (an object), not " +
                          std::string(KindWord(v.kind())));
      return nullptr;
    }
    PolicyBuildOptions build;
    build.kind = kind;
    if (kind == PolicyKind::kResource) {
      build.kind.reset();
      DiagnosticSink probe;
      auto guess = BuildPolicy(sources_, v, build, probe);
      build.kind = guess && guess->kind == PolicyKind::kTrust ? PolicyKind::kTrust
                                                              : PolicyKind::kResource;
    }
    DiagnosticSink scratch;
    auto doc = BuildPolicy(sources_, v, build, scratch);
    bool errors = false;
    for (Diagnostic& d : scratch.Take()) {
      if (d.severity != Severity::kError) continue;
      errors = true;
      failed_ = true;
      d.message = "given policy: " + d.message;
      sink_.Add(std::move(d));
    }
    if (!doc || errors) {
      if (!errors) Error(v.span(), "given policy could not be read");
      return nullptr;
    }
    return CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc)));
  }

  void ReadGiven(JsonValue given, Exercise* ex) {
    if (!given.is_object()) {
      Error(given.span(), "`given` must be an object of policy slots, not " +
                              std::string(KindWord(given.kind())));
      return;
    }
    KnownKeys(given, "`given`", {"identity", "boundary", "resource"});
    JsonValue identity = given.Find("identity");
    if (identity.valid()) {
      if (identity.is_array()) {
        for (uint32_t i = 0; i < identity.size(); ++i) {
          if (auto p = GivenPolicy(identity.element(i), PolicyKind::kIdentity)) {
            ex->given_identity.push_back(p);
          }
        }
      } else if (auto p = GivenPolicy(identity, PolicyKind::kIdentity)) {
        ex->given_identity.push_back(p);
      }
    }
    JsonValue boundary = given.Find("boundary");
    if (boundary.valid()) ex->given_boundary = GivenPolicy(boundary, PolicyKind::kBoundary);
    JsonValue resource = given.Find("resource");
    if (resource.valid()) {
      if (ex->kind != PolicyKind::kIdentity) {
        uint32_t at = 0;
        while (at + 1 < given.size() && given.key(at) != "resource") ++at;
        Error(given.key_span(at), "`given.resource` is only for identity exercises: in a " +
                                     std::string(ExerciseKindName(ex->kind)) +
                                     " exercise the learner writes the resource policy");
      } else {
        ex->given_resource = GivenPolicy(resource, PolicyKind::kResource);
      }
    }
  }

 private:
  const SourceManager& sources_;
  const Catalog& catalog_;
  DiagnosticSink& sink_;
  bool failed_ = false;
};

}  // namespace

std::string_view ExerciseKindName(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kResource:
      return "resource";
    case PolicyKind::kTrust:
      return "trust";
    default:
      return "identity";
  }
}

std::optional<Exercise> ReadExercise(const SourceManager& sources, SourceId id,
                                     const Catalog& catalog, DiagnosticSink& sink,
                                     const JsonReadOptions& json) {
  JsonDocument doc;
  if (!ReadJson(sources, id, json, &doc, sink)) return std::nullopt;
  Reader r(sources, catalog, sink);
  JsonValue root = doc.root();
  Exercise ex;
  ex.path = std::string(sources.name(id));
  if (!root.is_object()) {
    r.Error(root.span(), "an exercise must be a JSON object, not " +
                             std::string(KindWord(root.kind())));
    return std::nullopt;
  }
  r.KnownKeys(root, "the exercise",
              {"id", "title", "task", "kind", "principal", "given", "allow", "deny", "budget",
               "hints"});
  r.RequiredString(root, "id", "the exercise", &ex.id);
  for (auto [field, text] : {std::pair<std::string_view, Text*>{"title", &ex.title},
                             std::pair<std::string_view, Text*>{"task", &ex.task}}) {
    JsonValue v = root.Find(field);
    if (!v.valid()) {
      r.Error(root.span(), "the exercise has no " + Quote(field) +
                               " {\"en\": \"...\", \"ja\": \"...\"}");
    } else {
      r.ReadText(v, field, text);
    }
  }
  std::string kind;
  if (r.RequiredString(root, "kind", "the exercise", &kind)) {
    if (kind == "identity") {
      ex.kind = PolicyKind::kIdentity;
    } else if (kind == "resource") {
      ex.kind = PolicyKind::kResource;
    } else if (kind == "trust") {
      ex.kind = PolicyKind::kTrust;
    } else {
      r.Error(root.Find("kind").span(),
              "unknown policy kind " + Quote(kind) + ": expected identity, resource or trust");
    }
  }
  std::string principal;
  JsonValue p = root.Find("principal");
  if (p.valid()) r.StringValue(p, "principal", "the exercise", &principal);
  JsonValue given = root.Find("given");
  if (given.valid()) r.ReadGiven(given, &ex);

  std::set<std::string, std::less<>> ids;
  JsonValue allow = root.Find("allow");
  if (!allow.valid()) {
    r.Error(root.span(), "the exercise has no `allow` list of requests the policy must allow");
  } else {
    r.ReadRequirements(allow, true, principal, &ids, &ex);
  }
  JsonValue deny = root.Find("deny");
  if (deny.valid()) r.ReadRequirements(deny, false, principal, &ids, &ex);

  for (const Requirement& req : ex.requirements) {
    if (!req.must_allow) continue;
    if (auto a = catalog.FindAction(req.request.action())) ex.budget.push_back(*a);
  }
  JsonValue budget = root.Find("budget");
  if (budget.valid()) r.ReadBudget(budget, &ex);
  std::sort(ex.budget.begin(), ex.budget.end());
  ex.budget.erase(std::unique(ex.budget.begin(), ex.budget.end()), ex.budget.end());

  JsonValue hints = root.Find("hints");
  if (hints.valid()) r.ReadHints(hints, ids, &ex);
  if (r.failed()) return std::nullopt;
  return ex;
}

}  // namespace iamlint::exercise
