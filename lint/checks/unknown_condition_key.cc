// unknown-condition-key: a condition key of a known service (or `aws:`)
// that the catalog does not list.
#include "lint/check.h"
#include "lint/checks/check_util.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: a condition key whose prefix is `aws` or a service of the catalog, but which is "
    "neither a global key nor one of that service's keys (`aws:SourceIP` is fine, case does "
    "not matter; `aws:SourceIps` or `s3:Prefixes` are not keys). Keys of identity providers "
    "(`accounts.google.com:aud`, `token.actions.githubusercontent.com:sub`, `saml:aud`) are "
    "not judged.\n"
    "Why: a key that no request carries is always absent: `StringEquals` on it never "
    "matches, and the negated operators and `...IfExists` always do, so the condition does "
    "not restrict what the author thought it restricts.\n"
    "How to fix: spell the key as the AWS Service Authorization Reference does.\n"
    "Bad:\n  \"Condition\": {\"IpAddress\": {\"aws:SourceIps\": \"203.0.113.0/24\"}}\n"
    "Good:\n  \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}";

class UnknownConditionKey final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"unknown-condition-key", Severity::kWarning,
                                 "a condition key does not exist", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    const Catalog& catalog = *ctx.catalog;
    for (const Statement& st : policy.statements) {
      for (const ConditionEntry& c : st.conditions) {
        const std::string& key = c.key.value;
        size_t colon = key.find(':');
        if (colon == key.npos || colon == 0 || colon + 1 == key.size() || HasVariable(key)) {
          continue;  // the validator's
        }
        std::string prefix = KeyPrefix(key);
        if (prefix != "aws" && !catalog.FindService(prefix)) continue;  // IdP keys etc.
        if (FindKey(catalog, key) != nullptr) continue;
        Report(sink, c.key.span,
               "unknown condition key " + Quote(key) + ": not in the catalog of " +
                   ctx.CatalogDate(),
               {prefix == "aws" ? "see the AWS global condition context keys"
                                : "see the condition keys of `" + prefix +
                                      "` in the Service Authorization Reference"});
      }
    }
  }
};

}  // namespace

const Check& UnknownConditionKeyCheck() {
  static const UnknownConditionKey kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
