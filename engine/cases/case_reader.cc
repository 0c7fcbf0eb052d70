#include "engine/cases/case_reader.h"

#include "engine/policy/policy_builder.h"

namespace iamlint {

struct CaseReader::Named {
  JsonValue value;
  std::map<PolicyKind, std::shared_ptr<const CompiledPolicy>> compiled;
};

namespace {

std::string Quote(std::string_view s) { return "`" + std::string(s) + "`"; }

// Text of a scalar context value: strings as they are, numbers as written,
// booleans as "true"/"false".
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

}  // namespace

CaseReader::CaseReader(const SourceManager& sources, SourceId id, CaseReaderOptions options)
    : sources_(sources), id_(id), options_(options), text_(sources.text(id)) {
  // Skip a byte-order mark, then decide between an array and JSON Lines.
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  size_t first = text_.find_first_not_of(" \t\r\n", pos_);
  array_mode_ = first != std::string_view::npos && text_[first] == '[';
}

CaseReader::~CaseReader() = default;

CaseReader::Status CaseReader::Next(Case* out, DiagnosticSink& sink) {
  return array_mode_ ? ReadArrayMode(out, sink) : ReadLineMode(out, sink);
}

CaseReader::Status CaseReader::ReadLineMode(Case* out, DiagnosticSink& sink) {
  while (pos_ < text_.size()) {
    size_t begin = pos_;
    size_t end = text_.find('\n', begin);
    if (end == std::string_view::npos) end = text_.size();
    pos_ = end + 1;
    size_t first = text_.find_first_not_of(" \t\r", begin);
    if (first == std::string_view::npos || first >= end || text_[first] == '#') continue;
    auto doc = std::make_unique<JsonDocument>();
    if (!ReadJsonRange(sources_, id_, static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                       options_.json, doc.get(), sink)) {
      return Status::kError;
    }
    JsonValue root = doc->root();
    if (root.is_object() && root.Find("define").valid()) {
      bool ok = Define(root.Find("define"), sink);
      kept_.push_back(std::move(doc));
      if (!ok) return Status::kError;
      continue;
    }
    return HandleValue(root, out, sink);
  }
  return Status::kEnd;
}

CaseReader::Status CaseReader::ReadArrayMode(Case* out, DiagnosticSink& sink) {
  if (!started_) {
    started_ = true;
    array_doc_ = std::make_unique<JsonDocument>();
    if (!ReadJson(sources_, id_, options_.json, array_doc_.get(), sink)) {
      array_doc_.reset();
      return Status::kError;
    }
  }
  if (!array_doc_) return Status::kEnd;
  JsonValue root = array_doc_->root();
  while (array_index_ < root.size()) {
    JsonValue item = root.element(array_index_++);
    if (item.is_object() && item.Find("define").valid()) {
      if (!Define(item.Find("define"), sink)) return Status::kError;
      continue;
    }
    return HandleValue(item, out, sink);
  }
  return Status::kEnd;
}

CaseReader::Status CaseReader::HandleValue(JsonValue value, Case* out, DiagnosticSink& sink) {
  *out = Case();
  return BuildCase(value, out, sink) ? Status::kCase : Status::kError;
}

bool CaseReader::Define(JsonValue defs, DiagnosticSink& sink) {
  if (!defs.is_object()) {
    sink.Report("case-invalid", Severity::kError, defs.span(),
                "`define` must map names to policies");
    return false;
  }
  for (uint32_t i = 0; i < defs.size(); ++i) {
    auto named = std::make_unique<Named>();
    named->value = defs.member_value(i);
    named_[std::string(defs.key(i))] = std::move(named);
  }
  return true;
}

std::shared_ptr<const CompiledPolicy> CaseReader::Policy(JsonValue value, PolicyKind kind,
                                                         DiagnosticSink& sink) {
  Named* named = nullptr;
  if (value.is_string()) {
    auto it = named_.find(value.text());
    if (it == named_.end()) {
      sink.Report("case-unknown-policy", Severity::kError, value.span(),
                  "unknown policy name " + Quote(value.text()),
                  {"define it first with a line {\"define\": {\"" + std::string(value.text()) +
                   "\": {...}}}"});
      return nullptr;
    }
    named = it->second.get();
    auto cached = named->compiled.find(kind);
    if (cached != named->compiled.end()) return cached->second;
    value = named->value;
  }
  if (!value.is_object()) {
    sink.Report("case-invalid", Severity::kError, value.span(),
                "a policy must be a JSON object or the name of a defined policy");
    return nullptr;
  }
  DiagnosticSink scratch;
  PolicyBuildOptions build;
  build.kind = kind;
  // The resource slot holds resource-based and role trust policies alike.
  if (kind == PolicyKind::kResource) {
    build.kind.reset();
    DiagnosticSink probe;
    auto guess = BuildPolicy(sources_, value, build, probe);
    build.kind = guess && guess->kind == PolicyKind::kTrust ? PolicyKind::kTrust
                                                            : PolicyKind::kResource;
  }
  auto doc = BuildPolicy(sources_, value, build, scratch);
  if (options_.policy_sink != nullptr) {
    for (Diagnostic& d : scratch.Take()) options_.policy_sink->Add(std::move(d));
  }
  if (!doc) {
    sink.Report("case-invalid", Severity::kError, value.span(), "policy could not be read");
    return nullptr;
  }
  auto compiled = CompiledPolicy::Compile(std::make_shared<const PolicyDocument>(std::move(*doc)));
  if (named != nullptr) named->compiled[kind] = compiled;
  return compiled;
}

bool CaseReader::BuildCase(JsonValue value, Case* out, DiagnosticSink& sink) {
  if (!value.is_object()) {
    sink.Report("case-invalid", Severity::kError, value.span(), "a case must be a JSON object");
    return false;
  }
  out->span = value.span();
  JsonValue id = value.Find("id");
  if (id.valid() && id.is_string()) {
    out->id = std::string(id.text());
  } else {
    out->id = "line " + std::to_string(sources_.Begin(value.span()).line);
  }
  auto fail = [&](Span span, std::string message) {
    sink.Report("case-invalid", Severity::kError, span, "case " + Quote(out->id) + ": " + message);
    return false;
  };

  JsonValue policies = value.Find("policies");
  if (policies.valid()) {
    if (!policies.is_object()) return fail(policies.span(), "`policies` must be an object");
    auto add = [&](JsonValue v, PolicyKind kind) -> const CompiledPolicy* {
      auto p = Policy(v, kind, sink);
      if (!p) return nullptr;
      out->policies.push_back(p);
      return p.get();
    };
    auto add_list = [&](JsonValue v, PolicyKind kind, std::vector<const CompiledPolicy*>* into) {
      if (v.is_array()) {
        for (uint32_t i = 0; i < v.size(); ++i) {
          const CompiledPolicy* p = add(v.element(i), kind);
          if (!p) return false;
          into->push_back(p);
        }
        return true;
      }
      const CompiledPolicy* p = add(v, kind);  // a single policy is a list of one
      if (!p) return false;
      into->push_back(p);
      return true;
    };
    auto add_levels = [&](JsonValue v, PolicyKind kind,
                          std::vector<std::vector<const CompiledPolicy*>>* into) {
      if (!v.is_array()) return fail(v.span(), "organization policies must be a list of levels");
      for (uint32_t i = 0; i < v.size(); ++i) {
        into->emplace_back();
        if (!add_list(v.element(i), kind, &into->back())) return false;
      }
      return true;
    };
    for (uint32_t i = 0; i < policies.size(); ++i) {
      std::string_view key = policies.key(i);
      JsonValue v = policies.member_value(i);
      if (v.kind() == JsonKind::kNull) continue;
      bool ok = true;
      if (key == "identity") {
        ok = add_list(v, PolicyKind::kIdentity, &out->bundle.identity);
      } else if (key == "session") {
        ok = add_list(v, PolicyKind::kSession, &out->bundle.session);
      } else if (key == "boundary") {
        ok = (out->bundle.boundary = add(v, PolicyKind::kBoundary)) != nullptr;
      } else if (key == "resource") {
        ok = (out->bundle.resource = add(v, PolicyKind::kResource)) != nullptr;
      } else if (key == "scp") {
        out->bundle.has_scp = true;
        ok = add_levels(v, PolicyKind::kScp, &out->bundle.scp);
      } else if (key == "rcp") {
        out->bundle.has_rcp = true;
        ok = add_levels(v, PolicyKind::kRcp, &out->bundle.rcp);
      } else {
        return fail(policies.key_span(i),
                    "unknown policy slot " + Quote(key) +
                        ": expected identity, boundary, session, resource, scp or rcp");
      }
      if (!ok) return false;
    }
  }

  JsonValue request = value.Find("request");
  if (!request.valid() || !request.is_object()) {
    return fail(request.valid() ? request.span() : value.span(), "missing `request` object");
  }
  JsonValue action = request.Find("action");
  if (!action.valid() || !action.is_string()) {
    return fail(action.valid() ? action.span() : request.span(),
                "`request.action` must be a string such as `s3:GetObject`");
  }
  out->request.set_action(action.text());
  JsonValue resource = request.Find("resource");
  if (resource.valid() && !resource.is_string()) {
    return fail(resource.span(), "`request.resource` must be a string");
  }
  out->request.set_resource(resource.valid() ? resource.text() : "*");
  JsonValue principal = request.Find("principal");
  if (principal.valid() && principal.kind() != JsonKind::kNull) {
    if (!principal.is_string()) return fail(principal.span(), "`request.principal` must be a string");
    out->request.set_principal(principal.text());
  }
  JsonValue account = request.Find("resourceAccount");
  if (account.valid() && account.kind() != JsonKind::kNull) {
    if (!account.is_string()) return fail(account.span(), "`request.resourceAccount` must be a string");
    out->request.set_resource_account(account.text());
  }
  JsonValue context = request.Find("context");
  if (context.valid() && context.kind() != JsonKind::kNull) {
    if (!context.is_object()) return fail(context.span(), "`request.context` must be an object");
    for (uint32_t i = 0; i < context.size(); ++i) {
      JsonValue v = context.member_value(i);
      std::vector<std::string> values;
      bool is_list = v.is_array();
      std::string text;
      if (is_list) {
        for (uint32_t k = 0; k < v.size(); ++k) {
          if (!ScalarText(v.element(k), &text)) {
            return fail(v.element(k).span(), "context values must be strings, numbers or booleans");
          }
          values.push_back(text);
        }
      } else if (ScalarText(v, &text)) {
        values.push_back(text);
      } else {
        return fail(v.span(), "context value of " + Quote(context.key(i)) +
                                  " must be a string, number, boolean or a list of them");
      }
      out->request.AddContext(context.key(i), std::move(values), is_list);
    }
  }
  out->request.Finish();

  JsonValue expect = value.Find("expect");
  if (expect.valid() && expect.kind() != JsonKind::kNull) {
    std::optional<DecisionKind> kind;
    if (expect.is_string()) kind = ParseDecisionKind(expect.text());
    if (!kind) {
      return fail(expect.span(), "`expect` must be `Allow`, `ExplicitDeny` or `ImplicitDeny`");
    }
    out->expect = kind;
  }
  return true;
}

}  // namespace iamlint
