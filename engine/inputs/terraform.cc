#include "engine/inputs/terraform.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/base/check.h"
#include "engine/json/json_reader.h"
#include "engine/json/json_string_offsets.h"
#include "engine/json/json_tree.h"

namespace iamlint {
namespace {

// ---------------------------------------------------------------------------
// Small JSON helpers that accept invalid or mistyped values.

JsonValue Member(JsonValue object, std::string_view name) {
  if (!object.valid() || !object.is_object()) return JsonValue();
  return object.Find(name);
}

bool IsString(JsonValue v) { return v.valid() && v.is_string(); }
bool IsArray(JsonValue v) { return v.valid() && v.is_array(); }
bool IsObject(JsonValue v) { return v.valid() && v.is_object(); }

std::string_view StringOf(JsonValue v) { return IsString(v) ? v.text() : std::string_view(); }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Index of the `]` closing the `[` at `open`, skipping quoted strings (with
// escapes); npos when unbalanced.
size_t ClosingBracket(std::string_view s, size_t open) {
  bool quoted = false;
  for (size_t i = open + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ']') {
      return i;
    }
  }
  return std::string_view::npos;
}

// "module.a[0].module.b[\"k\"]" → "module.a.module.b".
std::string StripInstanceKeys(std::string_view address) {
  std::string out;
  out.reserve(address.size());
  for (size_t i = 0; i < address.size(); ++i) {
    if (address[i] == '[') {
      size_t close = ClosingBracket(address, i);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    out.push_back(address[i]);
  }
  return out;
}

// The account id of "arn:aws:iam::123456789012:role/x", or "".
std::string_view AccountOfArn(std::string_view arn) {
  if (!StartsWith(arn, "arn:")) return {};
  size_t pos = 0;
  for (int field = 0; field < 4; ++field) {
    pos = arn.find(':', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  size_t end = arn.find(':', pos);
  if (end == std::string_view::npos) return {};
  std::string_view account = arn.substr(pos, end - pos);
  if (account.size() != 12) return {};
  for (char c : account) {
    if (c < '0' || c > '9') return {};
  }
  return account;
}

// ---------------------------------------------------------------------------
// Resource instances, gathered once from every section of the plan/state.

struct Resource {
  std::string address;         // full instance address
  std::string module_address;  // "" for the root module, "module.a[0]"
  std::string config_key;      // "module.a|aws_iam_role.x": no instance keys
  std::string index;           // "[0]", "[\"k\"]" or ""
  std::string type;            // "aws_iam_role"
  bool data = false;           // a data source
  JsonValue values;            // attribute values (object), may be invalid
  JsonValue after_unknown;     // resource_changes[].change.after_unknown
  JsonValue expressions;       // configuration expressions, may be invalid
  Span span;                   // the address in the plan (or the object)
};

// One step of an attribute path: a key, or an index when key is empty.
struct Step {
  std::string_view key;
  uint32_t index = 0;
};

// True when after_unknown marks the value at `path` (or a parent) unknown.
bool IsUnknown(const Resource& r, std::initializer_list<Step> path) {
  JsonValue node = r.after_unknown;
  for (const Step& step : path) {
    if (!node.valid()) return false;
    if (node.kind() == JsonKind::kTrue) return true;
    if (!step.key.empty()) {
      node = Member(node, step.key);
    } else if (IsArray(node) && step.index < node.size()) {
      node = node.element(step.index);
    } else {
      return false;
    }
  }
  return node.valid() && node.kind() == JsonKind::kTrue;
}

class TerraformReader {
 public:
  TerraformReader(SourceManager& sources, Inventory* inventory, DiagnosticSink& sink)
      : sources_(sources), inv_(inventory), sink_(sink) {}

  void Read(JsonValue root);

 private:
  // Gathering.
  void GatherModules(JsonValue root_module, bool data_only);
  void AddResource(JsonValue object, std::string_view module_address, JsonValue values,
                   bool data_only);
  void GatherChanges(JsonValue changes);
  void GatherConfiguration(JsonValue configuration);

  // References from configuration expressions.
  std::vector<const Resource*> ResolveReferences(const Resource& from, JsonValue expression,
                                                 std::string_view type_filter = {});
  const Resource* ResolveReference(const Resource& from, std::string_view reference);

  // Policies.
  JsonValue PolicyString(const Resource& r, JsonValue value, JsonValue expression);
  uint32_t AddPolicy(JsonValue string, const std::string& where, std::optional<PolicyKind> kind,
                     std::string name);
  void ReadEntity(const Resource& r, EntityType type);
  void ReadDocuments(const Resource& r);
  void ReadLinks(const Resource& r);

  // Entities.
  uint32_t EntityByName(EntityType type, std::string_view name, Span span);
  std::vector<uint32_t> LinkedEntities(const Resource& r, std::string_view attribute,
                                       EntityType type);
  void AttachInline(uint32_t policy, uint32_t entity);
  void AttachManaged(uint32_t entity, ManagedPolicyRef ref);
  std::vector<ManagedPolicyRef> PolicyRefs(const Resource& r, std::string_view attribute);
  ManagedPolicyRef RefForArn(std::string_view arn, Span span);
  void NoteAccount(std::string_view arn);

  SourceManager& sources_;
  Inventory* inv_;
  DiagnosticSink& sink_;

  std::vector<Resource> resources_;
  std::unordered_map<std::string, size_t> by_address_;
  std::unordered_map<std::string, std::vector<size_t>> by_config_key_;
  std::unordered_map<std::string, JsonValue> expressions_;  // config key → expressions
  std::unordered_map<std::string, JsonValue> unknowns_;     // address → after_unknown

  std::unordered_map<std::string, uint32_t> entity_by_address_;
  std::unordered_map<std::string, uint32_t> entity_by_name_;  // "u|name", "g|", "r|"
  std::unordered_map<std::string, uint32_t> policy_by_address_;
  std::unordered_map<std::string, uint32_t> policy_by_arn_;
  std::vector<uint8_t> policy_use_;  // per policy: kUsedIdentity | kUsedBoundary
  static constexpr uint8_t kUsedIdentity = 1;
  static constexpr uint8_t kUsedBoundary = 2;
};

char EntityKey(EntityType type) {
  switch (type) {
    case EntityType::kUser: return 'u';
    case EntityType::kGroup: return 'g';
    case EntityType::kRole: return 'r';
  }
  return 'u';
}

// ---------------------------------------------------------------------------
// Gathering

void TerraformReader::GatherModules(JsonValue root_module, bool data_only) {
  std::vector<JsonValue> stack;
  if (IsObject(root_module)) stack.push_back(root_module);
  while (!stack.empty()) {
    JsonValue module = stack.back();
    stack.pop_back();
    std::string_view module_address = StringOf(Member(module, "address"));
    JsonValue resources = Member(module, "resources");
    if (IsArray(resources)) {
      for (uint32_t i = 0; i < resources.size(); ++i) {
        JsonValue object = resources.element(i);
        AddResource(object, module_address, Member(object, "values"), data_only);
      }
    }
    JsonValue children = Member(module, "child_modules");
    if (IsArray(children)) {
      // Reverse, so the stack visits children in file order.
      for (uint32_t i = children.size(); i > 0; --i) {
        JsonValue child = children.element(i - 1);
        if (IsObject(child)) stack.push_back(child);
      }
    }
  }
}

void TerraformReader::AddResource(JsonValue object, std::string_view module_address,
                                  JsonValue values, bool data_only) {
  if (!IsObject(object)) return;
  JsonValue address_value = Member(object, "address");
  std::string_view address = StringOf(address_value);
  std::string_view type = StringOf(Member(object, "type"));
  if (address.empty() || type.empty()) return;
  bool data = StringOf(Member(object, "mode")) == "data";
  if (data_only && !data) return;
  if (by_address_.count(std::string(address)) != 0) return;

  Resource r;
  r.address = std::string(address);
  r.module_address = std::string(module_address);
  r.type = std::string(type);
  r.data = data;
  r.values = IsObject(values) ? values : JsonValue();
  r.span = address_value.span();
  // The resource part of the address: after "<module_address>.".
  std::string_view local = address;
  if (!module_address.empty() && StartsWith(address, module_address) &&
      address.size() > module_address.size() && address[module_address.size()] == '.') {
    local = address.substr(module_address.size() + 1);
  } else if (module_address.empty() && StartsWith(address, "module.")) {
    // No module address given: split at the last "module.x[..]." prefix.
    size_t cut = 0;
    size_t i = 0;
    while (StartsWith(address.substr(i), "module.")) {
      size_t dot = address.find('.', i + 7);
      size_t bracket = address.find('[', i + 7);
      if (bracket != std::string_view::npos && (dot == std::string_view::npos || bracket < dot)) {
        size_t close = ClosingBracket(address, bracket);
        if (close == std::string_view::npos) break;
        dot = close + 1;
      }
      if (dot == std::string_view::npos || dot >= address.size() || address[dot] != '.') break;
      cut = dot;
      i = dot + 1;
    }
    if (cut > 0) {
      r.module_address = std::string(address.substr(0, cut));
      local = address.substr(cut + 1);
    }
  }
  size_t bracket = local.find('[');
  std::string_view config_address = local;
  if (bracket != std::string_view::npos) {
    config_address = local.substr(0, bracket);
    r.index = std::string(local.substr(bracket));
  }
  r.config_key = StripInstanceKeys(r.module_address) + "|" + std::string(config_address);

  by_address_[r.address] = resources_.size();
  by_config_key_[r.config_key].push_back(resources_.size());
  resources_.push_back(std::move(r));
}

void TerraformReader::GatherChanges(JsonValue changes) {
  if (!IsArray(changes)) return;
  for (uint32_t i = 0; i < changes.size(); ++i) {
    JsonValue change_object = changes.element(i);
    std::string_view address = StringOf(Member(change_object, "address"));
    if (address.empty()) continue;
    JsonValue change = Member(change_object, "change");
    JsonValue unknown = Member(change, "after_unknown");
    if (unknown.valid()) unknowns_.emplace(std::string(address), unknown);
    JsonValue after = Member(change, "after");
    if (IsObject(after)) {
      AddResource(change_object, StringOf(Member(change_object, "module_address")), after,
                  /*data_only=*/false);
    }
  }
}

void TerraformReader::GatherConfiguration(JsonValue configuration) {
  struct Frame {
    JsonValue module;
    std::string path;  // "module.a.module.b"
  };
  std::vector<Frame> stack;
  JsonValue root = Member(configuration, "root_module");
  if (IsObject(root)) stack.push_back({root, ""});
  while (!stack.empty()) {
    Frame frame = std::move(stack.back());
    stack.pop_back();
    JsonValue resources = Member(frame.module, "resources");
    if (IsArray(resources)) {
      for (uint32_t i = 0; i < resources.size(); ++i) {
        JsonValue resource = resources.element(i);
        std::string_view address = StringOf(Member(resource, "address"));
        JsonValue expressions = Member(resource, "expressions");
        if (address.empty() || !IsObject(expressions)) continue;
        expressions_.emplace(frame.path + "|" + std::string(address), expressions);
      }
    }
    JsonValue calls = Member(frame.module, "module_calls");
    if (IsObject(calls)) {
      for (uint32_t i = 0; i < calls.size(); ++i) {
        JsonValue module = Member(calls.member_value(i), "module");
        if (!IsObject(module)) continue;
        std::string path = frame.path;
        if (!path.empty()) path += ".";
        path += "module.";
        path += calls.key(i);
        stack.push_back({module, std::move(path)});
      }
    }
  }
}

// ---------------------------------------------------------------------------
// References

const Resource* TerraformReader::ResolveReference(const Resource& from,
                                                  std::string_view reference) {
  // "aws_iam_role.app.name", "aws_iam_role.app[0].arn", "data.aws_x.y.json".
  std::string_view rest = reference;
  std::string prefix;
  if (StartsWith(rest, "data.")) {
    prefix = "data.";
    rest.remove_prefix(5);
  }
  size_t dot = rest.find('.');
  if (dot == std::string_view::npos || dot == 0) return nullptr;
  std::string_view type = rest.substr(0, dot);
  // Not a resource: variables, locals, module outputs, meta arguments.
  static constexpr std::string_view kNotResources[] = {"var",  "local", "module",    "each",
                                                       "count", "path", "terraform", "self"};
  if (prefix.empty()) {
    for (std::string_view n : kNotResources) {
      if (type == n) return nullptr;
    }
  }
  std::string_view after = rest.substr(dot + 1);
  size_t end = 0;
  while (end < after.size() && after[end] != '.' && after[end] != '[') ++end;
  if (end == 0) return nullptr;
  std::string_view name = after.substr(0, end);
  std::string index;
  if (end < after.size() && after[end] == '[') {
    size_t close = ClosingBracket(after, end);
    if (close == std::string_view::npos) return nullptr;
    index = std::string(after.substr(end, close - end + 1));
  }
  std::string key = StripInstanceKeys(from.module_address) + "|" + prefix + std::string(type) +
                    "." + std::string(name);
  auto it = by_config_key_.find(key);
  if (it == by_config_key_.end()) return nullptr;
  std::vector<const Resource*> candidates;
  for (size_t i : it->second) {
    const Resource& r = resources_[i];
    if (r.module_address == from.module_address) candidates.push_back(&r);
  }
  if (candidates.empty()) return nullptr;
  if (!index.empty()) {
    for (const Resource* r : candidates) {
      if (r->index == index) return r;
    }
    return nullptr;
  }
  if (candidates.size() == 1) return candidates[0];
  // `aws_iam_role.x[count.index]` is listed without its index: the
  // instance with the referring resource's own key.
  for (const Resource* r : candidates) {
    if (!from.index.empty() && r->index == from.index) return r;
  }
  return nullptr;
}

std::vector<const Resource*> TerraformReader::ResolveReferences(const Resource& from,
                                                                JsonValue expression,
                                                                std::string_view type_filter) {
  std::vector<const Resource*> out;
  JsonValue refs = Member(expression, "references");
  if (!IsArray(refs)) return out;
  for (uint32_t i = 0; i < refs.size(); ++i) {
    const Resource* r = ResolveReference(from, StringOf(refs.element(i)));
    if (r == nullptr) continue;
    if (!type_filter.empty() && r->type != type_filter) continue;
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Policies

// The policy string of an attribute: its value when known; when unknown,
// the `json` of a data.aws_iam_policy_document it references, if that is
// known. Invalid when there is none.
JsonValue TerraformReader::PolicyString(const Resource& r, JsonValue value, JsonValue expression) {
  if (IsString(value)) return value;
  if (value.valid() && value.kind() != JsonKind::kNull) return JsonValue();
  for (const Resource* target : ResolveReferences(r, expression, "aws_iam_policy_document")) {
    if (!target->data) continue;
    if (IsUnknown(*target, {{"json"}})) continue;
    JsonValue json = Member(target->values, "json");
    if (IsString(json)) return json;
  }
  return JsonValue();
}

uint32_t TerraformReader::AddPolicy(JsonValue string, const std::string& where,
                                    std::optional<PolicyKind> kind, std::string name) {
  std::vector<uint32_t> offsets = JsonStringOffsets(sources_, string);
  SourceId derived =
      sources_.AddDerivedBuffer(string.span().source, std::string(string.text()), std::move(offsets));
  JsonDocument doc;
  DiagnosticSink local;
  if (!ReadJson(sources_, derived, JsonReadOptions{}, &doc, local)) {
    for (Diagnostic d : local.Take()) {
      if (d.where.empty()) d.where = where;
      sink_.Add(std::move(d));
    }
    return kNoIndex;
  }
  FoundPolicy policy;
  policy.document = inv_->AddDocument(std::move(doc));
  policy.root = inv_->documents[policy.document]->root();
  policy.kind = kind;
  policy.where = where;
  policy.name = std::move(name);
  policy.anchor = string.span();
  inv_->policies.push_back(std::move(policy));
  policy_use_.push_back(0);
  return static_cast<uint32_t>(inv_->policies.size() - 1);
}

// ---------------------------------------------------------------------------
// Entities

void TerraformReader::NoteAccount(std::string_view arn) {
  if (!inv_->account_id.empty()) return;
  std::string_view account = AccountOfArn(arn);
  if (!account.empty()) inv_->account_id = std::string(account);
}

void TerraformReader::ReadEntity(const Resource& r, EntityType type) {
  Entity e;
  e.type = type;
  std::string_view name = StringOf(Member(r.values, "name"));
  e.name = name.empty() ? r.address : std::string(name);
  e.logical_id = r.address;
  e.arn = std::string(StringOf(Member(r.values, "arn")));
  NoteAccount(e.arn);
  e.span = r.span;
  e.where = r.address;
  uint32_t index = static_cast<uint32_t>(inv_->entities.size());
  inv_->entities.push_back(std::move(e));
  entity_by_address_.emplace(r.address, index);
  std::string key = std::string(1, EntityKey(type)) + "|" + inv_->entities[index].name;
  entity_by_name_.emplace(std::move(key), index);
}

uint32_t TerraformReader::EntityByName(EntityType type, std::string_view name, Span span) {
  // Some attributes take an ARN; the name is its last path segment.
  if (StartsWith(name, "arn:")) {
    size_t slash = name.rfind('/');
    if (slash != std::string_view::npos) name = name.substr(slash + 1);
  }
  if (name.empty()) return kNoIndex;
  std::string key = std::string(1, EntityKey(type)) + "|" + std::string(name);
  auto it = entity_by_name_.find(key);
  if (it != entity_by_name_.end()) return it->second;
  // Not managed in this plan (it exists already): known by name only.
  Entity e;
  e.type = type;
  e.name = std::string(name);
  e.span = span;
  uint32_t index = static_cast<uint32_t>(inv_->entities.size());
  inv_->entities.push_back(std::move(e));
  entity_by_name_.emplace(std::move(key), index);
  return index;
}

std::string_view EntityResourceType(EntityType type) {
  switch (type) {
    case EntityType::kUser: return "aws_iam_user";
    case EntityType::kGroup: return "aws_iam_group";
    case EntityType::kRole: return "aws_iam_role";
  }
  return "aws_iam_user";
}

// The entities an attribute names (`role`, `users`...): by name when known,
// else by the configuration's references to the entity's resource.
std::vector<uint32_t> TerraformReader::LinkedEntities(const Resource& r,
                                                      std::string_view attribute,
                                                      EntityType type) {
  std::vector<uint32_t> out;
  auto add = [&out](uint32_t index) {
    if (index != kNoIndex && std::find(out.begin(), out.end(), index) == out.end()) {
      out.push_back(index);
    }
  };
  JsonValue value = Member(r.values, attribute);
  if (IsString(value)) {
    add(EntityByName(type, value.text(), value.span()));
  } else if (IsArray(value)) {
    for (uint32_t i = 0; i < value.size(); ++i) {
      JsonValue element = value.element(i);
      if (IsString(element)) add(EntityByName(type, element.text(), element.span()));
    }
  } else if (!value.valid() || value.kind() == JsonKind::kNull) {
    for (const Resource* target :
         ResolveReferences(r, Member(r.expressions, attribute), EntityResourceType(type))) {
      auto it = entity_by_address_.find(target->address);
      if (it != entity_by_address_.end()) add(it->second);
    }
  }
  return out;
}

void TerraformReader::AttachInline(uint32_t policy, uint32_t entity) {
  if (policy == kNoIndex || entity == kNoIndex) return;
  std::vector<uint32_t>& attached = inv_->policies[policy].attached;
  if (std::find(attached.begin(), attached.end(), entity) == attached.end()) {
    attached.push_back(entity);
  }
  std::vector<uint32_t>& inline_policies = inv_->entities[entity].inline_policies;
  if (std::find(inline_policies.begin(), inline_policies.end(), policy) == inline_policies.end()) {
    inline_policies.push_back(policy);
  }
}

void TerraformReader::AttachManaged(uint32_t entity, ManagedPolicyRef ref) {
  if (entity == kNoIndex) return;
  Entity& e = inv_->entities[entity];
  for (const ManagedPolicyRef& existing : e.managed_policies) {
    if (existing.arn == ref.arn && existing.policy == ref.policy) return;
  }
  if (ref.policy != kNoIndex) {
    std::vector<uint32_t>& attached = inv_->policies[ref.policy].attached;
    if (std::find(attached.begin(), attached.end(), entity) == attached.end()) {
      attached.push_back(entity);
    }
    policy_use_[ref.policy] |= kUsedIdentity;
  }
  e.managed_policies.push_back(std::move(ref));
}

ManagedPolicyRef TerraformReader::RefForArn(std::string_view arn, Span span) {
  ManagedPolicyRef ref;
  ref.arn = std::string(arn);
  ref.span = span;
  auto it = policy_by_arn_.find(ref.arn);
  if (it != policy_by_arn_.end()) ref.policy = it->second;
  return ref;
}

// The managed policies an ARN attribute (`policy_arn`, `managed_policy_arns`,
// `permissions_boundary`) names: by ARN when known; when unknown, by the
// configuration's references to aws_iam_policy resources (or to
// data.aws_iam_policy, whose ARN is known).
std::vector<ManagedPolicyRef> TerraformReader::PolicyRefs(const Resource& r,
                                                          std::string_view attribute) {
  std::vector<ManagedPolicyRef> out;
  JsonValue value = Member(r.values, attribute);
  if (IsString(value)) {
    if (!value.text().empty()) out.push_back(RefForArn(value.text(), value.span()));
    return out;
  }
  if (IsArray(value)) {
    for (uint32_t i = 0; i < value.size(); ++i) {
      JsonValue element = value.element(i);
      if (IsString(element) && !element.text().empty()) {
        out.push_back(RefForArn(element.text(), element.span()));
      }
    }
    return out;
  }
  if (value.valid() && value.kind() != JsonKind::kNull) return out;
  JsonValue expression = Member(r.expressions, attribute);
  Span span = expression.valid() ? expression.span() : r.span;
  for (const Resource* target : ResolveReferences(r, expression, "aws_iam_policy")) {
    std::string_view arn = StringOf(Member(target->values, "arn"));
    if (target->data) {
      if (!arn.empty()) out.push_back(RefForArn(arn, span));
      continue;
    }
    auto it = policy_by_address_.find(target->address);
    ManagedPolicyRef ref;
    ref.arn = arn.empty() ? "{{" + target->address + ".arn}}" : std::string(arn);
    ref.span = span;
    if (it != policy_by_address_.end()) ref.policy = it->second;
    out.push_back(std::move(ref));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Resources

struct ResourcePolicyAttribute {
  std::string_view type;
  std::string_view attribute;
  bool optional;  // "" means no policy (optional, computed attributes)
};

constexpr ResourcePolicyAttribute kResourcePolicies[] = {
    {"aws_s3_bucket_policy", "policy", false},
    {"aws_s3_bucket", "policy", true},
    {"aws_sqs_queue_policy", "policy", false},
    {"aws_sqs_queue", "policy", true},
    {"aws_sns_topic_policy", "policy", false},
    {"aws_sns_topic", "policy", true},
    {"aws_kms_key", "policy", true},
    {"aws_ecr_repository_policy", "policy", false},
    {"aws_secretsmanager_secret_policy", "policy", false},
    {"aws_secretsmanager_secret", "policy", true},
    // Other resource-based policies held as JSON strings.
    {"aws_kms_key_policy", "policy", false},
    {"aws_ecr_registry_policy", "policy", false},
    {"aws_s3_access_point", "policy", true},
    {"aws_elasticsearch_domain_policy", "access_policies", false},
    {"aws_elasticsearch_domain", "access_policies", true},
    {"aws_opensearch_domain_policy", "access_policies", false},
    {"aws_opensearch_domain", "access_policies", true},
    {"aws_cloudwatch_log_resource_policy", "policy_document", false},
    {"aws_glacier_vault", "access_policy", true},
    {"aws_efs_file_system_policy", "policy", false},
    {"aws_backup_vault_policy", "policy", false},
    {"aws_api_gateway_rest_api_policy", "policy", false},
    {"aws_api_gateway_rest_api", "policy", true},
};

void TerraformReader::ReadDocuments(const Resource& r) {
  if (r.data) return;
  const std::string& t = r.type;
  std::string_view name = StringOf(Member(r.values, "name"));
  std::string policy_name = name.empty() ? r.address : std::string(name);

  // One string attribute → one policy (or nothing when unknown or absent).
  auto read = [&](std::string_view attribute, std::optional<PolicyKind> kind, std::string pname,
                  bool optional) -> uint32_t {
    JsonValue value = Member(r.values, attribute);
    if (IsUnknown(r, {{attribute}})) value = JsonValue();
    JsonValue string = PolicyString(r, value, Member(r.expressions, attribute));
    if (!string.valid()) return kNoIndex;
    if (optional && string.text().empty()) return kNoIndex;
    return AddPolicy(string, r.address + "." + std::string(attribute), kind, std::move(pname));
  };

  if (t == "aws_iam_role") {
    auto it = entity_by_address_.find(r.address);
    if (it == entity_by_address_.end()) return;
    uint32_t role = it->second;
    uint32_t trust = read("assume_role_policy", PolicyKind::kTrust, inv_->entities[role].name,
                          false);
    if (trust != kNoIndex) inv_->entities[role].trust_policy = trust;
    JsonValue inline_policies = Member(r.values, "inline_policy");
    if (IsArray(inline_policies) && !IsUnknown(r, {{"inline_policy"}})) {
      JsonValue blocks = Member(r.expressions, "inline_policy");
      for (uint32_t i = 0; i < inline_policies.size(); ++i) {
        JsonValue block = inline_policies.element(i);
        if (IsUnknown(r, {{"inline_policy"}, {{}, i}, {"policy"}})) continue;
        JsonValue expression;
        if (IsArray(blocks) && i < blocks.size()) expression = Member(blocks.element(i), "policy");
        JsonValue string = PolicyString(r, Member(block, "policy"), expression);
        // The provider records a role without inline policies as one
        // empty block; an empty policy is no policy.
        if (!string.valid() || string.text().empty()) continue;
        std::string where = r.address + ".inline_policy[" + std::to_string(i) + "].policy";
        uint32_t p = AddPolicy(string, where, PolicyKind::kIdentity,
                               std::string(StringOf(Member(block, "name"))));
        AttachInline(p, role);
      }
    }
    return;
  }
  if (t == "aws_iam_policy") {
    uint32_t p = read("policy", PolicyKind::kIdentity, policy_name, false);
    if (p == kNoIndex) return;
    std::string_view arn = StringOf(Member(r.values, "arn"));
    NoteAccount(arn);
    inv_->policies[p].arn = std::string(arn);
    policy_by_address_.emplace(r.address, p);
    if (!arn.empty()) policy_by_arn_.emplace(std::string(arn), p);
    return;
  }
  struct InlineKind {
    std::string_view type;
    std::string_view attribute;
    EntityType entity;
  };
  static constexpr InlineKind kInline[] = {
      {"aws_iam_role_policy", "role", EntityType::kRole},
      {"aws_iam_user_policy", "user", EntityType::kUser},
      {"aws_iam_group_policy", "group", EntityType::kGroup},
  };
  for (const InlineKind& k : kInline) {
    if (t != k.type) continue;
    uint32_t p = read("policy", PolicyKind::kIdentity, policy_name, false);
    if (p == kNoIndex) return;
    for (uint32_t e : LinkedEntities(r, k.attribute, k.entity)) AttachInline(p, e);
    return;
  }
  for (const ResourcePolicyAttribute& k : kResourcePolicies) {
    if (t != k.type) continue;
    uint32_t p = read(k.attribute, PolicyKind::kResource, r.address, k.optional);
    if (p != kNoIndex) inv_->policies[p].resource_type = r.type;
    return;
  }
  if (t == "aws_organizations_policy") {
    std::string_view type = StringOf(Member(r.values, "type"));
    std::optional<PolicyKind> kind;
    if (type.empty() || type == "SERVICE_CONTROL_POLICY") {
      kind = PolicyKind::kScp;
    } else if (type == "RESOURCE_CONTROL_POLICY") {
      kind = PolicyKind::kRcp;
    } else {
      return;  // tag, backup, AI opt-out policies: not IAM
    }
    read("content", kind, policy_name, false);
  }
}

void TerraformReader::ReadLinks(const Resource& r) {
  if (r.data) return;
  const std::string& t = r.type;
  if (t == "aws_iam_role" || t == "aws_iam_user") {
    auto it = entity_by_address_.find(r.address);
    if (it == entity_by_address_.end()) return;
    uint32_t entity = it->second;
    if (t == "aws_iam_role") {
      // A list unknown at plan time is resolved through its references.
      for (ManagedPolicyRef& ref : PolicyRefs(r, "managed_policy_arns")) {
        AttachManaged(entity, std::move(ref));
      }
    }
    std::vector<ManagedPolicyRef> boundary = PolicyRefs(r, "permissions_boundary");
    if (!boundary.empty()) {
      ManagedPolicyRef ref = std::move(boundary.front());
      if (ref.policy != kNoIndex) {
        std::vector<uint32_t>& attached = inv_->policies[ref.policy].attached;
        if (std::find(attached.begin(), attached.end(), entity) == attached.end()) {
          attached.push_back(entity);
        }
        policy_use_[ref.policy] |= kUsedBoundary;
      }
      inv_->entities[entity].boundary = std::move(ref);
    }
    return;
  }
  struct AttachmentKind {
    std::string_view type;
    std::string_view attribute;
    EntityType entity;
  };
  static constexpr AttachmentKind kAttachments[] = {
      {"aws_iam_role_policy_attachment", "role", EntityType::kRole},
      {"aws_iam_user_policy_attachment", "user", EntityType::kUser},
      {"aws_iam_group_policy_attachment", "group", EntityType::kGroup},
      {"aws_iam_policy_attachment", "users", EntityType::kUser},
      {"aws_iam_policy_attachment", "roles", EntityType::kRole},
      {"aws_iam_policy_attachment", "groups", EntityType::kGroup},
  };
  bool attachment = false;
  std::vector<ManagedPolicyRef> refs;
  for (const AttachmentKind& k : kAttachments) {
    if (t != k.type) continue;
    if (!attachment) refs = PolicyRefs(r, "policy_arn");
    attachment = true;
    for (uint32_t e : LinkedEntities(r, k.attribute, k.entity)) {
      for (const ManagedPolicyRef& ref : refs) AttachManaged(e, ref);
    }
  }
  if (attachment) return;

  if (t == "aws_iam_user_group_membership") {
    std::vector<uint32_t> groups = LinkedEntities(r, "groups", EntityType::kGroup);
    for (uint32_t u : LinkedEntities(r, "user", EntityType::kUser)) {
      for (uint32_t g : groups) {
        std::vector<std::string>& names = inv_->entities[u].groups;
        const std::string& name = inv_->entities[g].name;
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    return;
  }
  if (t == "aws_iam_group_membership") {
    std::vector<uint32_t> groups = LinkedEntities(r, "group", EntityType::kGroup);
    for (uint32_t u : LinkedEntities(r, "users", EntityType::kUser)) {
      for (uint32_t g : groups) {
        std::vector<std::string>& names = inv_->entities[u].groups;
        const std::string& name = inv_->entities[g].name;
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    return;
  }
  if (t == "aws_iam_access_key") {
    if (StringOf(Member(r.values, "status")) == "Inactive") return;
    for (uint32_t u : LinkedEntities(r, "user", EntityType::kUser)) {
      Entity& e = inv_->entities[u];
      if (e.access_key != Tristate::kYes) e.access_key_span = r.span;
      e.access_key = Tristate::kYes;
    }
    return;
  }
  if (t == "aws_iam_user_login_profile") {
    for (uint32_t u : LinkedEntities(r, "user", EntityType::kUser)) {
      inv_->entities[u].password = Tristate::kYes;
    }
    return;
  }
  if (t == "aws_iam_instance_profile") {
    std::string_view name = StringOf(Member(r.values, "name"));
    std::string profile = name.empty() ? r.address : std::string(name);
    std::vector<uint32_t> roles = LinkedEntities(r, "role", EntityType::kRole);
    for (uint32_t role : LinkedEntities(r, "roles", EntityType::kRole)) {
      if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
    }
    for (uint32_t role : roles) {
      std::vector<std::string>& profiles = inv_->entities[role].instance_profiles;
      if (std::find(profiles.begin(), profiles.end(), profile) == profiles.end()) {
        profiles.push_back(profile);
      }
    }
    return;
  }
}

void TerraformReader::Read(JsonValue root) {
  inv_->format = InputFormat::kTerraform;
  // Plan: planned_values first, then what only resource_changes has, then
  // the data sources read at plan time (prior_state). State: values.
  GatherModules(Member(Member(root, "planned_values"), "root_module"), false);
  GatherChanges(Member(root, "resource_changes"));
  GatherModules(Member(Member(Member(root, "prior_state"), "values"), "root_module"), true);
  GatherModules(Member(Member(root, "values"), "root_module"), false);
  GatherConfiguration(Member(root, "configuration"));

  for (Resource& r : resources_) {
    auto unknown = unknowns_.find(r.address);
    if (unknown != unknowns_.end()) r.after_unknown = unknown->second;
    auto expressions = expressions_.find(r.config_key);
    if (expressions != expressions_.end()) r.expressions = expressions->second;
  }

  for (const Resource& r : resources_) {
    if (r.data) {
      if (r.type == "aws_caller_identity") {
        std::string_view account = StringOf(Member(r.values, "account_id"));
        NoteAccount("arn:aws:iam::" + std::string(account) + ":root");
      }
      continue;
    }
    if (r.type == "aws_iam_user") ReadEntity(r, EntityType::kUser);
    if (r.type == "aws_iam_group") ReadEntity(r, EntityType::kGroup);
    if (r.type == "aws_iam_role") ReadEntity(r, EntityType::kRole);
  }
  for (const Resource& r : resources_) ReadDocuments(r);
  for (const Resource& r : resources_) ReadLinks(r);

  // A customer managed policy used only as a permissions boundary is one.
  for (size_t i = 0; i < policy_use_.size(); ++i) {
    if (policy_use_[i] == kUsedBoundary) inv_->policies[i].kind = PolicyKind::kBoundary;
  }
}

}  // namespace

bool LooksLikeTerraform(JsonValue root) {
  if (!IsObject(root) || !Member(root, "format_version").valid()) return false;
  for (std::string_view key : {"planned_values", "values", "resource_changes", "prior_state"}) {
    if (Member(root, key).valid()) return true;
  }
  return false;
}

void ReadTerraform(SourceManager& sources, uint32_t plan_doc, Inventory* inventory,
                   DiagnosticSink& sink) {
  IAMLINT_CHECK(plan_doc < inventory->documents.size());
  JsonValue root = inventory->documents[plan_doc]->root();
  TerraformReader reader(sources, inventory, sink);
  reader.Read(root);
}

}  // namespace iamlint
