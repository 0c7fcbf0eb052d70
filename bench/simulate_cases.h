// Seeded request cases for `iamlint simulate` and its peers (issue 9,
// workloads 2 and 3), in the format of shared/spec/cases.md.
//
// A principal (IAM users alice, bob and carol of account 111122223333,
// members of one group) has 10 realistic identity policies: S3 read and
// per-user home folders (`${aws:username}`), EC2 operators limited by
// region, DynamoDB tables, Lambda deployment with `iam:PassRole` limited
// by `iam:PassedToService`, queues valid until a date, secrets through
// KMS, a sandbox power user (`NotAction`), and Deny statements (outside
// the corporate network with `NotIpAddress`, sensitive actions without
// MFA with `BoolIfExists`, plain-HTTP secrets access, audit tampering).
// Action names come from the embedded catalog (fixed ones plus a few
// seeded picks per policy). Requests name catalog actions, mostly of the
// policies' services, with resource ARNs built from the action's own ARN
// format and context keys (source IP, MFA, current time, TLS, region,
// username, principal tag, and `s3:prefix`, `iam:PassedToService`,
// `kms:ViaService` where they apply).
//
// Determinism: std::mt19937_64 reduced with `%`; the same seed and the
// same embedded catalog give byte-identical output on every platform.
#ifndef IAMLINT_BENCH_SIMULATE_CASES_H_
#define IAMLINT_BENCH_SIMULATE_CASES_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace iamlint::bench {

inline constexpr std::string_view kCaseAccount = "111122223333";

struct NamedPolicy {
  std::string name;  // "P01-S3ReadReports"
  std::string text;  // the policy document, minified JSON
};

// The 10 identity policies of the principal, in attachment order.
std::vector<NamedPolicy> PrincipalPolicies(uint64_t seed);

// One policy of exactly `statements` statements drawn from the same
// statement kinds, with names varied by `index` (bucket `example-reports-7`,
// table `orders-7`...), for large policy sets (workload 3: 10,000 × 10).
std::string RealisticPolicy(size_t index, size_t statements, uint64_t seed);

// One request case line (no trailing newline) against the policies named in
// `policy_names`; `n` numbers the case id ("c0000042").
class CaseGenerator {
 public:
  CaseGenerator(std::vector<std::string> policy_names, uint64_t seed);
  ~CaseGenerator();
  CaseGenerator(const CaseGenerator&) = delete;
  CaseGenerator& operator=(const CaseGenerator&) = delete;

  std::string Next();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The whole file: a `define` line naming PrincipalPolicies(seed), then
// `count` case lines, each ending in '\n'.
void WriteSimulateCases(size_t count, uint64_t seed, std::ostream& out);
std::string SimulateCases(size_t count, uint64_t seed);

}  // namespace iamlint::bench

#endif  // IAMLINT_BENCH_SIMULATE_CASES_H_
