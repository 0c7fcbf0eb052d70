// ReadAccountSnapshot: see account_snapshot.h.
//
// The snapshot is walked at a fixed depth (lists → entries → policy lists →
// entries), never recursively. Policy documents written as JSON objects are
// used in place (FoundPolicy::root points into the snapshot document);
// documents written as strings (the raw API URL-encodes them; some tools
// store plain JSON text) are decoded into derived buffers and read from
// there, so every span still maps to the snapshot file.
//
// Choices the header leaves open:
// - Order: users, then groups, then roles (entities and their inline and
//   trust policies, in list order), then the Policies entries.
// - A Policies entry is one FoundPolicy for its default version (VersionId
//   equal to DefaultVersionId, else the version with IsDefaultVersion
//   true). Its kind is identity, or boundary when it is referenced only as
//   a permissions boundary. An entry whose ARN is an AWS managed ARN
//   (arn:aws:iam::aws:policy/...) has aws_managed = true: AWS wrote it,
//   so its own findings are not the user's to fix.
// - Trust policies have no `attached` entities (they guard the role; see
//   Entity::trust_policy); their name is empty.
// - Shape problems are `snapshot-structure` warnings at the offending
//   value, with the logical location in Diagnostic::where.
#include "engine/inputs/account_snapshot.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/json/json_reader.h"
#include "engine/json/json_string_offsets.h"

