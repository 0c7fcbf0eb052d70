#include "engine/match/wildcard.h"

#include "engine/match/utf8.h"
#include "engine/match/wildcard_reference.h"

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "engine/base/check.h"
#include "engine/match/utf8.h"
#include "engine/match/wildcard_reference.h"

namespace iamlint {

namespace {

// Literal segments up to this length are searched with string_view::find.
// Its worst case is O(n * length), so the limit is what keeps it linear; the
// common case (memchr for the first byte, then a short compare) beats KMP.
constexpr size_t kShortLiteral = 16;

constexpr size_t kWordBits = 64;

}  // namespace

// The kGeneral matcher: the pattern split at its stars into segments.
// INVARIANT: if has_star_, segments_ has at least two entries (head and
// tail, either may be empty) and every middle segment is non-empty, because
// Glob never holds two adjacent stars. Without a star there is one segment.
class WildcardProgram {
 public:
  explicit WildcardProgram(const Glob& glob);

  bool Match(std::string_view text) const;

 private:
  // A run of literal bytes and `?` between two stars (or a pattern end).
  class Segment {
   public:
    void PushLiteral(std::string_view text);
    void PushAny();

    // Builds the search tables. Only middle segments are ever searched;
    // head and tail are only compared in place.
    void PrepareSearch();

    size_t size() const { return chars_.size(); }

    // REQUIRES: pos + size() <= text.size().
    bool MatchAt(std::string_view text, size_t pos) const;

    // The leftmost start >= from of an occurrence inside `text`, or npos.
    // REQUIRES: PrepareSearch() was called.
    size_t Find(std::string_view text, size_t from) const;

   private:
    enum class Search { kUnprepared, kAllAny, kShortLiteral, kKmp, kShiftAnd };

    size_t FindKmp(std::string_view text, size_t from) const;
    size_t FindShiftAnd(std::string_view text, size_t from) const;

    std::string chars_;         // the bytes; positions of `?` hold '\0'
    std::vector<char> is_any_;  // 1 where the pattern has `?`
    size_t any_count_ = 0;
    Search search_ = Search::kUnprepared;
    // kKmp: failure_[q] = length of the longest proper border of chars_[0..q].
    std::vector<size_t> failure_;
    // kShiftAnd: slot_[byte] selects a row of masks_; a row has words_ words
    // and bit i is set when pattern position i accepts that byte. Slot 0 is
    // for bytes the segment never names (only `?` positions accept them).
    std::vector<uint16_t> slot_;
    std::vector<uint64_t> masks_;
    size_t words_ = 0;
  };

