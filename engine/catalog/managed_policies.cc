// ManagedPolicyLibrary::BuiltIn() over the text embedded at build time
// (data/aws_managed_policies.txt, format in data/README.md), and the ARN
// lookups.
//
// The loader is one pass over the lines of the embedded chunks. Every field
// stays a view into the chunks; only documents continued on `+` lines are
// joined into the library's own strings. It checks what the lookups rely on
// (names strictly sorted, every ARN `arn:aws:iam::aws:policy/[path/]NAME`,
// the counts line): the data is generated, so a failure is a build defect
// and aborts with a message.
#include "engine/catalog/managed_policies.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <span>
#include <string>

#include "engine/base/check.h"
#include "engine/catalog/embedded_managed_policies.h"

namespace iamlint {

namespace {

constexpr std::string_view kFormatVersion = "1";
// What follows the partition in every AWS managed policy ARN.
constexpr std::string_view kAwsPolicyInfix = ":iam::aws:policy/";
constexpr std::string_view kCanonicalPrefix = "arn:aws:iam::aws:policy/";

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

bool ParseCount(std::string_view field, std::string_view name, size_t* out) {
  if (field.size() <= name.size() + 1 || field.substr(0, name.size()) != name ||
      field[name.size()] != '=') {
    return false;
  }
  const std::string_view digits = field.substr(name.size() + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *out);
  return ec == std::errc() && end == digits.data() + digits.size();
}

// Splits an AWS managed policy ARN into its partition and what follows
// "policy/" (path and name). The partition is any non-empty text without
// ':' (aws, aws-cn, aws-us-gov, aws-iso...) or one `{{...}}` placeholder
// left by a template whose partition is not known.
bool SplitAwsManagedArn(std::string_view arn, std::string_view* partition,
                        std::string_view* path_and_name) {
  constexpr std::string_view kArn = "arn:";
  if (arn.substr(0, kArn.size()) != kArn) return false;
  const size_t infix = arn.find(kAwsPolicyInfix, kArn.size());
  if (infix == std::string_view::npos || infix == kArn.size()) return false;
  const std::string_view part = arn.substr(kArn.size(), infix - kArn.size());
  const bool placeholder = part.size() > 4 && part.substr(0, 2) == "{{" &&
                           part.substr(part.size() - 2) == "}}" &&
                           part.find("}}") == part.size() - 2;
  if (!placeholder && part.find(':') != std::string_view::npos) return false;
  const std::string_view rest = arn.substr(infix + kAwsPolicyInfix.size());
  if (rest.empty()) return false;
  *partition = part;
  *path_and_name = rest;
  return true;
}

}  // namespace

// Fills a ManagedPolicyLibrary from the embedded chunks. A friend of it.
class ManagedPolicyLoader {
 public:
  explicit ManagedPolicyLoader(ManagedPolicyLibrary* library) : lib_(library) {}

  // Returns "" on success, else what is wrong (with the line number).
  std::string Run(std::span<const std::string_view> segments) {
    for (const std::string_view text : segments) {
      if (!text.empty() && text.back() != '\n') return "a chunk does not end with a line break";
      size_t pos = 0;
      while (pos < text.size()) {
        const size_t end = text.find('\n', pos);
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number_;
        if (line.empty() || line[0] == '#') continue;
        SplitTabs(line, &fields_);
        const std::string error = Record();
        if (!error.empty()) return "line " + std::to_string(line_number_) + ": " + error;
      }
    }
    return Finish();
  }

 private:
  std::string Record() {
    const std::string_view kind = fields_[0];
    if (stage_ == 0) {
      if (kind != "iamlint-managed-policies" || fields_.size() != 2) {
        return "expected `iamlint-managed-policies` first";
      }
      if (fields_[1] != kFormatVersion) return "unsupported format " + std::string(fields_[1]);
      stage_ = 1;
      return "";
    }
    if (kind == "P") return Policy();
    if (kind == "+") return Continuation();
    if (stage_ == 2) return "unknown record `" + std::string(kind) + "` after the policies";
    if (kind == "source" && fields_.size() == 2) {
      lib_->source_ = fields_[1];
    } else if (kind == "updated" && fields_.size() == 2) {
      lib_->date_ = fields_[1];
    } else if (kind == "counts" && fields_.size() == 3) {
      if (!ParseCount(fields_[1], "policies", &expected_policies_) ||
          !ParseCount(fields_[2], "continued", &expected_continued_)) {
        return "bad counts record";
      }
      have_counts_ = true;
      lib_->policies_.reserve(expected_policies_);
      lib_->joined_.reserve(expected_continued_);
    } else {
      return "unknown header record `" + std::string(kind) + "`";
    }
    return "";
  }

