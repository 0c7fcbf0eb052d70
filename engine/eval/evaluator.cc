#include "engine/eval/evaluator.h"

#include "engine/base/ascii.h"

#include <cctype>

#include "engine/eval/condition_eval.h"
#include "engine/eval/variables.h"
#include "engine/match/arn.h"

namespace iamlint {

std::string SlotName(const StatementRef& ref) {
  switch (ref.slot) {
    case Slot::kIdentity:
      return "identity[" + std::to_string(ref.index) + "]";
    case Slot::kBoundary:
      return "boundary";
    case Slot::kSession:
      return "session[" + std::to_string(ref.index) + "]";
    case Slot::kResource:
      return "resource";
    case Slot::kScp:
      return "scp[" + std::to_string(ref.index) + "][" + std::to_string(ref.position) + "]";
    case Slot::kRcp:
      return "rcp[" + std::to_string(ref.index) + "][" + std::to_string(ref.position) + "]";
  }
  return "";
}

const CompiledPolicy* PolicyOf(const PolicyBundle& bundle, const StatementRef& ref) {
  switch (ref.slot) {
    case Slot::kIdentity:
      return ref.index < bundle.identity.size() ? bundle.identity[ref.index] : nullptr;
    case Slot::kBoundary:
      return bundle.boundary;
    case Slot::kSession:
      return ref.index < bundle.session.size() ? bundle.session[ref.index] : nullptr;
    case Slot::kResource:
      return bundle.resource;
    case Slot::kScp:
      return ref.index < bundle.scp.size() && ref.position < bundle.scp[ref.index].size()
                 ? bundle.scp[ref.index][ref.position]
                 : nullptr;
    case Slot::kRcp:
      return ref.index < bundle.rcp.size() && ref.position < bundle.rcp[ref.index].size()
                 ? bundle.rcp[ref.index][ref.position]
                 : nullptr;
  }
  return nullptr;
}

namespace {


struct PolicyResult {
  bool any_allow = false;
  bool any_deny = false;
  PrincipalGrant grant = PrincipalGrant::kNone;  // strongest among applicable Allows
};

class Walker {
 public:
  Walker(const Request& request, const EvalOptions& options, EvalScratch* scratch, Trace* trace,
         bool caller_has_boundary)
      : request_(request),
        options_(options),
        scratch_(scratch),
        trace_(trace),
        caller_has_boundary_(caller_has_boundary) {}

  PolicyResult Evaluate(const CompiledPolicy& policy, StatementRef ref) {
    PolicyResult result;
    const auto& statements = policy.statements();
    // Tracing explains every statement, so it always scans them all.
    if (!options_.use_index || trace_ != nullptr) {
      for (uint32_t i = 0; i < statements.size(); ++i) Visit(policy, statements[i], ref, &result);
      return result;
    }
    // Merge the service bucket and the always bucket in document order.
    const std::vector<uint32_t>& a = policy.ServiceBucket(request_.action_service());
    const std::vector<uint32_t>& b = policy.AlwaysBucket();
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
      uint32_t next;
      if (j >= b.size() || (i < a.size() && a[i] < b[j])) {
        next = a[i++];
      } else {
        next = b[j++];
      }
      Visit(policy, statements[next], ref, &result);
    }
    return result;
  }

