#include "engine/cases/case.h"

namespace iamlint {

std::optional<DecisionKind> ParseDecisionKind(std::string_view text) {
  if (text == "Allow") return DecisionKind::kAllow;
  if (text == "ExplicitDeny") return DecisionKind::kExplicitDeny;
  if (text == "ImplicitDeny") return DecisionKind::kImplicitDeny;
  return std::nullopt;
}

}  // namespace iamlint
