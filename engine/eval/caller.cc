#include "engine/eval/caller.h"

#include <optional>

#include "engine/match/arn.h"

namespace iamlint {

CallerIdentity ParseCaller(std::string_view principal) {
  CallerIdentity caller;
  caller.arn = std::string(principal);
  if (principal.empty() || principal == "*") {
    caller.kind = CallerKind::kAnonymous;
    return caller;
  }
  if (principal.rfind("arn:", 0) != 0) {
    bool service = principal.find('.') != std::string_view::npos &&
                   principal.find(':') == std::string_view::npos &&
                   principal.find('/') == std::string_view::npos;
    caller.kind = service ? CallerKind::kService : CallerKind::kOther;
    return caller;
  }
  std::optional<ArnFields> f = SplitArn(principal);
  caller.kind = CallerKind::kOther;
  if (!f) return caller;
  caller.partition = std::string(f->partition);
  caller.account = std::string(f->account);
  if (!caller.account.empty()) {
    caller.root_arn = "arn:" + caller.partition + ":iam::" + caller.account + ":root";
  }
  std::string_view service = f->service, resource = f->resource;
  if (service == "iam") {
    if (resource == "root") {
      caller.kind = CallerKind::kRoot;
    } else if (resource.rfind("user/", 0) == 0) {
      caller.kind = CallerKind::kUser;
    } else if (resource.rfind("role/", 0) == 0) {
      caller.kind = CallerKind::kRole;
      caller.role_name = std::string(resource.substr(resource.rfind('/') + 1));
      caller.service_linked_role = resource.rfind("role/aws-service-role/", 0) == 0;
    }
  } else if (service == "sts") {
    if (resource.rfind("assumed-role/", 0) == 0) {
      std::string_view rest = resource.substr(13);
      caller.kind = CallerKind::kAssumedRole;
      caller.role_name = std::string(rest.substr(0, rest.find('/')));
    } else if (resource.rfind("federated-user/", 0) == 0) {
      caller.kind = CallerKind::kFederatedUser;
    }
  }
  if (caller.is_role_session() && caller.role_name.rfind("AWSServiceRoleFor", 0) == 0) {
    caller.service_linked_role = true;
  }
  return caller;
}

}  // namespace iamlint
