// Small helpers shared by the issue-9 benchmarks (simulate_bench.cc,
// large_policy_set_bench.cc): process memory from /proc/self/status with
// a peak-RSS reset, heap bytes in use, process CPU time, size lists from environment
// variables, and percentiles of a sample.
#ifndef IAMLINT_BENCH_BENCH_SUPPORT_H_
#define IAMLINT_BENCH_BENCH_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace iamlint::bench {

// A field of /proc/self/status in kB ("VmRSS", "VmHWM"), or -1.
long ProcStatusKb(const char* field);

// Resets VmHWM to the current RSS (writes 5 to /proc/self/clear_refs,
// Linux >= 4.0); false where the kernel does not allow it.
bool ResetPeakRss();

// Bytes of heap in use (glibc mallinfo2: uordblks + hblkhd), or 0 where
// unavailable. Unlike RSS, not hidden by memory freed earlier in the run.
size_t HeapInUseBytes();

// CPU time (user + system) of the whole process so far, in seconds.
double ProcessCpuSeconds();

// The comma-separated positive integers of environment variable `name`
// ("1000,10000"), or `defaults` when it is unset, empty or lists none.
std::vector<int64_t> SizesFromEnv(const char* name, std::vector<int64_t> defaults);

// The q-th quantile (0 <= q <= 1, nearest rank) of `sample`, which it
// reorders; 0 for an empty sample.
double Quantile(std::vector<double>& sample, double q);

}  // namespace iamlint::bench

#endif  // IAMLINT_BENCH_BENCH_SUPPORT_H_
