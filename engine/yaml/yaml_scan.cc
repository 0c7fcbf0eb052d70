#include "engine/yaml/yaml_scan.h"

#include <cstdio>
#include <vector>

namespace iamlint::yaml_internal {

namespace {

bool IsBreak(char c) { return c == '\n' || c == '\r'; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsFlowIndicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// True when position i is past the end, a blank or a line break.
bool SpaceOrEnd(std::string_view t, size_t i) {
  return i >= t.size() || IsBlank(t[i]) || IsBreak(t[i]);
}

size_t SkipToBreak(std::string_view t, size_t i) {
  while (i < t.size() && !IsBreak(t[i])) ++i;
  return i;
}

// Past one line break (LF, CRLF or CR) at i.
size_t SkipOneBreak(std::string_view t, size_t i) {
  if (i >= t.size()) return i;
  if (t[i] == '\r') {
    ++i;
    if (i < t.size() && t[i] == '\n') ++i;
  } else if (t[i] == '\n') {
    ++i;
  }
  return i;
}

// Past the property or alias token at i (`!tag`, `!<verbatim>`, `&a`, `*a`).
size_t SkipPropertyToken(std::string_view t, size_t i) {
  const size_t n = t.size();
  if (t[i] == '!' && i + 1 < n && t[i + 1] == '<') {
    while (i < n && t[i] != '>' && !IsBreak(t[i])) ++i;
    if (i < n && t[i] == '>') ++i;
    return i;
  }
  ++i;
  while (i < n && !IsBlank(t[i]) && !IsBreak(t[i]) && !IsFlowIndicator(t[i])) ++i;
  return i;
}

// The quoted scalar at i; updates *line_start when it spans lines, and
// *closed when the closing quote was found.
size_t SkipQuoted(std::string_view t, size_t i, size_t* line_start, bool* closed = nullptr) {
  const size_t n = t.size();
  const char quote = t[i];
  size_t j = i + 1;
  while (j < n) {
    char c = t[j];
    if (quote == '"' && c == '\\' && j + 1 < n && !IsBreak(t[j + 1])) {
      j += 2;
      continue;
    }
    if (c == quote) {
      if (quote == '\'' && j + 1 < n && t[j + 1] == '\'') {
        j += 2;
        continue;
      }
      if (closed != nullptr) *closed = true;
      return j + 1;
    }
    if (c == '\n' || (c == '\r' && (j + 1 >= n || t[j + 1] != '\n'))) {
      if (line_start != nullptr) *line_start = j + 1;
    }
    ++j;
  }
  return n;
}

// Lines after a block scalar header whose parent collection is at column
// `parent` (kNpos: none, the scalar is the document): blank lines and lines
// indented deeper belong to the scalar. Returns the start of the first line
// that does not; *last_end becomes one past the last non-blank content byte.
size_t SkipBlockBody(std::string_view t, size_t i, size_t parent, size_t* last_end) {
  const size_t n = t.size();
  while (i < n) {
    size_t k = i;
    while (k < n && t[k] == ' ') ++k;
    size_t e = k;
    while (e < n && IsBlank(t[e])) ++e;
    if (e >= n) return n;
    if (IsBreak(t[e])) {
      i = SkipOneBreak(t, e);
      continue;
    }
    if (parent != kNpos && k - i <= parent) return i;
    size_t line_end = SkipToBreak(t, e);
    if (last_end != nullptr) {
      size_t last = line_end;
      while (last > e && IsBlank(t[last - 1])) --last;
      *last_end = last;
    }
    i = SkipOneBreak(t, line_end);
  }
  return n;
}

class DepthScanner {
 public:
  DepthScanner(std::string_view text, size_t from, uint32_t max_depth)
      : t_(text), from_(from), max_(max_depth) {}

  size_t Run() {
    const size_t n = t_.size();
    size_t i = from_;
    size_t line_start = from_;
    bool block_scalar = false;  // a `|` or `>` header was seen on this line
    size_t block_parent = kNpos;
    while (i < n) {
      const char c = t_[i];
      if (IsBreak(c)) {
        i = SkipOneBreak(t_, i);
        if (block_scalar) {
          i = SkipBlockBody(t_, i, block_parent, nullptr);
          block_scalar = false;
        }
        line_start = i;
        continue;
      }
      if (IsBlank(c)) {
        ++i;
        continue;
      }
      if (c == '#') {
        i = SkipToBreak(t_, i);
        continue;
      }
      if (flow_ == 0 && i == line_start) {
        if (c == '%') {
          i = SkipToBreak(t_, i);
          continue;
        }
        if ((t_.compare(i, 3, "---") == 0 || t_.compare(i, 3, "...") == 0) &&
            SpaceOrEnd(t_, i + 3)) {
          block_.clear();
          i += 3;
          continue;
        }
      }
      const size_t column = i - line_start;
      if (flow_ > 0) {
        switch (c) {
          case '[':
          case '{':
            ++flow_;
            if (block_.size() + flow_ > max_) return i;
            ++i;
            continue;
          case ']':
          case '}':
            --flow_;
            ++i;
            continue;
          case ',':
          case ':':
          case '?':
            ++i;
            continue;
          case '"':
          case '\'':
            i = SkipQuoted(t_, i, &line_start);
            continue;
          case '&':
          case '!':
          case '*':
            i = SkipPropertyToken(t_, i);
            continue;
          default:
            i = SkipPlain(i, /*flow=*/true, nullptr);
            continue;
        }
      }
      if ((c == '-' || c == '?' || c == ':') && SpaceOrEnd(t_, i + 1)) {
        if (c != ':' && !Enter(column)) return i;
        ++i;
        continue;
      }
      switch (c) {
        case '[':
        case '{':
          flow_ = 1;
          if (block_.size() + flow_ > max_) return i;
          ++i;
          continue;
        case '"':
        case '\'': {
          const size_t start = i;
          i = SkipQuoted(t_, i, &line_start);
          if (KeyFollows(i) && !Enter(column)) return start;
          continue;
        }
        case '|':
        case '>':
          block_scalar = true;
          block_parent = block_.empty() ? kNpos : block_.back();
          i = SkipPropertyToken(t_, i);
          continue;
        case '&':
        case '!':
        case '*':
          i = SkipPropertyToken(t_, i);
          continue;
        default: {
          const size_t start = i;
          bool key = false;
          i = SkipPlain(i, /*flow=*/false, &key);
          if (key && !Enter(column)) return start;
          continue;
        }
      }
    }
    return kNpos;
  }

 private:
  // A block collection entry (`- `, `? ` or a `key:`) at `column`.
  bool Enter(size_t column) {
    while (!block_.empty() && block_.back() > column) block_.pop_back();
    if (block_.empty() || block_.back() < column) block_.push_back(column);
    return block_.size() + flow_ <= max_;
  }

  bool KeyFollows(size_t i) const {
    while (i < t_.size() && IsBlank(t_[i])) ++i;
    return i < t_.size() && t_[i] == ':' && SpaceOrEnd(t_, i + 1);
  }

  // A plain scalar's first line from i. In block context, *key says it
  // ended at a `: ` (it is a mapping key).
  size_t SkipPlain(size_t i, bool flow, bool* key) const {
    const size_t n = t_.size();
    const size_t start = i;
    while (i < n) {
      const char c = t_[i];
      if (IsBreak(c)) break;
      if (c == ':' && (SpaceOrEnd(t_, i + 1) || (flow && IsFlowIndicator(t_[i + 1])))) {
        if (key != nullptr) *key = true;
        break;
      }
      if (flow && IsFlowIndicator(c)) break;
      if (IsBlank(c)) {
        size_t k = i;
        while (k < n && IsBlank(t_[k])) ++k;
        if (k >= n || t_[k] == '#' || IsBreak(t_[k])) return k;
        i = k;
        continue;
      }
      ++i;
    }
    return i > start ? i : start + 1;
  }

  std::string_view t_;
  size_t from_;
  size_t max_;
  size_t flow_ = 0;
  std::vector<size_t> block_;  // columns of the open block collections
};

}  // namespace

size_t FindEncodingError(std::string_view text, size_t from, std::string* message) {
  const size_t n = text.size();
  size_t i = from;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        if (c == 0) {
          *message = "NUL byte in the input";
        } else {
          char buf[64];
          std::snprintf(buf, sizeof buf, "control character U+%04X is not allowed in YAML",
                        static_cast<unsigned>(c));
          *message = buf;
        }
        return i;
      }
      ++i;
      continue;
    }
    size_t length = 0;
    uint32_t code = 0;
    uint32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      length = 2;
      code = c & 0x1Fu;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      code = c & 0x0Fu;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      code = c & 0x07u;
      min = 0x10000;
    }
    bool ok = length != 0 && i + length <= n;
    for (size_t k = 1; ok && k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80) {
        ok = false;
      } else {
        code = (code << 6) | (b & 0x3Fu);
      }
    }
    if (ok && (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) ok = false;
    if (!ok) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "invalid UTF-8 (byte 0x%02X)", static_cast<unsigned>(c));
      *message = buf;
      return i;
    }
    i += length;
  }
  return kNpos;
}

