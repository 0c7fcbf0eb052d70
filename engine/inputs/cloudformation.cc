#include "engine/inputs/cloudformation.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/inputs/intrinsics.h"
#include "engine/json/json_reader.h"
#include "engine/json/json_string_offsets.h"
#include "engine/json/json_tree_writer.h"

namespace iamlint {

namespace {

constexpr std::string_view kCode = "template-structure";
constexpr std::string_view kVariantTrue = "conditions true";
constexpr std::string_view kVariantFalse = "conditions false";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string WithArticle(JsonKind kind) {
  std::string_view name = JsonKindName(kind);
  if (kind == JsonKind::kNull) return "null";
  return (kind == JsonKind::kArray || kind == JsonKind::kObject ? "an " : "a ") + std::string(name);
}

std::string Quote(std::string_view s) {
  std::string out = "`";
  out.append(s.substr(0, 200));
  out += '`';
  return out;
}

// Resource policies: the property (a dotted path below Properties) holding
// the document.
struct ResourcePolicyProperty {
  std::string_view type;
  std::string_view property;
};
constexpr ResourcePolicyProperty kResourcePolicies[] = {
    {"AWS::S3::BucketPolicy", "PolicyDocument"},
    {"AWS::S3Express::BucketPolicy", "PolicyDocument"},
    {"AWS::SQS::QueuePolicy", "PolicyDocument"},
    {"AWS::SQS::QueueInlinePolicy", "PolicyDocument"},
    {"AWS::SNS::TopicPolicy", "PolicyDocument"},
    {"AWS::SNS::TopicInlinePolicy", "PolicyDocument"},
    {"AWS::KMS::Key", "KeyPolicy"},
    {"AWS::KMS::ReplicaKey", "KeyPolicy"},
    {"AWS::ECR::Repository", "RepositoryPolicyText"},
    {"AWS::ECR::RegistryPolicy", "PolicyText"},
    {"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy"},
    {"AWS::Logs::ResourcePolicy", "PolicyDocument"},
    {"AWS::OpenSearchService::Domain", "AccessPolicies"},
    {"AWS::Elasticsearch::Domain", "AccessPolicies"},
    {"AWS::S3::AccessPoint", "Policy"},
    {"AWS::S3::MultiRegionAccessPointPolicy", "Policy"},
    {"AWS::EFS::FileSystem", "FileSystemPolicy"},
    {"AWS::Backup::BackupVault", "AccessPolicy"},
    {"AWS::CodeArtifact::Domain", "PermissionsPolicyDocument"},
    {"AWS::CodeArtifact::Repository", "PermissionsPolicyDocument"},
    {"AWS::DynamoDB::Table", "ResourcePolicy.PolicyDocument"},
};

// Maps each decoded byte of `decoded` to a byte of the source span it was
// written in, when the exact escapes are not known (YAML scalars, strings
// built by Fn::Sub): each byte is matched to the next equal source byte
// within a small window (white space matches white space).
std::vector<uint32_t> ApproximateOffsets(std::string_view source, Span span,
                                         std::string_view decoded) {
  std::vector<uint32_t> offsets;
  offsets.reserve(decoded.size() + 1);
  uint32_t end = std::min<uint32_t>(span.end, static_cast<uint32_t>(source.size()));
  uint32_t p = std::min(span.begin, end);
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  for (char c : decoded) {
    uint32_t found = end;
    for (uint32_t q = p; q < end && q < p + 256; ++q) {
      if (source[q] == c || (space(c) && space(source[q]))) {
        found = q;
        break;
      }
    }
    if (found < end) {
      offsets.push_back(found);
      p = found + 1;
    } else {
      offsets.push_back(p < end ? p : (end > span.begin ? end - 1 : span.begin));
    }
  }
  offsets.push_back(end);
  return offsets;
}

// CloudFormation passes numbers given to String properties as strings
// (`Principal: 123456789012`).
void CopyAsString(JsonTreeWriter& w, JsonValue v) {
  if (v.kind() == JsonKind::kNumber) {
    w.String(v.text(), v.span());
  } else {
    w.Copy(v);
  }
}

class Reader {
 public:
  Reader(SourceManager& sources, uint32_t template_doc, Inventory* inventory, DiagnosticSink& sink)
      : sources_(sources), inv_(inventory), sink_(sink),
        root_(inventory->documents[template_doc]->root()) {}

  void Run();

 private:
  struct Resolved {
    IntrinsicResult result;
    std::string variant;
  };

  void Warn(Span span, std::string message, std::string where) {
    Diagnostic d;
    d.code = std::string(kCode);
    d.severity = Severity::kWarning;
    d.span = span;
    d.message = std::move(message);
    d.where = std::move(where);
    sink_.Add(std::move(d));
  }

  // One or two resolutions of `value` (two when it contains Fn::If).
  std::vector<Resolved> ResolveVariants(JsonValue value) {
    std::vector<Resolved> out;
    IntrinsicOptions options;
    options.conditions = true;
    IntrinsicResult first = ResolveIntrinsics(tmpl_, value, options);
    if (!first.saw_if) {
      out.push_back(Resolved{std::move(first), ""});
      return out;
    }
    options.conditions = false;
    IntrinsicResult second = ResolveIntrinsics(tmpl_, value, options);
    out.push_back(Resolved{std::move(first), std::string(kVariantTrue)});
    out.push_back(Resolved{std::move(second), std::string(kVariantFalse)});
    return out;
  }

