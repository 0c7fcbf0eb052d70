// Typed condition values: the parsers and comparisons behind the Numeric,
// Date, Bool, IpAddress and BinaryEquals condition operators (spec §3.2,
// §3.5).
//
// The operator decides the type (spec §3.5, iamlint decision): the compiler
// parses each policy value once with the operator's parser, and the
// evaluator re-parses each context value the same way. Every parser returns
// std::nullopt for text that is not a value of its type; the caller applies
// the "invalid value" rule (the comparison is false, for negated operators
// too). Nothing here throws or depends on the locale or the local time zone.
//
// Accepted syntax, one line each (details and decisions at each parser):
//   Decimal  [ws][+|-]digits[.digits][ws], also `.5` and `5.`; no exponent, no hex
//   Date     YYYY-MM-DD[Thh:mm[:ss[.fraction]][Z|±hh:mm]], or [-]digits = epoch seconds
//   Bool     true | false, any letter case
//   IP       a.b.c.d or IPv6 text; CIDR adds /prefix
//   Binary   standard base64, padding optional
//
// All functions are pure and thread-safe.
#ifndef IAMLINT_ENGINE_MATCH_TYPED_VALUE_H_
#define IAMLINT_ENGINE_MATCH_TYPED_VALUE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamlint {

// ---------------------------------------------------------------- Numeric

// An exact decimal number of any size (no floating point anywhere, so
// `0.1 + 0.2`-style surprises and overflow cannot happen; a 10,000-digit
// value is fine).
//
// INVARIANT (ParseDecimal only produces normalized values, and the
// comparison relies on it):
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

// Parses a decimal number: optional surrounding ASCII whitespace (space,
// tab, CR, LF; iam-simulate tolerates spaces), an optional `+` or `-`, then
// digits with at most one `.`, and at least one digit in total.
// Decisions: `.5` and `5.` are accepted (JavaScript-style, as iam-simulate
// parses); exponents (`1e1`), hex (`0x10`), `NaN`, `Infinity`, digit
// separators and inner whitespace are rejected.
std::optional<Decimal> ParseDecimal(std::string_view text);

// Returns <0, 0 or >0 as a is less than, equal to or greater than b.
// Exact; linear in the number of digits.
int CompareDecimal(const Decimal& a, const Decimal& b);

// The canonical text: `0`, `-3.5`, `0.25`, `10`.
std::string DecimalToString(const Decimal& value);

// ------------------------------------------------------------------- Date

// A point in time: seconds since 1970-01-01T00:00:00Z plus nanoseconds.
// INVARIANT: 0 <= nanos < 1,000,000,000 (negative times have negative
// seconds and non-negative nanos, so comparison is lexicographic).
struct Instant {
  int64_t seconds = 0;
  int32_t nanos = 0;

  friend bool operator==(const Instant&, const Instant&) = default;
};

// Parses a Date condition value (spec §3.5). Accepted forms:
//   YYYY-MM-DD                          midnight UTC
//   YYYY-MM-DDThh:mm[TZD]
//   YYYY-MM-DDThh:mm:ss[TZD]
//   YYYY-MM-DDThh:mm:ss.fraction[TZD]   any number (>= 1) of fraction digits;
//                                       digits past nanoseconds are truncated
//   TZD = `Z` or `+hh:mm` / `-hh:mm` (hh <= 23, mm <= 59); a missing TZD
//   means UTC (iamlint decision: never the local zone)
//   digits, or `-` digits               epoch SECONDS (iamlint decision, and
//                                       not iam-simulate's milliseconds); so a
//                                       bare `2030` is 2030 seconds after the
//                                       epoch, not a year
// Rejected: invalid calendar dates (month 13, Feb 29 outside leap years,
// Feb 30), hour > 23, minute or second > 59 (no leap seconds), 24:00,
// lowercase `t`/`z`, a space instead of `T`, year-month `YYYY-MM`
// (UNCONFIRMED in AWS; rejected), years outside 0000-9999, surrounding
// whitespace, and epoch values outside the int64 range.
std::optional<Instant> ParseDate(std::string_view text);

// Returns <0, 0 or >0 as a is earlier than, equal to or later than b.
int CompareInstant(const Instant& a, const Instant& b);

// ------------------------------------------------------------------- Bool

// `true` or `false` in any letter case (iam-simulate behaviour; the linter
// warns on non-lowercase spellings). Nothing else: no `1`, `yes`, or
// surrounding whitespace.
std::optional<bool> ParseBool(std::string_view text);

// --------------------------------------------------------------------- IP

// One request address (aws:SourceIp and similar). An IPv4 address uses
// bytes[0..3] and leaves the rest zero; an IPv6 address uses all 16 bytes in
// network order. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) stays IPv6: the two
// families are never unified (spec §3.5).
struct IpAddressValue {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};

  friend bool operator==(const IpAddressValue&, const IpAddressValue&) = default;
};

// A policy CIDR block. Same byte layout as IpAddressValue.
// INVARIANT: 0 <= prefix <= 32 (IPv4) or 128 (IPv6), and every bit past the
// prefix is zero (ParseCidr masks host bits, so `203.0.113.5/24` and
// `203.0.113.0/24` are equal networks).
struct IpNetwork {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};
  int prefix = 0;

  friend bool operator==(const IpNetwork&, const IpNetwork&) = default;
};

// Parses a bare address (no prefix).
//   IPv4: exactly four decimal octets 0-255. Decision: an octet with a
//     leading zero (`010`) is rejected, because some parsers read it as octal
//     and the value would be ambiguous.
//   IPv6: eight groups of 1-4 hex digits (either case), with at most one `::`
//     standing for one or more zero groups, and optionally an embedded IPv4
//     address as the last 32 bits (`::ffff:1.2.3.4`, `64:ff9b::192.0.2.1`).
//     Zone indices (`fe80::1%eth0`) and brackets are rejected.
// No surrounding whitespace.
std::optional<IpAddressValue> ParseIp(std::string_view text);

// Parses `address[/prefix]`. A bare address is a single-host network (/32 or
// /128; the IPv6 default is UNCONFIRMED in AWS). The prefix is 1-3 decimal
// digits without a sign or a leading zero, at most 32 for IPv4 and 128 for
// IPv6. Host bits past the prefix are cleared, never an error.
std::optional<IpNetwork> ParseCidr(std::string_view text);

// True iff `address` lies inside `network`. An IPv4 address never lies in an
// IPv6 network and vice versa. `0.0.0.0/0` contains every IPv4 address and
// `::/0` every IPv6 address.
bool Contains(const IpNetwork& network, const IpAddressValue& address);

// ----------------------------------------------------------------- Binary

// Decodes standard base64 (RFC 4648 §4 alphabet: A-Z a-z 0-9 + /). Decisions:
//   - padding is optional, but when present it must be correct (one or two
//     `=` only at the end, total length a multiple of 4);
//   - a final group of a single character is invalid (it cannot encode a
//     byte);
//   - unused low bits in the last character are ignored (lenient, like most
//     decoders), so `QR==` decodes like `QQ==`;
//   - whitespace, line breaks and the URL-safe alphabet (`-`, `_`) are
//     rejected;
//   - the empty string decodes to the empty byte string.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_MATCH_TYPED_VALUE_H_
