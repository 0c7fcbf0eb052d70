#include "engine/match/typed_value.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace iamlint {
namespace {

// ---------------------------------------------------------------- Numeric

TEST_CASE("ParseDecimal accepts decimal numbers and normalizes them", "[match]") {
  struct Row {
    std::string text;
    std::string canonical;
  };
  const std::vector<Row> rows = {
      {"0", "0"},          {"10", "10"},        {"10.0", "10"},      {"010", "10"},
      {"-0", "0"},         {"+0", "0"},         {"-0.000", "0"},     {"-3.5", "-3.5"},
      {"+3.50", "3.5"},    {".5", "0.5"},       {"5.", "5"},         {"-.5", "-0.5"},
      {"000.000", "0"},    {"0.25", "0.25"},    {" 42 ", "42"},      {"\t7\n", "7"},
      {"123456789012345678901234567890", "123456789012345678901234567890"},
      {"0.000000000000000000001", "0.000000000000000000001"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const std::optional<Decimal> value = ParseDecimal(row.text);
    REQUIRE(value.has_value());
    CHECK(DecimalToString(*value) == row.canonical);
  }
}

TEST_CASE("ParseDecimal rejects everything that is not a plain decimal", "[match]") {
  const std::vector<std::string> rows = {
      "",     " ",    ".",     "+",      "-",     "+-1",  "--1",  "1e1",   "1E1",
      "0x10", "NaN",  "nan",   "Infinity", "inf", "1.2.3", "1 000", "1,000", "1_000",
      "abc",  "12a",  "a12",   "1..2",   "- 1",   "١",    "\xEF\xBC\x91",  // full-width 1
  };
  for (const std::string& text : rows) {
    CAPTURE(text);
    CHECK_FALSE(ParseDecimal(text).has_value());
  }
}

TEST_CASE("CompareDecimal is exact", "[match]") {
  struct Row {
    std::string a;
    std::string b;
    int sign;
  };
  const std::vector<Row> rows = {
      {"10", "10.0", 0},       {"10", "010", 0},        {"-0", "0", 0},
      {"1", "2", -1},          {"2", "1", 1},           {"-1", "1", -1},
      {"-2", "-1", -1},        {"9", "10", -1},         {"0.5", "0.51", -1},
      {"0.6", "0.51", 1},      {"-0.5", "-0.51", 1},    {"1.5", "1.49999", 1},
      {"0.1", "0.10000", 0},   {"100", "99.999", 1},    {"-100", "-99.999", -1},
      {"0", "0.000001", -1},   {"0", "-0.000001", 1},
      {"12345678901234567890", "12345678901234567891", -1},
      // Differences far beyond double precision.
      {"0.30000000000000000001", "0.3", 1},
      {"9007199254740993", "9007199254740992", 1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.a, row.b);
    const std::optional<Decimal> a = ParseDecimal(row.a);
    const std::optional<Decimal> b = ParseDecimal(row.b);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    const int forward = CompareDecimal(*a, *b);
    const int backward = CompareDecimal(*b, *a);
    CHECK((forward > 0) - (forward < 0) == row.sign);
    CHECK((backward > 0) - (backward < 0) == -row.sign);
    CHECK((*a == *b) == (row.sign == 0));
  }
}

TEST_CASE("CompareDecimal handles 10,000-digit numbers", "[match]") {
  const std::string big(10000, '9');
  const std::optional<Decimal> a = ParseDecimal(big);
  const std::optional<Decimal> b = ParseDecimal("1" + std::string(10000, '0'));
  const std::optional<Decimal> c = ParseDecimal("0." + big);
  const std::optional<Decimal> d = ParseDecimal("-" + big + "." + big);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  REQUIRE(c.has_value());
  REQUIRE(d.has_value());
  CHECK(CompareDecimal(*a, *b) < 0);
  CHECK(CompareDecimal(*c, *ParseDecimal("1")) < 0);
  CHECK(CompareDecimal(*d, *ParseDecimal("-" + big)) < 0);
  CHECK(a->integer.size() == 10000);
}

// ------------------------------------------------------------------- Date

TEST_CASE("ParseDate accepts the W3C profile and epoch seconds", "[match]") {
  struct Row {
    std::string text;
    int64_t seconds;
    int32_t nanos;
  };
  const std::vector<Row> rows = {
      {"1970-01-01", 0, 0},
      {"1970-01-01T00:00Z", 0, 0},
      {"1970-01-01T00:00:00Z", 0, 0},
      {"1970-01-01T00:00:00", 0, 0},  // no zone: UTC
      {"1970-01-01T00:00", 0, 0},
      {"2020-01-01T00:00:00Z", 1577836800, 0},
      {"2019-12-31T23:59:59Z", 1577836799, 0},
      {"2024-02-29T12:00:00Z", 1709208000, 0},
      {"2000-02-29", 951782400, 0},
      {"2030-01-01T00:00:00Z", 1893456000, 0},
      {"2020-01-01T01:00:00+01:00", 1577836800, 0},
      {"2019-12-31T19:00:00-05:00", 1577836800, 0},
      {"2020-01-01T00:00+00:00", 1577836800, 0},
      {"2020-01-01T05:45+05:45", 1577836800, 0},
      {"2020-01-01T00:00:00.5Z", 1577836800, 500000000},
      {"2020-01-01T00:00:00.123456789Z", 1577836800, 123456789},
      {"2020-01-01T00:00:00.1234567891234Z", 1577836800, 123456789},  // truncated
      {"2020-01-01T00:00:00.000Z", 1577836800, 0},
      {"1969-12-31T23:59:59Z", -1, 0},
      {"1969-12-31T23:59:59.25Z", -1, 250000000},
      {"0000-01-01", -62167219200, 0},
      {"9999-12-31T23:59:59Z", 253402300799, 0},
      {"1900-03-01", -2203891200, 0},
      // all digits: epoch seconds
      {"0", 0, 0},
      {"1893456000", 1893456000, 0},
      {"2030", 2030, 0},
      {"-86400", -86400, 0},
      {"9223372036854775807", 9223372036854775807, 0},
      {"00042", 42, 0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const std::optional<Instant> instant = ParseDate(row.text);
    REQUIRE(instant.has_value());
    CHECK(instant->seconds == row.seconds);
    CHECK(instant->nanos == row.nanos);
  }
}

TEST_CASE("ParseDate rejects invalid dates and other forms", "[match]") {
  const std::vector<std::string> rows = {
      "",
      "-",
      "2020",  // not rejected as a year: see below
      "2020-13-01",
      "2020-00-10",
      "2020-01-00",
      "2020-01-32",
      "2021-02-29",
      "1900-02-29",
      "2020-02-30",
      "2020-04-31",
      "2020-01-01T25:00Z",
      "2020-01-01T24:00Z",
      "2020-01-01T23:60Z",
      "2020-01-01T23:59:60Z",
      "2020-01-01T1:00Z",
      "2020-1-01",
      "20-01-01",
      "2020-01",
      "2020-01-01T",
      "2020-01-01T10",
      "2020-01-01T10:00:",
      "2020-01-01T10:00:00.",
      "2020-01-01T10:00:00.Z",
      "2020-01-01t10:00:00Z",
      "2020-01-01T10:00:00z",
      "2020-01-01 10:00:00Z",
      "2020-01-01T10:00:00+0100",
      "2020-01-01T10:00:00+01",
      "2020-01-01T10:00:00+24:00",
      "2020-01-01T10:00:00+01:60",
      "2020-01-01T10:00:00ZZ",
      "2020-01-01Z",
      " 2020-01-01",
      "2020-01-01 ",
      "+2020-01-01",
      "12020-01-01",
      "9223372036854775808",
      "-9223372036854775809",
      "1e9",
      "1.5",
      "Wed, 01 Jan 2020 00:00:00 GMT",
  };
  for (const std::string& text : rows) {
    CAPTURE(text);
    if (text == "2020") {
      // An all-digit value is epoch seconds, never a year (iamlint decision).
      REQUIRE(ParseDate(text).has_value());
      CHECK(ParseDate(text)->seconds == 2020);
      continue;
    }
    CHECK_FALSE(ParseDate(text).has_value());
  }
}

TEST_CASE("CompareInstant orders by seconds then nanos", "[match]") {
  struct Row {
    std::string a;
    std::string b;
    int sign;
  };
  const std::vector<Row> rows = {
      {"2020-01-01", "2020-01-01T00:00:00Z", 0},
      {"2020-01-01T00:00:00Z", "1577836800", 0},
      {"2020-01-01T00:00:00.1Z", "2020-01-01T00:00:00Z", 1},
      {"2020-01-01T00:00:00.1Z", "2020-01-01T00:00:00.100Z", 0},
      {"2020-01-01T00:00:00.09Z", "2020-01-01T00:00:00.1Z", -1},
      {"1969-12-31T23:59:59.9Z", "1970-01-01", -1},
      {"2020-06-01T12:00:00+02:00", "2020-06-01T10:00:00Z", 0},
      {"2030", "2020-01-01", -1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.a, row.b);
    const std::optional<Instant> a = ParseDate(row.a);
    const std::optional<Instant> b = ParseDate(row.b);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    CHECK(CompareInstant(*a, *b) == row.sign);
    CHECK(CompareInstant(*b, *a) == -row.sign);
  }
}

TEST_CASE("ParseDate agrees with a day count over every day of 1968-2032", "[match]") {
  // Walk the calendar day by day and check each date is exactly one day
  // after the previous one, across leap years and century rules.
  int64_t expected = -(366 + 365) * 86400;  // 1968-01-01; 1968 is a leap year
  for (int year = 1968; year <= 2032; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31; ++day) {
        char text[48];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
        const std::optional<Instant> instant = ParseDate(text);
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const int month_days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (day > month_days[month - 1]) {
          CAPTURE(text);
          CHECK_FALSE(instant.has_value());
          continue;
        }
        if (!instant || instant->seconds != expected) {
          CAPTURE(text, expected);
          FAIL("wrong day count");
        }
        expected += 86400;
      }
    }
  }
}

// ------------------------------------------------------------------- Bool

TEST_CASE("ParseBool accepts true and false in any case only", "[match]") {
  struct Row {
    std::string text;
    std::optional<bool> value;
  };
  const std::vector<Row> rows = {
      {"true", true},    {"false", false}, {"True", true},   {"FALSE", false},
      {"tRuE", true},    {"", std::nullopt}, {"yes", std::nullopt}, {"1", std::nullopt},
      {"0", std::nullopt}, {" true", std::nullopt}, {"true ", std::nullopt},
      {"truee", std::nullopt}, {"t", std::nullopt}, {"no", std::nullopt},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(ParseBool(row.text) == row.value);
  }
}

// --------------------------------------------------------------------- IP

std::string Hex(const std::array<uint8_t, 16>& bytes, size_t count) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xf];
  }
  return out;
}

