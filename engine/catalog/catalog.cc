#include "engine/catalog/catalog.h"

#include <algorithm>

#include "engine/base/suggest.h"
#include "engine/catalog/arn_template.h"
#include "engine/catalog/fold.h"
#include "engine/match/glob.h"
#include "engine/match/wildcard.h"

namespace iamlint {

using catalog_internal::CompareFolded;
using catalog_internal::EqualsFolded;
using catalog_internal::StartsWithFolded;

namespace {

constexpr std::string_view kLevelNames[kAccessLevelCount] = {"List", "Read", "Write",
                                                             "Permissions management", "Tagging"};

bool HasWildcard(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

// A condition key name as a template code (arn_template.h): placeholders
// (`${TagKey}`, `<key>`) become variables, and so does the part after the
// first `/` of a global key (`aws:PrincipalTag/tag-key`), as the source
// package itself resolves them. Returns false for a key without any.
bool KeyTemplate(const ConditionKeyInfo& key, std::string* code) {
  code->clear();
  bool any = false;
  const std::string_view name = key.name;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    size_t close = std::string_view::npos;
    if (c == '$' && i + 1 < name.size() && name[i + 1] == '{') close = name.find('}', i + 2);
    if (c == '<') close = name.find('>', i + 1);
    if (close != std::string_view::npos) {
      *code += static_cast<char>(kTemplateVariable);
      i = close;
      any = true;
      continue;
    }
    *code += catalog_internal::FoldChar(c);
  }
  if (!any && key.global) {
    const size_t slash = code->find('/');
    if (slash != std::string::npos && slash + 1 < code->size()) {
      code->resize(slash + 1);
      *code += static_cast<char>(kTemplateVariable);
      any = true;
    }
  }
  return any;
}

// `text` with `*` and `?` escaped out of the way: condition keys never hold
// wildcards, so any that appear must match literally. `\x01`..`\x07` never
// appear in key names, so they are safe stand-ins.
std::string KeyAsGlob(std::string_view key) {
  std::string out(key);
  for (char& c : out) {
    if (c == '*' || c == '?') c = '\x02';
  }
  return out;
}

}  // namespace

std::string_view AccessLevelName(AccessLevel level) {
  return kLevelNames[static_cast<size_t>(level)];
}

std::optional<AccessLevel> ParseAccessLevel(std::string_view text) {
  static constexpr std::string_view kCodes = "LRWPT";
  if (text.size() == 1) {
    const size_t i = kCodes.find(text[0]);
    if (i != std::string_view::npos) return static_cast<AccessLevel>(i);
  }
  for (size_t i = 0; i < kAccessLevelCount; ++i) {
    if (EqualsFolded(text, kLevelNames[i])) return static_cast<AccessLevel>(i);
  }
  if (EqualsFolded(text, "permissions-management")) return AccessLevel::kPermissionsManagement;
  return std::nullopt;
}

std::string_view ConditionKeyTypeName(ConditionKeyType type) {
  switch (type) {
    case ConditionKeyType::kString:
      return "String";
    case ConditionKeyType::kArn:
      return "ARN";
    case ConditionKeyType::kBool:
      return "Bool";
    case ConditionKeyType::kNumeric:
      return "Numeric";
    case ConditionKeyType::kDate:
      return "Date";
    case ConditionKeyType::kIpAddress:
      return "IPAddress";
    case ConditionKeyType::kBinary:
      return "Binary";
  }
  return "String";
}

Catalog::Catalog() = default;
Catalog::~Catalog() = default;

void Catalog::EnsureArnIndex() const {
  std::call_once(arn_index_once_, [this] { BuildArnIndex(); });
}

void Catalog::BuildArnIndex() const {
  compiled_.reserve(templates_.size());
  template_type_.resize(templates_.size());
  for (ResourceTypeId t = 0; t < types_.size(); ++t) {
    for (uint32_t i = 0; i < types_[t].template_count; ++i) {
      template_type_[types_[t].template_begin + i] = t;
    }
  }
  for (std::string_view format : templates_) compiled_.push_back(ArnTemplate::Compile(format));

  // A format ending in a variable whose very text another format extends
  // with `/` or `:` (bucket → bucket/object, log-group → log-group:stream)
  // must not let that variable take the character: otherwise every object
  // ARN would also be a bucket ARN.
  std::vector<std::pair<std::string, uint32_t>> normalized;
  normalized.reserve(compiled_.size());
  for (uint32_t i = 0; i < compiled_.size(); ++i) {
    if (compiled_[i].valid()) normalized.emplace_back(compiled_[i].Normalized(), i);
  }
  std::sort(normalized.begin(), normalized.end());
  for (const auto& [text, index] : normalized) {
    if (!compiled_[index].ends_with_variable()) continue;
    auto it = std::upper_bound(normalized.begin(), normalized.end(),
                               std::make_pair(text, uint32_t{UINT32_MAX}));
    for (; it != normalized.end() && it->first.compare(0, text.size(), text) == 0; ++it) {
      compiled_[index].ExcludeFromFinalVariable(it->first[text.size()]);
    }
  }

  for (uint32_t i = 0; i < compiled_.size(); ++i) {
    if (!compiled_[i].valid()) continue;
    const std::string_view service = compiled_[i].literal_service();
    if (service.empty()) {
      any_service_templates_.push_back(i);
    } else {
      by_service_.push_back({service, i});
    }
  }
  std::sort(by_service_.begin(), by_service_.end(),
            [](const TemplateIndexEntry& a, const TemplateIndexEntry& b) {
              return a.service != b.service ? a.service < b.service
                                            : a.template_index < b.template_index;
            });
}

// --- Services ------------------------------------------------------------------

std::optional<ServiceId> Catalog::FindService(std::string_view prefix) const {
  auto it = std::lower_bound(
      services_.begin(), services_.end(), prefix,
      [](const ServiceRecord& s, std::string_view p) { return CompareFolded(s.prefix, p) < 0; });
  if (it == services_.end() || !EqualsFolded(it->prefix, prefix)) return std::nullopt;
  return static_cast<ServiceId>(it - services_.begin());
}

ActionRange Catalog::actions_of(ServiceId id) const {
  const ServiceRecord& s = services_[id];
  return {s.action_begin, s.action_begin + s.action_count};
}

std::vector<ServiceId> Catalog::RcpSupportedServices() const {
  std::vector<ServiceId> out;
  for (ServiceId s = 0; s < services_.size(); ++s) {
    if (services_[s].rcp) out.push_back(s);
  }
  return out;
}

// --- Actions -------------------------------------------------------------------

std::optional<ActionId> Catalog::FindAction(std::string_view name) const {
  const size_t colon = name.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::optional<ServiceId> service = FindService(name.substr(0, colon));
  if (!service) return std::nullopt;
  return FindAction(*service, name.substr(colon + 1));
}

std::optional<ActionId> Catalog::FindAction(ServiceId service, std::string_view action) const {
  const ServiceRecord& s = services_[service];
  auto begin = actions_.begin() + s.action_begin;
  auto end = begin + s.action_count;
  auto it = std::lower_bound(begin, end, action, [](const ActionRecord& a, std::string_view n) {
    return CompareFolded(a.name, n) < 0;
  });
  if (it == end || !EqualsFolded(it->name, action)) return std::nullopt;
  return static_cast<ActionId>(it - actions_.begin());
}

std::string Catalog::FullName(ActionId id) const {
  const ActionRecord& a = actions_[id];
  std::string out(services_[a.service].prefix);
  out += ':';
  out += a.name;
  return out;
}

void Catalog::ExpandService(ServiceId service, std::string_view action_pattern,
                            std::vector<ActionId>* out) const {
  const ServiceRecord& s = services_[service];
  const ActionId begin = s.action_begin;
  const ActionId end = s.action_begin + s.action_count;
  // `Get*` and exact names are ranges of the folded sort order.
  const size_t star = action_pattern.find('*');
  const bool prefix_only = action_pattern.find('?') == std::string_view::npos &&
                           (star == std::string_view::npos || star + 1 == action_pattern.size());
  if (prefix_only) {
    if (star == std::string_view::npos) {
      if (auto id = FindAction(service, action_pattern)) out->push_back(*id);
      return;
    }
    const std::string_view prefix = action_pattern.substr(0, star);
    auto first = std::lower_bound(
        actions_.begin() + begin, actions_.begin() + end, prefix,
        [](const ActionRecord& a, std::string_view p) { return CompareFolded(a.name, p) < 0; });
    for (auto it = first; it != actions_.begin() + end && StartsWithFolded(it->name, prefix);
         ++it) {
      out->push_back(static_cast<ActionId>(it - actions_.begin()));
    }
    return;
  }
  const Wildcard matcher = Wildcard::FromPatternFolded(action_pattern);
  std::string folded;
  for (ActionId id = begin; id < end; ++id) {
    folded.assign(actions_[id].name);
    for (char& c : folded) c = catalog_internal::FoldChar(c);
    if (matcher.Match(folded)) out->push_back(id);
  }
}

std::vector<ActionId> Catalog::Expand(std::string_view pattern) const {
  std::vector<ActionId> out;
  if (pattern.empty()) return out;
  const size_t colon = pattern.find(':');
  if (colon == std::string_view::npos) {
    // No colon: the pattern spans the whole `service:Action` text (`*`,
    // `s3*`), so match it against each full name.
    if (pattern.find_first_not_of('*') == std::string_view::npos) {
      out.resize(actions_.size());
      for (ActionId id = 0; id < out.size(); ++id) out[id] = id;
      return out;
    }
    const Wildcard matcher = Wildcard::FromPatternFolded(pattern);
    std::string folded;
    for (ActionId id = 0; id < actions_.size(); ++id) {
      folded = FullName(id);
      for (char& c : folded) c = catalog_internal::FoldChar(c);
      if (matcher.Match(folded)) out.push_back(id);
    }
    return out;
  }
  // Every name has exactly one colon, so the pattern's first colon must
  // match it: the part before is a service pattern, the rest an action
  // pattern (and a second literal colon matches nothing).
  const std::string_view service_pattern = pattern.substr(0, colon);
  const std::string_view action_pattern = pattern.substr(colon + 1);
  if (action_pattern.find(':') != std::string_view::npos) return out;
  if (!HasWildcard(service_pattern)) {
    if (auto s = FindService(service_pattern)) ExpandService(*s, action_pattern, &out);
    return out;
  }
  const Wildcard service_matcher = Wildcard::FromPatternFolded(service_pattern);
  std::string folded;
  for (ServiceId s = 0; s < services_.size(); ++s) {
    folded.assign(services_[s].prefix);
    for (char& c : folded) c = catalog_internal::FoldChar(c);
    if (service_matcher.Match(folded)) ExpandService(s, action_pattern, &out);
  }
  return out;
}

std::vector<ActionId> Catalog::ActionsWithLevel(ServiceId service, AccessLevel level) const {
  std::vector<ActionId> out;
  const ActionRange range = actions_of(service);
  for (ActionId id = range.begin; id < range.end; ++id) {
    if (actions_[id].level == level) out.push_back(id);
  }
  return out;
}

std::array<std::vector<ActionId>, kAccessLevelCount> Catalog::ActionsByLevel(
    ServiceId service) const {
  std::array<std::vector<ActionId>, kAccessLevelCount> out;
  const ActionRange range = actions_of(service);
  for (ActionId id = range.begin; id < range.end; ++id) {
    out[static_cast<size_t>(actions_[id].level)].push_back(id);
  }
  return out;
}

// --- Resource types --------------------------------------------------------------

std::span<const ResourceLink> Catalog::ResourceTypesOf(ActionId action) const {
  const ActionRecord& a = actions_[action];
  return std::span<const ResourceLink>(links_).subspan(a.link_begin, a.link_count);
}

std::vector<ActionId> Catalog::ActionsWithoutResource(ServiceId service) const {
  std::vector<ActionId> out;
  const ActionRange range = actions_of(service);
  for (ActionId id = range.begin; id < range.end; ++id) {
    if (TakesNoResource(id)) out.push_back(id);
  }
  return out;
}

std::optional<ResourceTypeId> Catalog::FindResourceType(ServiceId service,
                                                        std::string_view name) const {
  const ServiceRecord& s = services_[service];
  auto begin = types_.begin() + s.type_begin;
  auto end = begin + s.type_count;
  auto it = std::lower_bound(begin, end, name, [](const TypeRecord& t, std::string_view n) {
    return CompareFolded(t.name, n) < 0;
  });
  if (it == end || !EqualsFolded(it->name, name)) return std::nullopt;
  return static_cast<ResourceTypeId>(it - types_.begin());
}

std::span<const std::string_view> Catalog::arn_templates(ResourceTypeId id) const {
  const TypeRecord& t = types_[id];
  return std::span<const std::string_view>(templates_).subspan(t.template_begin, t.template_count);
}

bool Catalog::TypeMatches(ResourceTypeId type, const ArnPattern& pattern,
                          ArnMatchScratch* scratch) const {
  EnsureArnIndex();
  const TypeRecord& t = types_[type];
  for (uint32_t i = 0; i < t.template_count; ++i) {
    if (compiled_[t.template_begin + i].Intersects(pattern, scratch)) return true;
  }
  return false;
}

std::vector<ResourceTypeId> Catalog::ClassifyArn(std::string_view text) const {
  std::vector<ResourceTypeId> out;
  const ArnPattern pattern = ArnPattern::Parse(text);
  if (pattern.form() == ArnPattern::Form::kNothing) return out;
  if (pattern.form() == ArnPattern::Form::kEverything) {
    out.resize(types_.size());
    for (ResourceTypeId t = 0; t < out.size(); ++t) out[t] = t;
    return out;
  }
  EnsureArnIndex();
  ArnMatchScratch scratch;
  std::vector<bool> added(types_.size());
  auto consider = [&](uint32_t index) {
    const ResourceTypeId type = template_type_[index];
    if (added[type] || !compiled_[index].Intersects(pattern, &scratch)) return;
    added[type] = true;
    out.push_back(type);
  };
  const std::string_view service = pattern.literal_service();
  if (service.empty()) {
    for (uint32_t i = 0; i < compiled_.size(); ++i) consider(i);
  } else {
    auto it = std::lower_bound(
        by_service_.begin(), by_service_.end(), service,
        [](const TemplateIndexEntry& e, std::string_view s) { return e.service < s; });
    for (; it != by_service_.end() && it->service == service; ++it) consider(it->template_index);
    for (uint32_t i : any_service_templates_) consider(i);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<ResourceTypeId> Catalog::ClassifyArnFor(ActionId action, std::string_view text) const {
  std::vector<ResourceTypeId> out;
  const ArnPattern pattern = ArnPattern::Parse(text);
  ArnMatchScratch scratch;
  for (const ResourceLink& link : ResourceTypesOf(action)) {
    if (TypeMatches(link.type, pattern, &scratch)) out.push_back(link.type);
  }
  return out;
}

// --- Condition keys ----------------------------------------------------------------

std::vector<ActionConditionKey> Catalog::ConditionKeysFor(ActionId action,
                                                          bool include_global) const {
  std::vector<ActionConditionKey> out;
  auto add = [&](ConditionKeyId key, KeySource source, ResourceTypeId type) {
    for (const ActionConditionKey& k : out) {
      if (k.key == key) return;
    }
    out.push_back({key, source, type});
  };
  const ActionRecord& a = actions_[action];
  for (uint32_t i = 0; i < a.key_count; ++i) add(key_refs_[a.key_begin + i], KeySource::kAction, 0);
  for (uint32_t l = a.link_begin; l < a.link_begin + a.link_count; ++l) {
    const ResourceTypeId type = links_[l].type;
    const Range& row = link_keys_[l];
    for (uint32_t i = 0; i < row.count; ++i) {
      add(key_refs_[row.begin + i], KeySource::kResourceType, type);
    }
    const TypeRecord& t = types_[type];
    for (uint32_t i = 0; i < t.key_count; ++i) {
      add(key_refs_[t.key_begin + i], KeySource::kResourceType, type);
    }
  }
  if (include_global) {
    for (ConditionKeyId key : global_keys_) out.push_back({key, KeySource::kGlobal, 0});
  }
  return out;
}

std::optional<ConditionKeyId> Catalog::MatchKey(std::span<const ConditionKeyId> candidates,
                                                std::string_view key) const {
  for (ConditionKeyId id : candidates) {
    if (EqualsFolded(keys_[id].name, key)) return id;
  }
  const std::string glob = KeyAsGlob(key);
  std::string code;
  ArnMatchScratch scratch;
  for (ConditionKeyId id : candidates) {
    if (!KeyTemplate(keys_[id], &code) || code.size() > kMaxArnTemplateBytes) continue;
    if (glob.size() <= kMaxArnPatternBytes &&
        GlobIntersectsTemplate(glob, code, code.size(), &scratch)) {
      return id;
    }
  }
  return std::nullopt;
}

std::optional<ConditionKeyId> Catalog::FindConditionKeyFor(ActionId action,
                                                           std::string_view key) const {
  std::vector<ConditionKeyId> ids;
  for (const ActionConditionKey& k : ConditionKeysFor(action, /*include_global=*/false)) {
    ids.push_back(k.key);
  }
  if (auto id = MatchKey(ids, key)) return id;
  return MatchKey(global_keys_, key);
}

std::optional<ConditionKeyId> Catalog::FindConditionKey(std::string_view key) const {
  if (auto id = MatchKey(global_keys_, key)) return id;
  const size_t colon = key.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::optional<ServiceId> service = FindService(key.substr(0, colon));
  if (!service) return std::nullopt;
  const ServiceRecord& s = services_[*service];
  std::vector<ConditionKeyId> ids(s.key_count);
  for (uint32_t i = 0; i < s.key_count; ++i) ids[i] = s.key_begin + i;
  return MatchKey(ids, key);
}

// --- Did you mean --------------------------------------------------------------------

std::string Catalog::SuggestService(std::string_view prefix) const {
  std::vector<std::string_view> candidates;
  candidates.reserve(services_.size());
  for (const ServiceRecord& s : services_) candidates.push_back(s.prefix);
  return ClosestMatch(prefix, candidates);
}

std::string Catalog::SuggestAction(std::string_view name) const {
  const size_t colon = name.find(':');
  if (colon == std::string_view::npos) return {};
  const std::string_view action = name.substr(colon + 1);
  std::optional<ServiceId> service = FindService(name.substr(0, colon));
  if (!service) {
    const std::string corrected = SuggestService(name.substr(0, colon));
    if (corrected.empty()) return {};
    service = FindService(corrected);
  }
  if (auto id = FindAction(*service, action)) return FullName(*id);
  std::vector<std::string_view> candidates;
  const ActionRange range = actions_of(*service);
  candidates.reserve(range.size());
  for (ActionId id = range.begin; id < range.end; ++id) candidates.push_back(actions_[id].name);
  const std::string best = ClosestMatch(action, candidates);
  if (best.empty()) return {};
  return std::string(services_[*service].prefix) + ":" + best;
}

}  // namespace iamlint