 private:
  void Visit(const CompiledPolicy& policy, const CompiledStatement& st, StatementRef ref,
             PolicyResult* result) {
    ref.statement = st.index;
    StatementTrace* t = nullptr;
    if (trace_ != nullptr) {
      trace_->statements.push_back(StatementTrace{ref, false, MissReason::kNone, 0, ""});
      t = &trace_->statements.back();
    }
    if (!st.usable) {
      if (t) {
        t->reason = MissReason::kInvalid;
        t->detail = "statement has no valid `Effect` or `Action`";
      }
      return;
    }
    PrincipalGrant grant = PrincipalGrant::kDirect;
    if (KindHasPrincipal(policy.kind())) {
      grant = MatchPrincipal(st);
      if (grant == PrincipalGrant::kNone) {
        if (t) {
          t->reason = MissReason::kPrincipal;
          t->detail = "principal `" + request_.principal() + "` is not named";
        }
        return;
      }
    }
    if (!MatchAction(st)) {
      if (t) {
        t->reason = MissReason::kAction;
        t->detail = "action `" + request_.action() + "` is " +
                    (st.not_action ? "excluded by `NotAction`" : "not listed");
      }
      return;
    }
    if (!MatchResource(st)) {
      if (t) {
        t->reason = MissReason::kResource;
        t->detail = "resource `" + request_.resource() + "` is " +
                    (st.not_resource ? "excluded by `NotResource`" : "not matched");
      }
      return;
    }
    for (const CompiledCondition& c : st.conditions) {
      std::string why;
      if (!EvaluateCondition(c, request_, t ? &why : nullptr)) {
        if (t) {
          t->reason = MissReason::kCondition;
          t->condition = c.entry;
          t->detail = std::move(why);
        }
        return;
      }
    }
    if (t) t->applied = true;
    if (st.effect == Effect::kDeny) {
      result->any_deny = true;
      scratch_->denies.push_back(ref);
    } else {
      result->any_allow = true;
      if (grant > result->grant) result->grant = grant;
      scratch_->allows.push_back(ref);
    }
  }

  bool MatchAction(const CompiledStatement& st) const {
    bool any = false;
    for (const CompiledAction& a : st.actions) {
      if (a.any || (a.service == request_.action_service() && a.name.Match(request_.action_name()))) {
        any = true;
        break;
      }
    }
    return st.not_action ? !any : any;
  }

  // True when `r` matches the request resource; *unresolved is set when a
  // policy variable in it could not be resolved.
  bool ResourceMatches(const CompiledResource& r, bool* unresolved) const {
    if (!r.has_variables) return r.pattern.Match(request_.resource());
    Glob resource;
    if (!SubstituteToGlob(r.parts, request_, /*wildcards=*/true, &resource)) {
      *unresolved = true;
      return false;
    }
    return ResourcePattern::CompileWithResourceGlob(r.head, resource).Match(request_.resource());
  }

  bool MatchResource(const CompiledStatement& st) const {
    // No Resource element (resource-based policies): the attached resource.
    if (!st.has_resource) return true;
    bool any = false, unresolved = false;
    for (const CompiledResource& r : st.resources) {
      if (ResourceMatches(r, &unresolved)) {
        any = true;
        break;
      }
    }
    if (st.not_resource) {
      // iamlint decision (semantics §4): an unresolved variable in
      // NotResource makes the statement never apply (fail closed).
      if (unresolved) return false;
      return !any;
    }
    return any;
  }

  PrincipalGrant EntryGrant(const CompiledPrincipal& p) const {
    const CallerIdentity& c = request_.caller();
    switch (p.kind) {
      case PrincipalEntryKind::kAny:
        return PrincipalGrant::kDirect;
      case PrincipalEntryKind::kAccount:
        return c.has_account() && c.account == p.account ? PrincipalGrant::kAccount
                                                         : PrincipalGrant::kNone;
      case PrincipalEntryKind::kUser:
      case PrincipalEntryKind::kSession:
      case PrincipalEntryKind::kFederatedUser:
        return c.arn == p.value ? PrincipalGrant::kDirect : PrincipalGrant::kNone;
      case PrincipalEntryKind::kRole:
        // A role ARN names every session of the role; the role path is not
        // part of session ARNs, so account and name decide.
        return c.is_role_session() && c.account == p.account && c.role_name == p.role_name
                   ? PrincipalGrant::kRole
                   : PrincipalGrant::kNone;
      case PrincipalEntryKind::kService:
        return c.kind == CallerKind::kService && EqualsIgnoreAsciiCase(c.arn, p.value)
                   ? PrincipalGrant::kDirect
                   : PrincipalGrant::kNone;
      case PrincipalEntryKind::kFederated:
      case PrincipalEntryKind::kCanonicalUser:
        return c.arn == p.value ? PrincipalGrant::kDirect : PrincipalGrant::kNone;
      case PrincipalEntryKind::kUniqueId:
      case PrincipalEntryKind::kInvalid:
        return PrincipalGrant::kNone;
    }
    return PrincipalGrant::kNone;
  }