TEST_CASE("ParseIp accepts IPv4 and IPv6 addresses", "[match]") {
  struct Row {
    std::string text;
    bool v6;
    std::string hex;
  };
  const std::vector<Row> rows = {
      {"0.0.0.0", false, "00000000"},
      {"203.0.113.5", false, "cb007105"},
      {"255.255.255.255", false, "ffffffff"},
      {"10.0.0.1", false, "0a000001"},
      {"::", true, "00000000000000000000000000000000"},
      {"::1", true, "00000000000000000000000000000001"},
      {"1::", true, "00010000000000000000000000000000"},
      {"2001:db8::8a2e:370:7334", true, "20010db80000000000008a2e03707334"},
      {"2001:DB8:0:0:0:0:0:1", true, "20010db8000000000000000000000001"},
      {"2001:0db8:0000:0000:0000:0000:0000:0001", true, "20010db8000000000000000000000001"},
      {"1:2:3:4:5:6:7::", true, "00010002000300040005000600070000"},
      {"::2:3:4:5:6:7:8", true, "00000002000300040005000600070008"},
      {"1:2:3:4:5:6::8", true, "00010002000300040005000600000008"},
      {"::ffff:1.2.3.4", true, "00000000000000000000ffff01020304"},
      {"64:ff9b::192.0.2.1", true, "0064ff9b0000000000000000c0000201"},
      {"1:2:3:4:5:6:1.2.3.4", true, "00010002000300040005000601020304"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const std::optional<IpAddressValue> address = ParseIp(row.text);
    REQUIRE(address.has_value());
    CHECK(address->v6 == row.v6);
    CHECK(Hex(address->bytes, row.v6 ? 16 : 4) == row.hex);
    if (!row.v6) CHECK(Hex(address->bytes, 16).substr(8) == std::string(24, '0'));
  }
}

TEST_CASE("ParseIp rejects malformed addresses", "[match]") {
  const std::vector<std::string> rows = {
      "",
      "1.2.3",
      "1.2.3.4.5",
      "256.0.0.1",
      "1.2.3.-1",
      "1..2.3",
      "1.2.3.4.",
      ".1.2.3",
      "01.2.3.4",  // leading zero (octal ambiguity)
      "1.2.3.004",
      "1.2.3.4/32",  // a CIDR is not an address
      " 1.2.3.4",
      "1.2.3.4 ",
      "a.b.c.d",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8::",
      "::1:2:3:4:5:6:7:8",
      "1::2::3",
      ":::",
      ":1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:",
      "12345::",
      "g::1",
      "fe80::1%eth0",
      "[::1]",
      "::ffff:1.2.3",
      "::ffff:256.1.1.1",
      "1.2.3.4::",
      "::1.2.3.4:5",
      "1:2:3:4:5:6:7:1.2.3.4",
  };
  for (const std::string& text : rows) {
    CAPTURE(text);
    CHECK_FALSE(ParseIp(text).has_value());
  }
}

TEST_CASE("ParseCidr parses prefixes and clears host bits", "[match]") {
  struct Row {
    std::string text;
    bool v6;
    int prefix;
    std::string hex;
  };
  const std::vector<Row> rows = {
      {"203.0.113.0/24", false, 24, "cb007100"},
      {"203.0.113.5/24", false, 24, "cb007100"},
      {"203.0.113.5", false, 32, "cb007105"},
      {"203.0.113.5/32", false, 32, "cb007105"},
      {"0.0.0.0/0", false, 0, "00000000"},
      {"255.255.255.255/0", false, 0, "00000000"},
      {"10.1.2.3/9", false, 9, "0a000000"},
      {"10.255.2.3/9", false, 9, "0a800000"},
      {"2001:db8::/32", true, 32, "20010db8000000000000000000000000"},
      {"2001:db8::1", true, 128, "20010db8000000000000000000000001"},
      {"2001:db8:ffff::1/33", true, 33, "20010db8800000000000000000000000"},
      {"::/0", true, 0, "00000000000000000000000000000000"},
      {"::1/128", true, 128, "00000000000000000000000000000001"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const std::optional<IpNetwork> network = ParseCidr(row.text);
    REQUIRE(network.has_value());
    CHECK(network->v6 == row.v6);
    CHECK(network->prefix == row.prefix);
    CHECK(Hex(network->bytes, 16).substr(0, row.hex.size()) == row.hex);
  }
  CHECK(*ParseCidr("203.0.113.5/24") == *ParseCidr("203.0.113.0/24"));

  const std::vector<std::string> invalid = {
      "",           "203.0.113.0/33", "203.0.113.0/",  "203.0.113.0/-1", "203.0.113.0/+8",
      "/24",        "203.0.113.0/08", "::/129",        "::/1000",        "1.2.3.4/24/1",
      "1.2.3.4/ 8", "1.2.3.4/a",      "300.0.0.0/8",  "::/0128",
  };
  for (const std::string& text : invalid) {
    CAPTURE(text);
    CHECK_FALSE(ParseCidr(text).has_value());
  }
}

TEST_CASE("Contains checks the prefix and never mixes families", "[match]") {
  struct Row {
    std::string network;
    std::string address;
    bool inside;
  };
  const std::vector<Row> rows = {
      {"203.0.113.0/24", "203.0.113.0", true},
      {"203.0.113.0/24", "203.0.113.255", true},
      {"203.0.113.0/24", "203.0.114.0", false},
      {"203.0.113.0/24", "203.0.112.255", false},
      {"203.0.113.5/24", "203.0.113.77", true},  // host bits ignored
      {"203.0.113.5", "203.0.113.5", true},
      {"203.0.113.5", "203.0.113.6", false},
      {"0.0.0.0/0", "1.2.3.4", true},  // every IPv4 (iam-simulate gets this wrong)
      {"0.0.0.0/0", "255.255.255.255", true},
      {"0.0.0.0/0", "::1", false},
      {"10.0.0.0/9", "10.127.255.255", true},
      {"10.0.0.0/9", "10.128.0.0", false},
      {"10.0.0.0/31", "10.0.0.1", true},
      {"10.0.0.0/31", "10.0.0.2", false},
      {"::/0", "2001:db8::1", true},
      {"::/0", "1.2.3.4", false},
      {"2001:db8::/32", "2001:db8:ffff::1", true},
      {"2001:db8::/32", "2001:db9::1", false},
      {"2001:db8::/33", "2001:db8:7fff::1", true},
      {"2001:db8::/33", "2001:db8:8000::1", false},
      {"2001:db8::1", "2001:db8::1", true},
      {"2001:db8::1", "2001:db8::2", false},
      // IPv4-mapped addresses are not unified with IPv4 (spec 3.5)
      {"1.2.3.0/24", "::ffff:1.2.3.4", false},
      {"::ffff:1.2.3.0/120", "1.2.3.4", false},
      {"::ffff:1.2.3.0/120", "::ffff:1.2.3.4", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.network, row.address);
    const std::optional<IpNetwork> network = ParseCidr(row.network);
    const std::optional<IpAddressValue> address = ParseIp(row.address);
    REQUIRE(network.has_value());
    REQUIRE(address.has_value());
    CHECK(Contains(*network, *address) == row.inside);
  }
}

// ----------------------------------------------------------------- Binary

TEST_CASE("DecodeBase64 decodes standard base64 with optional padding", "[match]") {
  struct Row {
    std::string text;
    std::string bytes;
  };
  const std::vector<Row> rows = {
      {"", ""},
      {"Zg==", "f"},
      {"Zg", "f"},
      {"Zm8=", "fo"},
      {"Zm8", "fo"},
      {"Zm9v", "foo"},
      {"Zm9vYg==", "foob"},
      {"Zm9vYmE=", "fooba"},
      {"Zm9vYmFy", "foobar"},
      {"Zm9vYmFy", "foobar"},
      {"AAEC/f7/", std::string("\x00\x01\x02\xfd\xfe\xff", 6)},
      {"+/+/", "\xfb\xff\xbf"},
      {"QR==", "A"},  // unused low bits ignored
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const std::optional<std::string> bytes = DecodeBase64(row.text);
    REQUIRE(bytes.has_value());
    CHECK(*bytes == row.bytes);
  }
  const std::vector<std::string> invalid = {
      "Z",     "Z===",  "Zg=",      "Zg===", "Zm9vY",  "=",      "==",   "====",
      "Zg==Zg==", "Z=g=", "Zm 9v", "Zm9v\n", "Zm-_",  "Zm9v!",  "Zg=a",
  };
  for (const std::string& text : invalid) {
    CAPTURE(text);
    CHECK_FALSE(DecodeBase64(text).has_value());
  }
}

}  // namespace
}  // namespace iamlint
