#include "engine/catalog/arn_template.h"

#include <algorithm>

namespace iamlint {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool HasWildcard(std::string_view text) {
  return text.find_first_of("*?") != std::string_view::npos;
}

}  // namespace

bool GlobIntersectsTemplate(std::string_view glob, std::string_view code, size_t fold_until,
                            ArnMatchScratch* scratch) {
  // Literal heads and tails must agree byte for byte, and they settle most
  // comparisons (`instance/...` against `volume/${VolumeId}`) before any
  // search. Stripping them leaves the same question on shorter texts.
  auto literal = [](char c) { return c != '*' && c != '?' && !IsTemplateVariable(c); };
  auto same = [&](char p, size_t j) { return (j < fold_until ? Lower(p) : p) == code[j]; };
  while (!glob.empty() && !code.empty() && literal(glob.front()) && literal(code.front())) {
    if (!same(glob.front(), 0)) return false;
    glob.remove_prefix(1);
    code.remove_prefix(1);
    fold_until = fold_until > 0 ? fold_until - 1 : 0;
  }
  while (!glob.empty() && !code.empty() && literal(glob.back()) && literal(code.back())) {
    if (!same(glob.back(), code.size() - 1)) return false;
    glob.remove_suffix(1);
    code.remove_suffix(1);
  }
  const size_t n = glob.size();
  const size_t m = code.size();
  const size_t states = (n + 1) * (m + 1) * 2;
  std::vector<uint64_t>& seen = scratch->seen;
  seen.assign((states + 63) / 64, 0);
  std::vector<uint32_t>& stack = scratch->stack;
  stack.clear();

  auto push = [&](size_t i, size_t j, size_t k) {
    const size_t s = (i * (m + 1) + j) * 2 + k;
    const uint64_t bit = uint64_t{1} << (s % 64);
    if ((seen[s / 64] & bit) != 0) return;
    seen[s / 64] |= bit;
    stack.push_back(static_cast<uint32_t>(s));
  };

  push(0, 0, 0);
  while (!stack.empty()) {
    const size_t s = stack.back();
    stack.pop_back();
    const size_t k = s % 2;
    const size_t j = (s / 2) % (m + 1);
    const size_t i = (s / 2) / (m + 1);
    if (i == n && j == m) return true;

    // Moves that consume nothing: a glob star matching the empty text, a
    // template `*` matching the empty text, a variable that has taken at
    // least one character ending.
    if (i < n && glob[i] == '*') push(i + 1, j, k);
    if (j < m) {
      if (code[j] == '*') {
        push(i, j + 1, 0);
      } else if (IsTemplateVariable(code[j]) && k == 1) {
        push(i, j + 1, 0);
      }
    }
    if (i == n || j == m) continue;

    // Both sides take one character. A glob wildcard can be any character,
    // so it agrees with anything on the template side (a variable excludes
    // at most two characters of a large alphabet).
    const char p = glob[i];
    const bool p_any = p == '*' || p == '?';
    const size_t next_i = p == '*' ? i : i + 1;
    const char t = code[j];
    if (t == '*') {
      push(next_i, j, 0);
    } else if (IsTemplateVariable(t)) {
      const auto bits = static_cast<unsigned char>(t);
      const bool excluded = !p_any && ((p == '/' && (bits & kTemplateExcludesSlash) != 0) ||
                                       (p == ':' && (bits & kTemplateExcludesColon) != 0));
      if (!excluded) push(next_i, j, 1);
    } else if (p_any || (j < fold_until ? Lower(p) == t : p == t)) {
      push(next_i, j + 1, 0);
    }
  }
  return false;
}

// --- ArnPattern ---------------------------------------------------------------

ArnPattern ArnPattern::Parse(std::string_view text) {
  ArnPattern pattern;
  if (text.size() > kMaxArnPatternBytes) return pattern;
  std::string& s = pattern.text_;
  s.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    // A policy variable can be any text once substituted.
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      const size_t close = text.find('}', i + 2);
      if (close != std::string_view::npos) {
        s += '*';
        i = close;
        continue;
      }
    }
    s += text[i];
  }
  if (!s.empty() && s.find_first_not_of('*') == std::string::npos) {
    pattern.form_ = Form::kEverything;
    return pattern;
  }
  if (s.rfind("arn:", 0) != 0) return pattern;

  size_t count = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size() && count < 5; ++i) {
    if (s[i] != ':') continue;
    pattern.begin_[count] = static_cast<uint32_t>(start);
    pattern.end_[count] = static_cast<uint32_t>(i);
    ++count;
    start = i + 1;
  }
  pattern.begin_[count] = static_cast<uint32_t>(start);
  pattern.end_[count] = static_cast<uint32_t>(s.size());
  pattern.field_count_ = count + 1;
  if (count == 5) {
    pattern.form_ = Form::kFields;
  } else if (s.back() == '*') {
    pattern.form_ = Form::kTrailingStar;
  } else {
    pattern.field_count_ = 0;
    return pattern;
  }
  // Fields 2-5 compare case-insensitively; the last field of a
  // trailing-star pattern may reach into the resource field, so it keeps
  // its case and the comparison folds only where the template is folded.
  const size_t last_folded = pattern.form_ == Form::kFields ? 4 : pattern.field_count_ - 2;
  for (size_t f = 1; f <= last_folded && f <= 4; ++f) {
    for (size_t i = pattern.begin_[f]; i < pattern.end_[f]; ++i) s[i] = Lower(s[i]);
  }
  return pattern;
}

