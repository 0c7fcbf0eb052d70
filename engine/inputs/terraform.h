// ReadTerraform: the IAM content of `terraform show -json` output, for a
// saved plan (planned_values, resource_changes, prior_state, configuration)
// or a state (values), modules and child_modules included.
//
// Policies in Terraform are JSON *strings* (`policy`, `assume_role_policy`,
// `inline_policy[].policy`, `data.aws_iam_policy_document.json`). Each is
// decoded into a buffer derived from the plan file
// (SourceManager::AddDerivedBuffer with json/json_string_offsets.h), so a
// finding lands on the line and column of the plan file where that part of
// the string is written.
//
// Resources read: aws_iam_policy, aws_iam_role (assume_role_policy,
// inline_policy, managed_policy_arns, permissions_boundary),
// aws_iam_role_policy, aws_iam_role_policy_attachment, aws_iam_user
// (permissions_boundary), aws_iam_user_policy,
// aws_iam_user_policy_attachment, aws_iam_user_group_membership,
// aws_iam_group, aws_iam_group_policy, aws_iam_group_policy_attachment,
// aws_iam_group_membership, aws_iam_policy_attachment, aws_iam_access_key
// (user → access_key yes), aws_iam_user_login_profile (password yes),
// aws_iam_instance_profile, data.aws_iam_policy_document (only as the
// source of other resources' strings; not linted twice), aws_s3_bucket_policy,
// aws_s3_bucket (policy), aws_sqs_queue_policy, aws_sqs_queue (policy),
// aws_sns_topic_policy, aws_sns_topic (policy), aws_kms_key (policy),
// aws_ecr_repository_policy, aws_secretsmanager_secret_policy,
// aws_lambda_permission (noted, not linted), aws_organizations_policy
// (content; type SERVICE_CONTROL_POLICY → scp, RESOURCE_CONTROL_POLICY → rcp).
//
// Unknown values: a value marked in `after_unknown` (or absent with an
// unknown marker) is "known after apply": it yields no document and no
// finding. A policy string that is not valid JSON is reported with
// `json-syntax` at its position in the plan file.
//
// Where paths are Terraform addresses plus the attribute:
// "aws_iam_role.app.assume_role_policy", "module.x.aws_iam_policy.p.policy".
#ifndef IAMLINT_ENGINE_INPUTS_TERRAFORM_H_
#define IAMLINT_ENGINE_INPUTS_TERRAFORM_H_

#include "engine/inputs/inventory.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

// True when `root` is `terraform show -json` output (format_version plus
// planned_values, values, resource_changes or prior_state).
bool LooksLikeTerraform(JsonValue root);

// REQUIRES: inventory->documents[plan_doc] holds the plan or state.
void ReadTerraform(SourceManager& sources, uint32_t plan_doc, Inventory* inventory,
                   DiagnosticSink& sink);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_INPUTS_TERRAFORM_H_