  // Strings a value resolves to in every variant (lists flattened, NoValue
  // dropped), each with its span, deduplicated.
  struct ResolvedString {
    std::string text;
    Span span;
    bool unknown = false;
  };
  std::vector<ResolvedString> ResolveStrings(JsonValue value) {
    std::vector<ResolvedString> out;
    if (!value.valid()) return out;
    for (Resolved& r : ResolveVariants(value)) {
      if (!r.result.has_root) continue;
      JsonValue root = r.result.doc.root();
      auto add = [&](JsonValue v) {
        if (!v.is_string()) return;
        for (const ResolvedString& s : out) {
          if (s.text == v.text() && s.span.begin == v.span().begin) return;
        }
        out.push_back(ResolvedString{std::string(v.text()), v.span(), v.is_unknown()});
      };
      if (root.is_array()) {
        for (uint32_t i = 0; i < root.size(); ++i) add(root.element(i));
      } else {
        add(root);
      }
    }
    return out;
  }

  // The logical id a value refers to with Ref or Fn::GetAtt, or "".
  static std::string RefTarget(JsonValue v) {
    if (!IsIntrinsic(v)) return "";
    std::string_view key = v.key(0);
    JsonValue arg = v.member_value(0);
    if (key == "Ref" && arg.is_string()) return std::string(arg.text());
    if (key == "Fn::GetAtt") {
      if (arg.is_array() && arg.size() >= 1 && arg.element(0).is_string()) {
        return std::string(arg.element(0).text());
      }
      if (arg.is_string()) {
        std::string_view s = arg.text();
        return std::string(s.substr(0, s.find('.')));
      }
    }
    return "";
  }

  // Entities a list property (Roles, Users, Groups) or a single name
  // property (RoleName...) refers to: by logical id when it is a Ref or
  // GetAtt, else by resolved name (or the name part of an ARN).
  std::vector<std::pair<uint32_t, Span>> EntityRefs(JsonValue value, EntityType type) {
    std::vector<std::pair<uint32_t, Span>> out;
    if (!value.valid()) return out;
    std::vector<JsonValue> items;
    auto expand = [&](JsonValue v) {
      // One level of Fn::If: both branches.
      if (IsIntrinsic(v) && v.key(0) == "Fn::If" && v.member_value(0).is_array() &&
          v.member_value(0).size() == 3) {
        items.push_back(v.member_value(0).element(1));
        items.push_back(v.member_value(0).element(2));
      } else {
        items.push_back(v);
      }
    };
    if (value.is_array()) {
      for (uint32_t i = 0; i < value.size(); ++i) expand(value.element(i));
    } else {
      expand(value);
    }
    auto add = [&](uint32_t e, Span span) {
      if (e == kNoIndex || inv_->entities[e].type != type) return;
      for (const auto& p : out) {
        if (p.first == e) return;
      }
      out.emplace_back(e, span);
    };
    for (JsonValue item : items) {
      std::string target = RefTarget(item);
      if (!target.empty()) {
        auto it = entity_by_id_.find(target);
        if (it != entity_by_id_.end()) {
          add(it->second, item.span());
          continue;
        }
      }
      for (const ResolvedString& s : ResolveStrings(item)) {
        std::string_view name = s.text;
        if (StartsWith(name, "arn:")) name = name.substr(name.rfind('/') + 1);
        add(inv_->FindEntity(type, name), s.span);
      }
    }
    return out;
  }

  // Reads the policy document at `value` (an object, or a JSON string) and
  // appends one FoundPolicy per variant. Returns their indices.
  std::vector<uint32_t> AddPolicy(JsonValue value, Span anchor, const std::string& where,
                                  std::optional<PolicyKind> kind, const std::string& name,
                                  std::string_view resource_type,
                                  const std::vector<uint32_t>& attached);
  // Appends a resolved document as a FoundPolicy; returns its index or kNoIndex.
  uint32_t AddDocument(JsonDocument doc, Span anchor, const std::string& where,
                       std::optional<PolicyKind> kind, const std::string& name,
                       std::string_view resource_type, const std::vector<uint32_t>& attached,
                       const std::string& variant);
  // A policy written as a JSON string: parsed from a buffer derived from
  // the template, so findings land inside the string.
  bool ParseStringPolicy(JsonValue original, JsonValue resolved, const std::string& where,
                         JsonDocument* doc);

  void CreateEntity(const std::string& id, const CfnTemplate::Resource& r, EntityType type);
  void ReadResource(const std::string& id, const CfnTemplate::Resource& r);
  void ReadInlinePolicies(const std::string& id, JsonValue props, uint32_t entity);
  void ReadInlineList(const std::string& id, JsonValue policies, uint32_t entity,
                      const std::string& variant);
  void ReadInlineItems(const std::string& id, JsonValue policies, uint32_t entity);
  void ReadManagedArns(JsonValue value, uint32_t entity);
  void ReadBoundary(JsonValue value, uint32_t entity);
  void ReadSamFunction(const std::string& id, const CfnTemplate::Resource& r, JsonValue props);
  void ReadLambdaPermission(const std::string& id, const CfnTemplate::Resource& r,
                            JsonValue props);
  void ReadEventBusPolicy(const std::string& id, JsonValue props);
  void ReadResourcePolicy(const std::string& id, const CfnTemplate::Resource& r, JsonValue props,
                          std::string_view property, std::optional<PolicyKind> kind);
  void LinkManagedPolicy(const std::string& arn, Span span, uint32_t entity, bool boundary);

