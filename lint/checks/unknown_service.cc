// unknown-service: an action names a service prefix the catalog lacks.
#include "lint/check.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: an `Action` or `NotAction` value whose service prefix (the part before `:`) is not a "
    "service in iamlint's catalog of AWS actions.\n"
    "Why: IAM accepts such a policy, but the statement silently matches nothing: usually a typo "
    "(`s3` spelt `S3-`, `ec2` spelt `ecc2`) or a service name instead of its prefix "
    "(`cloudwatchlogs` for `logs`).\n"
    "How to fix: use the service prefix from the AWS Service Authorization Reference; the "
    "finding suggests the closest one.\n"
    "Bad:\n  \"Action\": \"cloudwatchlogs:PutLogEvents\"\n"
    "Good:\n  \"Action\": \"logs:PutLogEvents\"";

class UnknownService final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"unknown-service", Severity::kWarning,
                                 "an action names a service that does not exist", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    for (const Statement& st : policy.statements) {
      if (!st.action) continue;
      for (const LocatedString& a : st.action->values) {
        const std::string& text = a.value;
        size_t colon = text.find(':');
        // Malformed actions and wildcard services are the validator's.
        if (colon == std::string::npos || colon == 0 || text.find(':', colon + 1) != text.npos) {
          continue;
        }
        std::string_view service = std::string_view(text).substr(0, colon);
        if (service.find_first_of("*?") != service.npos) continue;
        if (ctx.catalog->FindService(service)) continue;
        std::vector<std::string> notes;
        std::string suggestion = ctx.catalog->SuggestService(service);
        if (!suggestion.empty()) notes.push_back("did you mean `" + suggestion + "`?");
        Report(sink, a.span,
               "unknown service " + Quote(service) + " in " + Quote(text) +
                   ": not in the catalog of " + ctx.CatalogDate(),
               std::move(notes));
      }
    }
  }
};

}  // namespace

const Check& UnknownServiceCheck() {
  static const UnknownService kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
