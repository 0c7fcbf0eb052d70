// The statement index against its oracle (style.md rule 17): Authorize with
// EvalOptions::use_index on, off (scan every statement) and traced must give
// the same decision kind, gate and decisive statements.
//
// Covered here: the conformance cases, the sample cases, and thousands of
// seeded random requests over seeded random policies (actions with
// wildcards and NotAction, resources with wildcards, short ARNs, variables
// and NotResource, conditions, principals and NotPrincipal, boundaries,
// session policies, SCP and RCP levels). Every request of every other
// [eval] test goes through the same three-way check in eval_harness.h.
//
// The random runs also reuse one EvalScratch and one Decision across all
// requests, to catch state leaking from one evaluation into the next.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/cases/case_reader.h"
#include "engine/eval/evaluator.h"
#include "tests/engine/eval/eval_harness.h"

namespace iamlint {
namespace {

using evaltest::EvaluateCase;
using evaltest::JsonString;
using evaltest::Outcome;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads every case of `text` and checks index on/off/traced on each.
// Returns the number of cases evaluated.
size_t ReplayAll(const std::string& name, std::string text) {
  SourceManager sources;
  SourceId id = sources.AddBuffer(name, std::move(text));
  CaseReader reader(sources, id);
  size_t count = 0;
  while (true) {
    Case c;
    DiagnosticSink sink;
    CaseReader::Status status = reader.Next(&c, sink);
    if (status == CaseReader::Status::kEnd) break;
    REQUIRE(status == CaseReader::Status::kCase);
    CAPTURE(name, c.id);
    Outcome out = EvaluateCase(c);
    if (c.expect) CHECK(out.decision == DecisionKindName(*c.expect));
    ++count;
  }
  return count;
}

TEST_CASE("index on and off agree on the conformance and sample cases", "[eval]") {
  const std::string root = IAMLINT_SOURCE_DIR;
  CHECK(ReplayAll("conformance", ReadFile(root + "/tests/conformance/cases.jsonl")) == 63);
  CHECK(ReplayAll("classic-demo", ReadFile(root + "/samples/cases/classic-demo.jsonl")) == 6);
}

// ---------------------------------------------------------------------------
// Random policies and requests.

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  template <size_t N>
  const char* Pick(const std::array<const char*, N>& items) {
    return items[Below(N)];
  }
  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }

  // Randomly changes the letter case of an action (actions are
  // case-insensitive, §2.2).
  std::string MangleCase(std::string s) {
    if (!Chance(30)) return s;
    for (char& ch : s) {
      if (Chance(50)) ch = static_cast<char>(Chance(50) ? std::toupper(ch) : std::tolower(ch));
    }
    return s;
  }

  std::string ActionPattern() {
    static const std::array<const char*, 18> kPatterns = {
        "s3:GetObject",   "s3:Get*",          "s3:*",           "s3:?utObject",
        "s3:List*",       "s3:ListAllMyBuckets", "ec2:*",       "ec2:Describe*",
        "ec2:RunInstances", "iam:*",          "iam:PassRole",   "*",
        "*:GetObject",    "sqs:SendMessage",  "kms:*",          "sts:AssumeRole",
        "dynamodb:Get*",  "s3:*Object*",
    };
    return MangleCase(Pick(kPatterns));
  }

  std::string ResourcePattern() {
    static const std::array<const char*, 16> kPatterns = {
        "*",
        "arn:aws:s3:::b/*",
        "arn:aws:s3:::b",
        "arn:aws:s3:::*",
        "arn:aws:s3:::b/home/${aws:username}/*",
        "arn:aws:s3:::${aws:PrincipalTag/team, ^shared^}/*",  // ^ becomes ' after Q()
        "arn:aws:s3:::b/${*}",
        "arn:aws:ec2:*:111111111111:instance/*",
        "arn:aws:sqs:*",
        "arn:aws:sqs:us-east-1:111111111111",
        "arn:aws:*:*:111111111111:*",
        "arn:aws:iam::111111111111:role/*",
        "arn:aws:kms:us-east-1:111111111111:key/*",
        "arn:aws:dynamodb:us-east-1:111111111111:table/t",
        "arn:AWS:S3:::b/k",
        "arn:aws:s3:::B/*",
    };
    return Pick(kPatterns);
  }

  std::string Condition() {
    static const std::array<const char*, 14> kConditions = {
        "'StringEquals':{'aws:PrincipalTag/team':'red'}",
        "'StringNotEquals':{'aws:PrincipalTag/team':['red','blue']}",
        "'StringLike':{'s3:prefix':'home/${aws:username}/*'}",
        "'Bool':{'aws:MultiFactorAuthPresent':'true'}",
        "'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}",
        "'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}",
        "'IpAddress':{'aws:SourceIp':['203.0.113.0/24','2001:db8::/32']}",
        "'ForAnyValue:StringEquals':{'aws:TagKeys':['secret']}",
        "'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}",
        "'NumericLessThan':{'aws:MultiFactorAuthAge':'3600'}",
        "'DateLessThan':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}",
        "'Null':{'aws:TagKeys':'false'}",
        "'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::111111111111:*'}",
        "'StringNotEqualsIfExists':{'s3:ExistingObjectTag/team':'${aws:PrincipalTag/team}'}",
    };
    return Pick(kConditions);
  }

