// ReadAccountSnapshot: `aws iam get-account-authorization-details` output.
//
// UserDetailList (UserPolicyList inline, AttachedManagedPolicies, GroupList,
// PermissionsBoundary), GroupDetailList (GroupPolicyList,
// AttachedManagedPolicies), RoleDetailList (AssumeRolePolicyDocument,
// RolePolicyList, AttachedManagedPolicies, PermissionsBoundary,
// InstanceProfileList) and Policies (customer managed policies with every
// version; the default version is the one in effect and the only one
// linted). Documents may be JSON objects (the CLI decodes them) or
// URL-encoded strings (the raw API); strings are decoded into buffers
// derived from the snapshot (SourceManager::AddDerivedBuffer), so findings
// land in the snapshot file either way.
//
// AWS managed policies attached to entities are referenced by ARN; when the
// snapshot's Policies list holds them (it does with --filter
// AWSManagedPolicy) their document is used, otherwise ResolveManagedPolicies
// (inputs/managed_resolution.h) takes them from the embedded library.
//
// Where paths: "UserDetailList[2].UserPolicyList[0] (user alice)".
// The account id is taken from the first ARN.
//
// Streaming: the snapshot is read once into the flat JsonDocument (about
// 30 bytes per value), documents are not copied.
#ifndef IAMLINT_ENGINE_INPUTS_ACCOUNT_SNAPSHOT_H_
#define IAMLINT_ENGINE_INPUTS_ACCOUNT_SNAPSHOT_H_

#include "engine/inputs/inventory.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

// True when `root` has UserDetailList, GroupDetailList, RoleDetailList or
// (Policies with PolicyVersionList entries).
bool LooksLikeAccountSnapshot(JsonValue root);

// REQUIRES: inventory->documents[snapshot_doc] holds the snapshot.
void ReadAccountSnapshot(SourceManager& sources, uint32_t snapshot_doc, Inventory* inventory,
                         DiagnosticSink& sink);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_INPUTS_ACCOUNT_SNAPSHOT_H_
