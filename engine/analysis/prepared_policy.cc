#include "engine/analysis/prepared_policy.h"

#include <algorithm>

#include "engine/base/ascii.h"
#include "engine/base/string_memo.h"
#include "engine/match/wildcard_reference.h"

namespace iamlint {
namespace {

std::vector<std::string_view> SplitColons(std::string_view s, size_t max_fields) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < max_fields) {
    size_t c = s.find(':');
    if (c == std::string_view::npos) break;
    out.push_back(s.substr(0, c));
    s.remove_prefix(c + 1);
  }
  out.push_back(s);
  return out;
}

bool OnlyStars(std::string_view t) {
  return !t.empty() && t.find_first_not_of("*/") == std::string_view::npos && t[0] == '*';
}

// Expand() as the evaluator matches: a wildcard in the service prefix
// (`*:Get*`) matches nothing (semantics E7); only `*` alone is every action.
std::vector<ActionId> ExpandAction(const Catalog& catalog, std::string_view pattern,
                                   bool reference) {
  size_t colon = pattern.find(':');
  if (pattern != "*" && (colon == std::string_view::npos ||
                         pattern.substr(0, colon).find_first_of("*?") != std::string_view::npos)) {
    return {};
  }
  if (!reference) return catalog.Expand(pattern);
  std::vector<ActionId> out;
  std::string lowered = AsciiLower(pattern);
  for (ActionId id = 0; id < catalog.action_count(); ++id) {
    if (WildcardMatchReference(lowered, AsciiLower(catalog.FullName(id)))) out.push_back(id);
  }
  return out;
}

// Catalog::ClassifyArn, sorted, remembered per thread: the same patterns
// (`arn:aws:s3:::*`, a bucket's objects) recur across the documents of an
// account or a folder, and classifying one costs a glob-template
// intersection per resource type (at most 16,384 patterns, then forgotten).
std::vector<ResourceTypeId> ClassifySorted(const Catalog& catalog, std::string_view text) {
  thread_local StringMemo<std::vector<ResourceTypeId>> memo(16384);
  return memo.Get(&catalog, text, [&](std::string_view t) {
    std::vector<ResourceTypeId> types = catalog.ClassifyArn(t);
    std::sort(types.begin(), types.end());
    return types;
  });
}

PreparedPattern PreparePattern(const Catalog& catalog, std::string_view text) {
  PreparedPattern p;
  p.text = text;
  p.types = ClassifySorted(catalog, text);
  std::vector<std::string_view> f = SplitColons(text, 6);
  if (f.size() < 6) {
    if (text == "arn:*") p.cover = PreparedPattern::Cover::kAlways;
    return p;
  }
  if (!EqualsIgnoreAsciiCase(f[0], "arn") || (f[1] != "*" && f[1] != "aws")) return p;
  for (size_t i : {size_t{3}, size_t{4}}) {
    if (!f[i].empty() && f[i] != "*") return p;
  }
  std::string_view rest = f[5];
  if (OnlyStars(rest)) {
    p.cover = PreparedPattern::Cover::kAnyType;
  } else {
    size_t sep = rest.find_first_of("/:");
    if (sep == std::string_view::npos || !OnlyStars(rest.substr(sep + 1))) return p;
    p.cover = PreparedPattern::Cover::kTypeNamed;
    p.type = rest.substr(0, sep);
  }
  p.service = f[2] == "*" ? std::string("*") : AsciiLower(f[2]);
  return p;
}

// Ascending unique ids → runs.
std::vector<ActionRun> ToRuns(const std::vector<ActionId>& ids) {
  std::vector<ActionRun> runs;
  for (ActionId id : ids) {
    if (!runs.empty() && runs.back().end == id) {
      ++runs.back().end;
    } else {
      runs.push_back({id, id + 1});
    }
  }
  return runs;
}

}  // namespace

size_t PreparedStatement::action_count() const {
  size_t n = 0;
  for (const ActionRun& r : actions) n += r.end - r.begin;
  return n;
}