  std::string PrincipalElement(bool deny) {
    static const std::array<const char*, 9> kPrincipals = {
        "'Principal':'*'",
        "'Principal':{'AWS':'111111111111'}",
        "'Principal':{'AWS':'arn:aws:iam::111111111111:user/alice'}",
        "'Principal':{'AWS':'arn:aws:iam::111111111111:role/r1'}",
        "'Principal':{'AWS':'arn:aws:sts::111111111111:assumed-role/r1/sess1'}",
        "'Principal':{'AWS':['222222222222','arn:aws:iam::111111111111:root']}",
        "'Principal':{'Service':'cloudtrail.amazonaws.com'}",
        "'Principal':{'AWS':'arn:aws:sts::111111111111:federated-user/fred'}",
        "'Principal':{'AWS':'arn:aws:iam::222222222222:user/carol'}",
    };
    if (deny && Chance(25)) {
      return Chance(50) ? "'NotPrincipal':{'AWS':['arn:aws:iam::111111111111:user/alice',"
                          "'111111111111']}"
                        : "'NotPrincipal':{'AWS':'arn:aws:iam::111111111111:user/bob'}";
    }
    return Pick(kPrincipals);
  }

  // One statement, written with single quotes. `with_principal` for
  // resource policies and RCPs.
  std::string Statement(size_t index, bool with_principal, bool allow_only = false) {
    bool deny = !allow_only && Chance(30);
    std::string s = "{";
    if (Chance(60)) s += "'Sid':'S" + std::to_string(index) + "',";
    s += std::string("'Effect':'") + (deny ? "Deny" : "Allow") + "',";
    if (with_principal) s += PrincipalElement(deny) + ",";
    s += Chance(15) ? "'NotAction':" : "'Action':";
    s += List([&] { return ActionPattern(); }, 1 + Below(3)) + ",";
    s += Chance(15) ? "'NotResource':" : "'Resource':";
    s += List([&] { return ResourcePattern(); }, 1 + Below(2));
    size_t conditions = Chance(60) ? 0 : 1 + Below(2);
    if (conditions > 0) {
      s += ",'Condition':{";
      for (size_t i = 0; i < conditions; ++i) s += (i ? "," : "") + Condition();
      s += "}";
    }
    return s + "}";
  }

  std::string Policy(bool with_principal, bool allow_only = false) {
    std::string version = Chance(85) ? "'Version':'2012-10-17'," : (Chance(50) ? "'Version':'2008-10-17'," : "");
    size_t n = 1 + Below(5);
    std::string s = "{" + version + "'Statement':[";
    for (size_t i = 0; i < n; ++i) s += (i ? "," : "") + Statement(i, with_principal, allow_only);
    return s + "]}";
  }

  std::string Principal() {
    static const std::array<const char*, 11> kCallers = {
        "arn:aws:iam::111111111111:user/alice",
        "arn:aws:iam::111111111111:user/bob",
        "arn:aws:sts::111111111111:assumed-role/r1/sess1",
        "arn:aws:iam::111111111111:role/r1",
        "arn:aws:iam::111111111111:root",
        "arn:aws:iam::222222222222:user/carol",
        "arn:aws:sts::111111111111:federated-user/fred",
        "",
        "cloudtrail.amazonaws.com",
        "arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForECS/ecs",
        "arn:aws:sts::111111111111:assumed-role/r2/sess9",
    };
    return Pick(kCallers);
  }

