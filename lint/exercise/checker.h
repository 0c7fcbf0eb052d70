// CheckExercise: judges a learner's policy against an Exercise.
//
//   1. Requirements: every request of `allow` must be allowed and every
//      probe of `deny` denied (Authorize with the learner's policy in the
//      exercise's slot and the given policies), with the reason from the
//      engine's explanation: the decisive statements, or "no statement
//      allows it" and why each of the learner's statements did not apply.
//   2. Over-grant: AnalyzeGrants over the catalog (nothing known about the
//      context): every action the policy grants, at any level, that is not
//      in the exercise's budget; counted by service and access level, the
//      riskiest named first (risk-table actions, then permissions
//      management, write, read, tagging, list; every resource before some,
//      before conditional).
//   3. Lint: LintBuffer on the policy as the exercise's kind.
//   4. Score (0..100) = requirements + least privilege + lint, where
//        requirements    = floor(70 × passed / total)
//        least privilege = max(0, 20 − 2 × over-granted actions)
//                          (0 when the policy could not be read)
//        lint            = max(0, 10 − 5 × errors − 2 × warnings)
//      The check passes when every requirement passes, no action is
//      over-granted and the linter reports no error.
//   5. Hints: those whose `when` names a failed requirement (or
//      `over-grant` / `lint` when that part failed), and those without
//      `when`, whenever the check did not pass.
#ifndef IAMLINT_LINT_EXERCISE_CHECKER_H_
#define IAMLINT_LINT_EXERCISE_CHECKER_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "engine/analysis/effective.h"
#include "engine/catalog/catalog.h"
#include "engine/eval/decision.h"
#include "engine/eval/trace.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"
#include "lint/exercise/exercise.h"
#include "lint/exercise/messages.h"

namespace iamlint::exercise {

// A statement named in a reason.
struct StatementMention {
  std::string label;  // Sid, or the index
  std::string at;     // file:line:col
  bool given = false; // in a given policy, not the learner's
};

struct StatementMiss {
  StatementMention statement;
  MissReason reason = MissReason::kNone;
  std::string detail;  // the engine's detail (English)
};

struct RequirementResult {
  const Requirement* requirement = nullptr;
  bool evaluated = false;  // false when the policy could not be read
  bool pass = false;
  DecisionKind decision = DecisionKind::kImplicitDeny;
  std::vector<StatementMention> decisive;
  std::vector<StatementMiss> misses;  // failed allow requirements: why the learner's statements missed
};

struct RiskyGrant {
  std::string action;  // service:Action
  AccessLevel access = AccessLevel::kList;
  GrantLevel level = GrantLevel::kNever;
  bool takes_no_resource = false;
  std::vector<std::string> resources;   // kSomeResources
  std::vector<std::string> conditions_en;   // kConditional: "with MFA" (DescribeCondition)
  std::vector<std::string> conditions_raw;  // "Bool aws:MultiFactorAuthPresent true"
  std::string consequence;              // from the risk tables (English), may be empty
};

struct ServiceCount {
  std::string service;
  size_t total = 0;
  std::array<size_t, kAccessLevelCount> by_level{};
};

struct OverGrant {
  size_t extra = 0;       // granted actions beyond the budget
  size_t budget = 0;      // actions in the budget
  std::vector<ServiceCount> services;  // most actions first, then by prefix
  std::vector<RiskyGrant> riskiest;    // at most kMaxRiskiest
};

inline constexpr size_t kMaxRiskiest = 5;
inline constexpr size_t kMaxServices = 10;

struct Score {
  int requirements = 0;     // of 70
  int least_privilege = 0;  // of 20
  int lint = 0;             // of 10
  int total() const { return requirements + least_privilege + lint; }
};

struct CheckResult {
  const Exercise* exercise = nullptr;
  SourceId policy = kNoSource;
  bool policy_read = false;
  std::vector<RequirementResult> requirements;
  size_t passed = 0;
  OverGrant over;
  std::vector<Diagnostic> lint;  // sorted
  size_t errors = 0, warnings = 0, infos = 0;
  Score score;
  bool pass = false;
  std::vector<const Hint*> hints;
};

// `policy` is a buffer of `sources` holding the learner's policy.
CheckResult CheckExercise(const Exercise& exercise, SourceId policy, SourceManager& sources,
                          const Catalog& catalog);

// The report: text (ends with a newline) or one JSON object (with newline).
std::string RenderText(const CheckResult& result, const SourceManager& sources, Lang lang);
std::string RenderJson(const CheckResult& result, const SourceManager& sources, Lang lang);

}  // namespace iamlint::exercise

#endif  // IAMLINT_LINT_EXERCISE_CHECKER_H_
