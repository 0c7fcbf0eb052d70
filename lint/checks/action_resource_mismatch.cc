// action-resource-mismatch: an action of the statement can act on none of
// the statement's resources, so that part of the statement never matches.
#include <string>

#include "lint/check.h"
#include "lint/checks/check_util.h"

namespace iamlint::lint {
namespace {

constexpr std::string_view kDoc =
    "What: an `Action` value none of whose actions can act on any `Resource` of the same "
    "statement, judged against the resource types and ARN formats of the catalog: "
    "`s3:GetObject` on a bucket ARN (it takes object ARNs), `s3:ListBucket` on `bucket/*` (it "
    "takes the bucket ARN), or an action that takes no resource (`s3:ListAllMyBuckets`, "
    "`sts:GetCallerIdentity`) paired only with specific ARNs (it needs `\"Resource\": \"*\"`).\n"
    "Why: IAM accepts the statement, but requests for that action never match it: the grant "
    "the author meant does not exist (or a Deny does not protect).\n"
    "How to fix: give the action the resource type it acts on, or split the statement.\n"
    "Bad:\n  \"Action\": [\"s3:GetObject\"], \"Resource\": \"arn:aws:s3:::my-bucket\"\n"
    "Good:\n  \"Action\": [\"s3:GetObject\"], \"Resource\": \"arn:aws:s3:::my-bucket/*\"";

class ActionResourceMismatch final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"action-resource-mismatch", Severity::kWarning,
                                 "an action can act on none of the statement's resources", kDoc};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    const Catalog& catalog = *ctx.catalog;
    std::vector<ActionId> actions;
    for (const Statement& st : policy.statements) {
      if (!st.action || st.action->negated || !st.resource || st.resource->negated) continue;
      if (st.resource->values.empty()) continue;
      bool classifiable = true;
      for (const LocatedString& r : st.resource->values) {
        // `*` fits everything; something not an ARN is the validator's.
        if (r.value == "*" || r.value.rfind("arn:", 0) != 0) classifiable = false;
      }
      if (!classifiable) continue;
      for (const LocatedString& a : st.action->values) {
        if (!ExpandActionValue(catalog, a.value, &actions)) continue;
        bool all_resource_less = true;
        bool fits = false;
        for (ActionId action : actions) {
          if (!catalog.TakesNoResource(action)) all_resource_less = false;
          for (const LocatedString& r : st.resource->values) {
            if (catalog.TakesNoResource(action)) continue;  // only `*` fits it
            // `log-group:name:*` is how AWS documents log-group resources,
            // though the catalog's format classifies it as a log stream.
            std::string_view arn = r.value;
            if (!catalog.ClassifyArnFor(action, arn).empty() ||
                (arn.ends_with(":*") &&
                 !catalog.ClassifyArnFor(action, arn.substr(0, arn.size() - 2)).empty())) {
              fits = true;
              break;
            }
          }
          if (fits) break;
        }
        if (fits) continue;
        std::string what = st.resource->values.size() == 1 ? "the statement's resource"
                                                            : "any of the statement's resources";
        std::string verb = actions.size() == 1 ? " takes" : " matches only actions that take";
        if (all_resource_less) {
          Report(sink, a.span,
                 Quote(a.value) + verb + " no resource, so it never matches " + what,
                 {"use \"Resource\": \"*\" for it, in a statement of its own"});
          continue;
        }
        std::vector<std::string> notes;
        if (actions.size() == 1) {
          std::string types;
          for (const ResourceLink& link : catalog.ResourceTypesOf(actions[0])) {
            if (!types.empty()) types += ", ";
            types += "`" + std::string(catalog.resource_type_name(link.type)) + "`";
            auto formats = catalog.arn_templates(link.type);
            if (!formats.empty()) types += " (" + std::string(formats[0]) + ")";
          }
          notes.push_back("it acts on " + types);
        }
        Report(sink, a.span,
               Quote(a.value) + " can act on none of the statement's resources",
               std::move(notes));
      }
    }
  }
};

}  // namespace

const Check& ActionResourceMismatchCheck() {
  static const ActionResourceMismatch kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
