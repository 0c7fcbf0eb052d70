// Corpus run of policy generation (hidden tag [.corpus]; run with
// `iamlint_tests "[corpus]"`): every file under shared/corpora/cloudtrail/
// reads without a crash, and the policy generated from its events — with
// the default collapse and with --collapse 0, proved with the index and
// with the reference evaluator path — allows every recorded request and
// nothing beyond the needed actions. Reads ../shared next to the
// repository and prints a loud SKIP when it is absent. Counts go to stdout
// so a run records them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/generate/cloudtrail_reader.h"
#include "engine/generate/policy_generator.h"

namespace iamlint {
namespace {

std::filesystem::path CloudTrailDir() {
  return std::filesystem::path(IAMLINT_SOURCE_DIR) / ".." / "shared" / "corpora" / "cloudtrail";
}

TEST_CASE("corpus: a proved policy from every CloudTrail sample", "[.corpus][corpus]") {
  const std::filesystem::path dir = CloudTrailDir();
  if (!std::filesystem::is_directory(dir)) {
    WARN("SKIP: ../shared/corpora/cloudtrail is absent");
    std::cout << "*** SKIP corpus: ../shared/corpora/cloudtrail not found ***\n";
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  const Catalog& catalog = Catalog::BuiltIn();
  size_t events = 0, used = 0, requests = 0, unrecorded = 0, skipped = 0, not_api = 0,
         failed = 0, statements = 0, collapsed = 0, unreadable = 0;
  std::map<std::string, size_t> unmapped;
  for (const std::filesystem::path& path : files) {
    const std::string name = std::filesystem::relative(path, dir).string();
    CAPTURE(name);
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    SourceManager sources;
    SourceId id = sources.AddBuffer(name, text.str());
    CloudTrailInput input;
    DiagnosticSink sink;
    if (!ReadCloudTrail(sources, id, JsonReadOptions{}, &input, sink)) {
      ++unreadable;
      continue;
    }
    skipped += input.skipped;
    Needs needs;
    AddEvents(catalog, input.events, PrincipalFilter{}, &needs);
    events += needs.records;
    used += needs.used;
    not_api += needs.not_api_calls;
    failed += needs.failed_used;
    requests += needs.requests.size();
    for (const NeededRequest& r : needs.requests) unrecorded += r.unrecorded ? 1 : 0;
    for (const auto& [what, n] : needs.unmapped) unmapped[what] += n;
    if (needs.requests.empty()) continue;  // nothing to generate (the CLI says so)
    for (size_t collapse : {size_t{5}, size_t{0}}) {
      GeneratedPolicy policy = GeneratePolicy(catalog, needs.requests, {collapse});
      std::string json = PolicyToJson(policy);
      for (bool use_index : {true, false}) {
        ProofResult proof = ProvePolicy(catalog, json, needs.requests, use_index);
        CHECK(proof.policy_valid);
        CHECK(proof.allowed == needs.requests.size());
        CHECK(proof.denied == std::vector<size_t>{});
        CHECK(proof.other_actions == 0);
        for (size_t i : proof.denied) {
          const NeededRequest& r = needs.requests[i];
          LineColumn at = sources.Begin(r.span);
          std::cout << "  not allowed: " << name << ":" << at.line << ":" << at.column << ": "
                    << r.principal << " " << catalog.FullName(r.action) << " " << r.resource
                    << "\n";
        }
      }
      if (collapse == 5) {
        statements += policy.statements.size();
        collapsed += policy.collapsed;
      }
    }
    std::cout << name << ": " << needs.records << " events, " << needs.used << " used, "
              << needs.requests.size() << " requests proved\n";
  }
  std::cout << "cloudtrail: " << files.size() << " files (" << unreadable << " unreadable), "
            << events << " events (" << skipped << " elements skipped), " << used << " used, "
            << not_api << " not API calls, " << failed << " failed but needed, " << requests
            << " requests (" << unrecorded << " with no recorded resource), " << statements
            << " statements, " << collapsed << " collapsed wildcards, " << unmapped.size()
            << " distinct unmapped names\n";
  for (const auto& [what, n] : unmapped) std::cout << "  unmapped " << what << ": " << n << "\n";
  // The corpus as of 2026-11 (shared/corpora/README.md): 29 files; the
  // partial events of the samples skip 5 elements; sign-ins and service
  // events are not API calls; 24 names have no catalog action (sign-ins,
  // API Gateway's REST verbs, sanitized events with a wrong source).
  CHECK(files.size() == 29);
  CHECK(unreadable == 0);
  CHECK(events == 969);
  CHECK(skipped == 5);
  CHECK(used == 835);
  CHECK(not_api == 85);
  CHECK(requests == 957);
  CHECK(unmapped.size() == 24);
}

}  // namespace
}  // namespace iamlint