std::string_view ArnPattern::field(size_t i) const {
  return std::string_view(text_).substr(begin_[i], end_[i] - begin_[i]);
}

std::string_view ArnPattern::literal_service() const {
  const bool complete =
      form_ == Form::kFields || (form_ == Form::kTrailingStar && field_count_ > 3);
  if (!complete) return {};
  std::string_view service = field(2);
  return HasWildcard(service) ? std::string_view() : service;
}

// --- ArnTemplate --------------------------------------------------------------

ArnTemplate ArnTemplate::Compile(std::string_view format) {
  ArnTemplate t;
  if (format.size() > kMaxArnTemplateBytes || format.rfind("arn:", 0) != 0) return t;
  std::string& code = t.code_;
  code.reserve(format.size());
  size_t colons = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c == '$' && i + 1 < format.size() && format[i + 1] == '{') {
      const size_t close = format.find('}', i + 2);
      if (close != std::string_view::npos) {
        code += static_cast<char>(kTemplateVariable);
        i = close;
        continue;
      }
    }
    if (c == ':' && colons < 5) {
      code += ':';
      ++colons;
      t.begin_[colons] = static_cast<uint32_t>(code.size());
      continue;
    }
    code += colons < 5 ? Lower(c) : c;
  }
  if (colons < 5) {
    code.clear();
    return t;
  }
  // A variable right before `/` or `:` ends there: `${BucketName}/` names
  // a bucket, which cannot contain the slash that follows it.
  for (size_t i = 0; i + 1 < code.size(); ++i) {
    if (!IsTemplateVariable(code[i])) continue;
    auto bits = static_cast<unsigned char>(code[i]);
    if (code[i + 1] == '/') bits |= kTemplateExcludesSlash;
    if (code[i + 1] == ':') bits |= kTemplateExcludesColon;
    code[i] = static_cast<char>(bits);
  }
  t.valid_ = true;
  return t;
}

std::string ArnTemplate::Normalized() const {
  std::string out = code_;
  for (char& c : out) {
    if (IsTemplateVariable(c)) c = static_cast<char>(kTemplateVariable);
  }
  return out;
}

void ArnTemplate::ExcludeFromFinalVariable(char c) {
  auto bits = static_cast<unsigned char>(code_.back());
  if (c == '/') bits |= kTemplateExcludesSlash;
  if (c == ':') bits |= kTemplateExcludesColon;
  code_.back() = static_cast<char>(bits);
}

std::string_view ArnTemplate::Field(size_t i) const {
  const size_t begin = begin_[i];
  const size_t end = i < 5 ? begin_[i + 1] - 1 : code_.size();
  return std::string_view(code_).substr(begin, end - begin);
}

std::string_view ArnTemplate::literal_service() const {
  if (!valid_) return {};
  std::string_view service = Field(2);
  for (char c : service) {
    if (c == '*' || IsTemplateVariable(c)) return {};
  }
  return service;
}

bool ArnTemplate::Intersects(const ArnPattern& pattern, ArnMatchScratch* scratch) const {
  if (!valid_) return false;
  switch (pattern.form()) {
    case ArnPattern::Form::kNothing:
      return false;
    case ArnPattern::Form::kEverything:
      return true;
    case ArnPattern::Form::kFields:
      // The service and resource fields first: they reject most candidates.
      if (!GlobIntersectsTemplate(pattern.field(2), Field(2), Field(2).size(), scratch) ||
          !GlobIntersectsTemplate(pattern.field(5), Field(5), 0, scratch)) {
        return false;
      }
      for (size_t f : {size_t{1}, size_t{3}, size_t{4}}) {
        if (!GlobIntersectsTemplate(pattern.field(f), Field(f), Field(f).size(), scratch)) {
          return false;
        }
      }
      return true;
    case ArnPattern::Form::kTrailingStar: {
      const size_t last = pattern.field_count() - 1;
      for (size_t f = 1; f < last; ++f) {
        if (!GlobIntersectsTemplate(pattern.field(f), Field(f), Field(f).size(), scratch)) {
          return false;
        }
      }
      const std::string_view rest = std::string_view(code_).substr(begin_[last]);
      return GlobIntersectsTemplate(pattern.field(last), rest, begin_[5] - begin_[last], scratch);
    }
  }
  return false;
}

}  // namespace iamlint
