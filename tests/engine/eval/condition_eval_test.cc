// Condition evaluation (semantics §3, §4), end to end: each condition sits
// in an identity policy `Allow * on *`, so the request is allowed exactly
// when the Condition block holds.
//
// Part 1 is the full matrix operator × qualifier (none / ForAllValues /
// ForAnyValue) × IfExists × request value shape (absent, single hit, single
// miss, lists) for all 26 non-Null operators, against Expected(), written
// from the tables of §3.3 and §3.4. The rest are named tables for Null,
// OR/NOR/AND, key case, typed values, invalid values, degenerate shapes and
// policy variables.
#include "engine/eval/condition_eval.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/engine/eval/eval_harness.h"

namespace iamlint {
namespace {

using evaltest::CaseSpec;
using evaltest::JsonString;
using evaltest::Outcome;
using evaltest::Policy;
using evaltest::Run;
using testing::Q;

// The Condition block as JSON text: {"<op>":{"<key>":[values...]}}.
std::string Cond(std::string_view op, std::string_view key, const std::vector<std::string>& values) {
  std::string list = "[";
  for (size_t i = 0; i < values.size(); ++i) list += (i ? "," : "") + JsonString(values[i]);
  list += "]";
  return "{" + JsonString(op) + ":{" + JsonString(key) + ":" + list + "}}";
}

// Runs `Allow * on *` with `condition` against `context` (JSON object text)
// and reports whether the condition held. When it did not, the trace must
// name the condition as the reason.
bool Holds(const std::string& condition, const std::string& context,
           std::string_view version = "2012-10-17") {
  CaseSpec c;
  c.identity = {Policy({"{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":" +
                        condition + "}"},
                       version)};
  c.context = context;
  Outcome out = Run(c);
  if (out.decision == "Allow") return true;
  CHECK(out.decision == "ImplicitDeny");
  REQUIRE(out.trace.size() == 1);
  CHECK(out.trace[0].rfind("identity[0]/0 condition: ", 0) == 0);
  return false;
}

// ---------------------------------------------------------------------------
// Part 1: the matrix.

// One operator pair: a positive base operator, its negated form (or none),
// policy values, and two request values for which the POSITIVE comparison
// m(r, P) is known from the spec's definition of the operator (§3.2 table
// "Semantics of the comparison"): `hit` matches some policy value, `miss`
// matches none. The second policy value is the one `hit` matches where
// there are two, so OR over values is exercised too.
struct Family {
  const char* positive;
  const char* negated;  // nullptr when the family has no negated operator
  std::vector<std::string> policy;
  std::string hit, miss;
};

const std::vector<Family>& Families() {
  static const std::vector<Family> kFamilies = {
      // String: exact code units; the miss differs only in case.
      {"StringEquals", "StringNotEquals", {"a", "b"}, "b", "B"},
      {"StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", {"x", "Abc"}, "aBC", "abd"},
      {"StringLike", "StringNotLike", {"a*z", "x?"}, "xy", "xyz"},
      // Numeric: decimal value comparison, "20.0" == "20".
      {"NumericEquals", "NumericNotEquals", {"10", "20"}, "20.0", "11"},
      {"NumericLessThan", nullptr, {"10"}, "-3.5", "10"},
      {"NumericLessThanEquals", nullptr, {"10"}, "10", "10.01"},
      {"NumericGreaterThan", nullptr, {"10"}, "10.5", "10"},
      {"NumericGreaterThanEquals", nullptr, {"10"}, "10", "9"},
      // Date: ISO 8601 and epoch seconds (§3.5) are the same instants.
      {"DateEquals", "DateNotEquals", {"2021-06-01", "2020-01-01T00:00:00Z"}, "1577836800",
       "2020-01-01T00:00:01Z"},
      {"DateLessThan", nullptr, {"2020-01-01T00:00:00Z"}, "2019-12-31T23:59:59Z",
       "2020-01-01T00:00:00Z"},
      {"DateLessThanEquals", nullptr, {"2020-01-01T00:00:00Z"}, "2020-01-01T01:00:00+01:00",
       "2020-01-01T00:00:01Z"},
      {"DateGreaterThan", nullptr, {"2020-01-01T00:00:00Z"}, "1577836801", "2020-01-01"},
      {"DateGreaterThanEquals", nullptr, {"1577836800"}, "2020-01-01", "1577836799"},
      // Bool, Binary (base64 text of "Binary" vs "Binarz").
      {"Bool", nullptr, {"true"}, "true", "false"},
      {"BinaryEquals", nullptr, {"QmluYXJ5"}, "QmluYXJ5", "QmluYXJ6"},
      // IP: the IPv6 hit lies in the second range; the miss is IPv4.
      {"IpAddress", "NotIpAddress", {"203.0.113.0/24", "2001:db8::/32"}, "2001:db8::1",
       "198.51.100.1"},
      // ARN: field-wise glob.
      {"ArnLike", "ArnNotLike", {"arn:aws:iam::111122223333:role/*"},
       "arn:aws:iam::111122223333:role/r", "arn:aws:iam::444455556666:role/r"},
      {"ArnEquals", "ArnNotEquals", {"arn:aws:iam::111122223333:role/*"},
       "arn:aws:iam::111122223333:role/r", "arn:aws:iam::444455556666:role/r"},
  };
  return kFamilies;
}

enum class Qual { kNone, kForAllValues, kForAnyValue };

// The request side: absent, a scalar (single-valued key), or a JSON list
// (multivalued key, cases.md) of hits and misses.
struct Shape {
  const char* name;
  bool present;
  bool list;
  std::vector<bool> hits;  // per request value: does m(r, P) hold?
};

const std::vector<Shape>& Shapes() {
  static const std::vector<Shape> kShapes = {
      {"absent", false, false, {}},
      {"single hit", true, false, {true}},
      {"single miss", true, false, {false}},
      {"empty list", true, true, {}},
      {"list [hit]", true, true, {true}},
      {"list [miss]", true, true, {false}},
      {"list [hit, miss]", true, true, {true, false}},
      {"list [miss, miss]", true, true, {false, false}},
  };
  return kShapes;
}

// §3.3 (missing keys) and §3.4 (set qualifiers), written as the tables read.
bool Expected(bool negated, Qual qual, bool if_exists, const Shape& shape) {
  if (!shape.present) {
    switch (qual) {
      case Qual::kNone:
        // §3.3: positive → false, negated → true, any …IfExists → true.
        return if_exists || negated;
      case Qual::kForAllValues:
        return true;  // §3.4: R = ∅ ⇒ true (also with IfExists)
      case Qual::kForAnyValue:
        // §3.4: R = ∅ ⇒ false; ForAnyValue:…IfExists on an absent key is
        // UNCONFIRMED, iamlint follows iam-simulate (false).
        return false;
    }
  }
  // "some r satisfies": positive m(r,P); negated: r matches no p (NOR, §3.1).
  auto satisfies = [&](bool m) { return negated ? !m : m; };
  switch (qual) {
    case Qual::kNone:
      // §3.4: a multivalued key (a list) with a bare operator never matches
      // (iamlint decision, positive and negated alike).
      if (shape.list) return false;
      return satisfies(shape.hits[0]);
    case Qual::kForAllValues: {
      // §3.4: every r ∈ R satisfies (vacuously true for R = ∅).
      for (bool m : shape.hits) {
        if (!satisfies(m)) return false;
      }
      return true;
    }
    case Qual::kForAnyValue: {
      // §3.4: some r ∈ R satisfies (false for R = ∅).
      for (bool m : shape.hits) {
        if (satisfies(m)) return true;
      }
      return false;
    }
  }
  return false;
}

std::string ContextFor(const Family& f, const Shape& shape, std::string_view key) {
  if (!shape.present) return "{}";
  std::vector<std::string> values;
  for (bool m : shape.hits) values.push_back(m ? f.hit : f.miss);
  // The second "miss" of [miss, miss] is a different non-matching value
  // where one is easy to name; equality of the two is harmless otherwise.
  std::string v;
  if (shape.list) {
    v = "[";
    for (size_t i = 0; i < values.size(); ++i) v += (i ? "," : "") + JsonString(values[i]);
    v += "]";
  } else {
    v = JsonString(values[0]);
  }
  return "{" + JsonString(key) + ":" + v + "}";
}

TEST_CASE("condition matrix: operator x qualifier x IfExists x key shape (§3.3, §3.4)",
          "[eval]") {
  const std::string key = "ex:Key";  // a single-valued key unknown to the global tables
  size_t rows = 0;
  for (const Family& f : Families()) {
    for (int neg = 0; neg < 2; ++neg) {
      const char* base = neg ? f.negated : f.positive;
      if (base == nullptr) continue;
      for (Qual qual : {Qual::kNone, Qual::kForAllValues, Qual::kForAnyValue}) {
        for (bool if_exists : {false, true}) {
          std::string op = std::string(qual == Qual::kForAllValues  ? "ForAllValues:"
                                       : qual == Qual::kForAnyValue ? "ForAnyValue:"
                                                                    : "") +
                           base + (if_exists ? "IfExists" : "");
          for (const Shape& shape : Shapes()) {
            CAPTURE(op, shape.name);
            bool want = Expected(neg == 1, qual, if_exists, shape);
            CHECK(Holds(Cond(op, key, f.policy), ContextFor(f, shape, key)) == want);
            ++rows;
          }
        }
      }
    }
  }
  // 18 positive + 8 negated operators, 3 qualifiers, 2 IfExists, 8 shapes.
  CHECK(rows == 26 * 3 * 2 * 8);
}

TEST_CASE("the spec's own set-qualifier checks (§3.4)", "[eval]") {
  struct Row {
    const char* op;
    std::vector<std::string> policy;
    const char* context;  // JSON for ex:k, or "" for absent
    bool want;
  };
  const std::vector<Row> rows = {
      {"ForAllValues:StringEquals", {"a", "b"}, "['a']", true},
      {"ForAllValues:StringEquals", {"a", "b"}, "['a','c']", false},
      {"ForAllValues:StringEquals", {"a", "b"}, "", true},
      {"ForAnyValue:StringEquals", {"a", "b"}, "['c','a']", true},
      {"ForAnyValue:StringEquals", {"a", "b"}, "", false},
      {"ForAllValues:StringNotEquals", {"a"}, "['a','b']", false},
      {"ForAllValues:StringNotEquals", {"a"}, "['b','c']", true},
      {"ForAnyValue:StringNotEquals", {"a"}, "['a','b']", true},
      {"ForAnyValue:StringNotEquals", {"a"}, "['a']", false},
      {"ForAnyValue:StringNotEquals", {"a"}, "", false},
      // A set qualifier on a single-valued key: its value is a one-element set.
      {"ForAllValues:StringEquals", {"a"}, "'a'", true},
      {"ForAnyValue:StringEquals", {"a"}, "'b'", false},
      // A bare operator on a multivalued key never matches (iamlint decision).
      {"StringEquals", {"a"}, "['a']", false},
      {"StringNotEquals", {"b"}, "['a']", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.op, row.context);
    std::string ctx = *row.context ? Q(std::string("{'ex:k':") + row.context + "}") : "{}";
    CHECK(Holds(Cond(row.op, "ex:k", row.policy), ctx) == row.want);
  }
}

TEST_CASE("multivalued global keys need a qualifier even when given as a scalar (§3.4, §6)",
          "[eval]") {
  // aws:TagKeys is ArrayOfString: a bare operator never matches, whatever
  // shape the context gives.
  CHECK_FALSE(Holds(Cond("StringEquals", "aws:TagKeys", {"env"}), Q("{'aws:TagKeys':'env'}")));
  CHECK_FALSE(Holds(Cond("StringNotEquals", "aws:TagKeys", {"x"}), Q("{'aws:TagKeys':'env'}")));
  CHECK(Holds(Cond("ForAnyValue:StringEquals", "aws:TagKeys", {"env"}), Q("{'aws:TagKeys':'env'}")));
  CHECK(Holds(Cond("ForAllValues:StringEquals", "AWS:tagkeys", {"env", "team"}),
              Q("{'aws:TagKeys':['team','env']}")));
}

// ---------------------------------------------------------------------------
// Null (§3.3, §3.4).

TEST_CASE("Null checks presence only", "[eval]") {
  struct Row {
    const char* op;
    const char* value;
    const char* context;
    bool want;
  };
  const std::vector<Row> rows = {
      {"Null", "true", "{}", true},
      {"Null", "true", "{'ex:k':'v'}", false},
      {"Null", "false", "{}", false},
      {"Null", "false", "{'ex:k':'v'}", true},
      // Present but empty counts as present (iamlint decision, §3.3).
      {"Null", "true", "{'ex:k':''}", false},
      {"Null", "false", "{'ex:k':''}", true},
      {"Null", "true", "{'ex:k':[]}", false},
      {"Null", "false", "{'ex:k':[]}", true},
      // A multivalued key is fine for Null.
      {"Null", "false", "{'ex:k':['a','b']}", true},
      // Bool values in any case (iam-simulate behaviour, §1.4).
      {"Null", "True", "{}", true},
      {"Null", "FALSE", "{'ex:k':'v'}", true},
      // Not a boolean: never true.
      {"Null", "yes", "{}", false},
      {"Null", "yes", "{'ex:k':'v'}", false},
      // Access Analyzer: ForAllValues:Null is always true, ForAnyValue:Null
      // always false.
      {"ForAllValues:Null", "true", "{'ex:k':'v'}", true},
      {"ForAllValues:Null", "false", "{}", true},
      {"ForAnyValue:Null", "true", "{}", false},
      {"ForAnyValue:Null", "false", "{'ex:k':'v'}", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.op, row.value, row.context);
    CHECK(Holds(Cond(row.op, "ex:k", {row.value}), Q(row.context)) == row.want);
  }
  // A JSON boolean works like the string (§1.3).
  CHECK(Holds(Q("{'Null':{'ex:k':true}}"), "{}"));
  CHECK_FALSE(Holds(Q("{'Null':{'ex:k':false}}"), "{}"));
  // Several values are OR-ed like any positive operator.
  CHECK(Holds(Cond("Null", "ex:k", {"false", "true"}), "{}"));
}

// ---------------------------------------------------------------------------
// Combination (§3.1).

TEST_CASE("several values OR, negated NOR; keys and operators AND (§3.1)", "[eval]") {
  // Several values: OR for positive operators.
  CHECK(Holds(Cond("StringEquals", "ex:k", {"a", "b"}), Q("{'ex:k':'b'}")));
  CHECK_FALSE(Holds(Cond("StringEquals", "ex:k", {"a", "b"}), Q("{'ex:k':'c'}")));
  // Trap 16: NOR for negated operators.
  CHECK_FALSE(Holds(Cond("StringNotEquals", "ex:k", {"a", "b"}), Q("{'ex:k':'a'}")));
  CHECK_FALSE(Holds(Cond("StringNotEquals", "ex:k", {"a", "b"}), Q("{'ex:k':'b'}")));
  CHECK(Holds(Cond("StringNotEquals", "ex:k", {"a", "b"}), Q("{'ex:k':'c'}")));
  CHECK_FALSE(Holds(Cond("NotIpAddress", "aws:SourceIp", {"10.0.0.0/8", "192.0.2.0/24"}),
                    Q("{'aws:SourceIp':'192.0.2.9'}")));
  CHECK_FALSE(Holds(Cond("ArnNotLike", "aws:SourceArn",
                         {"arn:aws:s3:::x", "arn:aws:s3:::y*"}),
                    Q("{'aws:SourceArn':'arn:aws:s3:::yes'}")));

  // Several keys under one operator: AND.
  const std::string two_keys = Q("{'StringEquals':{'ex:a':'1','ex:b':'2'}}");
  CHECK(Holds(two_keys, Q("{'ex:a':'1','ex:b':'2'}")));
  CHECK_FALSE(Holds(two_keys, Q("{'ex:a':'1','ex:b':'3'}")));
  CHECK_FALSE(Holds(two_keys, Q("{'ex:a':'1'}")));
  // Several operators: AND.
  const std::string two_ops =
      Q("{'StringEquals':{'ex:a':'1'},'NumericLessThan':{'ex:n':'5'},'Bool':{'ex:b':'true'}}");
  CHECK(Holds(two_ops, Q("{'ex:a':'1','ex:n':4,'ex:b':true}")));
  CHECK_FALSE(Holds(two_ops, Q("{'ex:a':'1','ex:n':5,'ex:b':true}")));
  CHECK_FALSE(Holds(two_ops, Q("{'ex:a':'1','ex:n':4,'ex:b':false}")));
  CHECK_FALSE(Holds(two_ops, Q("{'ex:a':'2','ex:n':4,'ex:b':true}")));
}

TEST_CASE("degenerate condition shapes (§3.1)", "[eval]") {
  // `Condition: {}` and an empty operator object impose nothing.
  CHECK(Holds("{}", "{}"));
  CHECK(Holds(Q("{'StringEquals':{}}"), "{}"));
  // An empty value list: positive false, negated true (key present or not).
  CHECK_FALSE(Holds(Q("{'StringEquals':{'ex:k':[]}}"), Q("{'ex:k':'a'}")));
  CHECK_FALSE(Holds(Q("{'StringEquals':{'ex:k':[]}}"), "{}"));
  CHECK(Holds(Q("{'StringNotEquals':{'ex:k':[]}}"), Q("{'ex:k':'a'}")));
  CHECK(Holds(Q("{'StringNotEquals':{'ex:k':[]}}"), "{}"));
  // An unknown operator is never true (iam-simulate behaviour, §9), so a
  // Deny carrying one never applies and an Allow never grants.
  CHECK_FALSE(Holds(Q("{'StringEqual':{'ex:k':'a'}}"), Q("{'ex:k':'a'}")));
  CHECK_FALSE(Holds(Q("{'stringequals':{'ex:k':'a'}}"), Q("{'ex:k':'a'}")));
  CHECK_FALSE(Holds(Q("{'NullIfExists':{'ex:k':'true'}}"), "{}"));
}

// ---------------------------------------------------------------------------
// Keys and case (§1.4, §3.6).

TEST_CASE("condition keys are case-insensitive, values per operator (§3.6, trap 21)",
          "[eval]") {
  // Trap 21: the tag-key suffix is case-insensitive, the value is not.
  const std::string env = Cond("StringEquals", "aws:ResourceTag/Env", {"Prod"});
  CHECK(Holds(env, Q("{'aws:ResourceTag/env':'Prod'}")));
  CHECK(Holds(env, Q("{'AWS:RESOURCETAG/ENV':'Prod'}")));
  CHECK_FALSE(Holds(env, Q("{'aws:ResourceTag/Env':'prod'}")));
  CHECK(Holds(Cond("StringEqualsIgnoreCase", "aws:ResourceTag/Env", {"Prod"}),
              Q("{'aws:ResourceTag/Env':'pROD'}")));
  CHECK(Holds(Cond("IpAddress", "AWS:SourceIP", {"203.0.113.0/24"}),
              Q("{'aws:SourceIp':'203.0.113.9'}")));
  // Both `Dept` and `dept` present: iamlint decision, positive operators OR
  // over both values, negated NOR.
  const std::string both = Q("{'aws:ResourceTag/Dept':'a','aws:ResourceTag/dept':'b'}");
  CHECK(Holds(Cond("StringEquals", "aws:ResourceTag/DEPT", {"b"}), both));
  CHECK_FALSE(Holds(Cond("StringNotEquals", "aws:ResourceTag/DEPT", {"b"}), both));
  CHECK(Holds(Cond("StringNotEquals", "aws:ResourceTag/DEPT", {"c"}), both));
}

// ---------------------------------------------------------------------------
// Typed values (§3.2, §3.5).

struct TypedRow {
  const char* op;
  std::vector<std::string> policy;
  const char* value;  // the request value (a string in the context)
  bool want;
};

void CheckTyped(const std::vector<TypedRow>& rows) {
  for (const TypedRow& row : rows) {
    CAPTURE(row.op, row.policy, row.value);
    CHECK(Holds(Cond(row.op, "ex:k", row.policy),
                "{\"ex:k\":" + JsonString(row.value) + "}") == row.want);
  }
}

TEST_CASE("String operators (§3.2)", "[eval]") {
  CheckTyped({
      // Trap 10: StringEquals does not expand wildcards.
      {"StringEquals", {"a*"}, "abc", false},
      {"StringEquals", {"a*"}, "a*", true},
      {"StringLike", {"a*"}, "abc", true},
      {"StringLike", {"a*"}, "ABC", false},  // case-sensitive
      {"StringLike", {"*"}, "", true},
      {"StringLike", {"a?c"}, "abc", true},
      {"StringLike", {"a?c"}, "ac", false},
      {"StringLike", {"a?c"}, "abbc", false},
      {"StringNotLike", {"a*"}, "b", true},
      {"StringNotLike", {"a*"}, "abc", false},
      // `/` and `:` are ordinary characters for StringLike.
      {"StringLike", {"arn:aws:s3:::b/*"}, "arn:aws:s3:::b/x/y:z", true},
      {"StringEqualsIgnoreCase", {"HELLO"}, "hello", true},
      {"StringNotEqualsIgnoreCase", {"HELLO"}, "hello", false},
      {"StringNotEqualsIgnoreCase", {"HELLO"}, "help", true},
      // Empty strings are values like any other.
      {"StringEquals", {""}, "", true},
      {"StringNotEquals", {""}, "", false},
  });
}

TEST_CASE("StringEqualsIgnoreCase folds beyond ASCII (§3.2 iamlint decision)", "[eval]") {
  // §3.2: "case-folded equality (iamlint decision: Unicode simple case
  // folding)".
  CheckTyped({
      {"StringEqualsIgnoreCase", {"CAFÉ"}, "café", true},
      {"StringEqualsIgnoreCase", {"ÀÉÎÕÜ"}, "àéîõü", true},
      {"StringEqualsIgnoreCase", {"ΣΟΦΙΑ"}, "σοφια", true},
      {"StringEqualsIgnoreCase", {"МОСКВА"}, "москва", true},
      {"StringNotEqualsIgnoreCase", {"CAFÉ"}, "café", false},
      {"StringEqualsIgnoreCase", {"café"}, "cafe", false},
  });
}

TEST_CASE("Numeric operators (§3.2, §3.5)", "[eval]") {
  CheckTyped({
      {"NumericEquals", {"10"}, "10", true},
      {"NumericEquals", {"10"}, "10.0", true},
      {"NumericEquals", {"10"}, "010", true},
      {"NumericEquals", {"-0"}, "0", true},
      {"NumericEquals", {"0.1"}, "0.10", true},
      {"NumericEquals", {"10"}, " 10 ", true},  // surrounding spaces tolerated (iam-simulate)
      {"NumericLessThan", {"100000000000000000000"}, "99999999999999999999", true},
      {"NumericLessThan", {"-1"}, "-2", true},
      {"NumericGreaterThan", {"1.5"}, "1.49999999999999999999", false},
      {"NumericGreaterThanEquals", {"1.5"}, "1.5", true},
      {"NumericLessThanEquals", {"-1.5"}, "-1.4", false},
      {"NumericNotEquals", {"10"}, "10.00", false},
      {"NumericNotEquals", {"10"}, "11", true},
  });
  // A JSON number in the policy and in the context (§1.3, cases.md).
  CHECK(Holds(Q("{'NumericLessThan':{'ex:k':100}}"), Q("{'ex:k':99}")));
  CHECK(Holds(Q("{'NumericEquals':{'aws:MultiFactorAuthAge':'3600'}}"),
              Q("{'aws:MultiFactorAuthAge':3600}")));
}

TEST_CASE("Date operators: ISO 8601 and epoch seconds (§3.2, §3.5)", "[eval]") {
  CheckTyped({
      {"DateEquals", {"2020-01-01"}, "2020-01-01T00:00:00Z", true},
      {"DateEquals", {"2020-01-01T00:00Z"}, "2020-01-01T00:00:00Z", true},
      {"DateEquals", {"2020-01-01T00:00:00.000Z"}, "1577836800", true},
      {"DateEquals", {"2020-01-01T02:00:00+02:00"}, "2020-01-01T00:00:00Z", true},
      {"DateEquals", {"2019-12-31T19:00:00-05:00"}, "2020-01-01T00:00:00Z", true},
      // Timestamps without zone are UTC (iamlint decision).
      {"DateEquals", {"2020-01-01T00:00:00"}, "1577836800", true},
      {"DateLessThan", {"2020-01-01T00:00:00.5Z"}, "2020-01-01T00:00:00Z", true},
      {"DateGreaterThan", {"2020-01-01T00:00:00.5Z"}, "2020-01-01T00:00:00.6Z", true},
      // All-digit values are epoch SECONDS, not milliseconds (§3.5, §9): a
      // date in 2030 is later than 2029.
      {"DateGreaterThan", {"2029-01-01T00:00:00Z"}, "1893456000", true},
      {"DateLessThan", {"1893456000"}, "2029-12-31T23:59:59Z", true},
      // "2030" is epoch second 2030 (1970), not a year (iamlint decision).
      {"DateLessThan", {"1971-01-01"}, "2030", true},
      {"DateNotEquals", {"2020-01-01"}, "2020-01-02", true},
      {"DateNotEquals", {"2020-01-01"}, "1577836800", false},
  });
  // aws:EpochTime is Date and Numeric (§3.5): both families work on it.
  const std::string epoch = Q("{'aws:EpochTime':'1700000000'}");
  CHECK(Holds(Cond("DateGreaterThan", "aws:EpochTime", {"2023-01-01T00:00:00Z"}), epoch));
  CHECK(Holds(Cond("NumericGreaterThan", "aws:EpochTime", {"1600000000"}), epoch));
}

TEST_CASE("Bool and BinaryEquals (§3.2, §3.5)", "[eval]") {
  CheckTyped({
      {"Bool", {"true"}, "true", true},
      {"Bool", {"true"}, "True", true},  // any case (iam-simulate behaviour)
      {"Bool", {"FALSE"}, "false", true},
      {"Bool", {"false"}, "true", false},
      {"Bool", {"true"}, "yes", false},
      {"Bool", {"yes"}, "yes", false},
      {"Bool", {"true"}, "1", false},
      {"BinaryEquals", {"QmluYXJ5"}, "QmluYXJ5", true},
      {"BinaryEquals", {"QmluYXJ5"}, "QmluYXJ5 ", false},
      {"BinaryEquals", {"QmluYXJ5"}, "Binary", false},
  });
  // JSON booleans as policy and context values.
  CHECK(Holds(Q("{'Bool':{'aws:SecureTransport':true}}"), Q("{'aws:SecureTransport':true}")));
  CHECK_FALSE(Holds(Q("{'Bool':{'aws:SecureTransport':true}}"), Q("{'aws:SecureTransport':false}")));
}

TEST_CASE("IpAddress / NotIpAddress, IPv4 and IPv6 (§3.2, §3.5)", "[eval]") {
  CheckTyped({
      {"IpAddress", {"203.0.113.0/24"}, "203.0.113.255", true},
      {"IpAddress", {"203.0.113.0/24"}, "203.0.114.0", false},
      // Host bits beyond the prefix are ignored.
      {"IpAddress", {"203.0.113.5/24"}, "203.0.113.77", true},
      // A bare address is /32 (IPv6: /128).
      {"IpAddress", {"203.0.113.5"}, "203.0.113.5", true},
      {"IpAddress", {"203.0.113.5"}, "203.0.113.6", false},
      {"IpAddress", {"2001:db8::5"}, "2001:db8::5", true},
      {"IpAddress", {"2001:db8::5"}, "2001:db8::6", false},
      {"IpAddress", {"0.0.0.0/0"}, "198.51.100.1", true},  // §9: every IPv4 address
      {"IpAddress", {"::/0"}, "2001:db8::1", true},
      {"IpAddress", {"2001:db8::/32"}, "2001:0db8:ffff::1", true},
      {"IpAddress", {"2001:db8::/32"}, "2001:db9::1", false},
      // Families are never unified.
      {"IpAddress", {"0.0.0.0/0"}, "::ffff:198.51.100.1", false},
      {"IpAddress", {"::/0"}, "198.51.100.1", false},
      {"NotIpAddress", {"203.0.113.0/24"}, "198.51.100.1", true},
      {"NotIpAddress", {"203.0.113.0/24"}, "203.0.113.1", false},
      // An IPv6 caller is outside an IPv4-only range (iam-simulate behaviour).
      {"NotIpAddress", {"203.0.113.0/24"}, "2001:db8::1", true},
  });
}

TEST_CASE("Arn operators compare field by field (§2.7, trap 11)", "[eval]") {
  CheckTyped({
      // Trap 11.
      {"ArnLike", {"arn:aws:svc:*:111122223333:x/*"},
       "arn:aws:svc:us-east-2:999999999999:y:111122223333:x/doc", false},
      {"StringLike", {"arn:aws:svc:*:111122223333:x/*"},
       "arn:aws:svc:us-east-2:999999999999:y:111122223333:x/doc", true},
      {"ArnLike", {"arn:aws:someservice:*:111122223333:finance/*"},
       "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
       false},
      {"StringLike", {"arn:aws:someservice:*:111122223333:finance/*"},
       "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
       true},
      // ArnEquals and ArnLike are the same operator.
      {"ArnEquals", {"arn:aws:s3:::b*"}, "arn:aws:s3:::bucket", true},
      {"ArnEquals", {"arn:aws:iam::?11111111111:role/r"}, "arn:aws:iam::111111111111:role/r",
       true},
      // Case-sensitive in every field.
      {"ArnLike", {"arn:aws:iam::111111111111:role/R"}, "arn:aws:iam::111111111111:role/r",
       false},
      {"ArnLike", {"arn:AWS:iam::111111111111:role/r"}, "arn:aws:iam::111111111111:role/r",
       false},
      // The sixth field spans further colons.
      {"ArnLike", {"arn:aws:logs:us-east-1:1:log-group:g1:*"},
       "arn:aws:logs:us-east-1:1:log-group:g1:log-stream:s1", true},
      // `*` matches every ARN.
      {"ArnLike", {"*"}, "arn:aws:s3:::b", true},
      {"ArnNotLike", {"*"}, "arn:aws:s3:::b", false},
      {"ArnNotEquals", {"arn:aws:s3:::a"}, "arn:aws:s3:::b", true},
      {"ArnNotEquals", {"arn:aws:s3:::*"}, "arn:aws:s3:::b", false},
  });
}

TEST_CASE("a value that is not an ARN never matches an Arn operator (§2.7)", "[eval]") {
  // "A context value that is not an ARN never matches an ARN operator"
  // (iam-simulate behaviour): no Arn operator, positive or negated, holds.
  CheckTyped({
      {"ArnLike", {"*"}, "not-an-arn", false},
      {"ArnNotLike", {"arn:aws:s3:::x"}, "not-an-arn", false},
      {"ArnLike", {"*"}, "arn:::bucket-name", false},
      {"ArnNotLike", {"arn:aws:s3:::x"}, "arn:::bucket-name", false},
      {"ArnNotEquals", {"arn:aws:s3:::x"}, "arn:aws:s3:", false},
  });
}

TEST_CASE("invalid values never match, even for negated operators (§3.5)", "[eval]") {
  CheckTyped({
      // Invalid request values: false for every operator of the family.
      {"NumericEquals", {"10"}, "ten", false},
      {"NumericLessThan", {"10"}, "1e1", false},
      {"NumericLessThan", {"10"}, "0x1", false},
      {"NumericNotEquals", {"10"}, "ten", false},
      {"DateEquals", {"2020-01-01"}, "yesterday", false},
      {"DateNotEquals", {"2020-01-01"}, "yesterday", false},
      {"DateNotEquals", {"2020-01-01"}, "2020-13-01", false},
      {"DateLessThan", {"2020-01-01"}, "2019-02-30", false},
      {"IpAddress", {"0.0.0.0/0"}, "300.1.1.1", false},
      {"NotIpAddress", {"10.0.0.0/8"}, "not-an-ip", false},
      {"Bool", {"false"}, "no", false},
      // Invalid policy values: never match; a negated operator with an
      // invalid policy value is false too (Date: §3.5 "false for every Date
      // operator, including DateNotEquals"; iam-simulate likewise for
      // NumericNotEquals, NotIpAddress and ArnNotLike).
      {"NumericEquals", {"ten"}, "10", false},
      {"NumericNotEquals", {"ten"}, "10", false},
      {"NumericEquals", {"ten", "10"}, "10", true},
      {"DateEquals", {"someday"}, "2020-01-01", false},
      {"DateNotEquals", {"someday"}, "2020-01-01", false},
      {"DateGreaterThan", {"2020-01"}, "2021-01-01", false},  // YYYY-MM rejected
      {"IpAddress", {"10.0.0.0/33"}, "10.0.0.1", false},
      {"NotIpAddress", {"10.0.0.0/33"}, "192.0.2.1", false},
      {"NotIpAddress", {"123456789012"}, "192.0.2.1", false},
      {"ArnNotLike", {"arn:::bucket-name"}, "arn:aws:s3:::b", false},
      {"ArnNotEquals", {"not-an-arn"}, "arn:aws:s3:::b", false},
      {"BinaryEquals", {"not base64!"}, "not base64!", false},
  });
}

// ---------------------------------------------------------------------------
// Traps of §8 that are about one condition.

TEST_CASE("traps 1, 2, 3, 13, 18 about missing keys (§8)", "[eval]") {
  // Trap 1: a negated operator fires on a missing key.
  CHECK(Holds(Cond("StringNotEquals", "aws:PrincipalTag/team", {"x"}), "{}"));
  // Trap 2: ForAllValues is vacuously true; Null:false repairs it.
  CHECK(Holds(Cond("ForAllValues:StringEquals", "aws:TagKeys", {"env"}), "{}"));
  CHECK_FALSE(Holds(Q("{'ForAllValues:StringEquals':{'aws:TagKeys':['env']},'Null':{'aws:TagKeys':"
                      "'false'}}"),
                    "{}"));
  CHECK(Holds(Q("{'ForAllValues:StringEquals':{'aws:TagKeys':['env']},'Null':{'aws:TagKeys':"
                "'false'}}"),
              Q("{'aws:TagKeys':['env']}")));
  // Trap 3: ForAnyValue is false on a missing key.
  CHECK_FALSE(Holds(Cond("ForAnyValue:StringEquals", "aws:TagKeys", {"secret"}), "{}"));
  // Trap 13: Bool misses long-term keys; BoolIfExists catches them.
  CHECK_FALSE(Holds(Cond("Bool", "aws:MultiFactorAuthPresent", {"false"}), "{}"));
  CHECK(Holds(Cond("BoolIfExists", "aws:MultiFactorAuthPresent", {"false"}), "{}"));
  CHECK_FALSE(Holds(Cond("BoolIfExists", "aws:MultiFactorAuthPresent", {"false"}),
                    Q("{'aws:MultiFactorAuthPresent':'true'}")));
  // Trap 18: aws:SourceIp absent behind a VPC endpoint → NotIpAddress true.
  CHECK(Holds(Cond("NotIpAddress", "aws:SourceIp", {"203.0.113.0/24"}), "{}"));
  CHECK(Holds(Cond("NotIpAddressIfExists", "aws:SourceIp", {"203.0.113.0/24"}), "{}"));
}

// ---------------------------------------------------------------------------
// Policy variables in condition values (§4).

TEST_CASE("policy variables in String and Arn condition values (§4)", "[eval]") {
  const std::string alice = Q("{'aws:username':'alice','ex:k':'alice'}");
  CHECK(Holds(Cond("StringEquals", "ex:k", {"${aws:username}"}), alice));
  CHECK_FALSE(Holds(Cond("StringEquals", "ex:k", {"${aws:username}"}),
                    Q("{'aws:username':'bob','ex:k':'alice'}")));
  // Variable names are case-insensitive.
  CHECK(Holds(Cond("StringEquals", "ex:k", {"${AWS:USERNAME}"}), alice));
  // Inside a longer value and with StringLike wildcards around it.
  CHECK(Holds(Cond("StringLike", "s3:prefix", {"home/${aws:username}/*"}),
              Q("{'aws:username':'alice','s3:prefix':'home/alice/docs'}")));
  CHECK_FALSE(Holds(Cond("StringLike", "s3:prefix", {"home/${aws:username}/*"}),
                    Q("{'aws:username':'alice','s3:prefix':'home/bob/docs'}")));
  // Any context key, including tag keys.
  const std::string team = Q("{'aws:PrincipalTag/team':'red','aws:ResourceTag/team':'red'}");
  CHECK(Holds(Cond("StringEquals", "aws:ResourceTag/team", {"${aws:PrincipalTag/team}"}), team));
  CHECK_FALSE(Holds(Cond("StringEquals", "aws:ResourceTag/team", {"${aws:PrincipalTag/team}"}),
                    Q("{'aws:PrincipalTag/team':'red','aws:ResourceTag/team':'blue'}")));
  // Arn operators substitute too.
  CHECK(Holds(Cond("ArnLike", "aws:SourceArn", {"arn:aws:iam::*:user/${aws:username}"}),
              Q("{'aws:username':'alice','aws:SourceArn':'arn:aws:iam::111111111111:user/alice'}")));
  CHECK_FALSE(Holds(Cond("ArnLike", "aws:SourceArn", {"arn:aws:iam::*:user/${aws:username}"}),
                    Q("{'aws:username':'alice','aws:SourceArn':'arn:aws:iam::1:user/bob'}")));
}

TEST_CASE("variable defaults and the ${*} ${?} ${$} escapes (§4)", "[eval]") {
  // Default used when the key is absent, ignored when present.
  const std::string with_default = R"({"StringEquals":{"ex:k":"${aws:PrincipalTag/team, 'none'}"}})";
  CHECK(Holds(with_default, Q("{'ex:k':'none'}")));
  CHECK_FALSE(Holds(with_default, Q("{'ex:k':'red'}")));
  CHECK(Holds(with_default, Q("{'ex:k':'red','aws:PrincipalTag/team':'red'}")));
  CHECK_FALSE(Holds(with_default, Q("{'ex:k':'none','aws:PrincipalTag/team':'red'}")));
  // An empty default is a value.
  CHECK(Holds(R"({"StringEquals":{"ex:k":"x${ex:absent, ''}y"}})", Q("{'ex:k':'xy'}")));
  // Without the space the variable is not recognised: literal text
  // (iam-simulate behaviour, §4).
  CHECK(Holds(R"({"StringEquals":{"ex:k":"${ex:absent,'d'}"}})",
              R"({"ex:k":"${ex:absent,'d'}"})"));
  CHECK_FALSE(Holds(R"({"StringEquals":{"ex:k":"${ex:absent,'d'}"}})", Q("{'ex:k':'d'}")));
  // Escapes are literal characters, never wildcards.
  CHECK(Holds(Cond("StringLike", "ex:k", {"a${*}"}), Q("{'ex:k':'a*'}")));
  CHECK_FALSE(Holds(Cond("StringLike", "ex:k", {"a${*}"}), Q("{'ex:k':'ab'}")));
  CHECK(Holds(Cond("StringLike", "ex:k", {"a${?}*"}), Q("{'ex:k':'a?b'}")));
  CHECK_FALSE(Holds(Cond("StringLike", "ex:k", {"a${?}"}), Q("{'ex:k':'ab'}")));
  CHECK(Holds(Cond("StringEquals", "ex:k", {"cost${$}"}), Q("{'ex:k':'cost$'}")));
  CHECK(Holds(Cond("StringEquals", "ex:k", {"${$}{aws:username}"}),
              R"({"ex:k":"${aws:username}","aws:username":"alice"})"));
  // Substituted text is literal inside StringLike (iamlint decision).
  CHECK_FALSE(Holds(Cond("StringLike", "ex:k", {"${aws:username}"}),
                    Q("{'aws:username':'a*','ex:k':'abc'}")));
  CHECK(Holds(Cond("StringLike", "ex:k", {"${aws:username}"}),
              Q("{'aws:username':'a*','ex:k':'a*'}")));
}

TEST_CASE("unresolved variables: positive false, negated true (§4, trap 22)", "[eval]") {
  // Key absent and no default: the value matches nothing.
  CHECK_FALSE(Holds(Cond("StringEquals", "ex:k", {"${aws:PrincipalTag/team}"}), Q("{'ex:k':''}")));
  CHECK_FALSE(Holds(Cond("StringLike", "ex:k", {"*${aws:PrincipalTag/team}*"}),
                    Q("{'ex:k':'x'}")));
  CHECK_FALSE(Holds(Cond("ArnLike", "aws:SourceArn", {"arn:aws:s3:::${aws:username}"}),
                    Q("{'aws:SourceArn':'arn:aws:s3:::x'}")));
  // Negated: "an empty value differs from every listed value" (docs; §9:
  // iam-simulate says false).
  CHECK(Holds(Cond("StringNotEquals", "s3:ExistingObjectTag/team", {"${aws:PrincipalTag/team}"}),
              Q("{'s3:ExistingObjectTag/team':'red'}")));
  CHECK(Holds(Cond("StringNotLike", "ex:k", {"${aws:username}*"}), Q("{'ex:k':'x'}")));
  CHECK(Holds(Cond("ArnNotLike", "aws:SourceArn", {"arn:aws:s3:::${aws:username}"}),
              Q("{'aws:SourceArn':'arn:aws:s3:::x'}")));
  // Other values still count: NOR over the list.
  CHECK_FALSE(Holds(Cond("StringNotEquals", "ex:k", {"${aws:PrincipalTag/team}", "red"}),
                    Q("{'ex:k':'red'}")));
  // Multivalued keys cannot be variables (§4).
  CHECK_FALSE(Holds(Cond("StringEquals", "ex:k", {"${aws:TagKeys}"}),
                    Q("{'ex:k':'a','aws:TagKeys':['a']}")));
  CHECK_FALSE(Holds(Cond("StringEquals", "ex:k", {"${ex:list}"}),
                    Q("{'ex:k':'a','ex:list':['a']}")));
}

TEST_CASE("no substitution under Version 2008-10-17 or without Version (§1.1, §4)", "[eval]") {
  const std::string cond = Cond("StringEquals", "ex:k", {"${aws:username}"});
  const std::string substituted = Q("{'aws:username':'alice','ex:k':'alice'}");
  const std::string literal = R"({"aws:username":"alice","ex:k":"${aws:username}"})";
  CHECK(Holds(cond, substituted, "2012-10-17"));
  CHECK_FALSE(Holds(cond, literal, "2012-10-17"));
  for (std::string_view version : {std::string_view("2008-10-17"), std::string_view("")}) {
    CAPTURE(version);
    CHECK_FALSE(Holds(cond, substituted, version));
    CHECK(Holds(cond, literal, version));
    // Escapes are plain text too, and `*` in StringLike a wildcard again.
    CHECK(Holds(Cond("StringEquals", "ex:k", {"a${*}"}), R"({"ex:k":"a${*}"})", version));
    // An unresolvable "variable" in a negated operator is just text.
    CHECK(Holds(Cond("StringNotEquals", "ex:k", {"${aws:username}"}), substituted, version));
  }
}

TEST_CASE("variables are text in Numeric, Date, IP and Null values (§4)", "[eval]") {
  // §4: not allowed there; iamlint decision: treated literally.
  const std::string ctx = Q("{'ex:n':'5','ex:m':'5'}");
  CHECK_FALSE(Holds(Cond("NumericEquals", "ex:n", {"${ex:m}"}), ctx));
  CHECK_FALSE(Holds(Cond("DateEquals", "ex:n", {"${ex:m}"}), ctx));
  CHECK_FALSE(Holds(Cond("IpAddress", "ex:n", {"${ex:m}"}), ctx));
}

TEST_CASE("Bool values substitute variables (iam-simulate, §3.2)", "[eval]") {
  const std::string cond = Cond("Bool", "aws:SecureTransport", {"${ex:want}"});
  CHECK(Holds(cond, Q("{'aws:SecureTransport':'true','ex:want':'true'}")));
  CHECK_FALSE(Holds(cond, Q("{'aws:SecureTransport':'true','ex:want':'false'}")));
  CHECK_FALSE(Holds(cond, Q("{'aws:SecureTransport':'true'}")));
}

TEST_CASE("the trace explains which condition failed and why", "[eval]") {
  CaseSpec c;
  c.identity = {Policy({Q("{'Sid':'Mfa','Effect':'Allow','Action':'*','Resource':'*','Condition':"
                          "{'StringEquals':{'ex:a':'1'},'Bool':{'aws:MultiFactorAuthPresent':"
                          "'true'}}}")})};
  c.context = Q("{'ex:a':'1'}");
  Outcome out = Run(c);
  REQUIRE(out.trace.size() == 1);
  CHECK(out.trace[0] ==
        "identity[0]/Mfa condition: `Bool`: request has no `aws:MultiFactorAuthPresent`");
  c.context = Q("{'ex:a':'2','aws:MultiFactorAuthPresent':'true'}");
  out = Run(c);
  REQUIRE(out.trace.size() == 1);
  CHECK(out.trace[0] ==
        "identity[0]/Mfa condition: `StringEquals` on `ex:a`: request value `2` does not match "
        "`1`");
  c.context = Q("{'ex:a':'1','aws:MultiFactorAuthPresent':'true'}");
  out = Run(c);
  CHECK(out.trace == std::vector<std::string>{"identity[0]/Mfa applies"});
}

}  // namespace
}  // namespace iamlint

namespace iamlint {
namespace {

// Spec §2.1: `?` matches exactly one character, whatever its UTF-8 length
// (`caf?` matches `café`). Tag values and other context values may hold any
// Unicode text. (Found here first; fixed in engine/match/wildcard.cc.)
TEST_CASE("`?` matches one character, not one byte (§2.1)",
          "[eval]") {
  CHECK(Holds(Cond("StringLike", "ex:k", {"caf?"}), Q("{'ex:k':'café'}")));
  CHECK(Holds(Cond("StringLike", "ex:k", {"?"}), Q("{'ex:k':'中'}")));
  CHECK_FALSE(Holds(Cond("StringLike", "ex:k", {"caf??"}), Q("{'ex:k':'café'}")));
  CHECK(Holds(Cond("ArnLike", "aws:SourceArn", {"arn:aws:s3:::caf?"}),
              Q("{'aws:SourceArn':'arn:aws:s3:::café'}")));
}

}  // namespace
}  // namespace iamlint
