// Decide(): how the policy types combine (semantics §5.2–§5.9).
//
// Part 1 enumerates EVERY DecisionInputs value (19 booleans × 4
// PrincipalGrant values = 2,097,152 combinations) against Expected(), an
// oracle written from the spec text as a list of gates, each with the rule
// that makes it block (style.md rule 18: exhaustive where the space is
// small). Part 2 gives named rows for the cases people ask about, end to
// end through the case format, so the evaluator's mapping from policies to
// DecisionInputs is checked too.
#include "engine/eval/decision.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tests/engine/eval/eval_harness.h"

namespace iamlint {
namespace {

using evaltest::Allow;
using evaltest::AllowTo;
using evaltest::Aws;
using evaltest::CaseSpec;
using evaltest::Deny;
using evaltest::FullAwsAccess;
using evaltest::Outcome;
using evaltest::Policy;
using evaltest::RcpFullAwsAccess;
using evaltest::Run;
using evaltest::S;
using testing::Q;

// ---------------------------------------------------------------------------
// The oracle.

struct Verdict {
  DecisionKind kind;
  Gate gate;
  bool operator==(const Verdict&) const = default;
};

constexpr Verdict kAllowed{DecisionKind::kAllow, Gate::kNone};
constexpr Verdict kDenied{DecisionKind::kExplicitDeny, Gate::kNone};
constexpr Verdict Implicit(Gate g) { return Verdict{DecisionKind::kImplicitDeny, g}; }

// Table 5.4 ("Same-account RBP: who is limited by what"), read row by row:
// for the strength of the resource-policy grant, does a missing Allow in the
// identity policies / the boundary / the session policy block the request?
// A missing RBP grant (kNone) is the ordinary identity-based case (§5.3
// steps 4–6): everything blocks.
struct Limits {
  bool identity, boundary, session;
};
Limits SameAccountLimits(PrincipalGrant g) {
  switch (g) {
    case PrincipalGrant::kDirect:  // user ARN, session ARN, federated-user ARN, "*"
      return {false, false, false};
    case PrincipalGrant::kRole:  // role ARN, caller is a session of it (footnote 1)
      return {false, true, true};
    case PrincipalGrant::kAccount:  // delegation only (§5.3 notes)
    case PrincipalGrant::kNone:
      return {true, true, true};
  }
  return {true, true, true};
}

// The spec's algorithm as an ordered list of gates. `blocks` is written for
// each gate from the section cited next to it; the first gate that blocks is
// the reported one (§5.2: "report the first gate that failed").
Verdict Expected(const DecisionInputs& in) {
  // STS API reference (AWS docs, not in the spec): GetCallerIdentity needs no
  // permission, "even if an administrator attaches a policy ... that
  // explicitly denies access".
  if (in.needs_no_permission) return kAllowed;
  // §5.2 / §5.3 step 1: an applicable Deny in any evaluated policy wins.
  if (in.explicit_deny) return kDenied;

  const PrincipalGrant g = in.resource_present ? in.resource_grant : PrincipalGrant::kNone;
  // §5.3 step 5 and §5.9: a boundary blocks when present without an Allow.
  const bool boundary_missing = in.boundary_present && !in.boundary_allows;
  // §5.3 step 6 and §5.9: a session policy blocks when passed without an
  // Allow; a GetFederationToken session without any session policy has no
  // permissions (except direct RBP grants).
  const bool session_missing =
      in.session_applies &&
      (in.session_present ? !in.session_allows : in.federated_user);

  struct GateRule {
    Gate gate;
    bool blocks;
  };
  std::vector<GateRule> gates;
  // §5.8 then §5.7 (§5.3 step 2 order): every RCP / SCP level needs an
  // applicable Allow. SCPs do not apply to service principals or anonymous
  // callers; the evaluator reports that as scp_applies = false.
  gates.push_back({Gate::kRcp, in.rcp_present && !in.rcp_allows});
  gates.push_back({Gate::kScp, in.scp_applies && !in.scp_allows});

  if (in.anonymous_or_service) {
    // §2.6 and §5.3: no identity side at all; only an RBP statement that
    // names the caller itself ("*" or its service principal) can grant.
    gates.push_back({Gate::kResource, g != PrincipalGrant::kDirect});
  } else if (in.cross_account) {
    // §5.6: two evaluations that must both allow. Resource side: an RBP
    // Allow whose Principal matches the caller (user/role/session ARN, its
    // account or "*"). Principal side: identity ∧ boundary ∧ session, never
    // replaced by the RBP. (The spec does not order these two; iamlint
    // reports the resource side first.)
    gates.push_back({Gate::kResource, g == PrincipalGrant::kNone});
    gates.push_back({Gate::kIdentity, !in.identity_allows});
    gates.push_back({Gate::kBoundary, boundary_missing});
    gates.push_back({Gate::kSession, session_missing});
  } else {
    // §5.5: a role trust policy or a KMS key policy must itself allow the
    // caller, even in the same account.
    gates.push_back({Gate::kResource, in.resource_must_allow && g == PrincipalGrant::kNone});
    const Limits lim = SameAccountLimits(g);
    gates.push_back({Gate::kIdentity, lim.identity && !in.identity_allows});
    // §5.5 iamlint decision (UNCONFIRMED): a trust policy naming a user who
    // has a boundary still needs the boundary to allow sts:AssumeRole.
    const bool trust_user_exception = in.resource_is_trust && in.caller_is_user;
    gates.push_back(
        {Gate::kBoundary, (lim.boundary || trust_user_exception) && boundary_missing});
    gates.push_back({Gate::kSession, lim.session && session_missing});
  }
  for (const GateRule& rule : gates) {
    if (rule.blocks) return Implicit(rule.gate);
  }
  return kAllowed;
}

// ---------------------------------------------------------------------------
// Part 1: every combination.

constexpr int kBools = 19;

DecisionInputs FromBits(uint32_t bits, PrincipalGrant grant) {
  auto bit = [&](int i) { return ((bits >> i) & 1u) != 0; };
  DecisionInputs in;
  in.needs_no_permission = bit(0);
  in.explicit_deny = bit(1);
  in.rcp_present = bit(2);
  in.rcp_allows = bit(3);
  in.scp_applies = bit(4);
  in.scp_allows = bit(5);
  in.resource_present = bit(6);
  in.resource_must_allow = bit(7);
  in.resource_is_trust = bit(8);
  in.anonymous_or_service = bit(9);
  in.cross_account = bit(10);
  in.caller_is_user = bit(11);
  in.identity_allows = bit(12);
  in.boundary_present = bit(13);
  in.boundary_allows = bit(14);
  in.session_applies = bit(15);
  in.session_present = bit(16);
  in.session_allows = bit(17);
  in.federated_user = bit(18);
  in.resource_grant = grant;
  return in;
}

std::string Describe(const DecisionInputs& in) {
  std::string s;
  auto b = [&](const char* name, bool v) {
    if (v) s += std::string(name) + " ";
  };
  b("needs_no_permission", in.needs_no_permission);
  b("explicit_deny", in.explicit_deny);
  b("rcp_present", in.rcp_present);
  b("rcp_allows", in.rcp_allows);
  b("scp_applies", in.scp_applies);
  b("scp_allows", in.scp_allows);
  b("resource_present", in.resource_present);
  b("resource_must_allow", in.resource_must_allow);
  b("resource_is_trust", in.resource_is_trust);
  b("anonymous_or_service", in.anonymous_or_service);
  b("cross_account", in.cross_account);
  b("caller_is_user", in.caller_is_user);
  b("identity_allows", in.identity_allows);
  b("boundary_present", in.boundary_present);
  b("boundary_allows", in.boundary_allows);
  b("session_applies", in.session_applies);
  b("session_present", in.session_present);
  b("session_allows", in.session_allows);
  b("federated_user", in.federated_user);
  static const char* kGrant[] = {"grant=none", "grant=account", "grant=role", "grant=direct"};
  return s + kGrant[static_cast<int>(in.resource_grant)];
}

TEST_CASE("Decide agrees with the spec oracle on every DecisionInputs combination", "[eval]") {
  // §5.2–§5.9; see Expected() above.
  constexpr std::array<PrincipalGrant, 4> kGrants = {PrincipalGrant::kNone, PrincipalGrant::kAccount,
                                                     PrincipalGrant::kRole, PrincipalGrant::kDirect};
  size_t checked = 0, mismatches = 0;
  std::array<size_t, 3> by_kind{};
  for (PrincipalGrant grant : kGrants) {
    for (uint32_t bits = 0; bits < (1u << kBools); ++bits) {
      DecisionInputs in = FromBits(bits, grant);
      DecisionResult got = Decide(in);
      Verdict want = Expected(in);
      ++checked;
      ++by_kind[static_cast<size_t>(want.kind)];
      if (got.kind != want.kind || got.gate != want.gate) {
        if (++mismatches <= 20) {
          FAIL_CHECK(Describe(in) << ": Decide = " << DecisionKindName(got.kind) << "/"
                                  << GateName(got.gate) << ", spec = "
                                  << DecisionKindName(want.kind) << "/" << GateName(want.gate));
        }
      }
    }
  }
  CHECK(checked == (size_t{4} << kBools));
  CHECK(mismatches == 0);
  // The space really exercises every outcome.
  CHECK(by_kind[static_cast<size_t>(DecisionKind::kAllow)] > 0);
  CHECK(by_kind[static_cast<size_t>(DecisionKind::kExplicitDeny)] > 0);
  CHECK(by_kind[static_cast<size_t>(DecisionKind::kImplicitDeny)] > 0);
}

// Named rows of the same oracle, for reading: table 5.4 and §5.5–§5.6.
TEST_CASE("Decide: named DecisionInputs rows from tables 5.4-5.6", "[eval]") {
  struct Row {
    const char* name;
    DecisionInputs in;
    Verdict want;
  };
  auto same_account = [](PrincipalGrant g) {
    DecisionInputs in;
    in.resource_present = true;
    in.resource_grant = g;
    return in;
  };
  std::vector<Row> rows;
  {
    // Table 5.4, "identity has no Allow" column.
    rows.push_back({"5.4 user ARN grant, no identity Allow", same_account(PrincipalGrant::kDirect),
                    kAllowed});
    DecisionInputs role = same_account(PrincipalGrant::kRole);
    role.session_applies = true;
    rows.push_back({"5.4 role ARN grant, no identity Allow", role, kAllowed});
    rows.push_back({"5.4 account grant, no identity Allow", same_account(PrincipalGrant::kAccount),
                    Implicit(Gate::kIdentity)});
  }
  {
    // "boundary has no Allow" column.
    DecisionInputs user = same_account(PrincipalGrant::kDirect);
    user.caller_is_user = true;
    user.boundary_present = true;
    rows.push_back({"5.4 user ARN grant ignores the boundary", user, kAllowed});
    DecisionInputs role = same_account(PrincipalGrant::kRole);
    role.boundary_present = true;
    role.session_applies = true;
    rows.push_back({"5.4 role ARN grant is cut by the boundary", role, Implicit(Gate::kBoundary)});
    DecisionInputs account = same_account(PrincipalGrant::kAccount);
    account.identity_allows = true;
    account.boundary_present = true;
    rows.push_back({"5.4 account grant + identity Allow, boundary blocks", account,
                    Implicit(Gate::kBoundary)});
  }
  {
    // "session policy has no Allow" column.
    DecisionInputs session = same_account(PrincipalGrant::kDirect);
    session.session_applies = true;
    session.session_present = true;
    rows.push_back({"5.4 session ARN grant ignores the session policy", session, kAllowed});
    DecisionInputs role = same_account(PrincipalGrant::kRole);
    role.session_applies = true;
    role.session_present = true;
    rows.push_back({"5.4 role ARN grant is cut by the session policy", role,
                    Implicit(Gate::kSession)});
    DecisionInputs fed;
    fed.session_applies = true;
    fed.federated_user = true;
    fed.identity_allows = true;
    rows.push_back({"5.9 federated user without session policy has nothing", fed,
                    Implicit(Gate::kSession)});
    DecisionInputs fed_direct = same_account(PrincipalGrant::kDirect);
    fed_direct.session_applies = true;
    fed_direct.federated_user = true;
    rows.push_back({"5.3 federated user named directly by an RBP", fed_direct, kAllowed});
  }
  {
    // §5.5 trust and KMS.
    DecisionInputs trust_account = same_account(PrincipalGrant::kAccount);
    trust_account.resource_must_allow = trust_account.resource_is_trust = true;
    rows.push_back({"5.5 trust names the account, no identity Allow", trust_account,
                    Implicit(Gate::kIdentity)});
    DecisionInputs kms_none = same_account(PrincipalGrant::kNone);
    kms_none.resource_must_allow = true;
    kms_none.identity_allows = true;
    rows.push_back({"5.5 key policy does not name the caller", kms_none, Implicit(Gate::kResource)});
    DecisionInputs trust_user = same_account(PrincipalGrant::kDirect);
    trust_user.resource_must_allow = trust_user.resource_is_trust = true;
    trust_user.caller_is_user = trust_user.boundary_present = true;
    rows.push_back({"5.5 trust names a user whose boundary omits sts:AssumeRole", trust_user,
                    Implicit(Gate::kBoundary)});
  }
  {
    // §5.6 cross-account.
    DecisionInputs x = same_account(PrincipalGrant::kAccount);
    x.cross_account = true;
    x.identity_allows = true;
    rows.push_back({"5.6 RBP names the account + identity Allow", x, kAllowed});
    DecisionInputs rbp_only = same_account(PrincipalGrant::kDirect);
    rbp_only.cross_account = true;
    rows.push_back({"5.6 RBP only", rbp_only, Implicit(Gate::kIdentity)});
    DecisionInputs id_only;
    id_only.cross_account = true;
    id_only.identity_allows = true;
    rows.push_back({"5.6 identity only", id_only, Implicit(Gate::kResource)});
    DecisionInputs scp_deny = x;
    scp_deny.scp_applies = true;
    scp_deny.explicit_deny = true;
    rows.push_back({"5.6 SCP deny in the caller's org", scp_deny, kDenied});
  }
  {
    // §5.7/§5.8 levels, anonymous callers.
    DecisionInputs scp;
    scp.identity_allows = true;
    scp.scp_applies = true;
    rows.push_back({"5.7 an SCP level without Allow", scp, Implicit(Gate::kScp)});
    DecisionInputs rcp = scp;
    rcp.rcp_present = true;
    rows.push_back({"5.8 RCP gate is reported before SCP", rcp, Implicit(Gate::kRcp)});
    DecisionInputs anon = same_account(PrincipalGrant::kDirect);
    anon.anonymous_or_service = true;
    rows.push_back({"anonymous caller, bucket policy Principal *", anon, kAllowed});
    DecisionInputs anon_none;
    anon_none.anonymous_or_service = true;
    anon_none.identity_allows = true;
    rows.push_back({"anonymous caller, no RBP", anon_none, Implicit(Gate::kResource)});
  }
  for (const Row& row : rows) {
    CAPTURE(row.name);
    DecisionResult got = Decide(row.in);
    CHECK(Expected(row.in) == row.want);
    CHECK(DecisionKindName(got.kind) == DecisionKindName(row.want.kind));
    CHECK(GateName(got.gate) == GateName(row.want.gate));
  }
}

// ---------------------------------------------------------------------------
// Part 2: named rows end to end (policies → evaluator → Decide).

struct E2E {
  const char* name;
  CaseSpec c;
  const char* decision;
  const char* gate;
};

void RunRows(const std::vector<E2E>& rows) {
  for (const E2E& row : rows) {
    CAPTURE(row.name);
    Outcome out = Run(row.c);
    CHECK(out.decision == row.decision);
    CHECK(out.gate == row.gate);
  }
}

const std::string kBucketArn = "arn:aws:s3:::b/k";
// A boundary / session policy that allows only EC2: never the S3 request.
const std::string kOnlyEc2 = Policy({Allow("ec2:*")});
const std::string kS3Read = Policy({Allow("s3:GetObject")});

CaseSpec SameAccount(std::string principal, std::string principal_json_in_rbp) {
  CaseSpec c;
  c.principal = std::move(principal);
  c.resource_account = "111111111111";
  if (!principal_json_in_rbp.empty()) {
    c.resource_policy = Policy({AllowTo(principal_json_in_rbp, "s3:GetObject", "arn:aws:s3:::b/*")});
  }
  return c;
}

TEST_CASE("same-account RBP grants x boundary x session policy (table 5.4)", "[eval]") {
  const std::string alice = std::string(evaltest::kAlice);
  const std::string session = std::string(evaltest::kSessionR1);
  std::vector<E2E> rows;
  // Grant to the user ARN: identity and boundary ignored.
  {
    CaseSpec c = SameAccount(alice, Aws(alice));
    rows.push_back({"user ARN, no identity", c, "Allow", ""});
    c.boundary = kOnlyEc2;
    rows.push_back({"user ARN, boundary without S3", c, "Allow", ""});
  }
  // Grant to the role ARN, caller a session: identity ignored, boundary and
  // session policy block.
  {
    CaseSpec c = SameAccount(session, Aws(evaltest::kRoleR1));
    rows.push_back({"role ARN, no identity", c, "Allow", ""});
    CaseSpec b = c;
    b.boundary = kOnlyEc2;
    rows.push_back({"role ARN, boundary without S3", b, "ImplicitDeny", "boundary"});
    CaseSpec s = c;
    s.session = {kOnlyEc2};
    rows.push_back({"role ARN, session policy without S3", s, "ImplicitDeny", "session"});
    CaseSpec s_ok = c;
    s_ok.session = {kS3Read};
    rows.push_back({"role ARN, session policy with S3", s_ok, "Allow", ""});
  }
  // Grant to the session ARN: nothing else limits it (docs; iam-simulate
  // differs for the session policy, §9).
  {
    CaseSpec c = SameAccount(session, Aws(session));
    c.boundary = kOnlyEc2;
    c.session = {kOnlyEc2};
    rows.push_back({"session ARN, boundary and session policy without S3", c, "Allow", ""});
  }
  // Grant to the account: delegation only.
  {
    CaseSpec c = SameAccount(alice, Aws("111111111111"));
    rows.push_back({"account id, no identity", c, "ImplicitDeny", "identity"});
    c.identity = {kS3Read};
    rows.push_back({"account id + identity Allow", c, "Allow", ""});
    c.boundary = kOnlyEc2;
    rows.push_back({"account id + identity Allow, boundary without S3", c, "ImplicitDeny",
                    "boundary"});
    CaseSpec root = SameAccount(alice, Aws(evaltest::kRootA));
    rows.push_back({"account root ARN, no identity", root, "ImplicitDeny", "identity"});
  }
  // Grant to "*": identity, boundary, session ignored (footnote 2).
  {
    CaseSpec c = SameAccount(session, "\"*\"");
    c.boundary = kOnlyEc2;
    c.session = {kOnlyEc2};
    rows.push_back({"Principal *, boundary and session policy without S3", c, "Allow", ""});
    CaseSpec cond = SameAccount(session, "");
    cond.resource_policy = Policy({S("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject',"
                                     "'Resource':'arn:aws:s3:::b/*','Condition':{'ArnEquals':"
                                     "{'aws:PrincipalArn':'arn:aws:iam::111111111111:role/r1'}}}")});
    cond.boundary = kOnlyEc2;
    cond.context = Q("{'aws:PrincipalArn':'arn:aws:iam::111111111111:role/r1'}");
    rows.push_back({"Principal * + aws:PrincipalArn condition is not cut by the boundary", cond,
                    "Allow", ""});
  }
  // No RBP: identity ∩ boundary ∩ session (§5.9).
  {
    CaseSpec c = SameAccount(session, "");
    c.identity = {kS3Read};
    rows.push_back({"identity only", c, "Allow", ""});
    CaseSpec b = c;
    b.boundary = kOnlyEc2;
    rows.push_back({"identity, boundary without S3", b, "ImplicitDeny", "boundary"});
    CaseSpec b_ok = c;
    b_ok.boundary = Policy({Allow("s3:*")});
    rows.push_back({"identity, boundary with S3", b_ok, "Allow", ""});
    CaseSpec s = c;
    s.session = {kOnlyEc2, Policy({Allow("sqs:*")})};
    rows.push_back({"identity, two session policies without S3", s, "ImplicitDeny", "session"});
    CaseSpec s_or = c;
    s_or.session = {kOnlyEc2, kS3Read};
    rows.push_back({"session policies are OR-ed as one set", s_or, "Allow", ""});
    CaseSpec user_session = SameAccount(alice, "");
    user_session.identity = {kS3Read};
    user_session.session = {kOnlyEc2};
    rows.push_back({"session policies do not apply to an IAM user", user_session, "Allow", ""});
    CaseSpec nothing = SameAccount(alice, "");
    rows.push_back({"no policy at all", nothing, "ImplicitDeny", "identity"});
    CaseSpec boundary_only = SameAccount(alice, "");
    boundary_only.boundary = Policy({Allow("s3:*")});
    rows.push_back({"trap 8: a boundary never grants", boundary_only, "ImplicitDeny", "identity"});
  }
  RunRows(rows);
}

TEST_CASE("federated-user sessions (GetFederationToken, §5.3, §5.9)", "[eval]") {
  const std::string fed = "arn:aws:sts::111111111111:federated-user/fred";
  std::vector<E2E> rows;
  CaseSpec c = SameAccount(fed, "");
  c.identity = {kS3Read};
  rows.push_back({"no session policy: no permissions", c, "ImplicitDeny", "session"});
  CaseSpec with = c;
  with.session = {kS3Read};
  rows.push_back({"identity ∩ session policy", with, "Allow", ""});
  CaseSpec direct = SameAccount(fed, Aws(fed));
  rows.push_back({"RBP names the federated-user ARN", direct, "Allow", ""});
  // Table 5.4: the boundary of the IAM user behind the session blocks.
  CaseSpec boundary = with;
  boundary.boundary = kOnlyEc2;
  rows.push_back({"the user's boundary caps the federated session", boundary, "ImplicitDeny",
                  "boundary"});
  CaseSpec direct_boundary = direct;
  direct_boundary.boundary = kOnlyEc2;
  rows.push_back({"...but not a grant to the federated-user ARN itself", direct_boundary, "Allow",
                  ""});
  RunRows(rows);
}

TEST_CASE("cross-account requests need both sides (§5.6)", "[eval]") {
  const std::string carol = std::string(evaltest::kCarolB);
  auto cross = [&](std::string rbp_principal_json) {
    CaseSpec c;
    c.principal = carol;
    c.resource_account = "111111111111";
    if (!rbp_principal_json.empty()) {
      c.resource_policy =
          Policy({AllowTo(rbp_principal_json, "s3:GetObject", "arn:aws:s3:::b/*", "Share")});
    }
    return c;
  };
  std::vector<E2E> rows;
  CaseSpec account = cross(Aws("222222222222"));
  account.identity = {kS3Read};
  rows.push_back({"RBP names the caller's account + identity Allow", account, "Allow", ""});
  CaseSpec rbp_only = cross(Aws(carol));
  rows.push_back({"RBP names the user, no identity Allow", rbp_only, "ImplicitDeny", "identity"});
  CaseSpec id_only = cross("");
  id_only.identity = {kS3Read};
  rows.push_back({"identity Allow, no RBP", id_only, "ImplicitDeny", "resource"});
  CaseSpec other = cross(Aws("333333333333"));
  other.identity = {kS3Read};
  rows.push_back({"RBP names another account", other, "ImplicitDeny", "resource"});
  CaseSpec star = cross("\"*\"");
  star.identity = {kS3Read};
  star.boundary = kOnlyEc2;
  rows.push_back({"RBP *, caller's boundary still applies", star, "ImplicitDeny", "boundary"});
  CaseSpec scp = account;
  scp.scp = {{FullAwsAccess(), Policy({Deny("s3:*")})}};
  rows.push_back({"SCP deny in the caller's organization", scp, "ExplicitDeny", ""});
  CaseSpec rbp_deny = account;
  rbp_deny.resource_policy =
      Policy({AllowTo(Aws("222222222222"), "s3:GetObject", "arn:aws:s3:::b/*"),
              S("{'Effect':'Deny','Principal':{'AWS':'222222222222'},'Action':'s3:*',"
                "'Resource':'arn:aws:s3:::b/*'}")});
  rows.push_back({"explicit deny on the resource side", rbp_deny, "ExplicitDeny", ""});
  RunRows(rows);
}

TEST_CASE("role trust policies and KMS key policies must allow the caller (§5.5)", "[eval]") {
  const std::string alice = std::string(evaltest::kAlice);
  auto assume = [&](std::string trust_principal_json) {
    CaseSpec c;
    c.principal = alice;
    c.action = "sts:AssumeRole";
    c.resource = "arn:aws:iam::111111111111:role/target";
    c.resource_policy = Policy({S("{'Effect':'Allow','Principal':" + trust_principal_json +
                                  ",'Action':'sts:AssumeRole'}")});
    return c;
  };
  std::vector<E2E> rows;
  rows.push_back({"trap 7: trust names the account, no identity Allow",
                  assume(Q("{'AWS':'111111111111'}")), "ImplicitDeny", "identity"});
  CaseSpec account_ok = assume(Q("{'AWS':'111111111111'}"));
  account_ok.identity = {Policy({Allow("sts:AssumeRole", "arn:aws:iam::111111111111:role/target")})};
  rows.push_back({"trust names the account + identity Allow", account_ok, "Allow", ""});
  rows.push_back({"trap 7: trust names alice", assume(Aws(alice)), "Allow", ""});
  CaseSpec other = assume(Aws(evaltest::kBob));
  other.identity = {Policy({Allow("sts:AssumeRole")})};
  rows.push_back({"trust names bob; alice's identity Allow is not enough", other, "ImplicitDeny",
                  "resource"});
  CaseSpec boundary = assume(Aws(alice));
  boundary.boundary = kOnlyEc2;
  rows.push_back({"trust names alice, her boundary omits sts:AssumeRole (iamlint decision)",
                  boundary, "ImplicitDeny", "boundary"});
  CaseSpec boundary_ok = boundary;
  boundary_ok.boundary = Policy({Allow("sts:*")});
  rows.push_back({"trust names alice, boundary allows sts:AssumeRole", boundary_ok, "Allow", ""});
  CaseSpec cross = assume(Aws(evaltest::kCarolB));
  cross.principal = std::string(evaltest::kCarolB);
  rows.push_back({"cross-account: trust names carol, no identity Allow", cross, "ImplicitDeny",
                  "identity"});
  cross.identity = {Policy({Allow("sts:AssumeRole")})};
  rows.push_back({"cross-account: trust + identity Allow", cross, "Allow", ""});

  auto kms = [&](std::string key_policy_principal_json) {
    CaseSpec c;
    c.principal = alice;
    c.action = "kms:Decrypt";
    c.resource = "arn:aws:kms:us-east-1:111111111111:key/k1";
    c.identity = {Policy({Allow("kms:Decrypt")})};
    c.resource_policy = Policy({AllowTo(key_policy_principal_json, "kms:*")});
    return c;
  };
  rows.push_back({"trap 19: key policy names neither the account nor alice",
                  kms(Aws("arn:aws:iam::111111111111:user/bob")), "ImplicitDeny", "resource"});
  rows.push_back({"default key policy (account root) + identity Allow", kms(Aws(evaltest::kRootA)),
                  "Allow", ""});
  CaseSpec root_no_identity = kms(Aws(evaltest::kRootA));
  root_no_identity.identity.clear();
  rows.push_back({"default key policy, no identity Allow", root_no_identity, "ImplicitDeny",
                  "identity"});
  CaseSpec direct = kms(Aws(alice));
  direct.identity.clear();
  rows.push_back({"key policy names alice, no identity policy", direct, "Allow", ""});

  // Every key has a key policy and every role a trust policy: when the case
  // gives none, nothing in it grants, and identity policies alone never
  // suffice.
  CaseSpec no_key_policy = kms(Aws(alice));
  no_key_policy.resource_policy.clear();
  rows.push_back({"a key without its key policy", no_key_policy, "ImplicitDeny", "resource"});
  CaseSpec create_key;
  create_key.action = "kms:CreateKey";
  create_key.resource = "*";
  create_key.identity = {Policy({Allow("kms:CreateKey")})};
  rows.push_back({"kms actions on no key are identity-only", create_key, "Allow", ""});
  CaseSpec no_trust = account_ok;
  no_trust.resource_policy.clear();
  rows.push_back({"a role without its trust policy", no_trust, "ImplicitDeny", "resource"});
  // §1.5: sts:TagSession / SetSourceIdentity accompany AssumeRole and are
  // governed by the trust policy too.
  CaseSpec tag = assume(Aws(alice));
  tag.action = "sts:TagSession";
  rows.push_back({"sts:TagSession not in the trust policy", tag, "ImplicitDeny", "resource"});
  tag.resource_policy = Policy({S("{'Effect':'Allow','Principal':{'AWS':'" + alice +
                                  "'},'Action':['sts:AssumeRole','sts:TagSession']}")});
  rows.push_back({"sts:TagSession in the trust policy", tag, "Allow", ""});
  RunRows(rows);
}

TEST_CASE("anonymous and service callers (§2.6, §5.3)", "[eval]") {
  std::vector<E2E> rows;
  CaseSpec anon;
  anon.principal = "";
  anon.resource_account = "111111111111";
  anon.identity = {kS3Read};
  rows.push_back({"anonymous, no RBP: identity policies are not the caller's", anon,
                  "ImplicitDeny", "resource"});
  CaseSpec pub = anon;
  pub.resource_policy = Policy({AllowTo("\"*\"", "s3:GetObject", "arn:aws:s3:::b/*")});
  rows.push_back({"anonymous, bucket policy Principal *", pub, "Allow", ""});
  CaseSpec star_principal = pub;
  star_principal.principal = "*";
  rows.push_back({"principal \"*\" is anonymous too", star_principal, "Allow", ""});
  CaseSpec account_only = anon;
  account_only.resource_policy =
      Policy({AllowTo(Aws("111111111111"), "s3:GetObject", "arn:aws:s3:::b/*")});
  rows.push_back({"anonymous is not in any account", account_only, "ImplicitDeny", "resource"});
  CaseSpec service;
  service.principal = "cloudtrail.amazonaws.com";
  service.action = "s3:PutObject";
  service.resource_account = "111111111111";
  service.resource_policy = Policy({AllowTo(Q("{'Service':'cloudtrail.amazonaws.com'}"),
                                            "s3:PutObject", "arn:aws:s3:::b/*")});
  service.scp = {{Policy({Deny("*")})}};
  rows.push_back({"service principal named by the bucket policy; SCPs do not apply", service,
                  "Allow", ""});
  CaseSpec other_service = service;
  other_service.principal = "config.amazonaws.com";
  rows.push_back({"another service principal", other_service, "ImplicitDeny", "resource"});
  RunRows(rows);
}

TEST_CASE("SCP and RCP levels: every level needs an Allow (§5.7, §5.8)", "[eval]") {
  std::vector<E2E> rows;
  CaseSpec base;
  base.identity = {Policy({Allow("*")})};
  CaseSpec all = base;
  all.scp = {{FullAwsAccess()}, {FullAwsAccess()}, {FullAwsAccess()}};
  rows.push_back({"FullAWSAccess at every level", all, "Allow", ""});
  CaseSpec trap17 = base;
  trap17.scp = {{FullAwsAccess()}, {Policy({Allow("ec2:*")})}, {FullAwsAccess()}};
  rows.push_back({"trap 17: OU allows only ec2:*", trap17, "ImplicitDeny", "scp"});
  CaseSpec empty_level = base;
  empty_level.scp = {{FullAwsAccess()}, {}};
  rows.push_back({"a level with no policies", empty_level, "ImplicitDeny", "scp"});
  CaseSpec two_at_level = base;
  two_at_level.scp = {{Policy({Allow("ec2:*")}), Policy({Allow("s3:Get*")})}};
  rows.push_back({"Allows of policies at one level are OR-ed", two_at_level, "Allow", ""});
  CaseSpec scp_deny = all;
  scp_deny.scp->back().push_back(Policy({Deny("s3:GetObject")}));
  rows.push_back({"an SCP Deny at the account level", scp_deny, "ExplicitDeny", ""});
  CaseSpec scp_no_grant;
  scp_no_grant.scp = {{FullAwsAccess()}};
  rows.push_back({"SCPs never grant", scp_no_grant, "ImplicitDeny", "identity"});
  CaseSpec root = all;
  root.principal = std::string(evaltest::kRootA);
  root.identity.clear();
  root.scp = trap17.scp;
  rows.push_back({"the member account's root user is subject to SCPs", root, "ImplicitDeny",
                  "scp"});
  CaseSpec root_ok = root;
  root_ok.scp = all.scp;
  rows.push_back({"root user without policies, allowed by SCPs (§5.3 notes)", root_ok, "Allow",
                  ""});
  CaseSpec rcp = base;
  rcp.rcp = {{RcpFullAwsAccess()}, {RcpFullAwsAccess()}};
  rows.push_back({"RCPFullAWSAccess at every level", rcp, "Allow", ""});
  CaseSpec rcp_missing = base;
  rcp_missing.rcp = {{RcpFullAwsAccess()}, {}};
  rows.push_back({"an RCP level without Allow", rcp_missing, "ImplicitDeny", "rcp"});
  CaseSpec rcp_deny = rcp;
  rcp_deny.rcp->back().push_back(
      Policy({S("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*','Condition':"
                "{'StringNotEqualsIfExists':{'aws:PrincipalAccount':'111111111111'}}}")}));
  rcp_deny.principal = std::string(evaltest::kCarolB);
  rcp_deny.resource_account = "111111111111";
  rcp_deny.resource_policy = Policy({AllowTo("\"*\"", "s3:GetObject", "arn:aws:s3:::b/*")});
  rcp_deny.context = Q("{'aws:PrincipalAccount':'222222222222'}");
  rows.push_back({"RCP Deny for callers outside the account", rcp_deny, "ExplicitDeny", ""});
  // §5.7/§5.8: service-linked roles are exempt from SCPs and RCPs (AWS
  // docs; iam-simulate does not model this, §9).
  const std::string deny_all = Policy({Deny("*", "*", "DenyAll")});
  CaseSpec slr = base;
  slr.principal = "arn:aws:iam::111111111111:role/aws-service-role/"
                  "elasticmapreduce.amazonaws.com/AWSServiceRoleForEMRCleanup";
  slr.scp = {{FullAwsAccess(), deny_all}};
  slr.rcp = std::vector<std::vector<std::string>>{{}};
  rows.push_back({"a service-linked role ignores SCPs and RCPs", slr, "Allow", ""});
  CaseSpec slr_session = slr;
  slr_session.principal =
      "arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForEMRCleanup/cleanup";
  rows.push_back({"...and so do its sessions", slr_session, "Allow", ""});
  CaseSpec ordinary = slr;
  ordinary.principal = "arn:aws:iam::111111111111:role/service-role/EMR_DefaultRole";
  ordinary.rcp.reset();
  rows.push_back({"an ordinary role in a service-role path does not", ordinary, "ExplicitDeny",
                  ""});
  CaseSpec rcp_anon = rcp;
  rcp_anon.principal = "";
  rcp_anon.resource_account = "111111111111";
  rcp_anon.resource_policy = Policy({AllowTo("\"*\"", "s3:GetObject", "arn:aws:s3:::b/*")});
  rcp_anon.rcp = rcp_missing.rcp;
  rows.push_back({"RCPs apply to anonymous callers too", rcp_anon, "ImplicitDeny", "rcp"});
  RunRows(rows);
}

TEST_CASE("sts:GetCallerIdentity needs no permission, even against a Deny", "[eval]") {
  // STS API reference: "No permissions are required to perform this
  // operation", and an explicit deny does not stop it.
  CaseSpec c;
  c.action = "sts:GetCallerIdentity";
  c.resource = "*";
  c.identity = {Policy({Deny("*")})};
  Outcome out = Run(c);
  CHECK(out.decision == "Allow");
  CHECK(out.decisive.empty());
}

}  // namespace
}  // namespace iamlint
