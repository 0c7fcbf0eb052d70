// Seeded synthetic inputs for benchmarks: realistic-looking IAM policies of
// any size and request streams against them. The same seed always gives
// the same text, so runs are comparable (leveldb's Random(301) rule).
#ifndef IAMLINT_BENCH_SYNTHETIC_H_
#define IAMLINT_BENCH_SYNTHETIC_H_

#include <cstdint>
#include <string>
#include <vector>

namespace iamlint::bench {

struct SyntheticRequest {
  std::string principal;
  std::string action;
  std::string resource;
  std::vector<std::pair<std::string, std::string>> context;
};

// An identity policy of `statements` statements mixing exact actions, `Get*`
// style wildcards, NotAction, ARNs with wildcards and policy variables, and
// conditions (String, Bool, IpAddress, Date, Numeric), about one in ten a Deny.
std::string SyntheticPolicy(size_t statements, uint32_t seed);

// `count` requests over the same services, actions and resources.
std::vector<SyntheticRequest> SyntheticRequests(size_t count, uint32_t seed);

}  // namespace iamlint::bench

#endif  // IAMLINT_BENCH_SYNTHETIC_H_
