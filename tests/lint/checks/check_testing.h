// Test helper for one lint check: build a policy from JSON text, run only
// the check with the given id, and return its findings as
// "line:col severity code: message" lines (tests/testing/test_util.h).
// Header-only: tests/CMakeLists.txt compiles only *_test.cc and testing/.
#ifndef IAMLINT_TESTS_LINT_CHECKS_CHECK_TESTING_H_
#define IAMLINT_TESTS_LINT_CHECKS_CHECK_TESTING_H_

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "lint/check.h"
#include "lint/registry.h"
#include "tests/testing/test_util.h"

namespace iamlint::lint::testing {

struct CheckRun {
  iamlint::testing::PolicyResult parsed;
  std::vector<Diagnostic> findings;
  iamlint::testing::Lines lines() const {
    return iamlint::testing::FormatDiagnostics(*parsed.sources, findings);
  }
  std::vector<std::string> notes(size_t i = 0) const {
    return i < findings.size() ? findings[i].notes : std::vector<std::string>{};
  }
};

// REQUIRES: `id` is a registered check and `json` builds into a policy.
inline CheckRun RunCheck(std::string_view id, std::string json,
                         std::optional<PolicyKind> kind = std::nullopt,
                         AttachedTo attached = AttachedTo::kUnknown) {
  CheckRun run;
  run.parsed = iamlint::testing::ParsePolicy(std::move(json), kind);
  const Check* check = FindCheck(id);
  REQUIRE(check != nullptr);
  REQUIRE(run.parsed.policy);
  CheckContext context;
  context.kind = run.parsed.policy->kind;
  context.catalog = &Catalog::BuiltIn();
  context.sources = run.parsed.sources.get();
  context.source = run.parsed.id;
  context.attached_to = attached;
  DiagnosticSink sink;
  check->Run(context, *run.parsed.policy, sink);
  sink.Sort();
  run.findings = sink.Take();
  return run;
}

// An identity policy with one Allow statement of the given Action and
// Resource JSON values (written with ' for ", see Q()).
inline std::string OneStatement(std::string_view action, std::string_view resource,
                                std::string_view extra = "") {
  std::string text = "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':";
  text += action;
  text += ",'Resource':";
  text += resource;
  if (!extra.empty()) {
    text += ",";
    text += extra;
  }
  text += "}]}";
  return iamlint::testing::Q(text);
}

}  // namespace iamlint::lint::testing

#endif  // IAMLINT_TESTS_LINT_CHECKS_CHECK_TESTING_H_
