// s3-read-all-objects: every object of every bucket is readable.
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
    "What: every object of every bucket is readable, judged on the evaluated grant (`iam:Pass*` counts, a Deny cancels).\n"
    "Why: buckets with personal data, backups and Terraform state are readable with one key\n"
    "How to fix: name the resources (ARNs) the workload needs.\n"
    "Bad:\n  \"Action\": \"s3:Get*\", \"Resource\": \"*\"\n"
    "Good:\n  \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::reports/*\"";

class S3ReadAllObjects final : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo kInfo{"s3-read-all-objects", Severity::kWarning, "every object of every bucket is readable", kDoc,
                                 /*enabled_by_default=*/true};
    return kInfo;
  }

  void Run(const CheckContext& ctx, const PolicyDocument& policy,
           DiagnosticSink& sink) const override {
    static const std::vector<std::string_view> kActions = {"s3:GetObject", "s3:GetObjectVersion"};
    RunActionsOnAll(*this, kActions, "read every object in every S3 bucket", ctx, policy, sink);
  }
};

}  // namespace

const Check& S3ReadAllObjectsCheck() {
  static const S3ReadAllObjects kCheck;
  return kCheck;
}

}  // namespace iamlint::lint
