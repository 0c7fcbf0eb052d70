// allow-notresource: an Allow statement uses NotResource.
#include "lint/checks/evaluated.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: an `Allow` statement with `NotResource`: it grants its actions on every resource except those listed.\n"
    "Why: every new resource, in any account and service, is covered automatically.\n"
    "How to fix: name the allowed resources with `Resource`.\n"
    "Bad:\n  \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::audit-logs/*\"\n"
    "Good:\n  \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::app-data/*\"";

class AllowNotresource final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"allow-notresource", Severity::kWarning, "an Allow statement uses NotResource", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    if (!GrantsPermissions(ctx)) return;
    for (const Statement& st : policy.statements) {
      if (!st.effect || st.effect->value != Effect::kAllow || !st.resource ||
          !st.resource->negated) {
        continue;
      }
      Report(sink, st.resource->key_span,
             "`Allow` with `NotResource` grants its actions on every resource except those "
             "listed, including resources created later");
    }
  }
};

}  // namespace

const Check& AllowNotresourceCheck() {
  static const AllowNotresource kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
