// Inventory: what an input file holds, whatever its format.
//
// A CloudFormation template, a Terraform plan or state, an account snapshot
// (`aws iam get-account-authorization-details`) and a plain policy file all
// come down to the same model: policy documents (each with its kind, its
// logical location in the file and the Span of every value) and the IAM
// entities (users, groups, roles) they are attached to, with what is known
// about their credentials. The linter lints every FoundPolicy with its
// attachment; `iamlint access` (leaked-key reach) evaluates the policies
// of one entity together.
//
// Ownership: an Inventory owns the JsonDocuments its policies point into;
// spans point into buffers of the SourceManager the readers were given
// (the user's file, or buffers derived from it, see
// SourceManager::AddDerivedBuffer), which must outlive the Inventory.
#ifndef IAMLINT_ENGINE_INPUTS_INVENTORY_H_
#define IAMLINT_ENGINE_INPUTS_INVENTORY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/json/json_tree.h"
#include "engine/policy/policy.h"
#include "engine/source/span.h"

namespace iamlint {

enum class InputFormat {
  kPolicy,            // one IAM policy document (JSON or YAML)
  kCloudFormation,    // a CloudFormation or SAM template (JSON or YAML)
  kTerraform,         // `terraform show -json` of a plan or a state
  kAccountSnapshot,   // `aws iam get-account-authorization-details`
  kCredentialReport,  // `aws iam get-credential-report` CSV (decoded)
};

// "policy", "cloudformation", "terraform", "account", "credential-report".
std::string_view InputFormatName(InputFormat format);
std::optional<InputFormat> ParseInputFormat(std::string_view name);

enum class EntityType { kUser, kGroup, kRole };
std::string_view EntityTypeName(EntityType type);  // "user", "group", "role"

enum class Tristate : uint8_t { kUnknown, kNo, kYes };

inline constexpr uint32_t kNoIndex = 0xffffffffu;

// One policy document found in an input.
struct FoundPolicy {
  uint32_t document = kNoIndex;  // index into Inventory::documents
  JsonValue root;                // the policy object, inside that document
  // The kind the input gives it (a role's AssumeRolePolicyDocument is a
  // trust policy, a BucketPolicy a resource policy); empty: infer it.
  std::optional<PolicyKind> kind;
  // Logical location inside the file, for people and SARIF:
  // "Resources.AppRole.Properties.Policies[0].PolicyDocument".
  std::string where;
  std::string name;  // inline policy name, managed policy name, logical id
  std::string arn;   // managed policies, when known
  // Where findings about the policy as a whole go (its key, the
  // ManagedPolicyArns entry that attached it...).
  Span anchor;
  // The document is an AWS managed policy taken from the embedded library
  // (ManagedPolicyLibrary), not written in the input: its own findings are
  // not the user's to fix and are reported at `anchor`.
  bool aws_managed = false;
  // Entities this policy applies to (identity and boundary policies).
  std::vector<uint32_t> attached;  // indices into Inventory::entities
  // Resource policies: what they guard ("AWS::S3::BucketPolicy",
  // "aws_sqs_queue_policy", ...), for messages.
  std::string resource_type;
  // The same policy read under another Fn::If branch is its own
  // FoundPolicy; findings identical in both are reported once.
  std::string variant;  // "" or e.g. "conditions true" / "conditions false"
};

// A managed policy attached to an entity, as referenced in the input.
struct ManagedPolicyRef {
  std::string arn;         // may contain `{{...}}` placeholders when unknown
  Span span;               // the reference in the input
  uint32_t policy = kNoIndex;  // index into Inventory::policies once resolved
};

// One IAM user, group or role.
struct Entity {
  EntityType type = EntityType::kUser;
  std::string name;        // IAM name; a template's logical id when the name is not set
  std::string logical_id;  // template logical id / Terraform address; empty for snapshots
  std::string arn;         // when known
  Span span;               // where it is declared
  std::string where;       // logical location, as FoundPolicy::where

  std::vector<uint32_t> inline_policies;        // indices into Inventory::policies
  std::vector<ManagedPolicyRef> managed_policies;
  std::optional<ManagedPolicyRef> boundary;     // permissions boundary (users, roles)
  std::vector<std::string> groups;              // users: group names
  uint32_t trust_policy = kNoIndex;             // roles: index into Inventory::policies
  std::vector<std::string> instance_profiles;   // roles: instance profile names

  // Users: credentials, as far as the input tells.
  Tristate access_key = Tristate::kUnknown;  // has at least one (active) access key
  Span access_key_span;                      // where that key is declared, if in the file
  Tristate password = Tristate::kUnknown;    // console password (login profile)
  Tristate mfa = Tristate::kUnknown;         // an MFA device is active
  std::string access_key_last_used;          // credential report, ISO 8601, or ""
};

struct Inventory {
  InputFormat format = InputFormat::kPolicy;
  std::vector<std::unique_ptr<JsonDocument>> documents;
  std::vector<FoundPolicy> policies;
  std::vector<Entity> entities;
  std::string account_id;  // when the input tells

  // Takes ownership of `doc`; returns its index.
  uint32_t AddDocument(JsonDocument doc);
  // The entity of `type` named `name` (exact), or kNoIndex.
  uint32_t FindEntity(EntityType type, std::string_view name) const;
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_INPUTS_INVENTORY_H_
