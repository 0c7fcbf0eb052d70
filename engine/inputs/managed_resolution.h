// ResolveManagedPolicies: AWS managed policies attached by ARN become
// documents the linter and the access analysis can read.
//
// For every Entity::managed_policies (and boundary) reference still
// unresolved (policy == kNoIndex), whose ARN names an AWS managed policy in
// `library`: the policy's document is added to `sources` once per run
// (named by its ARN), read, and appended as a FoundPolicy with
// aws_managed = true, anchor = the reference's span, attached = the entity.
// References to customer managed policies are resolved by the format
// readers themselves; ARNs that name no known policy stay unresolved and
// are reported as `unknown-managed-policy` (info) at the reference.
#ifndef IAMLINT_ENGINE_INPUTS_MANAGED_RESOLUTION_H_
#define IAMLINT_ENGINE_INPUTS_MANAGED_RESOLUTION_H_

#include "engine/catalog/managed_policies.h"
#include "engine/inputs/inventory.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

void ResolveManagedPolicies(SourceManager& sources, const ManagedPolicyLibrary& library,
                            Inventory* inventory, DiagnosticSink& sink);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_INPUTS_MANAGED_RESOLUTION_H_