namespace iamlint {
namespace {

constexpr std::string_view kStructure = "snapshot-structure";

// The account field of an ARN ("arn:aws:iam::111122223333:user/x") when it
// is a 12-digit account id, else "".
std::string_view ArnAccount(std::string_view arn) {
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

// True for "arn:<partition>:iam::aws:policy/...": a policy AWS wrote.
bool IsAwsManagedPolicyArn(std::string_view arn) {
  if (arn.substr(0, 4) != "arn:") return false;
  size_t colon = arn.find(':', 4);
  if (colon == std::string_view::npos) return false;
  return arn.substr(colon, 17) == ":iam::aws:policy/";
}

std::string Indexed(std::string_view list, uint32_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

// Per-type vocabulary of the three entity lists.
struct EntitySpec {
  EntityType type;
  std::string_view list;         // "UserDetailList"
  std::string_view name_key;     // "UserName"
  std::string_view inline_list;  // "UserPolicyList"
};

constexpr EntitySpec kUsers{EntityType::kUser, "UserDetailList", "UserName", "UserPolicyList"};
constexpr EntitySpec kGroups{EntityType::kGroup, "GroupDetailList", "GroupName", "GroupPolicyList"};
constexpr EntitySpec kRoles{EntityType::kRole, "RoleDetailList", "RoleName", "RolePolicyList"};

class SnapshotReader {
 public:
  SnapshotReader(SourceManager& sources, uint32_t snapshot_doc, Inventory* inventory,
                 DiagnosticSink& sink)
      : sources_(sources), snapshot_doc_(snapshot_doc), inventory_(inventory), sink_(sink) {}

  void Read() {
    inventory_->format = InputFormat::kAccountSnapshot;
    JsonValue root = inventory_->documents[snapshot_doc_]->root();
    if (!root.is_object()) {
      Warn(root.span(), "",
           "an account snapshot is a JSON object, found " + std::string(JsonKindName(root.kind())));
      return;
    }
    ReadEntityList(root, kUsers);
    ReadEntityList(root, kGroups);
    ReadEntityList(root, kRoles);
    ReadPolicies(root);
    Resolve();
  }

 private:
  void Warn(Span span, const std::string& where, std::string message) {
    Diagnostic d;
    d.code = std::string(kStructure);
    d.severity = Severity::kWarning;
    d.span = span;
    d.message = std::move(message);
    d.where = where;
    sink_.Add(std::move(d));
  }

  // Member `key` of `object` when it has kind `kind`; an invalid value when
  // it is absent or null; a warning and an invalid value for another kind.
  JsonValue Member(JsonValue object, std::string_view key, JsonKind kind,
                   const std::string& where) {
    JsonValue v = object.Find(key);
    if (!v.valid() || v.kind() == JsonKind::kNull) return JsonValue();
    if (v.kind() != kind) {
      Warn(v.span(), where,
           "`" + std::string(key) + "` is " + Article(v.kind()) + ", expected " + Article(kind));
      return JsonValue();
    }
    return v;
  }

  static std::string Article(JsonKind kind) {
    std::string_view name = JsonKindName(kind);
    bool vowel = !name.empty() && (name[0] == 'a' || name[0] == 'o');
    return std::string(vowel ? "an " : "a ") + std::string(name);
  }

  // The text of string member `key`, or nullopt (warned when not a string).
  std::optional<std::string_view> Text(JsonValue object, std::string_view key,
                                       const std::string& where) {
    JsonValue v = Member(object, key, JsonKind::kString, where);
    if (!v.valid()) return std::nullopt;
    return v.text();
  }

  void NoteAccount(std::string_view arn) {
    if (!inventory_->account_id.empty()) return;
    std::string_view account = ArnAccount(arn);
    if (!account.empty()) inventory_->account_id = std::string(account);
  }

  void ReadEntityList(JsonValue root, const EntitySpec& spec) {
    JsonValue list = Member(root, spec.list, JsonKind::kArray, "");
    if (!list.valid()) return;
    for (uint32_t i = 0; i < list.size(); ++i) {
      JsonValue item = list.element(i);
      std::string path = Indexed(spec.list, i);
      if (!item.is_object()) {
        Warn(item.span(), path,
             "`" + path + "` is " + Article(item.kind()) + ", expected an object");
        continue;
      }
      ReadEntity(item, spec, path);
    }
  }

  void ReadEntity(JsonValue item, const EntitySpec& spec, const std::string& path) {
    Entity entity;
    entity.type = spec.type;
    entity.span = item.span();
    std::optional<std::string_view> name = Text(item, spec.name_key, path);
    std::optional<std::string_view> arn = Text(item, "Arn", path);
    if (arn) {
      entity.arn = std::string(*arn);
      NoteAccount(*arn);
    }
    if (name) {
      entity.name = std::string(*name);
    } else if (arn) {
      // The name is the last segment of the ARN's resource (after the path).
      size_t slash = arn->rfind('/');
      if (slash != std::string_view::npos) entity.name = std::string(arn->substr(slash + 1));
    }
    JsonValue written_name = item.Find(spec.name_key);
    if (!written_name.valid() || written_name.kind() == JsonKind::kNull) {
      Warn(item.span(), path,
           "`" + path + "` has no `" + std::string(spec.name_key) + "`" +
               (entity.name.empty() ? "" : ", named `" + entity.name + "` after its ARN"));
    }
    const std::string suffix = entity.name.empty() ? std::string()
                                                   : " (" + std::string(EntityTypeName(spec.type)) +
                                                         " " + entity.name + ")";
    const std::string where = path + suffix;
    entity.where = where;

    uint32_t index = static_cast<uint32_t>(inventory_->entities.size());
    inventory_->entities.push_back(std::move(entity));

    // A role's trust policy (first: it comes first in the CLI's output).
    if (spec.type == EntityType::kRole && item.Find("AssumeRolePolicyDocument").valid()) {
      FoundPolicy fp;
      fp.kind = PolicyKind::kTrust;
      fp.where = path + ".AssumeRolePolicyDocument" + suffix;
      inventory_->entities[index].trust_policy =
          AddDocumentMember(item, "AssumeRolePolicyDocument", JsonValue(), std::move(fp));
    }

    // Inline policies.
    JsonValue inline_list = Member(item, spec.inline_list, JsonKind::kArray, where);
    if (inline_list.valid()) {
      for (uint32_t j = 0; j < inline_list.size(); ++j) {
        JsonValue p = inline_list.element(j);
        std::string ppath = path + "." + Indexed(spec.inline_list, j);
        std::string pwhere = ppath + suffix;
        if (!p.is_object()) {
          Warn(p.span(), pwhere,
               "`" + ppath + "` is " + Article(p.kind()) + ", expected an object");
          continue;
        }
        FoundPolicy fp;
        fp.kind = PolicyKind::kIdentity;
        fp.where = pwhere;
        JsonValue pname = Member(p, "PolicyName", JsonKind::kString, pwhere);
        if (pname.valid()) fp.name = std::string(pname.text());
        fp.attached.push_back(index);
        uint32_t added = AddDocumentMember(p, "PolicyDocument", pname, std::move(fp));
        if (added != kNoIndex) inventory_->entities[index].inline_policies.push_back(added);
      }
    }

    ReadManagedRefs(item, index, where);
    ReadBoundary(item, index, where);

    if (spec.type == EntityType::kUser) {
      JsonValue groups = Member(item, "GroupList", JsonKind::kArray, where);
      if (groups.valid()) {
        for (uint32_t j = 0; j < groups.size(); ++j) {
          JsonValue g = groups.element(j);
          if (!g.is_string()) {
            Warn(g.span(), where,
                 "`GroupList` entry is " + Article(g.kind()) + ", expected a group name");
            continue;
          }
          inventory_->entities[index].groups.emplace_back(g.text());
        }
      }
    }

    if (spec.type == EntityType::kRole) {
      JsonValue profiles = Member(item, "InstanceProfileList", JsonKind::kArray, where);
      if (profiles.valid()) {
        for (uint32_t j = 0; j < profiles.size(); ++j) {
          JsonValue ip = profiles.element(j);
          if (!ip.is_object()) {
            Warn(ip.span(), where,
                 "`InstanceProfileList` entry is " + Article(ip.kind()) + ", expected an object");
            continue;
          }
          std::optional<std::string_view> ipname = Text(ip, "InstanceProfileName", where);
          if (!ipname) {
            if (!ip.Find("InstanceProfileName").valid()) {
              Warn(ip.span(), where, "`InstanceProfileList` entry has no `InstanceProfileName`");
            }
            continue;
          }
          inventory_->entities[index].instance_profiles.emplace_back(*ipname);
        }
      }
    }
  }

  // A reference's ARN, warned when missing or not a string.
  std::optional<ManagedPolicyRef> Ref(JsonValue object, std::string_view arn_key,
                                      std::string_view what, const std::string& where) {
    JsonValue v = object.Find(arn_key);
    if (!v.valid() || v.kind() == JsonKind::kNull) {
      Warn(object.span(), where, std::string(what) + " has no `" + std::string(arn_key) + "`");
      return std::nullopt;
    }
    if (!v.is_string()) {
      Warn(v.span(), where,
           "`" + std::string(arn_key) + "` is " + Article(v.kind()) + ", expected a string");
      return std::nullopt;
    }
    ManagedPolicyRef ref;
    ref.arn = std::string(v.text());
    ref.span = v.span();
    return ref;
  }

  void ReadManagedRefs(JsonValue item, uint32_t index, const std::string& where) {
    JsonValue list = Member(item, "AttachedManagedPolicies", JsonKind::kArray, where);
    if (!list.valid()) return;
    for (uint32_t j = 0; j < list.size(); ++j) {
      JsonValue m = list.element(j);
      if (!m.is_object()) {
        Warn(m.span(), where,
             "`AttachedManagedPolicies` entry is " + Article(m.kind()) + ", expected an object");
        continue;
      }
      std::optional<ManagedPolicyRef> ref =
          Ref(m, "PolicyArn", "`AttachedManagedPolicies` entry", where);
      if (ref) inventory_->entities[index].managed_policies.push_back(std::move(*ref));
    }
  }

  void ReadBoundary(JsonValue item, uint32_t index, const std::string& where) {
    JsonValue b = Member(item, "PermissionsBoundary", JsonKind::kObject, where);
    if (!b.valid()) return;
    if (b.size() == 0) return;  // some tools write {} for "no boundary"
    std::optional<ManagedPolicyRef> ref =
        Ref(b, "PermissionsBoundaryArn", "`PermissionsBoundary`", where);
    if (ref) inventory_->entities[index].boundary = std::move(*ref);
  }

  // Adds the policy document held in member `key` of `object` (an object,
  // or a URL-encoded or plain JSON string) as a FoundPolicy. `name` (when
  // valid) is the anchor; else the member's key is. Returns the new
  // policy's index, or kNoIndex (after a diagnostic) when there is none.
  uint32_t AddDocumentMember(JsonValue object, std::string_view key, JsonValue name,
                             FoundPolicy fp) {
    uint32_t member = kNoIndex;
    for (uint32_t i = 0; i < object.size(); ++i) {
      if (object.key(i) == key) {
        member = i;
        break;
      }
    }
    if (member == kNoIndex) {
      Warn(object.span(), fp.where, "policy entry has no `" + std::string(key) + "`");
      return kNoIndex;
    }
    fp.anchor = name.valid() ? name.span() : object.key_span(member);
    JsonValue doc = object.member_value(member);
    if (doc.is_object()) {
      fp.document = snapshot_doc_;
      fp.root = doc;
    } else if (doc.is_string()) {
      if (!DecodeDocument(doc, &fp)) return kNoIndex;
    } else {
      Warn(doc.span(), fp.where,
           "`" + std::string(key) + "` is " + Article(doc.kind()) +
               ", expected a policy document (an object or a URL-encoded string)");
      return kNoIndex;
    }
    uint32_t index = static_cast<uint32_t>(inventory_->policies.size());
    inventory_->policies.push_back(std::move(fp));
    return index;
  }

  // Decodes a policy written as a string into a derived buffer, reads it
  // and sets fp->document and fp->root. False after a diagnostic.
  bool DecodeDocument(JsonValue value, FoundPolicy* fp) {
    std::string_view text = value.text();
    std::vector<uint32_t> offsets = JsonStringOffsets(sources_, value);
    std::string decoded;
    std::vector<uint32_t> decoded_offsets;
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '{') {
      // Already JSON text (not URL-encoded): '+' must stay '+'.
      decoded = std::string(text);
      decoded_offsets = std::move(offsets);
    } else if (!UrlDecodeWithOffsets(text, offsets, &decoded, &decoded_offsets)) {
      Warn(value.span(), fp->where, "policy document is not valid URL-encoded text");
      return false;
    }
    SourceId id = sources_.AddDerivedBuffer(value.span().source, std::move(decoded),
                                            std::move(decoded_offsets));
    JsonDocument doc;
    DiagnosticSink local;
    if (!ReadJson(sources_, id, JsonReadOptions{}, &doc, local)) {
      for (Diagnostic& d : local.Take()) {
        d.where = fp->where;
        sink_.Add(std::move(d));
      }
      return false;
    }
    if (!doc.root().is_object()) {
      Warn(value.span(), fp->where,
           "policy document is " + Article(doc.root().kind()) + ", expected an object");
      return false;
    }
    uint32_t index = inventory_->AddDocument(std::move(doc));
    fp->document = index;
    fp->root = inventory_->documents[index]->root();
    return true;
  }

  void ReadPolicies(JsonValue root) {
    JsonValue list = Member(root, "Policies", JsonKind::kArray, "");
    if (!list.valid()) return;
    for (uint32_t i = 0; i < list.size(); ++i) {
      JsonValue item = list.element(i);
      std::string path = Indexed("Policies", i);
      if (!item.is_object()) {
        Warn(item.span(), path,
             "`" + path + "` is " + Article(item.kind()) + ", expected an object");
        continue;
      }
      ReadManagedPolicy(item, path);
    }
  }

  void ReadManagedPolicy(JsonValue item, const std::string& path) {
    JsonValue name = Member(item, "PolicyName", JsonKind::kString, path);
    std::optional<std::string_view> arn = Text(item, "Arn", path);
    std::optional<std::string_view> default_id = Text(item, "DefaultVersionId", path);
    std::string label = path + " (policy " + (name.valid() ? std::string(name.text()) : "?");
    JsonValue versions = Member(item, "PolicyVersionList", JsonKind::kArray, label + ")");
    if (!versions.valid()) {
      if (!item.Find("PolicyVersionList").valid()) {
        Warn(item.span(), label + ")", "managed policy has no `PolicyVersionList`");
      }
      return;
    }
    JsonValue chosen;
    JsonValue flagged;  // IsDefaultVersion: true
    for (uint32_t j = 0; j < versions.size(); ++j) {
      JsonValue v = versions.element(j);
      if (!v.is_object()) {
        Warn(v.span(), label + ")",
             "`PolicyVersionList` entry is " + Article(v.kind()) + ", expected an object");
        continue;
      }
      JsonValue id = v.Find("VersionId");
      if (default_id && id.valid() && id.is_string() && id.text() == *default_id) {
        if (!chosen.valid()) chosen = v;
      }
      JsonValue is_default = v.Find("IsDefaultVersion");
      if (is_default.valid() && is_default.kind() == JsonKind::kTrue && !flagged.valid()) {
        flagged = v;
      }
    }
    if (!chosen.valid()) chosen = flagged;
    if (!chosen.valid()) {
      Warn(versions.span(), label + ")",
           default_id ? "no version `" + std::string(*default_id) +
                            "` (the `DefaultVersionId`) in `PolicyVersionList`"
                      : std::string("no default version in `PolicyVersionList`"));
      return;
    }
    JsonValue version_id = chosen.Find("VersionId");
    std::string version = version_id.valid() && version_id.is_string()
                              ? std::string(version_id.text())
                              : (default_id ? std::string(*default_id) : std::string("?"));
    FoundPolicy fp;
    fp.kind = PolicyKind::kIdentity;
    fp.where = label + ", default version " + version + ")";
    if (name.valid()) fp.name = std::string(name.text());
    if (arn) {
      fp.arn = std::string(*arn);
      fp.aws_managed = IsAwsManagedPolicyArn(*arn);
      NoteAccount(*arn);
    }
    uint32_t added = AddDocumentMember(chosen, "Document", name, std::move(fp));
    if (added != kNoIndex && arn) by_arn_.emplace(*arn, added);
  }

  void Resolve() {
    if (by_arn_.empty()) return;
    std::vector<bool> as_managed(inventory_->policies.size(), false);
    std::vector<bool> as_boundary(inventory_->policies.size(), false);
    for (size_t e = 0; e < inventory_->entities.size(); ++e) {
      Entity& entity = inventory_->entities[e];
      auto resolve = [&](ManagedPolicyRef& ref, std::vector<bool>& use) {
        auto it = by_arn_.find(ref.arn);
        if (it == by_arn_.end()) return;
        ref.policy = it->second;
        use[it->second] = true;
        std::vector<uint32_t>& attached = inventory_->policies[it->second].attached;
        uint32_t entity_index = static_cast<uint32_t>(e);
        if (std::find(attached.begin(), attached.end(), entity_index) == attached.end()) {
          attached.push_back(entity_index);
        }
      };
      for (ManagedPolicyRef& ref : entity.managed_policies) resolve(ref, as_managed);
      if (entity.boundary) resolve(*entity.boundary, as_boundary);
    }
    for (const auto& [arn, index] : by_arn_) {
      if (as_boundary[index] && !as_managed[index]) {
        inventory_->policies[index].kind = PolicyKind::kBoundary;
      }
    }
  }

  SourceManager& sources_;
  uint32_t snapshot_doc_;
  Inventory* inventory_;
  DiagnosticSink& sink_;
  // Managed policy ARN → index into inventory_->policies. The views point
  // into the snapshot document, which outlives the reader.
  std::unordered_map<std::string_view, uint32_t> by_arn_;
};

}  // namespace

bool LooksLikeAccountSnapshot(JsonValue root) {
  if (!root.valid() || !root.is_object()) return false;
  if (root.Find("UserDetailList").valid() || root.Find("GroupDetailList").valid() ||
      root.Find("RoleDetailList").valid()) {
    return true;
  }
  JsonValue policies = root.Find("Policies");
  if (!policies.valid() || !policies.is_array()) return false;
  for (uint32_t i = 0; i < policies.size(); ++i) {
    JsonValue p = policies.element(i);
    if (p.is_object() && p.Find("PolicyVersionList").valid()) return true;
  }
  return false;
}

void ReadAccountSnapshot(SourceManager& sources, uint32_t snapshot_doc, Inventory* inventory,
                         DiagnosticSink& sink) {
  SnapshotReader(sources, snapshot_doc, inventory, sink).Read();
}

}  // namespace iamlint
