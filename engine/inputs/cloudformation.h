// ReadCloudFormation: the IAM content of a CloudFormation or SAM template.
//
// Input: the template as a positioned JsonDocument (read from JSON by
// ReadJson or from YAML by ReadYaml, which turns `!Ref x` into
// {"Ref": "x"}), already in inventory->documents. Output: FoundPolicy and
// Entity records appended to the inventory, with `where` paths such as
// "Resources.AppRole.Properties.Policies[0].PolicyDocument".
//
// Resources read:
//   AWS::IAM::Role            AssumeRolePolicyDocument (trust), Policies[]
//                             (identity, inline), ManagedPolicyArns,
//                             PermissionsBoundary, RoleName
//   AWS::IAM::User            Policies[], ManagedPolicyArns, Groups,
//                             LoginProfile (password), PermissionsBoundary, UserName
//   AWS::IAM::Group           Policies[], ManagedPolicyArns, GroupName
//   AWS::IAM::Policy          PolicyDocument attached to Roles/Users/Groups
//   AWS::IAM::RolePolicy / UserPolicy / GroupPolicy   (RoleName/UserName/GroupName)
//   AWS::IAM::ManagedPolicy   PolicyDocument, Roles/Users/Groups, ManagedPolicyName
//   AWS::IAM::AccessKey       UserName → that user's access_key = yes (Status
//                             Inactive → no key counted)
//   AWS::IAM::InstanceProfile Roles → the roles' instance_profiles
//   AWS::S3::BucketPolicy, AWS::SQS::QueuePolicy, AWS::SNS::TopicPolicy
//                             PolicyDocument (resource)
//   AWS::KMS::Key             KeyPolicy (resource)
//   AWS::Lambda::Permission   synthesized into the one-statement resource
//                             policy Lambda stores (Principal, Action,
//                             SourceArn/SourceAccount as conditions), spans
//                             on the template's properties, linted as a
//                             resource policy (finds public invocation)
//   AWS::Serverless::Function Policies: inline documents (identity, attached
//                             to the function's role), AWS managed policy
//                             names/ARNs, SAM policy templates (unknown)
//   AWS::ECR::Repository RepositoryPolicyText, AWS::SecretsManager::ResourcePolicy
//   ResourcePolicy, AWS::Events::EventBusPolicy... as resource policies
// Entities are keyed by logical id; `name` is the explicit name when it
// resolves, else the logical id. References between resources (`Roles:
// [!Ref AppRole]`) are resolved by logical id.
//
// Intrinsic functions inside policy documents are resolved by
// inputs/intrinsics.h: Ref to parameters with defaults and to pseudo
// parameters, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::GetAtt of
// template resources as placeholders; everything else becomes an unknown
// value (`{{LogicalId.Attr}}`, JsonValue::is_unknown), never an error. A
// document that contains Fn::If is read twice, all conditions true and all
// false (FoundPolicy::variant), and AWS::NoValue drops its element.
//
// Template shape problems (Resources not an object, a resource without a
// Type, a policy document that is not an object) are reported as
// `template-structure` warnings with their span; never a crash.
#ifndef IAMLINT_ENGINE_INPUTS_CLOUDFORMATION_H_
#define IAMLINT_ENGINE_INPUTS_CLOUDFORMATION_H_

#include "engine/inputs/inventory.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

// True when `root` looks like a template: an object with
// AWSTemplateFormatVersion, or a Resources object whose members have Type.
bool LooksLikeCloudFormation(JsonValue root);

// REQUIRES: inventory->documents[template_doc] holds the template.
void ReadCloudFormation(SourceManager& sources, uint32_t template_doc, Inventory* inventory,
                        DiagnosticSink& sink);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_INPUTS_CLOUDFORMATION_H_
