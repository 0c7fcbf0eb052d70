// A seeded synthetic AWS account: the JSON of `aws iam
// get-account-authorization-details` (engine/inputs/account_snapshot.h) and
// the matching credential report CSV, for benchmarks and end-to-end timing
// of `iamlint lint` and `iamlint access --all` at scale (issue 7: 5,000
// roles, 1,000 users, 20,000 policies).
//
// What it holds, drawn with std::mt19937_64 from `seed` (the same spec
// always gives byte-identical text with the same embedded catalog):
//   - users: a few groups each, inline policies on some, customer managed
//     and AWS managed policies attached (AdministratorAccess on ~3 %,
//     ReadOnlyAccess on ~10 %), a permissions boundary on ~5 %;
//   - groups: inline and attached managed policies (one `admins` group with
//     AdministratorAccess);
//   - roles: trust policies for EC2 (with an instance profile), Lambda,
//     ECS tasks, GitHub Actions OIDC (with a `sub` condition) and IAM
//     Identity Center (SAML, `AWSReservedSSO_*` names); inline policies,
//     attached policies, a permissions boundary on ~20 %, RoleLastUsed;
//   - customer managed policies with one to five versions (the default
//     usually the newest), a few of them permissions boundaries;
//   - statements over real action names of Catalog::BuiltIn() (exact
//     names of every access level, `Get*`/`List*`/`Describe*` style
//     prefixes, `service:*`, NotAction, ~8 % Deny), resources as ARNs of the
//     service or `*`, conditions on some (MFA, aws:SourceIp,
//     aws:RequestedRegion).
// AWS managed policies are referenced by ARN only (as with `--filter
// LocalManagedPolicy Role User Group`); readers resolve them from the
// embedded library. The text is compact JSON with one statement, entity or
// policy version per line, so file:line citations stay meaningful.
#ifndef IAMLINT_BENCH_SYNTHETIC_ACCOUNT_H_
#define IAMLINT_BENCH_SYNTHETIC_ACCOUNT_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace iamlint::bench {

struct SyntheticAccountSpec {
  size_t users = 1000;
  size_t groups = 100;
  size_t roles = 5000;
  size_t policies = 20000;  // customer managed policies
  uint64_t seed = 20261130;

  // Issue 7's account: 1,000 users, 100 groups, 5,000 roles, 20,000 policies.
  static SyntheticAccountSpec Large() { return {}; }
  // For CI smoke runs: 4 users, 2 groups, 10 roles, 40 policies.
  static SyntheticAccountSpec Tiny() { return {4, 2, 10, 40, 20261130}; }
  // The large account's proportions for `roles` roles: roles / 5 users,
  // roles / 50 groups and 4 × roles policies (each at least 1).
  static SyntheticAccountSpec WithRoles(size_t roles);
};

struct SyntheticAccountStats {
  size_t users = 0, groups = 0, roles = 0, policies = 0;
  size_t policy_versions = 0;   // documents in PolicyVersionList entries
  size_t inline_policies = 0;   // UserPolicyList, GroupPolicyList, RolePolicyList
  size_t statements = 0;        // in every document except trust policies
  size_t admin_users = 0;       // AdministratorAccess attached to the user itself
  size_t readonly_users = 0;    // ReadOnlyAccess attached to the user itself
  size_t users_with_keys = 0;   // an active access key in the credential report
};

// The snapshot JSON. `stats` (optional) receives what it holds.
std::string SyntheticAccount(const SyntheticAccountSpec& spec,
                             SyntheticAccountStats* stats = nullptr);

// The credential report of the same account (header line included): about
// 60 % of the users have an active access key, a few two, some a console
// password, MFA on about half of those.
std::string SyntheticCredentialReport(const SyntheticAccountSpec& spec);

// The name of user `i` and role `i` of the account (as in the snapshot).
std::string SyntheticUserName(const SyntheticAccountSpec& spec, size_t i);
std::string SyntheticRoleName(const SyntheticAccountSpec& spec, size_t i);

}  // namespace iamlint::bench

#endif  // IAMLINT_BENCH_SYNTHETIC_ACCOUNT_H_
