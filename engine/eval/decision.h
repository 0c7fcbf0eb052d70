// Decide: how AWS combines policy types into one verdict (semantics §5).
//
// This file holds the whole combination logic and nothing else: a pure
// function of a small DecisionInputs value, so tests can enumerate every
// combination against a table written from the AWS documentation. Which
// statements applied is the evaluator's job (evaluator.h).
//
//   0. an action that needs no permission          → Allow
//   1. an applicable Deny anywhere                 → ExplicitDeny
//   2. an RCP or SCP level without an Allow        → ImplicitDeny (rcp / scp)
//   3. anonymous or service caller: only a resource-policy grant to it
//   4. cross-account: the resource policy must name the caller or its
//      account, AND the caller's identity side (identity ∧ boundary ∧
//      session) must allow
//   5. same account: a resource-policy grant to the caller itself (user,
//      session, `*`) suffices; a grant to the role skips the identity
//      policy but not the boundary or session policy; a grant to the
//      account only delegates; role trust and KMS key policies must
//      themselves allow the caller
#ifndef IAMLINT_ENGINE_EVAL_DECISION_H_
#define IAMLINT_ENGINE_EVAL_DECISION_H_

#include <string_view>

namespace iamlint {

enum class DecisionKind { kAllow, kExplicitDeny, kImplicitDeny };
std::string_view DecisionKindName(DecisionKind kind);  // "Allow", "ExplicitDeny", "ImplicitDeny"

// The gate that had no Allow, for ImplicitDeny.
enum class Gate { kNone, kScp, kRcp, kResource, kIdentity, kBoundary, kSession };
std::string_view GateName(Gate gate);  // "scp", "rcp", "resource", "identity", ...

// How strongly a resource-based policy's applicable Allow names the caller
// (table 5.4). Ordered: a stronger grant wins.
enum class PrincipalGrant {
  kNone,     // no applicable Allow
  kAccount,  // names only the caller's account: delegation
  kRole,     // names the role of the calling session
  kDirect,   // names the user, the session, the federated user, `*`, the service
};

struct DecisionInputs {
  // AWS authorizes a few actions without any policy check, even against an
  // explicit deny (sts:GetCallerIdentity).
  bool needs_no_permission = false;
  bool explicit_deny = false;

  bool rcp_present = false;
  bool rcp_allows = false;  // every RCP level has an applicable Allow
  bool scp_applies = false; // SCPs given and the caller is subject to them
  bool scp_allows = false;  // every SCP level has an applicable Allow

  bool resource_present = false;
  PrincipalGrant resource_grant = PrincipalGrant::kNone;
  // Role trust policies and KMS key policies must themselves allow the
  // caller, even in the same account (§5.5).
  bool resource_must_allow = false;
  bool resource_is_trust = false;

  bool anonymous_or_service = false;  // no identity side at all
  bool cross_account = false;
  bool caller_is_user = false;

  bool identity_allows = false;  // some identity policy allows (root: always)
  bool boundary_present = false;
  bool boundary_allows = false;
  bool session_applies = false;  // caller is a role or federated-user session
  bool session_present = false;
  bool session_allows = false;
  bool federated_user = false;   // GetFederationToken session
};

struct DecisionResult {
  DecisionKind kind = DecisionKind::kImplicitDeny;
  Gate gate = Gate::kNone;  // for ImplicitDeny
};

DecisionResult Decide(const DecisionInputs& in);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_DECISION_H_
