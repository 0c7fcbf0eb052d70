// Catalog text → Catalog (format: engine/catalog/data/README.md), and
// Catalog::BuiltIn() over the text embedded at build time.
//
// The loader is a single pass over lines with no per-name allocation: every
// name stays a view into the catalog's own copy of the text. It checks what
// the queries rely on (sort order, references in range, the counts line),
// because `--catalog FILE` may hand it anything.
#include <charconv>
#include <cstdio>
#include <span>

#include "engine/base/check.h"
#include "engine/catalog/arn_template.h"
#include "engine/catalog/catalog.h"
#include "engine/catalog/embedded_catalog.h"
#include "engine/catalog/fold.h"

namespace iamlint {

using catalog_internal::CompareFolded;

namespace {

constexpr std::string_view kFormatVersion = "1";

void SplitTabs(std::string_view line, std::vector<std::string_view>* fields) {
  fields->clear();
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields->push_back(line.substr(start));
      return;
    }
    fields->push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool ParseNumber(std::string_view text, uint32_t* out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool ParseSize(std::string_view text, size_t* out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool ParseKeyType(std::string_view text, ConditionKeyInfo* key) {
  constexpr std::string_view kArrayOf = "ArrayOf";
  std::string_view base = text;
  key->multivalued = base.substr(0, kArrayOf.size()) == kArrayOf;
  if (key->multivalued) base.remove_prefix(kArrayOf.size());
  static constexpr struct {
    std::string_view name;
    ConditionKeyType type;
  } kTypes[] = {
      {"String", ConditionKeyType::kString}, {"ARN", ConditionKeyType::kArn},
      {"Bool", ConditionKeyType::kBool},     {"Numeric", ConditionKeyType::kNumeric},
      {"Date", ConditionKeyType::kDate},     {"IPAddress", ConditionKeyType::kIpAddress},
      {"Binary", ConditionKeyType::kBinary},
  };
  for (const auto& t : kTypes) {
    if (t.name == base) {
      key->type = t.type;
      key->type_name = text;
      return true;
    }
  }
  return false;
}

}  // namespace

// Fills a Catalog from text segments that outlive it (its own text_, or
// the embedded chunks). No line may span two segments. A friend of Catalog.
class CatalogLoader {
 public:
  CatalogLoader(Catalog* catalog, std::string* error) : c_(*catalog), error_(error) {}

  bool Run(std::span<const std::string_view> segments);

 private:
  enum class Stage { kStart, kHeader, kService };

  bool Fail(const std::string& message) {
    if (error_ != nullptr) *error_ = "line " + std::to_string(line_number_) + ": " + message;
    return false;
  }
  bool ExpectFields(size_t min, size_t max) {
    if (fields_.size() >= min && fields_.size() <= max) return true;
    return Fail("`" + std::string(fields_[0]) + "` record with " + std::to_string(fields_.size()) +
                " fields");
  }
  bool Name(std::string_view name, std::string_view what) {
    return !name.empty() || Fail("empty " + std::string(what));
  }

  bool HeaderRecord(std::string_view kind);
  bool Counts();
  bool GlobalKey();
  bool Service();
  bool Key();
  bool Type();
  bool Action();
  bool KeyRefs(std::string_view text, uint32_t* begin, uint32_t* count);
  bool Links(std::string_view text, uint32_t* begin, uint32_t* count);
  bool Finish();

  Catalog::ServiceRecord& service() { return c_.services_.back(); }

  Catalog& c_;
  std::string* error_;
  size_t line_number_ = 0;
  Stage stage_ = Stage::kStart;
  std::vector<std::string_view> fields_;
  bool have_package_ = false, have_updated_ = false, have_counts_ = false;
  CatalogInfo expected_;
  char last_record_ = 0;  // K, T or A within the current service
};

bool CatalogLoader::Run(std::span<const std::string_view> segments) {
  for (const std::string_view text : segments) {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      ++line_number_;
      if (line.empty() || line[0] == '#') continue;
      SplitTabs(line, &fields_);
      const std::string_view kind = fields_[0];
      bool ok = true;
      if (stage_ != Stage::kService && kind != "G" && kind != "S") {
        ok = HeaderRecord(kind);
      } else if (stage_ == Stage::kStart) {
        ok = Fail("not an iamlint catalog: expected `iamlint-catalog` first");
      } else if (kind == "G") {
        ok = stage_ == Stage::kHeader ? GlobalKey() : Fail("global key after the first service");
      } else if (kind == "S") {
        ok = Service();
      } else if (kind == "K") {
        ok = Key();
      } else if (kind == "T") {
        ok = Type();
      } else if (kind == "A") {
        ok = Action();
      } else {
        ok = Fail("unknown record `" + std::string(kind) + "`");
      }
      if (!ok) return false;
    }
  }
  ++line_number_;
  return Finish();
}

bool CatalogLoader::HeaderRecord(std::string_view kind) {
  if (stage_ == Stage::kStart) {
    if (kind != "iamlint-catalog") {
      return Fail("not an iamlint catalog: expected `iamlint-catalog` first");
    }
    if (!ExpectFields(2, 2)) return false;
    if (fields_[1] != kFormatVersion) {
      return Fail("unsupported catalog format `" + std::string(fields_[1]) + "`, expected `1`");
    }
    stage_ = Stage::kHeader;
    return true;
  }
  if (kind == "package") {
    if (!ExpectFields(3, 3)) return false;
    c_.info_.package = fields_[1];
    c_.info_.version = fields_[2];
    have_package_ = true;
    return true;
  }
  if (kind == "updated") {
    if (!ExpectFields(2, 2)) return false;
    c_.info_.updated = fields_[1];
    have_updated_ = true;
    return true;
  }
  if (kind == "counts") return Counts();
  return Fail("unknown header record `" + std::string(kind) + "`");
}

bool CatalogLoader::Counts() {
  static constexpr struct {
    std::string_view name;
    size_t CatalogInfo::*field;
  } kCounts[] = {
      {"services", &CatalogInfo::services},
      {"actions", &CatalogInfo::actions},
      {"resource-types", &CatalogInfo::resource_types},
      {"condition-keys", &CatalogInfo::condition_keys},
      {"global-condition-keys", &CatalogInfo::global_condition_keys},
      {"rcp-services", &CatalogInfo::rcp_services},
  };
  if (!ExpectFields(std::size(kCounts) + 1, std::size(kCounts) + 1)) return false;
  for (size_t i = 0; i < std::size(kCounts); ++i) {
    const std::string_view f = fields_[i + 1];
    const size_t eq = f.find('=');
    if (eq == std::string_view::npos || f.substr(0, eq) != kCounts[i].name ||
        !ParseSize(f.substr(eq + 1), &(expected_.*kCounts[i].field))) {
      return Fail("expected `" + std::string(kCounts[i].name) + "=N` in counts");
    }
  }
  have_counts_ = true;
  // The counts come before the records, so one reservation suffices.
  c_.services_.reserve(expected_.services);
  c_.actions_.reserve(expected_.actions);
  c_.types_.reserve(expected_.resource_types);
  c_.keys_.reserve(expected_.condition_keys + expected_.global_condition_keys);
  return true;
}

bool CatalogLoader::GlobalKey() {
  if (!ExpectFields(4, 4) || !Name(fields_[1], "condition key")) return false;
  ConditionKeyInfo key;
  key.name = fields_[1];
  key.global = true;
  key.category = fields_[3];
  if (!ParseKeyType(fields_[2], &key)) {
    return Fail("unknown condition key type `" + std::string(fields_[2]) + "`");
  }
  c_.global_keys_.push_back(static_cast<ConditionKeyId>(c_.keys_.size()));
  c_.keys_.push_back(key);
  return true;
}

bool CatalogLoader::Service() {
  if (!have_package_ || !have_updated_ || !have_counts_) {
    return Fail("the `package`, `updated` and `counts` records must come before the services");
  }
  if (!ExpectFields(4, 4) || !Name(fields_[1], "service prefix")) return false;
  if (fields_[2] != "rcp" && fields_[2] != "-") return Fail("expected `rcp` or `-`");
  if (!c_.services_.empty() && CompareFolded(service().prefix, fields_[1]) >= 0) {
    return Fail("service `" + std::string(fields_[1]) + "` is out of order or repeated");
  }
  Catalog::ServiceRecord s;
  s.prefix = fields_[1];
  s.rcp = fields_[2] == "rcp";
  s.name = fields_[3];
  s.action_begin = static_cast<uint32_t>(c_.actions_.size());
  s.type_begin = static_cast<uint32_t>(c_.types_.size());
  s.key_begin = static_cast<uint32_t>(c_.keys_.size());
  c_.services_.push_back(s);
  stage_ = Stage::kService;
  last_record_ = 'S';
  return true;
}

bool CatalogLoader::Key() {
  if (last_record_ != 'S' && last_record_ != 'K') return Fail("`K` record after `T` or `A`");
  if (!ExpectFields(3, 3) || !Name(fields_[1], "condition key")) return false;
  Catalog::ServiceRecord& s = service();
  if (s.key_count > 0 && CompareFolded(c_.keys_.back().name, fields_[1]) >= 0) {
    return Fail("condition key `" + std::string(fields_[1]) + "` is out of order or repeated");
  }
  ConditionKeyInfo key;
  key.name = fields_[1];
  key.service = static_cast<ServiceId>(c_.services_.size() - 1);
  if (!ParseKeyType(fields_[2], &key)) {
    return Fail("unknown condition key type `" + std::string(fields_[2]) + "`");
  }
  c_.keys_.push_back(key);
  ++s.key_count;
  last_record_ = 'K';
  return true;
}

bool CatalogLoader::Type() {
  if (last_record_ == 'A') return Fail("`T` record after `A`");
  if (!ExpectFields(4, SIZE_MAX) || !Name(fields_[1], "resource type")) return false;
  Catalog::ServiceRecord& s = service();
  if (s.type_count > 0 && CompareFolded(c_.types_.back().name, fields_[1]) >= 0) {
    return Fail("resource type `" + std::string(fields_[1]) + "` is out of order or repeated");
  }
  Catalog::TypeRecord t;
  t.name = fields_[1];
  t.service = static_cast<ServiceId>(c_.services_.size() - 1);
  if (!KeyRefs(fields_[2], &t.key_begin, &t.key_count)) return false;
  t.template_begin = static_cast<uint32_t>(c_.templates_.size());
  for (size_t i = 3; i < fields_.size(); ++i) {
    if (!Name(fields_[i], "ARN format")) return false;
    c_.templates_.push_back(fields_[i]);
  }
  t.template_count = static_cast<uint32_t>(fields_.size() - 3);
  c_.types_.push_back(t);
  ++s.type_count;
  last_record_ = 'T';
  return true;
}

bool CatalogLoader::Action() {
  if (!ExpectFields(5, 5) || !Name(fields_[1], "action")) return false;
  Catalog::ServiceRecord& s = service();
  if (s.action_count > 0 && CompareFolded(c_.actions_.back().name, fields_[1]) >= 0) {
    return Fail("action `" + std::string(fields_[1]) + "` is out of order or repeated");
  }
  Catalog::ActionRecord a;
  a.name = fields_[1];
  a.service = static_cast<ServiceId>(c_.services_.size() - 1);
  std::optional<AccessLevel> level;
  if (fields_[2].size() == 1) level = ParseAccessLevel(fields_[2]);
  if (!level) return Fail("unknown access level `" + std::string(fields_[2]) + "`");
  a.level = *level;
  if (!Links(fields_[3], &a.link_begin, &a.link_count)) return false;
  if (!KeyRefs(fields_[4], &a.key_begin, &a.key_count)) return false;
  c_.actions_.push_back(a);
  ++s.action_count;
  last_record_ = 'A';
  return true;
}

bool CatalogLoader::KeyRefs(std::string_view text, uint32_t* begin, uint32_t* count) {
  const Catalog::ServiceRecord& s = service();
  *begin = static_cast<uint32_t>(c_.key_refs_.size());
  *count = 0;
  if (text.empty()) return true;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string_view item = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    uint32_t k = 0;
    if (!ParseNumber(item, &k) || k >= s.key_count) {
      return Fail("bad condition key reference `" + std::string(item) + "`");
    }
    c_.key_refs_.push_back(s.key_begin + k);
    ++*count;
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

bool CatalogLoader::Links(std::string_view text, uint32_t* begin, uint32_t* count) {
  const Catalog::ServiceRecord& s = service();
  *begin = static_cast<uint32_t>(c_.links_.size());
  *count = 0;
  if (text.empty()) return true;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    std::string_view item = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    const std::string_view whole = item;
    auto bad = [&] { return Fail("bad resource type reference `" + std::string(whole) + "`"); };
    const size_t slash = item.find('/');
    std::string_view keys;
    if (slash != std::string_view::npos) {
      keys = item.substr(slash + 1);
      item = item.substr(0, slash);
    }
    ResourceLink link;
    if (!item.empty() && item.back() == '*') {
      link.required = true;
      item.remove_suffix(1);
    }
    uint32_t t = 0;
    if (!ParseNumber(item, &t) || t >= s.type_count) return bad();
    link.type = s.type_begin + t;
    Catalog::Range range;
    range.begin = static_cast<uint32_t>(c_.key_refs_.size());
    if (slash != std::string_view::npos) {
      size_t kstart = 0;
      while (true) {
        const size_t dot = keys.find('.', kstart);
        const std::string_view k_text = keys.substr(
            kstart, dot == std::string_view::npos ? std::string_view::npos : dot - kstart);
        uint32_t k = 0;
        if (!ParseNumber(k_text, &k) || k >= s.key_count) return bad();
        c_.key_refs_.push_back(s.key_begin + k);
        ++range.count;
        if (dot == std::string_view::npos) break;
        kstart = dot + 1;
      }
    }
    c_.links_.push_back(link);
    c_.link_keys_.push_back(range);
    ++*count;
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

bool CatalogLoader::Finish() {
  if (stage_ == Stage::kStart) return Fail("not an iamlint catalog: the text is empty");
  if (!have_package_ || !have_updated_ || !have_counts_) {
    return Fail("missing `package`, `updated` or `counts` record");
  }
  CatalogInfo& info = c_.info_;
  info.services = c_.services_.size();
  info.actions = c_.actions_.size();
  info.resource_types = c_.types_.size();
  info.global_condition_keys = c_.global_keys_.size();
  info.condition_keys = c_.keys_.size() - c_.global_keys_.size();
  info.rcp_services = 0;
  for (const auto& s : c_.services_) info.rcp_services += s.rcp ? 1 : 0;
  const std::pair<const char*, std::pair<size_t, size_t>> checks[] = {
      {"services", {info.services, expected_.services}},
      {"actions", {info.actions, expected_.actions}},
      {"resource-types", {info.resource_types, expected_.resource_types}},
      {"condition-keys", {info.condition_keys, expected_.condition_keys}},
      {"global-condition-keys", {info.global_condition_keys, expected_.global_condition_keys}},
      {"rcp-services", {info.rcp_services, expected_.rcp_services}},
  };
  for (const auto& [name, counts] : checks) {
    if (counts.first != counts.second) {
      return Fail(std::string("the file holds ") + std::to_string(counts.first) + " " + name +
                  " but its counts record says " + std::to_string(counts.second));
    }
  }
  return true;
}

std::unique_ptr<const Catalog> Catalog::Load(std::string text, std::string* error) {
  std::unique_ptr<Catalog> catalog(new Catalog());
  catalog->text_ = std::move(text);
  const std::string_view whole = catalog->text_;
  CatalogLoader loader(catalog.get(), error);
  if (!loader.Run(std::span<const std::string_view>(&whole, 1))) return nullptr;
  return catalog;
}

const Catalog& Catalog::BuiltIn() {
  // Never destroyed: threads may still use it while the process exits.
  // The names stay views into the embedded chunks, which are static and
  // end at line breaks, so the megabyte of text is never copied.
  static const Catalog* const built_in = [] {
    using catalog_internal::kEmbeddedCatalogChunkCount;
    using catalog_internal::kEmbeddedCatalogChunks;
    std::vector<std::string_view> segments;
    segments.reserve(kEmbeddedCatalogChunkCount);
    for (size_t i = 0; i < kEmbeddedCatalogChunkCount; ++i) {
      segments.emplace_back(kEmbeddedCatalogChunks[i].data, kEmbeddedCatalogChunks[i].size);
    }
    std::unique_ptr<Catalog> catalog(new Catalog());
    std::string error;
    CatalogLoader loader(catalog.get(), &error);
    if (!loader.Run(segments)) std::fprintf(stderr, "embedded catalog: %s\n", error.c_str());
    IAMLINT_CHECK(error.empty());
    return catalog.release();
  }();
  return *built_in;
}

}  // namespace iamlint
