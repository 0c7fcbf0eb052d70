// StatementRef: names one statement of one policy of a PolicyBundle
// (evaluator.h) without owning anything: which slot (identity, boundary,
// session, resource, SCP, RCP), which policy in it, and which statement.
#ifndef IAMLINT_ENGINE_EVAL_STATEMENT_REF_H_
#define IAMLINT_ENGINE_EVAL_STATEMENT_REF_H_

#include <cstdint>
#include <string>

namespace iamlint {

enum class Slot : uint8_t { kIdentity, kBoundary, kSession, kResource, kScp, kRcp };

struct StatementRef {
  Slot slot = Slot::kIdentity;
  uint32_t index = 0;      // which identity/session policy, or SCP/RCP level
  uint32_t position = 0;   // SCP/RCP: which policy within the level
  uint32_t statement = 0;  // index into PolicyDocument::statements
};

// "identity[0]", "boundary", "session[1]", "resource", "scp[0][1]", "rcp[2][0]".
std::string SlotName(const StatementRef& ref);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_EVAL_STATEMENT_REF_H_
