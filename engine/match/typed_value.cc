#include "engine/match/typed_value.h"

#include <limits>

namespace iamlint {

namespace {

// std::isdigit depends on the locale and is undefined for negative chars, so
// the character classes are spelled out.
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int Sign(int value) { return (value > 0) - (value < 0); }

// Reads exactly `width` digits at `pos` as a number; false if any is not a
// digit. The fixed widths are what make `2024-1-5` invalid.
bool ReadFixedDigits(std::string_view text, size_t pos, size_t width, int* out) {
  if (pos + width > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (!IsDigit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

// Days from 1970-01-01 to year-month-day in the proleptic Gregorian calendar
// (Howard Hinnant's days_from_civil). Pure arithmetic, so the result cannot
// depend on the process's time zone the way mktime's does.
int64_t DaysFromCivil(int64_t year, int64_t month, int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::optional<Instant> ParseEpochSeconds(std::string_view text) {
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  if (!IsAllDigits(text)) return std::nullopt;
  // Accumulate negatively so that INT64_MIN itself is representable.
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  int64_t value = 0;
  for (char c : text) {
    const int digit = c - '0';
    if (value < (kMin + digit) / 10) return std::nullopt;
    value = value * 10 - digit;
  }
  if (!negative) {
    if (value == kMin) return std::nullopt;
    value = -value;
  }
  return Instant{value, 0};
}

// Hand-written rather than inet_pton: inet_pton's leading-zero and
// embedded-IPv4 rules differ between libcs, and the result must not depend
// on the platform.
bool ParseIpv4(std::string_view text, uint8_t* out) {
  size_t pos = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (pos >= text.size() || text[pos] != '.') return false;
      ++pos;
    }
    const size_t start = pos;
    int value = 0;
    while (pos < text.size() && IsDigit(text[pos]) && pos - start < 3) {
      value = value * 10 + (text[pos] - '0');
      ++pos;
    }
    const size_t length = pos - start;
    if (length == 0 || value > 255) return false;
    if (length > 1 && text[start] == '0') return false;  // `010`: octal or decimal?
    out[octet] = static_cast<uint8_t>(value);
  }
  return pos == text.size();
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ParseIpv6(std::string_view text, uint8_t* out) {
  // Groups before and after the `::` are collected separately and the gap
  // is zero-filled at the end.
  uint16_t head[8] = {};
  uint16_t tail[8] = {};
  size_t head_count = 0;
  size_t tail_count = 0;
  bool compressed = false;
  size_t pos = 0;
  auto push = [&](uint16_t group) -> bool {
    if (head_count + tail_count >= 8) return false;
    if (compressed) {
      tail[tail_count++] = group;
    } else {
      head[head_count++] = group;
    }
    return true;
  };
  if (text.starts_with("::")) {
    compressed = true;
    pos = 2;
  } else if (text.starts_with(':')) {
    return false;
  }
  while (pos < text.size()) {
    const size_t next_colon = text.find(':', pos);
    const std::string_view group = text.substr(pos, next_colon == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : next_colon - pos);
    if (group.find('.') != std::string_view::npos) {
      // An embedded IPv4 address is only allowed as the final 32 bits.
      if (next_colon != std::string_view::npos) return false;
      uint8_t v4[4];
      if (!ParseIpv4(group, v4)) return false;
      if (!push(static_cast<uint16_t>(v4[0] << 8 | v4[1]))) return false;
      if (!push(static_cast<uint16_t>(v4[2] << 8 | v4[3]))) return false;
      pos = text.size();
      break;
    }
    if (group.empty() || group.size() > 4) return false;
    unsigned value = 0;
    for (char c : group) {
      const int digit = HexValue(c);
      if (digit < 0) return false;
      value = value * 16 + static_cast<unsigned>(digit);
    }
    if (!push(static_cast<uint16_t>(value))) return false;
    pos += group.size();
    if (pos == text.size()) break;
    ++pos;  // the colon
    if (pos < text.size() && text[pos] == ':') {
      if (compressed) return false;  // a second `::`
      compressed = true;
      ++pos;
    } else if (pos == text.size()) {
      return false;  // a single trailing colon
    }
  }
  const size_t groups = head_count + tail_count;
  // `::` stands for at least one zero group.
  if (compressed ? groups > 7 : groups != 8) return false;
  uint16_t all[8] = {};
  for (size_t i = 0; i < head_count; ++i) all[i] = head[i];
  for (size_t i = 0; i < tail_count; ++i) all[8 - tail_count + i] = tail[i];
  for (size_t i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<uint8_t>(all[i] >> 8);
    out[2 * i + 1] = static_cast<uint8_t>(all[i] & 0xff);
  }
  return true;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

// Numbers are kept as digit strings: condition values can carry more digits
// than any machine type, and a double would make `NumericEquals` disagree
// with the text (0.1 + 0.2, or integers above 2^53).
std::optional<Decimal> ParseDecimal(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return std::nullopt;
  text = text.substr(first, text.find_last_not_of(kSpace) - first + 1);

  Decimal out;
  if (text.starts_with('+') || text.starts_with('-')) {
    out.negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const size_t point = text.find('.');
  std::string_view integer = text.substr(0, point);
  std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (integer.empty() && fraction.empty()) return std::nullopt;
  if (!integer.empty() && !IsAllDigits(integer)) return std::nullopt;
  if (!fraction.empty() && !IsAllDigits(fraction)) return std::nullopt;

  // Normalizing here makes equality structural and keeps CompareDecimal a
  // simple length-then-lexicographic comparison.
  const size_t significant = integer.find_first_not_of('0');
  integer = significant == std::string_view::npos ? std::string_view() : integer.substr(significant);
  const size_t last = fraction.find_last_not_of('0');
  fraction = last == std::string_view::npos ? std::string_view() : fraction.substr(0, last + 1);
  out.integer = std::string(integer);
  out.fraction = std::string(fraction);
  if (out.integer.empty() && out.fraction.empty()) out.negative = false;
  return out;
}

int CompareDecimal(const Decimal& a, const Decimal& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  // Normalized integers compare by length first; normalized fractions
  // compare lexicographically (a longer fraction that shares a prefix ends
  // in a non-zero digit, so it is larger).
  int magnitude = 0;
  if (a.integer.size() != b.integer.size()) {
    magnitude = a.integer.size() < b.integer.size() ? -1 : 1;
  } else {
    magnitude = Sign(a.integer.compare(b.integer));
    if (magnitude == 0) magnitude = Sign(a.fraction.compare(b.fraction));
  }
  return a.negative ? -magnitude : magnitude;
}

std::string DecimalToString(const Decimal& value) {
  std::string out = value.negative ? "-" : "";
  out += value.integer.empty() ? "0" : value.integer;
  if (!value.fraction.empty()) out += "." + value.fraction;
  return out;
}

std::optional<Instant> ParseDate(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // Epoch first: an all-digit value is never a date (spec §3.5 decision),
  // and no W3C form is all digits, so the order cannot hide a date.
  if (IsDigit(text[0]) || text[0] == '-') {
    if (std::optional<Instant> epoch = ParseEpochSeconds(text)) return epoch;
  }
  int year = 0;
  int month = 0;
  int day = 0;
  if (!ReadFixedDigits(text, 0, 4, &year) || text.size() < 10 || text[4] != '-' ||
      !ReadFixedDigits(text, 5, 2, &month) || text[7] != '-' ||
      !ReadFixedDigits(text, 8, 2, &day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;

  int hour = 0;
  int minute = 0;
  int second = 0;
  int32_t nanos = 0;
  int offset_minutes = 0;
  size_t pos = 10;
  if (pos < text.size()) {
    if (text[pos] != 'T' || !ReadFixedDigits(text, pos + 1, 2, &hour) ||
        pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ReadFixedDigits(text, pos + 4, 2, &minute)) {
      return std::nullopt;
    }
    pos += 6;
    if (pos < text.size() && text[pos] == ':') {
      if (!ReadFixedDigits(text, pos + 1, 2, &second)) return std::nullopt;
      pos += 3;
      if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const size_t start = pos;
        int32_t scale = 100000000;
        while (pos < text.size() && IsDigit(text[pos])) {
          nanos += (text[pos] - '0') * scale;  // digits past nanoseconds add 0
          scale /= 10;
          ++pos;
        }
        if (pos == start) return std::nullopt;
      }
    }
    // Leap seconds and `24:00` are valid ISO 8601 but never produced by AWS
    // for request times; accepting them would need normalization rules that
    // AWS does not document.
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    if (pos < text.size()) {
      const char zone = text[pos];
      if (zone == 'Z') {
        ++pos;
      } else if (zone == '+' || zone == '-') {
        int offset_hours = 0;
        int offset_mins = 0;
        if (!ReadFixedDigits(text, pos + 1, 2, &offset_hours) || pos + 3 >= text.size() ||
            text[pos + 3] != ':' || !ReadFixedDigits(text, pos + 4, 2, &offset_mins) ||
            offset_hours > 23 || offset_mins > 59) {
          return std::nullopt;
        }
        offset_minutes = (offset_hours * 60 + offset_mins) * (zone == '-' ? -1 : 1);
        pos += 6;
      } else {
        return std::nullopt;
      }
    }
    if (pos != text.size()) return std::nullopt;
  }
  // Local time = UTC + offset, so UTC = local - offset.
  const int64_t seconds = DaysFromCivil(year, month, day) * 86400 + int64_t{hour} * 3600 +
                          int64_t{minute} * 60 + second - int64_t{offset_minutes} * 60;
  return Instant{seconds, nanos};
}

int CompareInstant(const Instant& a, const Instant& b) {
  if (a.seconds != b.seconds) return a.seconds < b.seconds ? -1 : 1;
  if (a.nanos != b.nanos) return a.nanos < b.nanos ? -1 : 1;
  return 0;
}

// Case-insensitive to match iam-simulate; the validator warns on `True` so
// that policies do not depend on this.
std::optional<bool> ParseBool(std::string_view text) {
  auto equals_folded = [text](std::string_view word) {
    if (text.size() != word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != word[i]) return false;
    }
    return true;
  };
  if (equals_folded("true")) return true;
  if (equals_folded("false")) return false;
  return std::nullopt;
}

std::optional<IpAddressValue> ParseIp(std::string_view text) {
  IpAddressValue out;
  if (text.find(':') != std::string_view::npos) {
    out.v6 = true;
    if (!ParseIpv6(text, out.bytes.data())) return std::nullopt;
  } else if (!ParseIpv4(text, out.bytes.data())) {
    return std::nullopt;
  }
  return out;
}

std::optional<IpNetwork> ParseCidr(std::string_view text) {
  const size_t slash = text.find('/');
  const std::optional<IpAddressValue> address = ParseIp(text.substr(0, slash));
  if (!address) return std::nullopt;
  IpNetwork out;
  out.v6 = address->v6;
  out.bytes = address->bytes;
  const int max_prefix = out.v6 ? 128 : 32;
  out.prefix = max_prefix;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    if (!IsAllDigits(digits) || digits.size() > 3 || (digits.size() > 1 && digits[0] == '0')) {
      return std::nullopt;
    }
    int prefix = 0;
    for (char c : digits) prefix = prefix * 10 + (c - '0');
    if (prefix > max_prefix) return std::nullopt;
    out.prefix = prefix;
  }
  // Clear host bits so equal networks compare equal and Contains can compare
  // whole bytes.
  for (int bit = out.prefix; bit < max_prefix; ++bit) {
    const auto index = static_cast<size_t>(bit / 8);
    out.bytes[index] = static_cast<uint8_t>(out.bytes[index] & ~(0x80u >> (bit % 8)));
  }
  return out;
}

bool Contains(const IpNetwork& network, const IpAddressValue& address) {
  if (network.v6 != address.v6) return false;
  const auto full_bytes = static_cast<size_t>(network.prefix / 8);
  for (size_t i = 0; i < full_bytes; ++i) {
    if (network.bytes[i] != address.bytes[i]) return false;
  }
  const int rest = network.prefix % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<uint8_t>(0xffu << (8 - rest));
  return (address.bytes[full_bytes] & mask) == network.bytes[full_bytes];
}

// Padding is optional because context values come from many encoders; it is
// checked when present so that a stray `=` in the middle is not ignored.
std::optional<std::string> DecodeBase64(std::string_view text) {
  if (text.ends_with('=')) {
    if (text.size() % 4 != 0) return std::nullopt;
    text.remove_suffix(text.ends_with("==") ? 2 : 1);
    if (text.ends_with('=')) return std::nullopt;
  }
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int value = Base64Value(c);
    if (value < 0) return std::nullopt;  // also a `=` before the end
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

}  // namespace iamlint