size_t PrescanDepth(std::string_view text, size_t from, uint32_t max_depth) {
  return DepthScanner(text, from, max_depth).Run();
}

Properties SkipProperties(std::string_view text, size_t pos) {
  const size_t n = text.size();
  Properties p;
  p.after = pos;
  p.content = pos;
  size_t i = pos;
  while (i < n && (text[i] == '!' || text[i] == '&')) {
    const size_t start = i;
    i = SkipPropertyToken(text, i);
    if (text[start] == '!') {
      p.tag_begin = start;
      p.tag_end = i;
    }
    p.after = i;
    bool crossed = false;
    while (i < n) {
      if (IsBlank(text[i])) {
        ++i;
      } else if (IsBreak(text[i])) {
        crossed = true;
        ++i;
      } else if (text[i] == '#') {
        i = SkipToBreak(text, i);
      } else {
        break;
      }
    }
    p.content = i;
    p.same_line = !crossed;
  }
  return p;
}

size_t QuotedEnd(std::string_view text, size_t pos) {
  bool closed = false;
  const size_t end = SkipQuoted(text, pos, nullptr, &closed);
  return closed ? end : kNpos;
}

size_t PlainEnd(std::string_view text, size_t pos, std::string_view value) {
  const size_t n = text.size();
  size_t i = pos;
  size_t j = 0;
  size_t end = pos;
  while (j < value.size() && i < n) {
    const char c = text[i];
    if (IsBlank(c) || IsBreak(c)) {
      size_t k = i;
      bool line_break = false;
      while (k < n && (IsBlank(text[k]) || IsBreak(text[k]))) {
        if (IsBreak(text[k])) line_break = true;
        ++k;
      }
      if (line_break) {
        // A folded line break: the value has one space or line feeds there.
        if (value[j] != ' ' && value[j] != '\n') break;
        while (j < value.size() && (value[j] == ' ' || value[j] == '\n')) ++j;
        i = k;
        continue;
      }
      while (i < k && j < value.size() && text[i] == value[j]) {
        ++i;
        ++j;
      }
      if (i < k) break;
      continue;
    }
    if (c != value[j]) break;
    ++i;
    ++j;
    end = i;
  }
  if (end == pos && pos < n) end = pos + 1;
  return end;
}