  // An action and a plausible resource for it (or any resource).
  std::pair<std::string, std::string> ActionAndResource() {
    struct Pair {
      const char* action;
      const char* resource;
    };
    static const std::array<Pair, 20> kPairs = {{
        {"s3:GetObject", "arn:aws:s3:::b/k"},
        {"s3:GetObject", "arn:aws:s3:::b/home/alice/x"},
        {"s3:GetObject", "arn:aws:s3:::shared/x"},
        {"s3:PutObject", "arn:aws:s3:::b/*"},
        {"s3:ListBucket", "arn:aws:s3:::b"},
        {"s3:ListAllMyBuckets", "*"},
        {"s3:GetBucketPolicy", "arn:aws:s3:::b"},
        {"ec2:RunInstances", "arn:aws:ec2:us-east-1:111111111111:instance/*"},
        {"ec2:DescribeInstances", "*"},
        {"ec2:TerminateInstances", "arn:aws:ec2:us-east-1:222222222222:instance/i-2"},
        {"iam:PassRole", "arn:aws:iam::111111111111:role/r1"},
        {"iam:CreateUser", "arn:aws:iam::111111111111:user/new"},
        {"sqs:SendMessage", "arn:aws:sqs:us-east-1:111111111111:q1"},
        {"sqs:SendMessage", "arn:aws:sqs:eu-west-1:222222222222:q2"},
        {"kms:Decrypt", "arn:aws:kms:us-east-1:111111111111:key/k1"},
        {"sts:AssumeRole", "arn:aws:iam::111111111111:role/r1"},
        {"sts:GetCallerIdentity", "*"},
        {"dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111111111111:table/t"},
        {"s3:GetObject", "arn:aws:s3:::b/*"},
        {"lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111111111111:function:f"},
    }};
    const Pair& p = kPairs[Below(kPairs.size())];
    std::string resource = p.resource;
    if (Chance(10)) resource = kPairs[Below(kPairs.size())].resource;
    return {MangleCase(p.action), resource};
  }

  std::string Context() {
    std::vector<std::string> entries;
    auto maybe = [&](const char* key, std::string value_json) {
      if (Chance(45)) entries.push_back(JsonString(key) + ":" + value_json);
    };
    maybe("aws:username", Chance(50) ? "\"alice\"" : "\"bob\"");
    maybe("aws:PrincipalTag/team", Chance(50) ? "\"red\"" : "\"green\"");
    maybe("AWS:principaltag/TEAM", "\"blue\"");
    maybe("s3:prefix", Chance(50) ? "\"home/alice/docs\"" : "\"home/bob/\"");
    maybe("aws:MultiFactorAuthPresent", Chance(50) ? "true" : "\"false\"");
    maybe("aws:MultiFactorAuthAge", Chance(50) ? "120" : "\"7200\"");
    maybe("aws:SourceIp", Chance(50) ? "\"203.0.113.7\"" : (Chance(50) ? "\"2001:db8::9\"" : "\"198.51.100.1\""));
    maybe("aws:TagKeys", Chance(30) ? "[]" : (Chance(50) ? "[\"env\"]" : "[\"env\",\"secret\"]"));
    maybe("aws:CurrentTime", Chance(50) ? "\"2024-05-01T12:00:00Z\"" : "\"2031-01-01\"");
    maybe("aws:PrincipalArn", "\"arn:aws:iam::111111111111:role/r1\"");
    maybe("s3:ExistingObjectTag/team", "\"red\"");
    std::string out = "{";
    for (size_t i = 0; i < entries.size(); ++i) out += (i ? "," : "") + entries[i];
    return out + "}";
  }

 private:
  template <typename F>
  std::string List(F make, size_t n) {
    if (n == 1 && Chance(50)) return "'" + make() + "'";
    std::string s = "[";
    for (size_t i = 0; i < n; ++i) s += (i ? "," : "") + ("'" + make() + "'");
    return s + "]";
  }

  std::mt19937 rng_;
};