  static std::string Where(std::string_view id) { return "Resources." + std::string(id); }
  static std::string PropWhere(std::string_view id, std::string_view prop) {
    return "Resources." + std::string(id) + ".Properties." + std::string(prop);
  }

  SourceManager& sources_;
  Inventory* inv_;
  DiagnosticSink& sink_;
  JsonValue root_;
  CfnTemplate tmpl_;
  bool json_template_ = false;
  std::map<std::string, uint32_t, std::less<>> entity_by_id_;
  // Customer managed policies of the template: ARN → logical id, and
  // logical id → its FoundPolicy indices.
  std::map<std::string, std::string, std::less<>> managed_by_arn_;
  std::map<std::string, std::vector<uint32_t>, std::less<>> managed_policies_;
  std::set<std::string, std::less<>> boundary_arns_;
  std::set<std::string, std::less<>> attached_arns_;
  // Links made while reading resources wait until every policy exists.
  struct Deferred {
    std::string arn;
    Span span;
    uint32_t entity;
    bool boundary;
  };
  bool deferring_ = false;
  std::vector<Deferred> deferred_;
};

bool Reader::ParseStringPolicy(JsonValue original, JsonValue resolved, const std::string& where,
                               JsonDocument* doc) {
  std::string text(resolved.text());
  Span span = resolved.span();
  if (!span.valid()) return false;
  std::vector<uint32_t> offsets;
  std::string_view source = sources_.text(span.source);
  if (json_template_ && original.is_string() && span.begin < source.size() &&
      source[span.begin] == '"') {
    offsets = JsonStringOffsets(sources_, original);
  } else {
    offsets = ApproximateOffsets(source, span, text);
  }
  if (offsets.size() != text.size() + 1) offsets = ApproximateOffsets(source, span, text);
  SourceId id = sources_.AddDerivedBuffer(span.source, std::move(text), std::move(offsets));
  DiagnosticSink local;
  bool ok = ReadJson(sources_, id, JsonReadOptions{}, doc, local);
  for (Diagnostic d : local.Take()) {
    d.where = where;
    sink_.Add(std::move(d));
  }
  return ok;
}

uint32_t Reader::AddDocument(JsonDocument doc, Span anchor, const std::string& where,
                             std::optional<PolicyKind> kind, const std::string& name,
                             std::string_view resource_type, const std::vector<uint32_t>& attached,
                             const std::string& variant) {
  uint32_t d = inv_->AddDocument(std::move(doc));
  FoundPolicy p;
  p.document = d;
  p.root = inv_->documents[d]->root();
  p.kind = kind;
  p.where = where;
  p.name = name;
  p.anchor = anchor;
  p.attached = attached;
  p.resource_type = std::string(resource_type);
  p.variant = variant;
  inv_->policies.push_back(std::move(p));
  return static_cast<uint32_t>(inv_->policies.size() - 1);
}

std::vector<uint32_t> Reader::AddPolicy(JsonValue value, Span anchor, const std::string& where,
                                        std::optional<PolicyKind> kind, const std::string& name,
                                        std::string_view resource_type,
                                        const std::vector<uint32_t>& attached) {
  std::vector<uint32_t> out;
  if (!value.valid()) return out;
  bool warned = false;  // once for both variants
  for (Resolved& r : ResolveVariants(value)) {
    if (r.result.truncated) {
      Warn(value.span(),
           "policy document is too large once its intrinsic functions are resolved; not read",
           where);
      return out;
    }
    if (!r.result.has_root) continue;  // AWS::NoValue
    JsonValue root = r.result.doc.root();
    if (root.is_string()) {
      if (root.is_unknown()) continue;  // known only at deployment
      std::string_view t = root.text();
      size_t first = t.find_first_not_of(" \t\r\n");
      if (first == std::string_view::npos || t[first] != '{') {
        if (!warned) Warn(root.span(), "a policy document must be an object, not a string", where);
        warned = true;
        continue;
      }
      JsonDocument parsed;
      if (!ParseStringPolicy(value, root, where, &parsed)) continue;
      out.push_back(AddDocument(std::move(parsed), anchor, where, kind, name, resource_type,
                                attached, r.variant));
      continue;
    }
    if (!root.is_object()) {
      if (!warned) {
        Warn(root.span(), "a policy document must be an object, not " + WithArticle(root.kind()),
             where);
      }
      warned = true;
      continue;
    }
    out.push_back(AddDocument(std::move(r.result.doc), anchor, where, kind, name, resource_type,
                              attached, r.variant));
  }
  return out;
}

void Reader::CreateEntity(const std::string& id, const CfnTemplate::Resource& r, EntityType type) {
  Entity e;
  e.type = type;
  e.logical_id = id;
  e.span = r.key_span;
  e.where = Where(id);
  std::optional<std::string> name = CfnLiteralName(tmpl_, id);
  e.name = name ? *name : id;
  CfnResourceValue arn = CfnRefValue(tmpl_, id, "Arn");
  e.arn = arn.text;
  if (type == EntityType::kUser) {
    e.access_key = Tristate::kNo;
    e.password = Tristate::kNo;
    JsonValue props = r.properties;
    JsonValue login = props.valid() && props.is_object() ? props.Find("LoginProfile") : JsonValue();
    if (login.valid()) {
      for (Resolved& v : ResolveVariants(login)) {
        if (v.result.has_root || v.result.truncated) e.password = Tristate::kYes;
      }
    }
  }
  inv_->entities.push_back(std::move(e));
  entity_by_id_[id] = static_cast<uint32_t>(inv_->entities.size() - 1);
}

void Reader::LinkManagedPolicy(const std::string& arn, Span span, uint32_t entity, bool boundary) {
  if (deferring_) {
    deferred_.push_back(Deferred{arn, span, entity, boundary});
    return;
  }
  ManagedPolicyRef ref;
  ref.arn = arn;
  ref.span = span;
  auto it = managed_by_arn_.find(arn);
  if (it != managed_by_arn_.end()) {
    const std::vector<uint32_t>& found = managed_policies_[it->second];
    if (!found.empty()) ref.policy = found.front();
    for (uint32_t p : found) {
      std::vector<uint32_t>& attached = inv_->policies[p].attached;
      if (std::find(attached.begin(), attached.end(), entity) == attached.end()) {
        attached.push_back(entity);
      }
    }
  }
  Entity& e = inv_->entities[entity];
  if (boundary) {
    if (!e.boundary) e.boundary = ref;
    return;
  }
  for (const ManagedPolicyRef& m : e.managed_policies) {
    if (m.arn == arn) return;
  }
  e.managed_policies.push_back(std::move(ref));
}

void Reader::ReadManagedArns(JsonValue value, uint32_t entity) {
  for (const ResolvedString& s : ResolveStrings(value)) {
    LinkManagedPolicy(s.text, s.span, entity, false);
  }
}

void Reader::ReadBoundary(JsonValue value, uint32_t entity) {
  for (const ResolvedString& s : ResolveStrings(value)) {
    LinkManagedPolicy(s.text, s.span, entity, true);
    break;
  }
}

void Reader::ReadInlinePolicies(const std::string& id, JsonValue props, uint32_t entity) {
  JsonValue policies = props.Find("Policies");
  if (!policies.valid()) return;
  if (policies.is_array()) {
    ReadInlineList(id, policies, entity, "");
    return;
  }
  if (!IsIntrinsic(policies)) {
    Warn(policies.span(), "`Policies` must be a list", PropWhere(id, "Policies"));
    return;
  }
  // `Policies: !If [Cond, [...], !Ref AWS::NoValue]`: each list branch.
  JsonValue args = policies.member_value(0);
  if (policies.key(0) != "Fn::If" || !args.is_array() || args.size() != 3) return;
  for (uint32_t b = 1; b <= 2; ++b) {
    if (!args.element(b).is_array()) continue;
    ReadInlineList(id, args.element(b), entity,
                   std::string(b == 1 ? kVariantTrue : kVariantFalse));
  }
}

void Reader::ReadInlineList(const std::string& id, JsonValue policies, uint32_t entity,
                            const std::string& variant) {
  size_t first_policy = inv_->policies.size();
  ReadInlineItems(id, policies, entity);
  if (variant.empty()) return;
  for (size_t p = first_policy; p < inv_->policies.size(); ++p) inv_->policies[p].variant = variant;
}

void Reader::ReadInlineItems(const std::string& id, JsonValue policies, uint32_t entity) {
  for (uint32_t i = 0; i < policies.size(); ++i) {
    JsonValue item = policies.element(i);
    std::string where = PropWhere(id, "Policies[" + std::to_string(i) + "]");
    if (IsIntrinsic(item)) {
      // `- !If [Cond, {PolicyName..., PolicyDocument...}, !Ref AWS::NoValue]`:
      // read each branch that is a policy object.
      if (item.key(0) == "Fn::If" && item.member_value(0).is_array() &&
          item.member_value(0).size() == 3) {
        for (uint32_t b = 1; b <= 2; ++b) {
          JsonValue branch = item.member_value(0).element(b);
          if (!branch.is_object() || IsIntrinsic(branch)) continue;
          JsonValue doc = branch.Find("PolicyDocument");
          if (!doc.valid()) continue;
          std::string name;
          for (const ResolvedString& s : ResolveStrings(branch.Find("PolicyName"))) name = s.text;
          uint32_t k = 0;
          for (; k < branch.size() && branch.key(k) != "PolicyDocument"; ++k) {
          }
          std::vector<uint32_t> found =
              AddPolicy(doc, branch.key_span(k), where + ".PolicyDocument", PolicyKind::kIdentity,
                        name, "", {entity});
          for (uint32_t p : found) {
            inv_->policies[p].variant = b == 1 ? std::string(kVariantTrue)
                                               : std::string(kVariantFalse);
            inv_->entities[entity].inline_policies.push_back(p);
          }
        }
      }
      continue;
    }
    if (!item.is_object()) {
      Warn(item.span(), "each `Policies` entry must be an object with `PolicyDocument`", where);
      continue;
    }
    JsonValue doc;
    Span anchor;
    for (uint32_t k = 0; k < item.size(); ++k) {
      if (item.key(k) == "PolicyDocument") {
        doc = item.member_value(k);
        anchor = item.key_span(k);
      }
    }
    if (!doc.valid()) {
      Warn(item.span(), "`Policies` entry has no `PolicyDocument`", where);
      continue;
    }
    std::string name;
    for (const ResolvedString& s : ResolveStrings(item.Find("PolicyName"))) name = s.text;
    for (uint32_t p : AddPolicy(doc, anchor, where + ".PolicyDocument", PolicyKind::kIdentity,
                                name, "", {entity})) {
      inv_->entities[entity].inline_policies.push_back(p);
    }
  }
}

void Reader::ReadResourcePolicy(const std::string& id, const CfnTemplate::Resource& r,
                                JsonValue props, std::string_view property,
                                std::optional<PolicyKind> kind) {
  JsonValue holder = props;
  std::string_view rest = property;
  Span anchor;
  JsonValue value;
  while (true) {
    size_t dot = rest.find('.');
    std::string_view part = rest.substr(0, dot);
    if (!holder.is_object()) return;
    value = JsonValue();
    for (uint32_t k = 0; k < holder.size(); ++k) {
      if (holder.key(k) == part) {
        value = holder.member_value(k);
        anchor = holder.key_span(k);
      }
    }
    if (!value.valid()) return;
    if (dot == std::string_view::npos) break;
    holder = value;
    rest = rest.substr(dot + 1);
  }
  AddPolicy(value, anchor, PropWhere(id, property), kind, id, r.type, {});
}

void Reader::ReadEventBusPolicy(const std::string& id, JsonValue props) {
  JsonValue statement;
  Span key;
  for (uint32_t k = 0; k < props.size(); ++k) {
    if (props.key(k) == "Statement") {
      statement = props.member_value(k);
      key = props.key_span(k);
    }
  }
  if (!statement.valid()) return;  // the legacy Action/Principal form
  for (Resolved& r : ResolveVariants(statement)) {
    if (!r.result.has_root) continue;
    JsonTreeWriter w;
    w.StartObject(statement.span());
    w.Key("Version", key);
    w.String("2012-10-17", key);
    w.Key("Statement", key);
    w.Copy(r.result.doc.root());
    w.EndObject(statement.span().end);
    AddDocument(w.Finish(), key, PropWhere(id, "Statement"), PolicyKind::kResource, id,
                "AWS::Events::EventBusPolicy", {}, r.variant);
  }
}

void Reader::ReadLambdaPermission(const std::string& id, const CfnTemplate::Resource& r,
                                  JsonValue props) {
  for (Resolved& res : ResolveVariants(props)) {
    if (!res.result.has_root) continue;
    JsonValue p = res.result.doc.root();
    if (!p.is_object()) continue;
    auto member = [&](std::string_view name, Span* key) {
      for (uint32_t k = 0; k < p.size(); ++k) {
        if (p.key(k) == name) {
          if (key != nullptr) *key = p.key_span(k);
          return p.member_value(k);
        }
      }
      return JsonValue();
    };
    Span action_key, principal_key, function_key, source_arn_key, source_account_key, org_key,
        url_key;
    JsonValue action = member("Action", &action_key);
    JsonValue principal = member("Principal", &principal_key);
    JsonValue function = member("FunctionName", &function_key);
    JsonValue source_arn = member("SourceArn", &source_arn_key);
    JsonValue source_account = member("SourceAccount", &source_account_key);
    JsonValue org = member("PrincipalOrgID", &org_key);
    JsonValue url = member("FunctionUrlAuthType", &url_key);
    if (!action.valid() || !principal.valid() || !function.valid()) {
      Warn(r.key_span, "`AWS::Lambda::Permission` needs `Action`, `FunctionName` and `Principal`",
           Where(id));
      return;
    }
    Span anchor = r.key_span;
    JsonTreeWriter w;
    w.StartObject(p.span());
    w.Key("Version", anchor);
    w.String("2012-10-17", anchor);
    w.Key("Statement", anchor);
    w.StartArray(p.span());
    w.StartObject(p.span());
    w.Key("Effect", anchor);
    w.String("Allow", anchor);
    w.Key("Principal", principal_key);
    std::string_view who = principal.is_string() ? principal.text() : std::string_view();
    if (principal.is_string() && who == "*" && !principal.is_unknown()) {
      w.String("*", principal.span());
    } else {
      bool service = principal.is_string() && !principal.is_unknown() &&
                     (who.find(".amazonaws.com") != std::string_view::npos ||
                      who.find(".amazon.com") != std::string_view::npos);
      w.StartObject(principal.span());
      w.Key(service ? "Service" : "AWS", principal_key);
      CopyAsString(w, principal);
      w.EndObject(principal.span().end);
    }
    w.Key("Action", action_key);
    w.Copy(action);
    w.Key("Resource", function_key);
    if (function.is_string() && !StartsWith(function.text(), "arn:")) {
      w.String("arn:aws:lambda:{{Region}}:{{AccountId}}:function:" + std::string(function.text()),
               function.span(), true);
    } else {
      w.Copy(function);
    }
    bool has_string_equals = source_account.valid() || org.valid() || url.valid();
    if (source_arn.valid() || has_string_equals) {
      w.Key("Condition", source_arn.valid() ? source_arn_key
                                            : (source_account.valid() ? source_account_key
                                                                      : (org.valid() ? org_key
                                                                                     : url_key)));
      w.StartObject(p.span());
      if (source_arn.valid()) {
        w.Key("ArnLike", source_arn_key);
        w.StartObject(source_arn.span());
        w.Key("AWS:SourceArn", source_arn_key);
        CopyAsString(w, source_arn);
        w.EndObject(source_arn.span().end);
      }
      if (has_string_equals) {
        Span first = source_account.valid() ? source_account_key : (org.valid() ? org_key : url_key);
        w.Key("StringEquals", first);
        w.StartObject(p.span());
        if (source_account.valid()) {
          w.Key("AWS:SourceAccount", source_account_key);
          CopyAsString(w, source_account);
        }
        if (org.valid()) {
          w.Key("aws:PrincipalOrgID", org_key);
          CopyAsString(w, org);
        }
        if (url.valid()) {
          w.Key("lambda:FunctionUrlAuthType", url_key);
          w.Copy(url);
        }
        w.EndObject(p.span().end);
      }
      w.EndObject(p.span().end);
    }
    w.EndObject(p.span().end);
    w.EndArray(p.span().end);
    w.EndObject(p.span().end);
    AddDocument(w.Finish(), anchor, Where(id), PolicyKind::kResource, id, r.type, {}, res.variant);
  }
}

void Reader::ReadSamFunction(const std::string& id, const CfnTemplate::Resource& /*r*/,
                             JsonValue props) {
  auto it = entity_by_id_.find(id + "Role");
  if (it == entity_by_id_.end()) return;  // an explicit Role: SAM ignores Policies
  uint32_t role = it->second;
  if (JsonValue trust = props.Find("AssumeRolePolicyDocument"); trust.valid()) {
    Span key;
    for (uint32_t k = 0; k < props.size(); ++k) {
      if (props.key(k) == "AssumeRolePolicyDocument") key = props.key_span(k);
    }
    std::vector<uint32_t> found = AddPolicy(trust, key, PropWhere(id, "AssumeRolePolicyDocument"),
                                            PolicyKind::kTrust, id + "Role", "", {});
    if (!found.empty()) inv_->entities[role].trust_policy = found.front();
  }
  if (JsonValue b = props.Find("PermissionsBoundary"); b.valid()) ReadBoundary(b, role);
  JsonValue policies = props.Find("Policies");
  if (!policies.valid()) return;
  std::vector<JsonValue> items;
  bool list = policies.is_array();
  if (list) {
    for (uint32_t i = 0; i < policies.size(); ++i) items.push_back(policies.element(i));
  } else {
    items.push_back(policies);
  }
  Span policies_key;
  for (uint32_t k = 0; k < props.size(); ++k) {
    if (props.key(k) == "Policies") policies_key = props.key_span(k);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    JsonValue item = items[i];
    std::string where =
        list ? PropWhere(id, "Policies[" + std::to_string(i) + "]") : PropWhere(id, "Policies");
    if (item.is_string() || IsIntrinsic(item)) {
      // An AWS managed policy by name, or an ARN.
      for (const ResolvedString& s : ResolveStrings(item)) {
        std::string arn = s.text;
        if (!StartsWith(arn, "arn:") && !s.unknown) arn = "arn:aws:iam::aws:policy/" + arn;
        LinkManagedPolicy(arn, s.span, role, false);
      }
      continue;
    }
    if (!item.is_object()) continue;
    if (!item.Find("Statement").valid()) continue;  // a SAM policy template: not read
    std::string name = id + "RolePolicy" + std::to_string(i);
    for (uint32_t p : AddPolicy(item, list ? item.span() : policies_key, where,
                                PolicyKind::kIdentity, name, "", {role})) {
      inv_->entities[role].inline_policies.push_back(p);
    }
  }
}

void Reader::ReadResource(const std::string& id, const CfnTemplate::Resource& r) {
  JsonValue props = r.properties;
  if (!props.valid()) return;
  if (!props.is_object()) {
    if (!IsIntrinsic(props)) {
      Warn(props.span(), "`Properties` must be an object", Where(id));
    }
    return;
  }
  const std::string& type = r.type;
  auto entity_of = [&]() {
    auto it = entity_by_id_.find(id);
    return it == entity_by_id_.end() ? kNoIndex : it->second;
  };
  auto key_of = [&](std::string_view name) {
    for (uint32_t k = 0; k < props.size(); ++k) {
      if (props.key(k) == name) return props.key_span(k);
    }
    return Span{};
  };
  if (type == "AWS::IAM::Role" || type == "AWS::IAM::User" || type == "AWS::IAM::Group") {
    uint32_t e = entity_of();
    if (e == kNoIndex) return;
    if (type == "AWS::IAM::Role") {
      JsonValue trust = props.Find("AssumeRolePolicyDocument");
      if (trust.valid()) {
        std::vector<uint32_t> found =
            AddPolicy(trust, key_of("AssumeRolePolicyDocument"),
                      PropWhere(id, "AssumeRolePolicyDocument"), PolicyKind::kTrust, id, "", {});
        if (!found.empty()) inv_->entities[e].trust_policy = found.front();
      }
    }
    ReadInlinePolicies(id, props, e);
    return;
  }
  if (type == "AWS::IAM::Policy") {
    std::vector<uint32_t> attached;
    for (std::string_view list : {"Roles", "Users", "Groups"}) {
      EntityType t = list == "Roles" ? EntityType::kRole
                     : list == "Users" ? EntityType::kUser
                                       : EntityType::kGroup;
      for (const auto& [e, span] : EntityRefs(props.Find(list), t)) attached.push_back(e);
    }
    std::string name;
    for (const ResolvedString& s : ResolveStrings(props.Find("PolicyName"))) name = s.text;
    for (uint32_t p : AddPolicy(props.Find("PolicyDocument"), key_of("PolicyDocument"),
                                PropWhere(id, "PolicyDocument"), PolicyKind::kIdentity, name, "",
                                attached)) {
      for (uint32_t e : attached) inv_->entities[e].inline_policies.push_back(p);
    }
    return;
  }
  if (type == "AWS::IAM::RolePolicy" || type == "AWS::IAM::UserPolicy" ||
      type == "AWS::IAM::GroupPolicy") {
    EntityType t = type == "AWS::IAM::RolePolicy"   ? EntityType::kRole
                   : type == "AWS::IAM::UserPolicy" ? EntityType::kUser
                                                    : EntityType::kGroup;
    std::string_view name_prop = t == EntityType::kRole   ? "RoleName"
                                 : t == EntityType::kUser ? "UserName"
                                                          : "GroupName";
    std::vector<uint32_t> attached;
    for (const auto& [e, span] : EntityRefs(props.Find(name_prop), t)) attached.push_back(e);
    std::string name;
    for (const ResolvedString& s : ResolveStrings(props.Find("PolicyName"))) name = s.text;
    for (uint32_t p : AddPolicy(props.Find("PolicyDocument"), key_of("PolicyDocument"),
                                PropWhere(id, "PolicyDocument"), PolicyKind::kIdentity, name, "",
                                attached)) {
      for (uint32_t e : attached) inv_->entities[e].inline_policies.push_back(p);
    }
    return;
  }
  if (type == "AWS::IAM::ManagedPolicy") {
    CfnResourceValue arn = CfnRefValue(tmpl_, id, "");
    bool boundary = boundary_arns_.count(arn.text) > 0 && attached_arns_.count(arn.text) == 0 &&
                    !props.Find("Roles").valid() && !props.Find("Users").valid() &&
                    !props.Find("Groups").valid();
    std::optional<std::string> literal = CfnLiteralName(tmpl_, id);
    std::vector<uint32_t> found =
        AddPolicy(props.Find("PolicyDocument"), key_of("PolicyDocument"),
                  PropWhere(id, "PolicyDocument"),
                  boundary ? PolicyKind::kBoundary : PolicyKind::kIdentity,
                  literal ? *literal : id, "", {});
    for (uint32_t p : found) inv_->policies[p].arn = arn.text;
    managed_policies_[id] = found;
    for (std::string_view list : {"Roles", "Users", "Groups"}) {
      EntityType t = list == "Roles" ? EntityType::kRole
                     : list == "Users" ? EntityType::kUser
                                       : EntityType::kGroup;
      for (const auto& [e, span] : EntityRefs(props.Find(list), t)) {
        LinkManagedPolicy(arn.text, span, e, false);
      }
    }
    return;
  }
  if (type == "AWS::IAM::AccessKey") {
    bool inactive = false;
    for (const ResolvedString& s : ResolveStrings(props.Find("Status"))) {
      inactive = s.text == "Inactive";
    }
    if (inactive) return;
    for (const auto& [e, span] : EntityRefs(props.Find("UserName"), EntityType::kUser)) {
      Entity& user = inv_->entities[e];
      if (user.access_key != Tristate::kYes) user.access_key_span = r.key_span;
      user.access_key = Tristate::kYes;
    }
    return;
  }
  if (type == "AWS::IAM::InstanceProfile") {
    std::optional<std::string> name = CfnLiteralName(tmpl_, id);
    for (const auto& [e, span] : EntityRefs(props.Find("Roles"), EntityType::kRole)) {
      inv_->entities[e].instance_profiles.push_back(name ? *name : id);
    }
    return;
  }
  if (type == "AWS::IAM::UserToGroupAddition") {
    std::vector<std::string> groups;
    for (const auto& [g, span] : EntityRefs(props.Find("GroupName"), EntityType::kGroup)) {
      groups.push_back(inv_->entities[g].name);
    }
    if (groups.empty()) {
      for (const ResolvedString& s : ResolveStrings(props.Find("GroupName"))) {
        groups.push_back(s.text);
      }
    }
    for (const auto& [u, span] : EntityRefs(props.Find("Users"), EntityType::kUser)) {
      for (const std::string& g : groups) inv_->entities[u].groups.push_back(g);
    }
    return;
  }
  if (type == "AWS::Lambda::Permission") {
    ReadLambdaPermission(id, r, props);
    return;
  }
  if (type == "AWS::Serverless::Function" || type == "AWS::Serverless::StateMachine") {
    ReadSamFunction(id, r, props);
    return;
  }
  if (type == "AWS::Events::EventBusPolicy") {
    ReadEventBusPolicy(id, props);
    return;
  }
  if (type == "AWS::Organizations::Policy") {
    std::optional<PolicyKind> kind;
    for (const ResolvedString& s : ResolveStrings(props.Find("Type"))) {
      if (s.text == "SERVICE_CONTROL_POLICY") kind = PolicyKind::kScp;
      if (s.text == "RESOURCE_CONTROL_POLICY") kind = PolicyKind::kRcp;
    }
    if (kind) ReadResourcePolicy(id, r, props, "Content", kind);
    return;
  }
  for (const ResourcePolicyProperty& rp : kResourcePolicies) {
    if (rp.type == type) ReadResourcePolicy(id, r, props, rp.property, PolicyKind::kResource);
  }
}

void Reader::Run() {
  inv_->format = InputFormat::kCloudFormation;
  if (!root_.is_object()) {
    Warn(root_.span(), "a template must be an object", "");
    return;
  }
  {
    std::string_view text = sources_.text(root_.span().source);
    size_t i = root_.span().begin;
    json_template_ = i < text.size() && text[i] == '{';
  }
  JsonValue resources = root_.Find("Resources");
  if (!resources.valid()) {
    Warn(root_.span(), "template has no `Resources`", "");
    return;
  }
  if (!resources.is_object()) {
    Warn(resources.span(), "`Resources` must be an object", "Resources");
    return;
  }
  tmpl_ = CfnTemplate::FromRoot(root_);
  // Resources in template order (the map is sorted by name).
  std::vector<std::pair<std::string, const CfnTemplate::Resource*>> order;
  std::set<std::string, std::less<>> seen;
  for (uint32_t i = 0; i < resources.size(); ++i) {
    std::string id(resources.key(i));
    JsonValue r = resources.member_value(i);
    if (!r.is_object()) {
      Warn(r.span(), "resource " + Quote(id) + " must be an object", Where(id));
      continue;
    }
    JsonValue type = r.Find("Type");
    if (!type.valid()) {
      Warn(resources.key_span(i), "resource " + Quote(id) + " has no `Type`", Where(id));
      continue;
    }
    if (!type.is_string()) continue;  // a Rain module or macro entry: not ours to read
    if (!seen.insert(id).second) continue;  // duplicate logical id: the builder's duplicate-key
    auto it = tmpl_.resources.find(id);
    if (it != tmpl_.resources.end()) order.emplace_back(id, &it->second);
  }
  // Entities first, so references resolve whatever the order.
  for (const auto& [id, r] : order) {
    if (r->type == "AWS::IAM::Role") CreateEntity(id, *r, EntityType::kRole);
    if (r->type == "AWS::IAM::User") CreateEntity(id, *r, EntityType::kUser);
    if (r->type == "AWS::IAM::Group") CreateEntity(id, *r, EntityType::kGroup);
    if (r->type == "AWS::Serverless::Function" || r->type == "AWS::Serverless::StateMachine") {
      JsonValue props = r->properties;
      bool explicit_role = props.valid() && props.is_object() && props.Find("Role").valid();
      if (!explicit_role && tmpl_.resources.find(id + "Role") == tmpl_.resources.end()) {
        Entity e;
        e.type = EntityType::kRole;
        e.logical_id = id + "Role";
        e.name = id + "Role";
        e.arn = "arn:aws:iam::{{AccountId}}:role/" + UnknownToken(id + "Role");
        e.span = r->key_span;
        e.where = Where(id);
        inv_->entities.push_back(std::move(e));
        entity_by_id_[id + "Role"] = static_cast<uint32_t>(inv_->entities.size() - 1);
      }
    }
  }
  // Customer managed policies, and which ARNs are used as boundaries.
  for (const auto& [id, r] : order) {
    if (r->type == "AWS::IAM::ManagedPolicy") {
      managed_by_arn_[CfnRefValue(tmpl_, id, "").text] = id;
    }
    JsonValue props = r->properties;
    if (!props.valid() || !props.is_object()) continue;
    if (JsonValue b = props.Find("PermissionsBoundary"); b.valid()) {
      for (const ResolvedString& s : ResolveStrings(b)) boundary_arns_.insert(s.text);
    }
    if (JsonValue m = props.Find("ManagedPolicyArns"); m.valid()) {
      for (const ResolvedString& s : ResolveStrings(m)) attached_arns_.insert(s.text);
    }
  }
  deferring_ = true;
  for (const auto& [id, r] : order) ReadResource(id, *r);
  deferring_ = false;
  for (const Deferred& d : deferred_) LinkManagedPolicy(d.arn, d.span, d.entity, d.boundary);
  // Attachments by ARN, and groups of users, once every policy exists.
  for (const auto& [id, r] : order) {
    auto it = entity_by_id_.find(id);
    if (it == entity_by_id_.end()) continue;
    uint32_t e = it->second;
    JsonValue props = r->properties;
    if (!props.valid() || !props.is_object()) continue;
    if (JsonValue m = props.Find("ManagedPolicyArns"); m.valid()) ReadManagedArns(m, e);
    if (JsonValue b = props.Find("PermissionsBoundary"); b.valid()) ReadBoundary(b, e);
    if (r->type == "AWS::IAM::User") {
      JsonValue groups = props.Find("Groups");
      if (!groups.valid()) continue;
      std::vector<std::string> names;
      for (const auto& [g, span] : EntityRefs(groups, EntityType::kGroup)) {
        names.push_back(inv_->entities[g].name);
      }
      if (names.empty()) {
        for (const ResolvedString& s : ResolveStrings(groups)) names.push_back(s.text);
      }
      for (std::string& n : names) inv_->entities[e].groups.push_back(std::move(n));
    }
  }
}

}  // namespace

bool LooksLikeCloudFormation(JsonValue root) {
  if (!root.valid() || !root.is_object()) return false;
  if (root.Find("AWSTemplateFormatVersion").valid()) return true;
  JsonValue resources = root.Find("Resources");
  if (!resources.valid() || !resources.is_object() || resources.size() == 0) return false;
  // One typed resource (`AWS::...`, `Custom::...`) is enough: templates
  // may also hold module or macro entries whose `Type` is not a string.
  if (root.Find("Statement").valid()) return false;
  for (uint32_t i = 0; i < resources.size(); ++i) {
    JsonValue r = resources.member_value(i);
    if (!r.is_object()) continue;
    JsonValue type = r.Find("Type");
    if (type.valid() && type.is_string() && type.text().find("::") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

void ReadCloudFormation(SourceManager& sources, uint32_t template_doc, Inventory* inventory,
                        DiagnosticSink& sink) {
  Reader reader(sources, template_doc, inventory, sink);
  reader.Run();
}

}  // namespace iamlint