size_t BlockScalarEnd(std::string_view text, size_t pos, size_t parent_column) {
  const size_t n = text.size();
  size_t end = pos + 1;
  while (end < n && (IsDigit(text[end]) || text[end] == '+' || text[end] == '-')) ++end;
  size_t i = SkipToBreak(text, end);
  if (i >= n) return end;
  SkipBlockBody(text, SkipOneBreak(text, i), parent_column, &end);
  return end;
}

size_t ColumnOf(std::string_view text, size_t pos) {
  size_t line_start = pos;
  while (line_start > 0 && !IsBreak(text[line_start - 1])) --line_start;
  return pos - line_start;
}

size_t FlowCloseEnd(std::string_view text, size_t from) {
  size_t i = from;
  while (i < text.size()) {
    const char c = text[i];
    if (IsBlank(c) || IsBreak(c) || c == ',') {
      ++i;
    } else if (c == '#') {
      i = SkipToBreak(text, i);
    } else if (c == ']' || c == '}') {
      return i + 1;
    } else {
      return kNpos;
    }
  }
  return kNpos;
}

size_t AliasEnd(std::string_view text, size_t pos) {
  return pos < text.size() ? SkipPropertyToken(text, pos) : pos;
}

bool NullLiteralAt(std::string_view text, size_t pos, size_t* end) {
  size_t length = 0;
  if (text.compare(pos, 1, "~") == 0) {
    length = 1;
  } else if (text.compare(pos, 4, "null") == 0 || text.compare(pos, 4, "Null") == 0 ||
             text.compare(pos, 4, "NULL") == 0) {
    length = 4;
  } else {
    return false;
  }
  const size_t after = pos + length;
  if (after < text.size()) {
    const char c = text[after];
    if (!IsBlank(c) && !IsBreak(c) && !IsFlowIndicator(c) && c != ':' && c != '#') return false;
  }
  *end = after;
  return true;
}

bool IsCoreInt(std::string_view v) {
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'o' || v[1] == 'x')) {
    const bool hex = v[1] == 'x';
    for (size_t i = 2; i < v.size(); ++i) {
      if (hex ? !IsHexDigit(v[i]) : (v[i] < '0' || v[i] > '7')) return false;
    }
    return true;
  }
  size_t i = 0;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  if (i == v.size()) return false;
  for (; i < v.size(); ++i) {
    if (!IsDigit(v[i])) return false;
  }
  return true;
}

bool IsCoreFloat(std::string_view v) {
  if (v == ".nan" || v == ".NaN" || v == ".NAN") return true;
  size_t i = 0;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  std::string_view rest = v.substr(i);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return true;
  // (\.[0-9]+ | [0-9]+(\.[0-9]*)?) ([eE][-+]?[0-9]+)?
  size_t int_digits = 0;
  while (i < v.size() && IsDigit(v[i])) {
    ++i;
    ++int_digits;
  }
  size_t frac_digits = 0;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && IsDigit(v[i])) {
      ++i;
      ++frac_digits;
    }
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < v.size() && IsDigit(v[i])) {
      ++i;
      ++exp_digits;
    }
    if (exp_digits == 0) return false;
  }
  return i == v.size();
}

JsonKind ResolvePlain(std::string_view v) {
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return JsonKind::kNull;
  if (v == "true" || v == "True" || v == "TRUE") return JsonKind::kTrue;
  if (v == "false" || v == "False" || v == "FALSE") return JsonKind::kFalse;
  if (IsCoreInt(v) || IsCoreFloat(v)) return JsonKind::kNumber;
  return JsonKind::kString;
}

}  // namespace iamlint::yaml_internal
