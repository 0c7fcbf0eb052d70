#include "engine/policy/policy.h"

#include <array>
#include <utility>

namespace iamlint {

namespace {
constexpr std::array<std::pair<PolicyKind, std::string_view>, 7> kKindNames = {{
    {PolicyKind::kIdentity, "identity"},
    {PolicyKind::kResource, "resource"},
    {PolicyKind::kTrust, "trust"},
    {PolicyKind::kBoundary, "boundary"},
    {PolicyKind::kSession, "session"},
    {PolicyKind::kScp, "scp"},
    {PolicyKind::kRcp, "rcp"},
}};
}  // namespace

std::string_view PolicyKindName(PolicyKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "identity";
}

std::optional<PolicyKind> ParsePolicyKind(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

bool KindHasPrincipal(PolicyKind kind) {
  return kind == PolicyKind::kResource || kind == PolicyKind::kTrust || kind == PolicyKind::kRcp;
}

std::string_view PrincipalTypeName(PrincipalType type) {
  switch (type) {
    case PrincipalType::kAws:
      return "AWS";
    case PrincipalType::kService:
      return "Service";
    case PrincipalType::kFederated:
      return "Federated";
    case PrincipalType::kCanonicalUser:
      return "CanonicalUser";
  }
  return "AWS";
}

std::string Statement::Label() const {
  if (sid && !sid->value.empty()) return sid->value;
  return std::to_string(index);
}

}  // namespace iamlint
