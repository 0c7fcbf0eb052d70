// iamlint_gen_cases: writes the seeded request cases of
// bench/simulate_cases.h (a `define` line with the principal's 10 policies,
// then one case per line) for `iamlint simulate` and bench/peers/run.sh:
//
//   iamlint_gen_cases 100000 > cases.jsonl           # seed 1
//   iamlint_gen_cases --seed 7 1000000 > big.jsonl
//   iamlint_gen_cases --policies-dir DIR 10000 10    # DIR/p00000.json...: 10,000 policies of 10 statements
//
// Exit status 2 on a usage error, 1 on a write error.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "bench/simulate_cases.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: iamlint_gen_cases [--seed N] COUNT > cases.jsonl\n"
               "       iamlint_gen_cases [--seed N] --policies-dir DIR POLICIES STATEMENTS\n");
  return 2;
}

bool ParseCount(const char* text, uint64_t* out) {
  if (text == nullptr || *text == '\0' || text[0] == '-') return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long value = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0') return false;
  *out = value;
  return true;
}

int WritePolicies(const std::string& dir, uint64_t policies, uint64_t statements, uint64_t seed) {
  for (uint64_t i = 0; i < policies; ++i) {
    char name[48];
    std::snprintf(name, sizeof name, "/p%05llu.json", static_cast<unsigned long long>(i));
    std::ofstream out(dir + name, std::ios::binary | std::ios::trunc);
    out << iamlint::bench::RealisticPolicy(i, statements, seed) << '\n';
    out.close();
    if (!out) {
      std::fprintf(stderr, "iamlint_gen_cases: cannot write %s%s\n", dir.c_str(), name);
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t seed = 1;
  std::string dir;
  int i = 1;
  for (; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--seed" && i + 1 < argc) {
      if (!ParseCount(argv[++i], &seed)) return Usage();
    } else if (arg == "--policies-dir" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      break;
    }
  }
  if (!dir.empty()) {
    uint64_t policies = 0, statements = 0;
    if (argc - i != 2 || !ParseCount(argv[i], &policies) || !ParseCount(argv[i + 1], &statements)) {
      return Usage();
    }
    return WritePolicies(dir, policies, statements, seed);
  }
  uint64_t count = 0;
  if (argc - i != 1 || !ParseCount(argv[i], &count)) return Usage();
  std::ios::sync_with_stdio(false);
  iamlint::bench::WriteSimulateCases(static_cast<size_t>(count), seed, std::cout);
  std::cout.flush();
  if (!std::cout) {
    std::fprintf(stderr, "iamlint_gen_cases: write error\n");
    return 1;
  }
  return 0;
}
