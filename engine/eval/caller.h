// CallerIdentity: what the evaluator needs to know about who is asking,
// parsed once from the request's principal (semantics §2.6).
//
//   arn:aws:iam::A:root                         kRoot
//   arn:aws:iam::A:user/path/name               kUser
//   arn:aws:iam::A:role/path/name               kRole (treated as a session of the role)
//   arn:aws:sts::A:assumed-role/Role/Session    kAssumedRole
//   arn:aws:sts::A:federated-user/Name          kFederatedUser
//   svc.amazonaws.com                           kService
//   "*" or ""                                   kAnonymous
//   anything else                               kOther (matched only by exact text)
#ifndef IAMLINT_ENGINE_EVAL_CALLER_H_
#define IAMLINT_ENGINE_EVAL_CALLER_H_

#include <string>
#include <string_view>

namespace iamlint {

enum class CallerKind { kAnonymous, kRoot, kUser, kRole, kAssumedRole, kFederatedUser, kService, kOther };

struct CallerIdentity {
  CallerKind kind = CallerKind::kAnonymous;
  std::string arn;        // as given
  std::string partition;  // "aws", "aws-cn", ... (empty for services and anonymous)
  std::string account;    // 12 digits, or empty
  std::string role_name;  // kRole, kAssumedRole: the role's name (no path)
  std::string root_arn;   // arn:<partition>:iam::<account>:root, or empty
  // kRole, kAssumedRole: a service-linked role, recognised by the path
  // `/aws-service-role/` that only such roles have (role ARNs), or by the
  // `AWSServiceRoleFor` name prefix AWS gives them (session ARNs carry no
  // path). SCPs and RCPs do not apply to them (semantics §5.7, §5.8).
  bool service_linked_role = false;

  // True for callers that act as a role session (kRole, kAssumedRole).
  bool is_role_session() const { return kind == CallerKind::kRole || kind == CallerKind::kAssumedRole; }
  bool has_account() const { return !account.empty(); }
};

CallerIdentity ParseCaller(std::string_view principal);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_CALLER_H_
