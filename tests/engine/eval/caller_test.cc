// ParseCaller: the request principal → CallerIdentity (semantics §2.6).
#include "engine/eval/caller.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace iamlint {
namespace {

TEST_CASE("ParseCaller recognises every caller kind of §2.6", "[eval]") {
  struct Row {
    std::string principal;
    CallerKind kind;
    std::string account, role_name;
    bool service_linked;
  };
  const std::vector<Row> rows = {
      {"", CallerKind::kAnonymous, "", "", false},
      {"*", CallerKind::kAnonymous, "", "", false},
      {"arn:aws:iam::111111111111:root", CallerKind::kRoot, "111111111111", "", false},
      {"arn:aws:iam::111111111111:user/alice", CallerKind::kUser, "111111111111", "", false},
      {"arn:aws:iam::111111111111:user/path/alice", CallerKind::kUser, "111111111111", "", false},
      {"arn:aws:iam::111111111111:role/r1", CallerKind::kRole, "111111111111", "r1", false},
      {"arn:aws:iam::111111111111:role/ops/team/r1", CallerKind::kRole, "111111111111", "r1",
       false},
      {"arn:aws:sts::111111111111:assumed-role/r1/sess1", CallerKind::kAssumedRole,
       "111111111111", "r1", false},
      {"arn:aws:sts::111111111111:federated-user/fred", CallerKind::kFederatedUser,
       "111111111111", "", false},
      {"arn:aws-cn:iam::111111111111:user/a", CallerKind::kUser, "111111111111", "", false},
      {"cloudtrail.amazonaws.com", CallerKind::kService, "", "", false},
      // Service-linked roles (§5.7): by path, or by name for sessions.
      {"arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
       CallerKind::kRole, "111111111111", "AWSServiceRoleForECS", true},
      {"arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForECS/ecs", CallerKind::kAssumedRole,
       "111111111111", "AWSServiceRoleForECS", true},
      {"arn:aws:iam::111111111111:role/service-role/MyRole", CallerKind::kRole, "111111111111",
       "MyRole", false},
      // Anything else is matched by exact text only.
      {"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", CallerKind::kOther, "",
       "", false},
      {"arn:aws:iam::111111111111:group/g", CallerKind::kOther, "111111111111", "", false},
      {"arn:aws:iam::111111111111", CallerKind::kOther, "", "", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.principal);
    CallerIdentity c = ParseCaller(row.principal);
    CHECK(static_cast<int>(c.kind) == static_cast<int>(row.kind));
    CHECK(c.account == row.account);
    CHECK(c.role_name == row.role_name);
    CHECK(c.service_linked_role == row.service_linked);
    CHECK(c.arn == row.principal);
    if (!row.account.empty()) CHECK(c.root_arn == "arn:" + std::string(row.principal.substr(4, row.principal.find(':', 4) - 4)) + ":iam::" + row.account + ":root");
  }
}

}  // namespace
}  // namespace iamlint