  bool has_star_ = false;
  std::vector<Segment> segments_;
  size_t min_length_ = 0;
};

void WildcardProgram::Segment::PushLiteral(std::string_view text) {
  chars_.append(text);
  is_any_.resize(chars_.size(), 0);
}

void WildcardProgram::Segment::PushAny() {
  chars_.push_back('\0');
  is_any_.push_back(1);
  ++any_count_;
}

void WildcardProgram::Segment::PrepareSearch() {
  const size_t k = chars_.size();
  IAMLINT_CHECK(k > 0);
  if (any_count_ == k) {
    search_ = Search::kAllAny;
    return;
  }
  if (any_count_ == 0) {
    if (k <= kShortLiteral) {
      search_ = Search::kShortLiteral;
      return;
    }
    search_ = Search::kKmp;
    failure_.assign(k, 0);
    size_t border = 0;
    for (size_t q = 1; q < k; ++q) {
      while (border > 0 && chars_[q] != chars_[border]) border = failure_[border - 1];
      if (chars_[q] == chars_[border]) ++border;
      failure_[q] = border;
    }
    return;
  }
  // Shift-and rather than KMP: `?` breaks the border structure KMP relies
  // on, while shift-and handles it by OR-ing the `?` positions into every
  // mask, at one word operation per 64 pattern bytes per text byte.
  search_ = Search::kShiftAnd;
  words_ = (k + kWordBits - 1) / kWordBits;
  // Give each distinct literal byte its own row so the table grows with the
  // segment, not with the alphabet: 256 slots of 2 bytes plus one row per
  // byte value actually used.
  slot_.assign(256, 0);
  size_t rows = 1;
  for (size_t i = 0; i < k; ++i) {
    if (is_any_[i]) continue;
    const auto byte = static_cast<unsigned char>(chars_[i]);
    if (slot_[byte] == 0) slot_[byte] = static_cast<uint16_t>(rows++);
  }
  std::vector<uint64_t> any_row(words_, 0);
  for (size_t i = 0; i < k; ++i) {
    if (is_any_[i]) any_row[i / kWordBits] |= uint64_t{1} << (i % kWordBits);
  }
  masks_.reserve(rows * words_);
  for (size_t row = 0; row < rows; ++row) masks_.insert(masks_.end(), any_row.begin(), any_row.end());
  for (size_t i = 0; i < k; ++i) {
    if (is_any_[i]) continue;
    const size_t row = slot_[static_cast<unsigned char>(chars_[i])];
    masks_[row * words_ + i / kWordBits] |= uint64_t{1} << (i % kWordBits);
  }
}

bool WildcardProgram::Segment::MatchAt(std::string_view text, size_t pos) const {
  const size_t k = chars_.size();
  if (any_count_ == 0) return std::memcmp(text.data() + pos, chars_.data(), k) == 0;
  for (size_t i = 0; i < k; ++i) {
    if (!is_any_[i] && text[pos + i] != chars_[i]) return false;
  }
  return true;
}

size_t WildcardProgram::Segment::Find(std::string_view text, size_t from) const {
  if (from > text.size() || text.size() - from < chars_.size()) return std::string_view::npos;
  switch (search_) {
    case Search::kAllAny:
      return from;
    case Search::kShortLiteral:
      return text.find(chars_, from);
    case Search::kKmp:
      return FindKmp(text, from);
    case Search::kShiftAnd:
      return FindShiftAnd(text, from);
    case Search::kUnprepared:
      break;
  }
  IAMLINT_CHECK(false);
  return std::string_view::npos;
}

size_t WildcardProgram::Segment::FindKmp(std::string_view text, size_t from) const {
  const char* data = text.data();
  const size_t n = text.size();
  const size_t k = chars_.size();
  size_t matched = 0;
  size_t i = from;
  while (i < n) {
    if (matched == 0) {
      // No partial match is pending, so skip ahead to the next possible
      // start; memchr is much faster than stepping the automaton.
      const void* hit = std::memchr(data + i, chars_[0], n - i);
      if (hit == nullptr) return std::string_view::npos;
      i = static_cast<size_t>(static_cast<const char*>(hit) - data);
    }
    while (matched > 0 && chars_[matched] != data[i]) matched = failure_[matched - 1];
    if (chars_[matched] == data[i]) ++matched;
    ++i;
    if (matched == k) return i - k;
  }
  return std::string_view::npos;
}

size_t WildcardProgram::Segment::FindShiftAnd(std::string_view text, size_t from) const {
  const size_t k = chars_.size();
  const size_t last_word = (k - 1) / kWordBits;
  const uint64_t accept = uint64_t{1} << ((k - 1) % kWordBits);
  if (words_ == 1) {
    uint64_t state = 0;
    for (size_t i = from; i < text.size(); ++i) {
      const uint64_t mask = masks_[slot_[static_cast<unsigned char>(text[i])]];
      state = ((state << 1) | 1) & mask;
      if ((state & accept) != 0) return i + 1 - k;
    }
    return std::string_view::npos;
  }
  // Bit i of the state: pattern positions 0..i match the text ending here.
  std::vector<uint64_t> state(words_, 0);
  for (size_t i = from; i < text.size(); ++i) {
    const uint64_t* row = &masks_[slot_[static_cast<unsigned char>(text[i])] * words_];
    uint64_t carry = 1;
    for (size_t w = 0; w < words_; ++w) {
      const uint64_t next_carry = state[w] >> (kWordBits - 1);
      state[w] = ((state[w] << 1) | carry) & row[w];
      carry = next_carry;
    }
    if ((state[last_word] & accept) != 0) return i + 1 - k;
  }
  return std::string_view::npos;
}

WildcardProgram::WildcardProgram(const Glob& glob) {
  segments_.emplace_back();
  for (const GlobPiece& piece : glob.pieces()) {
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        segments_.back().PushLiteral(piece.text);
        break;
      case GlobPiece::Kind::kQuestion:
        segments_.back().PushAny();
        break;
      case GlobPiece::Kind::kStar:
        has_star_ = true;
        segments_.emplace_back();
        break;
    }
  }
  for (const Segment& segment : segments_) min_length_ += segment.size();
  for (size_t i = 1; i + 1 < segments_.size(); ++i) segments_[i].PrepareSearch();
}

bool WildcardProgram::Match(std::string_view text) const {
  const Segment& head = segments_.front();
  if (!has_star_) return text.size() == head.size() && head.MatchAt(text, 0);
  // With the length check first, head and tail cannot overlap, and the
  // cheap anchored comparisons run before any scanning.
  if (text.size() < min_length_) return false;
  const Segment& tail = segments_.back();
  const size_t tail_start = text.size() - tail.size();
  if (!head.MatchAt(text, 0) || !tail.MatchAt(text, tail_start)) return false;
  // Middle segments must fit between head and tail.
  const std::string_view window = text.substr(0, tail_start);
  size_t pos = head.size();
  for (size_t i = 1; i + 1 < segments_.size(); ++i) {
    const size_t at = segments_[i].Find(window, pos);
    if (at == std::string_view::npos) return false;
    pos = at + segments_[i].size();
  }
  return true;
}

Wildcard::Wildcard() = default;

