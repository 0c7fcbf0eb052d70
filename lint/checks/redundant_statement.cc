// redundant-statement: a statement fully covered by another statement of the
// same policy with the same effect.
#include <algorithm>

#include "lint/check.h"
#include "lint/checks/check_util.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: a statement whose every action and resource another statement of the same policy, "
    "with the same `Effect`, already covers, where the covering statement has no `Condition` "
    "(so it applies whenever the covered one does). Kept conservative: statements with "
    "`NotAction`, `NotResource` or a `Principal` are not compared, and coverage must be "
    "provable (equal values, `*`, a `prefix*` pattern, or a catalog action matched "
    "exactly).\n"
    "Why: the redundant statement does nothing; worse, a reader may believe its condition "
    "restricts access that the wider statement grants anyway.\n"
    "How to fix: delete the redundant statement, or narrow the covering one if it is broader "
    "than intended.\n"
    "Bad:\n  {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},\n"
    "  {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": "
    "\"arn:aws:s3:::b/*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}}\n"
    "Good: keep only the statement you mean; drop `s3:*` on `*` if access must need TLS.";

bool Comparable(const Statement& st) {
  return st.effect && st.action && !st.action->negated && !st.action->values.empty() &&
         st.resource && !st.resource->negated && !st.resource->values.empty() && !st.principal;
}

// True when `outer` applies to every request `inner` applies to.
bool Covers(const Statement& outer, const std::vector<PreparedAction>& outer_actions,
            const Statement& inner, const std::vector<PreparedAction>& inner_actions) {
  if (outer.has_condition || outer.effect->value != inner.effect->value) return false;
  for (const PreparedAction& a : inner_actions) {
    bool covered = false;
    for (const PreparedAction& b : outer_actions) {
      if (PreparedCovers(b, a)) {
        covered = true;
        break;
      }
    }
    if (!covered) return false;
  }
  for (const LocatedString& r : inner.resource->values) {
    bool covered = false;
    for (const LocatedString& s : outer.resource->values) {
      if (ResourceValueCovers(s.value, r.value)) {
        covered = true;
        break;
      }
    }
    if (!covered) return false;
  }
  return true;
}

class RedundantStatement final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"redundant-statement", Severity::kWarning,
                                 "a statement is fully covered by another statement", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    const std::vector<Statement>& sts = policy.statements;
    // Pairs are compared among the first kMaxCompared statements only,
    // which bounds the work on hostile input (8,192 statements would be 67
    // million pairs, half a minute). Every policy within an AWS size quota
    // (20,480 characters at most) has fewer than 700 statements.
    constexpr size_t kMaxCompared = 1024;
    const size_t n = std::min(sts.size(), kMaxCompared);
    std::vector<std::vector<PreparedAction>> prepared(n);
    std::vector<char> comparable(n);
    for (size_t i = 0; i < n; ++i) {
      comparable[i] = Comparable(sts[i]) ? 1 : 0;
      if (!comparable[i]) continue;
      for (const LocatedString& a : sts[i].action->values) {
        prepared[i].push_back(PrepareAction(*ctx.catalog, a.value));
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (!comparable[i]) continue;
      for (size_t j = 0; j < n; ++j) {
        if (i == j || !comparable[j]) continue;
        if (!Covers(sts[j], prepared[j], sts[i], prepared[i])) continue;
        // Two statements covering each other: only the later one is reported.
        if (j > i && Covers(sts[i], prepared[i], sts[j], prepared[j])) continue;
        LineColumn at = ctx.sources->Begin(sts[j].span);
        Report(sink, sts[i].span,
               "statement " + Quote(sts[i].Label()) + " is redundant: statement " +
                   Quote(sts[j].Label()) + " (line " + std::to_string(at.line) +
                   ") already covers all its actions and resources",
               {sts[i].has_condition ? "its `Condition` does not restrict anything"
                                     : "remove one of them"});
        break;
      }
    }
  }
};

}  // namespace

const Check& RedundantStatementCheck() {
  static const RedundantStatement kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
