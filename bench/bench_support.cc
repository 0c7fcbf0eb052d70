#include "bench/bench_support.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <malloc.h>
#include <string>

namespace iamlint::bench {

long ProcStatusKb(const char* field) {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return -1;
  char line[256];
  long kb = -1;
  const size_t n = std::strlen(field);
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::strncmp(line, field, n) == 0 && line[n] == ':') {
      kb = std::strtol(line + n + 1, nullptr, 10);
      break;
    }
  }
  std::fclose(f);
  return kb;
}

bool ResetPeakRss() {
  std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (f == nullptr) return false;
  bool ok = std::fputs("5", f) >= 0;
  ok = std::fclose(f) == 0 && ok;
  return ok;
}

size_t HeapInUseBytes() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::vector<int64_t> SizesFromEnv(const char* name, std::vector<int64_t> defaults) {
  const char* env = std::getenv(name);
  if (env == nullptr || *env == '\0') return defaults;
  std::string list = env;
  std::vector<int64_t> sizes;
  size_t at = 0;
  while (at <= list.size()) {
    size_t comma = list.find(',', at);
    if (comma == std::string::npos) comma = list.size();
    std::string item = list.substr(at, comma - at);
    char* end = nullptr;
    long long value = std::strtoll(item.c_str(), &end, 10);
    if (!item.empty() && *end == '\0' && value > 0) sizes.push_back(value);
    at = comma + 1;
  }
  return sizes.empty() ? defaults : sizes;
}

double Quantile(std::vector<double>& sample, double q) {
  if (sample.empty()) return 0;
  double rank = std::ceil(q * static_cast<double>(sample.size()));
  size_t k = rank < 1 ? 0 : static_cast<size_t>(rank) - 1;
  if (k >= sample.size()) k = sample.size() - 1;
  std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(k), sample.end());
  return sample[k];
}

}  // namespace iamlint::bench