// The special strategies cover nearly every real Action and Resource
// pattern; they avoid the shared program allocation and compile to one
// standard-library comparison each.
Wildcard Wildcard::Compile(const Glob& glob) {
  Wildcard out;
  out.glob_ = glob;
  const std::vector<GlobPiece>& pieces = glob.pieces();
  size_t stars = 0;
  size_t questions = 0;
  for (const GlobPiece& piece : pieces) {
    switch (piece.kind) {
      case GlobPiece::Kind::kLiteral:
        out.min_length_ += piece.text.size();
        break;
      case GlobPiece::Kind::kStar:
        ++stars;
        break;
      case GlobPiece::Kind::kQuestion:
        ++questions;
        ++out.min_length_;
        break;
    }
  }
  using Kind = GlobPiece::Kind;
  out.has_question_ = questions > 0;
  if (questions == 0 && stars == 0) {
    out.strategy_ = Strategy::kExact;
    out.literal_ = glob.LiteralText();
  } else if (questions == 0 && pieces.size() == 1) {
    out.strategy_ = Strategy::kAny;  // a lone star; Glob collapses `**`
  } else if (questions == 0 && stars == 1 && pieces.size() == 2 && pieces[1].kind == Kind::kStar) {
    out.strategy_ = Strategy::kPrefix;
    out.literal_ = pieces[0].text;
  } else if (questions == 0 && stars == 1 && pieces.size() == 2 && pieces[0].kind == Kind::kStar) {
    out.strategy_ = Strategy::kSuffix;
    out.literal_ = pieces[1].text;
  } else {
    out.strategy_ = Strategy::kGeneral;
    out.program_ = std::make_shared<const WildcardProgram>(glob);
  }
  return out;
}

Wildcard Wildcard::FromPattern(std::string_view pattern) { return Compile(Glob::Parse(pattern)); }

Wildcard Wildcard::FromPatternFolded(std::string_view pattern) {
  return Compile(Glob::Parse(pattern).Folded());
}

bool Wildcard::Match(std::string_view text) const {
  // `?` matches one character. Byte matching gives the same answer unless
  // the text has multi-byte characters.
  if (has_question_ && !IsAscii(text)) return MatchByCharacter(text);
  return MatchBytes(text);
}

// Maps the problem to bytes where every character is one byte: each
// non-ASCII character of the pattern's literals gets a byte of its own
// (0x80..0xFE) and every other non-ASCII character of the text becomes 0xFF,
// which no pattern byte equals. Linear like the byte matcher; the rare
// pattern with more than 127 distinct non-ASCII characters uses the oracle.
bool Wildcard::MatchByCharacter(std::string_view text) const {
  std::vector<uint32_t> assigned;
  auto byte_of = [&](uint32_t cp, bool assign) -> int {
    if (cp < 0x80) return static_cast<int>(cp);
    for (size_t i = 0; i < assigned.size(); ++i) {
      if (assigned[i] == cp) return static_cast<int>(0x80 + i);
    }
    if (!assign) return 0xFF;
    if (assigned.size() == 127) return -1;
    assigned.push_back(cp);
    return static_cast<int>(0x80 + assigned.size() - 1);
  };
  Glob mapped;
  for (const GlobPiece& piece : glob_.pieces()) {
    switch (piece.kind) {
      case GlobPiece::Kind::kStar:
        mapped.AppendStar();
        break;
      case GlobPiece::Kind::kQuestion:
        mapped.AppendQuestion();
        break;
      case GlobPiece::Kind::kLiteral: {
        std::string bytes;
        for (uint32_t cp : DecodeCodePoints(piece.text)) {
          int b = byte_of(cp, true);
          if (b < 0) return WildcardMatchReference(glob_, text);
          bytes.push_back(static_cast<char>(b));
        }
        mapped.AppendLiteral(bytes);
        break;
      }
    }
  }
  std::string mapped_text;
  for (uint32_t cp : DecodeCodePoints(text)) mapped_text.push_back(static_cast<char>(byte_of(cp, false)));
  return Wildcard::Compile(mapped).MatchBytes(mapped_text);
}

bool Wildcard::MatchBytes(std::string_view text) const {
  switch (strategy_) {
    case Strategy::kAny:
      return true;
    case Strategy::kExact:
      return text == literal_;
    case Strategy::kPrefix:
      return text.starts_with(literal_);
    case Strategy::kSuffix:
      return text.ends_with(literal_);
    case Strategy::kGeneral:
      return program_->Match(text);
  }
  IAMLINT_CHECK(false);
  return false;
}

std::string_view StrategyName(Wildcard::Strategy strategy) {
  switch (strategy) {
    case Wildcard::Strategy::kAny:
      return "any";
    case Wildcard::Strategy::kExact:
      return "exact";
    case Wildcard::Strategy::kPrefix:
      return "prefix";
    case Wildcard::Strategy::kSuffix:
      return "suffix";
    case Wildcard::Strategy::kGeneral:
      return "general";
  }
  return "unknown";
}

}  // namespace iamlint