  // NotPrincipal (§2.6): the statement covers the caller when any of its
  // identity levels (account, role, the principal itself) is not listed, and
  // always when the caller has a permissions boundary.
  bool NotPrincipalCovers(const CompiledStatement& st) const {
    if (caller_has_boundary_) return true;
    const CallerIdentity& c = request_.caller();
    bool any_listed = false, account_listed = false, role_listed = false, self_listed = false;
    for (const CompiledPrincipal& p : st.principals) {
      switch (p.kind) {
        case PrincipalEntryKind::kAny:
          any_listed = true;
          break;
        case PrincipalEntryKind::kAccount:
          account_listed = account_listed || (c.has_account() && p.account == c.account);
          break;
        case PrincipalEntryKind::kRole:
          role_listed = role_listed ||
                        (c.is_role_session() && c.account == p.account && c.role_name == p.role_name);
          if (c.kind == CallerKind::kRole && c.arn == p.value) self_listed = true;
          break;
        default:
          if (EntryGrant(p) == PrincipalGrant::kDirect) self_listed = true;
          break;
      }
    }
    if (any_listed) return false;
    switch (c.kind) {
      case CallerKind::kRoot:
        return !account_listed;
      case CallerKind::kUser:
      case CallerKind::kFederatedUser:
        return !(account_listed && self_listed);
      case CallerKind::kRole:
        return !(account_listed && role_listed);
      case CallerKind::kAssumedRole:
        return !(account_listed && role_listed && self_listed);
      case CallerKind::kService:
      case CallerKind::kOther:
        return !self_listed;
      case CallerKind::kAnonymous:
        return true;
    }
    return true;
  }

  PrincipalGrant MatchPrincipal(const CompiledStatement& st) const {
    if (!st.has_principal) return PrincipalGrant::kNone;
    if (st.not_principal) return NotPrincipalCovers(st) ? PrincipalGrant::kDirect : PrincipalGrant::kNone;
    PrincipalGrant best = PrincipalGrant::kNone;
    for (const CompiledPrincipal& p : st.principals) {
      PrincipalGrant g = EntryGrant(p);
      if (g > best) best = g;
    }
    return best;
  }

