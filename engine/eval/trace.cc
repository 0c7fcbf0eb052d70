#include "engine/eval/trace.h"

namespace iamlint {

std::string_view MissReasonName(MissReason reason) {
  switch (reason) {
    case MissReason::kNone:
      return "applies";
    case MissReason::kAction:
      return "action";
    case MissReason::kResource:
      return "resource";
    case MissReason::kPrincipal:
      return "principal";
    case MissReason::kCondition:
      return "condition";
    case MissReason::kInvalid:
      return "invalid";
    case MissReason::kPolicy:
      return "policy";
  }
  return "applies";
}

}  // namespace iamlint
