// unknown-action: an action (or action pattern) of a known service that
// names no action of the catalog.
#include "lint/check.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: an `Action` or `NotAction` value of a known service that matches no action of that "
    "service in iamlint's catalog: a misspelt name (`s3:GetObjekt`) or a pattern that matches "
    "nothing (`s3:Gte*`).\n"
    "Why: IAM accepts it and the statement silently grants (or denies) nothing, so the intended "
    "permission is missing, or worse, an intended Deny does not apply.\n"
    "How to fix: correct the name; the finding suggests the closest action. If AWS added the "
    "action after the catalog's date, update iamlint or pass `--catalog FILE`.\n"
    "Bad:\n  \"Action\": [\"s3:GetObjekt\"]\n"
    "Good:\n  \"Action\": [\"s3:GetObject\"]";

class UnknownAction final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"unknown-action", Severity::kWarning,
                                 "an action does not exist in its service", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    const Catalog& catalog = *ctx.catalog;
    for (const Statement& st : policy.statements) {
      if (!st.action) continue;
      for (const LocatedString& a : st.action->values) {
        const std::string& text = a.value;
        size_t colon = text.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == text.size() ||
            text.find(':', colon + 1) != text.npos) {
          continue;  // the validator's
        }
        std::string_view service = std::string_view(text).substr(0, colon);
        if (service.find_first_of("*?") != service.npos) continue;
        std::optional<ServiceId> sid = catalog.FindService(service);
        if (!sid) continue;  // unknown-service
        std::string_view name = std::string_view(text).substr(colon + 1);
        if (name.find_first_of("*?") != name.npos) {
          if (!catalog.Expand(text).empty()) continue;
          Report(sink, a.span,
                 "action pattern " + Quote(text) + " matches no action of " +
                     Quote(catalog.service_prefix(*sid)) + " in the catalog of " +
                     ctx.CatalogDate());
          continue;
        }
        if (catalog.FindAction(*sid, name)) continue;
        std::vector<std::string> notes;
        std::string suggestion = catalog.SuggestAction(text);
        if (!suggestion.empty()) notes.push_back("did you mean `" + suggestion + "`?");
        Report(sink, a.span,
               "unknown action " + Quote(text) + ": not in the catalog of " + ctx.CatalogDate(),
               std::move(notes));
      }
    }
  }
};

}  // namespace

const Check& UnknownActionCheck() {
  static const UnknownAction kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