  std::string Policy() {
    if (lib_->source_.empty() || lib_->date_.empty() || !have_counts_) {
      return "the `source`, `updated` and `counts` records must come before the policies";
    }
    if (fields_.size() != 6) return "a policy record has 6 fields";
    std::string error = EndDocument();
    if (!error.empty()) return error;
    stage_ = 2;
    ManagedPolicyInfo info;
    info.name = fields_[1];
    info.arn = fields_[2];
    info.version_id = fields_[3];
    info.update_date = fields_[4];
    info.document = fields_[5];
    if (info.name.empty() || info.version_id.empty() || info.update_date.size() != 10 ||
        info.document.empty()) {
      return "empty field";
    }
    if (!lib_->policies_.empty() && !(lib_->policies_.back().name < info.name)) {
      return "policy `" + std::string(info.name) + "` is out of order or repeated";
    }
    const std::string_view arn = info.arn;
    if (!arn.starts_with(kCanonicalPrefix) || !arn.ends_with(info.name) ||
        arn[arn.size() - info.name.size() - 1] != '/') {
      return "ARN `" + std::string(arn) + "` is not arn:aws:iam::aws:policy/[path/]" +
             std::string(info.name);
    }
    lib_->policies_.push_back(info);
    return "";
  }

  std::string Continuation() {
    if (stage_ != 2 || fields_.size() != 2 || fields_[1].empty()) {
      return "a `+` record continues the document of a policy record";
    }
    if (parts_.empty()) parts_.push_back(lib_->policies_.back().document);
    parts_.push_back(fields_[1]);
    return "";
  }

  // Joins the parts of the last policy's document, if it was continued.
  std::string EndDocument() {
    if (parts_.empty()) return "";
    if (lib_->joined_.size() == expected_continued_) {
      return "more continued documents than the counts record says";
    }
    std::string joined;
    size_t size = 0;
    for (const std::string_view part : parts_) size += part.size();
    joined.reserve(size);
    for (const std::string_view part : parts_) joined += part;
    lib_->joined_.push_back(std::move(joined));  // reserved: never reallocates
    lib_->policies_.back().document = lib_->joined_.back();
    parts_.clear();
    return "";
  }

  std::string Finish() {
    if (stage_ != 2) return "no policies";
    std::string error = EndDocument();
    if (!error.empty()) return error;
    if (lib_->policies_.size() != expected_policies_ ||
        lib_->joined_.size() != expected_continued_) {
      return "the data holds " + std::to_string(lib_->policies_.size()) + " policies (" +
             std::to_string(lib_->joined_.size()) + " continued) but its counts record says " +
             std::to_string(expected_policies_) + " (" + std::to_string(expected_continued_) +
             ")";
    }
    return "";
  }

  ManagedPolicyLibrary* lib_;
  int stage_ = 0;  // 0 start, 1 header, 2 policies
  size_t line_number_ = 0;
  bool have_counts_ = false;
  size_t expected_policies_ = 0;
  size_t expected_continued_ = 0;
  std::vector<std::string_view> fields_;
  std::vector<std::string_view> parts_;  // of the current continued document
};

const ManagedPolicyLibrary& ManagedPolicyLibrary::BuiltIn() {
  // Never destroyed: threads may still use it while the process exits.
  static const ManagedPolicyLibrary* const built_in = [] {
    using catalog_internal::kEmbeddedManagedPolicyChunkCount;
    using catalog_internal::kEmbeddedManagedPolicyChunks;
    std::vector<std::string_view> segments;
    segments.reserve(kEmbeddedManagedPolicyChunkCount);
    for (size_t i = 0; i < kEmbeddedManagedPolicyChunkCount; ++i) {
      segments.emplace_back(kEmbeddedManagedPolicyChunks[i].data,
                            kEmbeddedManagedPolicyChunks[i].size);
    }
    auto* library = new ManagedPolicyLibrary();
    const std::string error = ManagedPolicyLoader(library).Run(segments);
    if (!error.empty()) std::fprintf(stderr, "embedded managed policies: %s\n", error.c_str());
    IAMLINT_CHECK(error.empty());
    return library;
  }();
  return *built_in;
}

const ManagedPolicyInfo* ManagedPolicyLibrary::FindByName(std::string_view name) const {
  const auto it = std::lower_bound(
      policies_.begin(), policies_.end(), name,
      [](const ManagedPolicyInfo& info, std::string_view n) { return info.name < n; });
  if (it == policies_.end() || it->name != name) return nullptr;
  return &*it;
}

const ManagedPolicyInfo* ManagedPolicyLibrary::FindByArn(std::string_view arn) const {
  std::string_view partition, path_and_name;
  if (!SplitAwsManagedArn(arn, &partition, &path_and_name)) return nullptr;
  const size_t slash = path_and_name.rfind('/');
  const std::string_view name =
      slash == std::string_view::npos ? path_and_name : path_and_name.substr(slash + 1);
  const ManagedPolicyInfo* info = FindByName(name);
  // The loader checked that every ARN starts with kCanonicalPrefix.
  if (info == nullptr || info->arn.substr(kCanonicalPrefix.size()) != path_and_name) {
    return nullptr;
  }
  return info;
}

bool ManagedPolicyLibrary::IsAwsManagedArn(std::string_view arn) {
  std::string_view partition, path_and_name;
  return SplitAwsManagedArn(arn, &partition, &path_and_name);
}

}  // namespace iamlint