  const Request& request_;
  const EvalOptions& options_;
  EvalScratch* scratch_;
  Trace* trace_;
  bool caller_has_boundary_;
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The STS actions a role's trust policy governs (semantics §1.5: the
// AssumeRole* family, and sts:TagSession, sts:SetSourceIdentity and
// sts:SetContext, which accompany them).
bool IsTrustAction(std::string_view service, std::string_view name) {
  return service == "sts" && (StartsWith(name, "assumerole") || name == "tagsession" ||
                              name == "setsourceidentity" || name == "setcontext");
}

// Records, for an explanation, that no statement of `policy` was considered
// because the policy does not apply to this caller at all.
void TraceSkipped(Trace* trace, const CompiledPolicy& policy, StatementRef ref,
                  std::string_view why) {
  if (trace == nullptr) return;
  for (const CompiledStatement& st : policy.statements()) {
    ref.statement = st.index;
    trace->statements.push_back(StatementTrace{ref, false, MissReason::kPolicy, 0, std::string(why)});
  }
}

// The resource field of an ARN ("role/r1", "key/k1"), or empty.
std::string_view ArnResourceOf(std::string_view arn, std::string_view service) {
  auto fields = SplitArn(arn);
  if (!fields || fields->service != service) return std::string_view();
  return fields->resource;
}

}  // namespace

void Authorize(const PolicyBundle& bundle, const Request& request, const EvalOptions& options,
               EvalScratch* scratch, Decision* decision, Trace* trace) {
  scratch->allows.clear();
  scratch->denies.clear();
  decision->decisive.clear();
  if (trace != nullptr) {
    trace->statements.clear();
    trace->gate.clear();
  }
  const CallerIdentity& caller = request.caller();
  bool anonymous_or_service = caller.kind == CallerKind::kAnonymous || caller.kind == CallerKind::kService;
  bool is_user = caller.kind == CallerKind::kUser;
  // A boundary caps the user or role and every session made from it,
  // including GetFederationToken sessions of a user (table 5.4).
  bool subject_to_boundary =
      bundle.boundary != nullptr &&
      (is_user || caller.is_role_session() || caller.kind == CallerKind::kFederatedUser);
  Walker walker(request, options, scratch, trace, subject_to_boundary);
  DecisionInputs in;
  in.anonymous_or_service = anonymous_or_service;
  in.caller_is_user = is_user;
  in.federated_user = caller.kind == CallerKind::kFederatedUser;
  in.cross_account = caller.has_account() && !request.resource_account().empty() &&
                     caller.account != request.resource_account();

  // The caller's own policies.
  const char* no_identity = caller.kind == CallerKind::kAnonymous
                                ? "identity-based policies do not apply to anonymous requests"
                                : "identity-based policies do not apply to a service principal";
  for (uint32_t i = 0; i < bundle.identity.size(); ++i) {
    StatementRef ref{Slot::kIdentity, i, 0, 0};
    if (anonymous_or_service) {
      TraceSkipped(trace, *bundle.identity[i], ref, no_identity);
      continue;
    }
    PolicyResult r = walker.Evaluate(*bundle.identity[i], ref);
    in.identity_allows = in.identity_allows || r.any_allow;
    in.explicit_deny = in.explicit_deny || r.any_deny;
  }
  // The root user has every permission in its own account (§5.3).
  if (caller.kind == CallerKind::kRoot) in.identity_allows = true;
  if (subject_to_boundary) {
    PolicyResult r = walker.Evaluate(*bundle.boundary, StatementRef{Slot::kBoundary, 0, 0, 0});
    in.boundary_present = true;
    in.boundary_allows = r.any_allow;
    in.explicit_deny = in.explicit_deny || r.any_deny;
  } else if (bundle.boundary != nullptr) {
    TraceSkipped(trace, *bundle.boundary, StatementRef{Slot::kBoundary, 0, 0, 0},
                 "a permissions boundary applies only to IAM users, roles and their sessions");
  }
  in.session_applies = caller.is_role_session() || caller.kind == CallerKind::kFederatedUser;
  for (uint32_t i = 0; i < bundle.session.size(); ++i) {
    StatementRef ref{Slot::kSession, i, 0, 0};
    if (!in.session_applies) {
      TraceSkipped(trace, *bundle.session[i], ref,
                   "session policies apply only to role and federated-user sessions");
      continue;
    }
    in.session_present = true;
    PolicyResult r = walker.Evaluate(*bundle.session[i], ref);
    in.session_allows = in.session_allows || r.any_allow;
    in.explicit_deny = in.explicit_deny || r.any_deny;
  }

  // Role trust policies and KMS key policies must themselves allow the
  // caller (§5.5). Every role has a trust policy and every key a key policy,
  // so a request on a role or key whose policy the case does not give has
  // no such grant: the identity policies alone never suffice.
  std::string_view service = request.action_service();
  std::string_view name = request.action_name();
  in.resource_is_trust = IsTrustAction(service, name);
  in.resource_must_allow =
      service == "kms" &&
      (bundle.resource != nullptr || StartsWith(ArnResourceOf(request.resource(), "kms"), "key/"));
  if (in.resource_is_trust) {
    in.resource_must_allow =
        bundle.resource != nullptr || StartsWith(ArnResourceOf(request.resource(), "iam"), "role/");
  }

  // The resource's policy.
  if (bundle.resource != nullptr) {
    size_t denies_before = scratch->denies.size();
    PolicyResult r = walker.Evaluate(*bundle.resource, StatementRef{Slot::kResource, 0, 0, 0});
    in.resource_present = true;
    in.resource_grant = r.any_allow ? r.grant : PrincipalGrant::kNone;
    // S3: the bucket owner's root user can always read, change and delete
    // the bucket policy, whatever the policy denies (S3 API reference).
    bool owner_root_exception =
        service == "s3" && caller.kind == CallerKind::kRoot &&
        caller.account == request.resource_account() &&
        (name == "getbucketpolicy" || name == "putbucketpolicy" || name == "deletebucketpolicy");
    if (owner_root_exception) {
      scratch->denies.resize(denies_before);
    } else {
      in.explicit_deny = in.explicit_deny || r.any_deny;
    }
  }

  // Organization guardrails: every level needs an applicable Allow.
  auto levels = [&](const std::vector<std::vector<const CompiledPolicy*>>& tree, Slot slot,
                    const char* skip_reason, bool* all_allow) {
    *all_allow = true;
    for (uint32_t level = 0; level < tree.size(); ++level) {
      bool level_allows = false;
      for (uint32_t k = 0; k < tree[level].size(); ++k) {
        StatementRef ref{slot, level, k, 0};
        if (skip_reason != nullptr) {
          TraceSkipped(trace, *tree[level][k], ref, skip_reason);
          continue;
        }
        PolicyResult r = walker.Evaluate(*tree[level][k], ref);
        level_allows = level_allows || r.any_allow;
        in.explicit_deny = in.explicit_deny || r.any_deny;
      }
      *all_allow = *all_allow && level_allows;
    }
  };
  // SCPs limit principals of member accounts; not anonymous or service
  // callers, and not service-linked roles (§5.7).
  if (bundle.has_scp) {
    const char* skip = caller.kind == CallerKind::kAnonymous
                           ? "SCPs do not apply to anonymous requests"
                       : caller.kind == CallerKind::kService
                           ? "SCPs do not apply to service principals"
                       : caller.service_linked_role ? "SCPs do not apply to service-linked roles"
                                                    : nullptr;
    in.scp_applies = skip == nullptr;
    bool all_allow = false;
    levels(bundle.scp, Slot::kScp, skip, &all_allow);
    in.scp_allows = in.scp_applies && all_allow;
  }
  // RCPs apply to every caller except service-linked roles (§5.8).
  if (bundle.has_rcp) {
    bool unsupported = false;
    if (options.catalog != nullptr) {
      std::optional<ServiceId> id = options.catalog->FindService(request.action_service());
      unsupported = !id || !options.catalog->rcp_supported(*id);
    }
    const char* skip =
        caller.service_linked_role ? "RCPs do not apply to service-linked roles"
        : unsupported              ? "RCPs do not apply to this service"
                                   : nullptr;
    in.rcp_present = skip == nullptr;
    bool all_allow = false;
    levels(bundle.rcp, Slot::kRcp, skip, &all_allow);
    in.rcp_allows = in.rcp_present && all_allow;
  }

  // "No permissions are required to perform this operation" (STS API
  // reference): even an explicit deny does not stop GetCallerIdentity.
  in.needs_no_permission =
      request.action_service() == "sts" && request.action_name() == "getcalleridentity";

  DecisionResult result = Decide(in);
  decision->kind = result.kind;
  decision->gate = result.gate;
  if (in.needs_no_permission) {
    // No statement decided it.
  } else if (result.kind == DecisionKind::kExplicitDeny) {
    decision->decisive = scratch->denies;
  } else if (result.kind == DecisionKind::kAllow) {
    decision->decisive = scratch->allows;
  }
  if (trace != nullptr) trace->gate = std::string(GateName(result.gate));
}

}  // namespace iamlint
