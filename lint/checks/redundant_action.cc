// redundant-action: an Action value already covered by another value of the
// same statement.
#include <algorithm>

#include "lint/check.h"
#include "lint/checks/check_util.h"
#include "lint/checks/covering_action.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: an `Action` (or `NotAction`) value that another value of the same statement "
    "already covers: a duplicate (`s3:GetObject` twice, in any case), or an action inside a "
    "wider pattern (`s3:GetObject` next to `s3:Get*` or `s3:*`). Only provable coverage is "
    "reported: the wider value must be `*`, a `prefix*` pattern, or match the catalog "
    "action exactly.\n"
    "Why: redundant entries hide the real extent of a grant from reviewers and make policies "
    "longer against their size quota.\n"
    "How to fix: remove the covered value (or narrow the wide one, if it was too broad).\n"
    "Bad:\n  \"Action\": [\"s3:*\", \"s3:GetObject\"]\n"
    "Good:\n  \"Action\": [\"s3:GetObject\"]";

class RedundantAction final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"redundant-action", Severity::kInfo,
                                 "an action is already covered by another in the same statement",
                                 kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    for (const Statement& st : policy.statements) {
      if (!st.action) continue;
      const std::vector<LocatedString>& values = st.action->values;
      // Only the first kMaxCompared values are compared, which bounds the
      // work on hostile input (FindCoveringActions tries every mid-pattern
      // wildcard against every literal: a million of each would be 10^12
      // tests). No policy within an AWS size quota has that many actions in
      // a statement; the largest AWS managed policy has about 1,500.
      constexpr size_t kMaxCompared = 4096;
      const size_t n = std::min(values.size(), kMaxCompared);
      std::vector<PreparedAction> prepared;
      prepared.reserve(n);
      for (size_t i = 0; i < n; ++i) prepared.push_back(PrepareAction(*ctx.catalog, values[i].value));
      std::vector<size_t> covering = FindCoveringActions(prepared);
      for (size_t i = 0; i < n; ++i) {
        size_t j = covering[i];
        if (j == kNoCoveringAction) continue;
        bool same = prepared[i].lowered == prepared[j].lowered;
        LineColumn at = ctx.sources->Begin(values[j].span);
        Report(sink, values[i].span,
               same ? "duplicate action " + Quote(values[i].value)
                    : Quote(values[i].value) + " is already covered by " +
                          Quote(values[j].value),
               {"see line " + std::to_string(at.line) + ", column " +
                std::to_string(at.column)});
      }
    }
  }
};

}  // namespace

const Check& RedundantActionCheck() {
  static const RedundantAction kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
