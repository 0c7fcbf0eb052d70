// iamlint_synth_account: writes the seeded synthetic account snapshot
// (bench/synthetic_account.h) to a file, for timing the CLI end to end:
//
//   iamlint_synth_account big.json                   # 5,000 roles, 1,000 users, 20,000 policies
//   iamlint_synth_account --roles 500 mid.json       # the same proportions, 500 roles
//   iamlint_synth_account --tiny --credentials creds.csv tiny.json
//   iamlint lint big.json; iamlint access --account big.json --all
//
// Options: --tiny, --roles N (users N/5, groups N/50, policies 4N),
// --users N, --groups N, --policies N (after --roles/--tiny), --seed N,
// --credentials FILE (also write the credential report). Prints what it
// wrote to stderr. Exit status 2 on a usage error, 1 on a write error.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>

#include "bench/synthetic_account.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: iamlint_synth_account [--tiny | --roles N] [--users N] [--groups N] "
               "[--policies N] [--seed N] [--credentials FILE] OUT.json\n");
  return 2;
}

bool ParseCount(const char* text, uint64_t* out) {
  if (text == nullptr || *text == '\0') return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long value = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0' || text[0] == '-') return false;
  *out = value;
  return true;
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "iamlint_synth_account: cannot write %s\n", path.c_str());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using iamlint::bench::SyntheticAccountSpec;
  SyntheticAccountSpec spec = SyntheticAccountSpec::Large();
  std::string output, credentials;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    const char* next = i + 1 < argc ? argv[i + 1] : nullptr;
    uint64_t n = 0;
    if (arg == "--tiny") {
      uint64_t seed = spec.seed;
      spec = SyntheticAccountSpec::Tiny();
      spec.seed = seed;
    } else if (arg == "--roles" || arg == "--users" || arg == "--groups" || arg == "--policies" ||
               arg == "--seed") {
      if (!ParseCount(next, &n)) return Usage();
      ++i;
      if (arg == "--roles") {
        uint64_t seed = spec.seed;
        spec = SyntheticAccountSpec::WithRoles(static_cast<size_t>(n));
        spec.seed = seed;
      } else if (arg == "--users") {
        spec.users = static_cast<size_t>(n);
      } else if (arg == "--groups") {
        spec.groups = static_cast<size_t>(n);
      } else if (arg == "--policies") {
        spec.policies = static_cast<size_t>(n);
      } else {
        spec.seed = n;
      }
    } else if (arg == "--credentials") {
      if (next == nullptr) return Usage();
      credentials = next;
      ++i;
    } else if (arg == "-h" || arg == "--help") {
      Usage();
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage();
    } else if (output.empty()) {
      output = std::string(arg);
    } else {
      return Usage();
    }
  }
  if (output.empty()) return Usage();
  iamlint::bench::SyntheticAccountStats stats;
  std::string text = iamlint::bench::SyntheticAccount(spec, &stats);
  if (!WriteFile(output, text)) return 1;
  std::fprintf(stderr,
               "%s: %zu bytes, %zu users (%zu with AdministratorAccess, %zu ReadOnlyAccess), %zu groups, "
               "%zu roles, %zu managed policies (%zu versions), %zu inline policies, %zu statements\n",
               output.c_str(), text.size(), stats.users, stats.admin_users, stats.readonly_users, stats.groups,
               stats.roles, stats.policies, stats.policy_versions, stats.inline_policies, stats.statements);
  if (!credentials.empty()) {
    std::string report = iamlint::bench::SyntheticCredentialReport(spec);
    if (!WriteFile(credentials, report)) return 1;
    std::fprintf(stderr, "%s: %zu bytes, %zu users with an active access key\n", credentials.c_str(),
                 report.size(), stats.users_with_keys);
  }
  return 0;
}
