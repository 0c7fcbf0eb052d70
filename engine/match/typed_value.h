// Typed condition values: parsers and comparisons behind the Numeric, Date,
// Bool, IpAddress and BinaryEquals operators (spec §3.2, §3.5).
//
// The operator decides the type (spec §3.5): policy values are parsed once at
// compile time, context values at evaluation. A parser returns std::nullopt
// for text that is not a value of its type, and the caller applies the
// "invalid value" rule. Nothing here throws or depends on the locale or the
// local time zone. All functions are pure and thread-safe.
#ifndef IAMLINT_ENGINE_MATCH_TYPED_VALUE_H_
#define IAMLINT_ENGINE_MATCH_TYPED_VALUE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamlint {

// An exact decimal number of any size: no floating point, no overflow.
// INVARIANT (ParseDecimal normalizes; CompareDecimal relies on it):
//   - `integer` has no leading zeros (zero's integer part is empty);
//   - `fraction` has no trailing zeros;
//   - `negative` is false when the value is zero (`-0` == `0`).
// So equal numbers have equal representations: `10` == `10.0` == `010`.
struct Decimal {
  bool negative = false;
  std::string integer;   // decimal digits before the point
  std::string fraction;  // decimal digits after the point

  friend bool operator==(const Decimal&, const Decimal&) = default;
};

// Accepts [ws][+|-]digits[.digits][ws] with at least one digit; surrounding
// space/tab/CR/LF is tolerated (as iam-simulate does). Decision: `.5` and
// `5.` are accepted (iam-simulate parses JavaScript-style). Rejects `1e1`,
// `0x10`, `NaN`, `Infinity`, digit separators and inner whitespace.
std::optional<Decimal> ParseDecimal(std::string_view text);

// <0, 0 or >0 as a < b, a == b, a > b. Exact, linear in the digits.
int CompareDecimal(const Decimal& a, const Decimal& b);

// The canonical text: `0`, `-3.5`, `0.25`, `10`.
std::string DecimalToString(const Decimal& value);

// Seconds since 1970-01-01T00:00:00Z plus nanoseconds.
// INVARIANT: 0 <= nanos < 1e9, also before 1970 (so ordering is
// lexicographic).
struct Instant {
  int64_t seconds = 0;
  int32_t nanos = 0;

  friend bool operator==(const Instant&, const Instant&) = default;
};

// Parses a Date value (spec §3.5):
//   YYYY-MM-DD[Thh:mm[:ss[.fraction]][TZD]]   TZD = `Z` or `±hh:mm`
//   [-]digits                                 epoch SECONDS
// A missing TZD means UTC. Fraction digits past nanoseconds are truncated.
// Decisions: every all-digit value is epoch seconds (`2030` is not a year;
// iam-simulate's milliseconds are not copied); `YYYY-MM` is rejected.
// Also rejected: impossible dates (month 13, Feb 30, Feb 29 of non-leap
// years), hour > 23, minute or second > 59, lowercase `t`/`z`, surrounding
// whitespace, years outside 0000-9999, epochs outside int64.
std::optional<Instant> ParseDate(std::string_view text);

// <0, 0 or >0 as a is earlier than, equal to or later than b.
int CompareInstant(const Instant& a, const Instant& b);

// `true` or `false` in any letter case (iam-simulate behaviour); nothing
// else, not even with surrounding whitespace.
std::optional<bool> ParseBool(std::string_view text);

// A request address. IPv4 uses bytes[0..3] (the rest zero), IPv6 all 16, in
// network order. `::ffff:1.2.3.4` stays IPv6: families are never unified.
struct IpAddressValue {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};

  friend bool operator==(const IpAddressValue&, const IpAddressValue&) = default;
};

// A policy CIDR block, laid out like IpAddressValue.
// INVARIANT: prefix <= 32 (IPv4) or 128 (IPv6), and bits past it are zero,
// so `203.0.113.5/24` == `203.0.113.0/24`.
struct IpNetwork {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};
  int prefix = 0;

  friend bool operator==(const IpNetwork&, const IpNetwork&) = default;
};

// Parses a bare address. IPv4: four decimal octets 0-255; decision: a
// leading zero (`010`) is rejected as octal-ambiguous. IPv6: 1-4 hex digit
// groups, at most one `::`, optionally an IPv4 tail (`::ffff:1.2.3.4`); zone
// indices (`%eth0`), brackets and whitespace are rejected.
std::optional<IpAddressValue> ParseIp(std::string_view text);

// Parses `address[/prefix]`; a bare address means /32 or /128 (the IPv6
// default is UNCONFIRMED). The prefix is decimal without sign or leading
// zero. Host bits past the prefix are cleared, never an error.
std::optional<IpNetwork> ParseCidr(std::string_view text);

// True iff `address` is inside `network` and of the same family.
// `0.0.0.0/0` contains every IPv4 address, `::/0` every IPv6 address.
bool Contains(const IpNetwork& network, const IpAddressValue& address);

// Decodes standard base64 (RFC 4648 §4). Decisions: padding is optional but
// must be correct when present; unused low bits of the last character are
// ignored (`QR==` decodes like `QQ==`); whitespace and the URL-safe alphabet
// are rejected; "" decodes to "".
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_MATCH_TYPED_VALUE_H_