// A JSON Lines text: one `define` line with the seed's policies, then
// `requests` cases that reference them by name.
std::string RandomCases(uint32_t seed, size_t requests) {
  Generator g(seed);
  std::vector<std::pair<std::string, std::string>> defs;
  size_t identity_count = g.Below(4);
  for (size_t i = 0; i < identity_count; ++i) {
    defs.push_back({"Id" + std::to_string(i), g.Policy(false)});
  }
  bool boundary = g.Chance(40), session = g.Chance(40), resource = g.Chance(60);
  if (boundary) defs.push_back({"Boundary", g.Policy(false)});
  if (session) defs.push_back({"Session", g.Policy(false)});
  if (resource) defs.push_back({"Resource", g.Policy(true)});
  size_t scp_levels = g.Chance(50) ? 1 + g.Below(3) : 0;
  std::vector<size_t> scp_per_level;
  for (size_t l = 0; l < scp_levels; ++l) {
    scp_per_level.push_back(g.Below(3));
    for (size_t k = 0; k < scp_per_level.back(); ++k) {
      // Mostly FullAWSAccess-like, so that SCPs often let requests through.
      defs.push_back({"Scp" + std::to_string(l) + "_" + std::to_string(k),
                      g.Chance(60) ? "{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                                     "'Action':'*','Resource':'*'}]}"
                                   : g.Policy(false)});
    }
  }
  size_t rcp_levels = g.Chance(30) ? 1 + g.Below(2) : 0;
  for (size_t l = 0; l < rcp_levels; ++l) {
    defs.push_back({"Rcp" + std::to_string(l),
                    g.Chance(50) ? "{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                                   "'Principal':'*','Action':'*','Resource':'*'}]}"
                                 : g.Policy(true)});
  }

  std::string text = "{\"define\":{";
  for (size_t i = 0; i < defs.size(); ++i) {
    std::string policy = testing::Q(defs[i].second);
    std::replace(policy.begin(), policy.end(), '^', '\'');
    text += (i ? "," : "") + JsonString(defs[i].first) + ":" + policy;
  }
  text += "}}\n";

  for (size_t r = 0; r < requests; ++r) {
    std::string policies;
    auto add = [&](const std::string& key, const std::string& value) {
      policies += (policies.empty() ? "" : ",") + JsonString(key) + ":" + value;
    };
    if (identity_count > 0) {
      std::string list = "[";
      for (size_t i = 0; i < identity_count; ++i) {
        list += (i ? "," : "") + JsonString("Id" + std::to_string(i));
      }
      add("identity", list + "]");
    }
    if (boundary && g.Chance(80)) add("boundary", "\"Boundary\"");
    if (session && g.Chance(80)) add("session", "[\"Session\"]");
    if (resource && g.Chance(80)) add("resource", "\"Resource\"");
    if (scp_levels > 0) {
      std::string levels = "[";
      for (size_t l = 0; l < scp_levels; ++l) {
        levels += l ? ",[" : "[";
        for (size_t k = 0; k < scp_per_level[l]; ++k) {
          levels += (k ? "," : "") + JsonString("Scp" + std::to_string(l) + "_" + std::to_string(k));
        }
        levels += "]";
      }
      add("scp", levels + "]");
    }
    if (rcp_levels > 0) {
      std::string levels = "[";
      for (size_t l = 0; l < rcp_levels; ++l) {
        levels += (l ? "," : "") + std::string("[") + JsonString("Rcp" + std::to_string(l)) + "]";
      }
      add("rcp", levels + "]");
    }
    auto [action, res] = g.ActionAndResource();
    std::string principal = g.Principal();
    std::string req = "\"action\":" + JsonString(action) + ",\"resource\":" + JsonString(res);
    if (!principal.empty()) req += ",\"principal\":" + JsonString(principal);
    if (g.Chance(20)) req += ",\"resourceAccount\":\"111111111111\"";
    req += ",\"context\":" + g.Context();
    text += "{\"id\":\"s" + std::to_string(seed) + "r" + std::to_string(r) + "\",\"policies\":{" +
            policies + "},\"request\":{" + req + "}}\n";
  }
  return text;
}

TEST_CASE("index on and off agree on thousands of random requests", "[eval]") {
  constexpr uint32_t kSeeds = 60;
  constexpr size_t kRequestsPerSeed = 100;
  std::array<size_t, 3> kinds{};
  size_t evaluated = 0, with_statements = 0;
  // One scratch and one Decision for the whole run: nothing may leak from
  // one evaluation into the next.
  EvalScratch shared_scratch;
  Decision shared_decision;
  for (uint32_t seed = 1; seed <= kSeeds; ++seed) {
    std::string text = RandomCases(seed, kRequestsPerSeed);
    SourceManager sources;
    SourceId id = sources.AddBuffer("random", text);
    CaseReader reader(sources, id);
    while (true) {
      Case c;
      DiagnosticSink sink;
      CaseReader::Status status = reader.Next(&c, sink);
      if (status == CaseReader::Status::kEnd) break;
      INFO("seed " << seed);
      for (const Diagnostic& d : sink.diagnostics()) {
        INFO(testing::FormatDiagnostic(sources, d));
      }
      if (status != CaseReader::Status::kCase) {
        FAIL(testing::FormatDiagnostic(sources, sink.diagnostics().front()));
      }
      CAPTURE(c.id);
      Outcome out = EvaluateCase(c);  // index on / off / traced, CHECKed inside
      Authorize(c.bundle, c.request, EvalOptions{true}, &shared_scratch, &shared_decision);
      CHECK(DecisionKindName(shared_decision.kind) == out.decision);
      CHECK(GateName(shared_decision.gate) == out.gate);
      CHECK(evaltest::DecisiveLabels(c.bundle, shared_decision) == out.decisive);
      ++kinds[static_cast<size_t>(shared_decision.kind)];
      ++evaluated;
      if (!out.decisive.empty()) ++with_statements;
    }
  }
  CHECK(evaluated == kSeeds * kRequestsPerSeed);
  // The generator reaches every outcome often enough to mean something.
  CAPTURE(kinds[0], kinds[1], kinds[2]);
  CHECK(kinds[static_cast<size_t>(DecisionKind::kAllow)] > evaluated / 20);
  CHECK(kinds[static_cast<size_t>(DecisionKind::kExplicitDeny)] > evaluated / 20);
  CHECK(kinds[static_cast<size_t>(DecisionKind::kImplicitDeny)] > evaluated / 20);
  CHECK(with_statements > evaluated / 10);
}

}  // namespace
}  // namespace iamlint