bool PatternCoversAll(const Catalog& catalog, ActionId action, const PreparedPattern& p) {
  if (p.cover == PreparedPattern::Cover::kNo) return false;
  if (p.cover == PreparedPattern::Cover::kAlways) return true;
  if (p.service != "*" &&
      !EqualsIgnoreAsciiCase(p.service, catalog.service_prefix(catalog.action_service(action)))) {
    return false;
  }
  if (p.cover == PreparedPattern::Cover::kAnyType) return true;
  for (const ResourceLink& link : catalog.ResourceTypesOf(action)) {
    if (EqualsIgnoreAsciiCase(catalog.resource_type_name(link.type), p.type)) return true;
  }
  return false;
}

bool PatternCoversAllReference(const Catalog& catalog, ActionId action, std::string_view pattern) {
  std::vector<std::string_view> f = SplitColons(pattern, 6);
  if (f.size() < 6) return pattern == "arn:*";
  if (AsciiLower(f[0]) != "arn") return false;
  if (f[1] != "*" && f[1] != "aws") return false;
  if (f[2] != "*" &&
      AsciiLower(f[2]) != AsciiLower(catalog.service_prefix(catalog.action_service(action)))) {
    return false;
  }
  for (size_t i : {size_t{3}, size_t{4}}) {
    if (!f[i].empty() && f[i] != "*") return false;
  }
  std::string_view rest = f[5];
  if (OnlyStars(rest)) return true;
  size_t sep = rest.find_first_of("/:");
  if (sep == std::string_view::npos) return false;
  std::string_view type = rest.substr(0, sep);
  if (!OnlyStars(rest.substr(sep + 1))) return false;
  for (const ResourceLink& link : catalog.ResourceTypesOf(action)) {
    if (AsciiLower(catalog.resource_type_name(link.type)) == AsciiLower(type)) return true;
  }
  return false;
}

std::unique_ptr<const PreparedPolicy> PreparedPolicy::Prepare(const Catalog& catalog,
                                                              const PolicyDocument& document,
                                                              bool reference) {
  auto out = std::unique_ptr<PreparedPolicy>(new PreparedPolicy());
  out->document_ = &document;
  out->catalog_ = &catalog;
  out->reference_ = reference;
  std::vector<uint8_t> mark;
  std::vector<ActionId> ids;
  const bool variables = document.variables_enabled();
  for (const Statement& st : document.statements) {
    // Usable as CompiledPolicy counts it: an Effect and an Action/NotAction.
    if (!st.effect || !st.action) continue;
    PreparedStatement ps;
    ps.index = static_cast<uint32_t>(st.index);
    ps.effect = st.effect->value;
    for (uint32_t i = 0; i < st.conditions.size(); ++i) {
      ps.conditions.push_back(CompileCondition(st.conditions[i], i, variables));
      out->condition_keys_.push_back(ps.conditions.back().key);
    }
    if (st.resource) {
      ps.has_resource = true;
      ps.not_resource = st.resource->negated;
      for (const LocatedString& r : st.resource->values) {
        if (r.value == "*") {
          ps.any_star = true;
          continue;
        }
        ps.patterns.push_back(PreparePattern(catalog, r.value));
      }
    }
    ids.clear();
    if (st.action && !st.action->negated) {
      for (const LocatedString& a : st.action->values) {
        std::vector<ActionId> matched = ExpandAction(catalog, a.value, reference);
        ids.insert(ids.end(), matched.begin(), matched.end());
      }
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    } else if (st.action) {
      mark.assign(catalog.action_count(), 0);
      for (const LocatedString& a : st.action->values) {
        for (ActionId id : ExpandAction(catalog, a.value, reference)) mark[id] = 1;
      }
      for (ActionId id = 0; id < catalog.action_count(); ++id) {
        if (!mark[id]) ids.push_back(id);
      }
    }
    ps.actions = ToRuns(ids);
    out->statements_.push_back(std::move(ps));
  }
  std::vector<std::string>& keys = out->condition_keys_;
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return out;
}

}  // namespace iamlint
