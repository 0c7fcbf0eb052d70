#include "engine/eval/caller.h"

#include <vector>

namespace iamlint {

namespace {

// Splits at the first five colons; the last field keeps the rest.
std::vector<std::string_view> ArnFieldsOf(std::string_view arn) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (fields.size() < 5) {
    size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) break;
    fields.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  fields.push_back(arn.substr(start));
  return fields;
}

}  // namespace

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
  std::vector<std::string_view> f = ArnFieldsOf(principal);
  caller.kind = CallerKind::kOther;
  if (f.size() != 6) return caller;
  caller.partition = std::string(f[1]);
  caller.account = std::string(f[4]);
  if (!caller.account.empty()) {
    caller.root_arn = "arn:" + caller.partition + ":iam::" + caller.account + ":root";
  }
  std::string_view service = f[2], resource = f[5];
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
