#include "engine/eval/decision.h"

namespace iamlint {

std::string_view DecisionKindName(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kAllow:
      return "Allow";
    case DecisionKind::kExplicitDeny:
      return "ExplicitDeny";
    case DecisionKind::kImplicitDeny:
      return "ImplicitDeny";
  }
  return "ImplicitDeny";
}

std::string_view GateName(Gate gate) {
  switch (gate) {
    case Gate::kNone:
      return "";
    case Gate::kScp:
      return "scp";
    case Gate::kRcp:
      return "rcp";
    case Gate::kResource:
      return "resource";
    case Gate::kIdentity:
      return "identity";
    case Gate::kBoundary:
      return "boundary";
    case Gate::kSession:
      return "session";
  }
  return "";
}

namespace {

DecisionResult Implicit(Gate gate) { return DecisionResult{DecisionKind::kImplicitDeny, gate}; }
constexpr DecisionResult kAllow{DecisionKind::kAllow, Gate::kNone};

// The caller's own side: boundary and session policy (identity checked by
// the caller of this function, since a role grant may replace it).
DecisionResult CapsOfCaller(const DecisionInputs& in) {
  if (in.boundary_present && !in.boundary_allows) return Implicit(Gate::kBoundary);
  if (in.session_applies) {
    if (in.session_present && !in.session_allows) return Implicit(Gate::kSession);
    // A GetFederationToken session without a session policy has nothing.
    if (in.federated_user && !in.session_present) return Implicit(Gate::kSession);
  }
  return kAllow;
}

}  // namespace

DecisionResult Decide(const DecisionInputs& in) {
  if (in.needs_no_permission) return kAllow;
  if (in.explicit_deny) return DecisionResult{DecisionKind::kExplicitDeny, Gate::kNone};
  if (in.rcp_present && !in.rcp_allows) return Implicit(Gate::kRcp);
  if (in.scp_applies && !in.scp_allows) return Implicit(Gate::kScp);

  PrincipalGrant grant = in.resource_present ? in.resource_grant : PrincipalGrant::kNone;

  if (in.anonymous_or_service) {
    return grant == PrincipalGrant::kDirect ? kAllow : Implicit(Gate::kResource);
  }

  if (in.cross_account) {
    // Two evaluations, both must allow: the resource side (any grant that
    // names the caller or its account) and the caller's identity side.
    if (grant == PrincipalGrant::kNone) return Implicit(Gate::kResource);
    if (!in.identity_allows) return Implicit(Gate::kIdentity);
    return CapsOfCaller(in);
  }

  if (in.resource_must_allow && grant == PrincipalGrant::kNone) return Implicit(Gate::kResource);
  if (grant == PrincipalGrant::kDirect) {
    // iamlint decision (semantics §5.5, UNCONFIRMED): a trust policy naming a
    // user who has a permissions boundary still needs the boundary to allow.
    if (in.resource_is_trust && in.caller_is_user && in.boundary_present && !in.boundary_allows) {
      return Implicit(Gate::kBoundary);
    }
    return kAllow;
  }
  if (!in.identity_allows && grant != PrincipalGrant::kRole) return Implicit(Gate::kIdentity);
  return CapsOfCaller(in);
}

}  // namespace iamlint
