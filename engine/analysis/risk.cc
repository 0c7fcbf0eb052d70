#include "engine/analysis/risk.h"

namespace iamlint {
namespace {

// Rhino Security Labs' 21 methods, iam-vulnerable's labelled paths and the
// pathfinding.cloud catalogue (shared/corpora/vulnerable/pathfinding-cloud).
constexpr EscalationRecipe kRecipes[] = {
    {"iam-001", {"iam:CreatePolicyVersion"}, false,
     "rewrite a managed policy attached to itself into full admin"},
    {"iam-002", {"iam:CreateAccessKey"}, true, "create access keys for other users"},
    {"iam-003", {"iam:CreateLoginProfile"}, true, "set a console password for other users"},
    {"iam-004", {"iam:UpdateLoginProfile"}, true, "reset the console password of other users"},
    {"iam-005", {"iam:AttachUserPolicy"}, false, "attach AdministratorAccess to its own user"},
    {"iam-006", {"iam:AttachGroupPolicy"}, false, "attach AdministratorAccess to its own group"},
    {"iam-007", {"iam:AttachRolePolicy"}, true, "attach AdministratorAccess to a role it can use"},
    {"iam-008", {"iam:PutUserPolicy"}, false, "write an admin inline policy on its own user"},
    {"iam-009", {"iam:PutGroupPolicy"}, false, "write an admin inline policy on its own group"},
    {"iam-010", {"iam:PutRolePolicy"}, true, "write an admin inline policy on a role it can use"},
    {"iam-011", {"iam:AddUserToGroup"}, true, "add itself to a privileged group"},
    {"iam-012", {"iam:UpdateAssumeRolePolicy"}, true, "make any role trust it, then assume it"},
    {"iam-013", {"iam:SetDefaultPolicyVersion"}, true,
     "switch a managed policy to an older, more permissive version"},
    {"sts-001", {"sts:AssumeRole"}, true, "assume any role that trusts its account"},
    {"ec2-001", {"iam:PassRole", "ec2:RunInstances"}, true,
     "start an instance with a privileged instance profile and use its credentials"},
    {"lambda-001", {"iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"}, true,
     "run code as any role through a new Lambda function"},
    {"lambda-002", {"iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"},
     true, "run code as any role through a new, event-triggered Lambda function"},
    {"lambda-003", {"lambda:UpdateFunctionCode"}, true,
     "replace the code of a function that runs as a privileged role"},
    {"cloudformation-001", {"iam:PassRole", "cloudformation:CreateStack"}, true,
     "create any resource as a privileged role through CloudFormation"},
    {"cloudformation-002", {"cloudformation:UpdateStack"}, true,
     "change a stack that runs as a privileged role"},
    {"glue-001", {"iam:PassRole", "glue:CreateDevEndpoint"}, true,
     "open a Glue endpoint that runs as a privileged role"},
    {"glue-002", {"glue:UpdateDevEndpoint"}, true,
     "add its SSH key to a Glue endpoint that runs as a privileged role"},
    {"datapipeline-001",
     {"iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"}, true,
     "run commands as a privileged role through Data Pipeline"},
    {"codebuild-001", {"iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"}, true,
     "run a build as a privileged role"},
    {"sagemaker-001",
     {"iam:PassRole", "sagemaker:CreateNotebookInstance",
      "sagemaker:CreatePresignedNotebookInstanceUrl"},
     true, "open a notebook that runs as a privileged role"},
    {"sagemaker-002", {"sagemaker:CreatePresignedNotebookInstanceUrl"}, true,
     "open an existing notebook and use its role"},
    {"sagemaker-003", {"iam:PassRole", "sagemaker:CreateTrainingJob"}, true,
     "run a training job as a privileged role"},
    {"sagemaker-004", {"iam:PassRole", "sagemaker:CreateProcessingJob"}, true,
     "run a processing job as a privileged role"},
    {"ecs-001", {"iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"}, true,
     "run a container as a privileged task role"},
    {"ssm-001", {"ssm:SendCommand"}, true,
     "run commands on instances and use their instance-profile credentials"},
    {"ssm-002", {"ssm:StartSession"}, true,
     "open a shell on instances and use their instance-profile credentials"},
    {"ec2instanceconnect-001", {"ec2-instance-connect:SendSSHPublicKey"}, true,
     "log in to instances and use their instance-profile credentials"},
};

// Cloudsplaining data-exfiltration list, narrowed to reads of stored data.
constexpr RiskAction kDataExfiltration[] = {
    {"s3:GetObject", "read every object in every S3 bucket"},
    {"secretsmanager:GetSecretValue", "read every secret in Secrets Manager"},
    {"ssm:GetParameter", "read every SSM parameter, including SecureStrings"},
    {"ssm:GetParameters", "read every SSM parameter, including SecureStrings"},
    {"ssm:GetParametersByPath", "read every SSM parameter, including SecureStrings"},
    {"kms:Decrypt", "decrypt data with every KMS key whose key policy trusts the account"},
    {"dynamodb:Scan", "read every item of every DynamoDB table"},
    {"dynamodb:Query", "read items of every DynamoDB table"},
    {"dynamodb:GetItem", "read items of every DynamoDB table"},
    {"dynamodb:BatchGetItem", "read items of every DynamoDB table"},
    {"rds:CopyDBSnapshot", "copy every RDS snapshot"},
    {"ec2:GetPasswordData", "read the administrator password of Windows instances"},
    {"lambda:GetFunction", "download the code (and embedded secrets) of every Lambda function"},
    {"sqs:ReceiveMessage", "read the messages of every SQS queue"},
    {"kinesis:GetRecords", "read every Kinesis stream"},
    {"logs:GetLogEvents", "read every CloudWatch log"},
};

// Cloudsplaining credentials-exposure list.
constexpr RiskAction kCredentialsExposure[] = {
    {"iam:CreateAccessKey", "create long-lived access keys"},
    {"iam:UpdateAccessKey", "reactivate access keys"},
    {"iam:CreateServiceSpecificCredential", "create CodeCommit and Keyspaces credentials"},
    {"iam:ResetServiceSpecificCredential", "reset service-specific credentials"},
    {"iam:UploadSSHPublicKey", "register SSH keys for CodeCommit"},
    {"iam:UpdateLoginProfile", "reset console passwords"},
    {"iam:CreateLoginProfile", "create console passwords"},
    {"sts:GetFederationToken", "mint federated credentials that outlive a revoked key"},
    {"sts:GetSessionToken", "mint session credentials"},
    {"ecr:GetAuthorizationToken", "obtain registry credentials"},
    {"redshift:GetClusterCredentials", "obtain database credentials for Redshift"},
    {"rds-db:connect", "connect to RDS databases with IAM authentication"},
    {"cognito-identity:GetCredentialsForIdentity", "obtain Cognito credentials"},
    {"ec2-instance-connect:SendSSHPublicKey", "log in to EC2 instances"},
};

// Cloudsplaining resource-exposure: actions that write resource policies.
constexpr RiskAction kResourceExposure[] = {
    {"s3:PutBucketPolicy", "make any S3 bucket public or shared with another account"},
    {"s3:PutBucketAcl", "make any S3 bucket public through its ACL"},
    {"s3:PutObjectAcl", "make any S3 object public through its ACL"},
    {"s3:PutBucketPublicAccessBlock", "turn off a bucket's public access block"},
    {"kms:PutKeyPolicy", "give any account access to a KMS key"},
    {"kms:CreateGrant", "grant use of KMS keys to other principals"},
    {"lambda:AddPermission", "let any account invoke a Lambda function"},
    {"iam:UpdateAssumeRolePolicy", "let another account assume any role"},
    {"secretsmanager:PutResourcePolicy", "share any secret with another account"},
    {"sqs:SetQueueAttributes", "share any SQS queue through its policy"},
    {"sqs:AddPermission", "share any SQS queue with another account"},
    {"sns:SetTopicAttributes", "share any SNS topic through its policy"},
    {"sns:AddPermission", "share any SNS topic with another account"},
    {"ecr:SetRepositoryPolicy", "share any container repository"},
    {"glacier:SetVaultAccessPolicy", "share any Glacier vault"},
    {"ec2:ModifySnapshotAttribute", "share EBS snapshots with any account"},
    {"ec2:ModifyImageAttribute", "share AMIs with any account"},
    {"rds:ModifyDBSnapshotAttribute", "share RDS snapshots with any account"},
    {"ram:CreateResourceShare", "share resources with other accounts"},
};

// High-impact writes to infrastructure (network exposure, DNS, deletion).
constexpr RiskAction kInfrastructureModification[] = {
    {"ec2:AuthorizeSecurityGroupIngress", "open any security group to the internet"},
    {"ec2:ModifyInstanceAttribute", "change the user data and type of any instance"},
    {"ec2:CreateRoute", "reroute the traffic of any VPC"},
    {"ec2:DeleteVpc", "delete any VPC"},
    {"ec2:TerminateInstances", "terminate every EC2 instance"},
    {"ec2:DeleteSnapshot", "delete every EBS snapshot"},
    {"rds:DeleteDBInstance", "delete every RDS database"},
    {"s3:DeleteBucket", "delete S3 buckets"},
    {"dynamodb:DeleteTable", "delete every DynamoDB table"},
    {"route53:ChangeResourceRecordSets", "change the DNS records of every hosted zone"},
    {"cloudformation:DeleteStack", "delete every CloudFormation stack"},
    {"iam:DeleteRole", "delete IAM roles"},
    {"lambda:UpdateFunctionCode", "replace the code of every Lambda function"},
    {"kms:ScheduleKeyDeletion", "destroy KMS keys and the data they protect"},
};

// Crypto-mining and runaway cost with a leaked key.
constexpr RiskAction kComputeAbuse[] = {
    {"ec2:RunInstances", "start EC2 instances of any type in any region (crypto-mining)"},
    {"ec2:RequestSpotInstances", "request spot instances of any type"},
    {"ec2:RequestSpotFleet", "request spot fleets"},
    {"ec2:CreateFleet", "create EC2 fleets"},
    {"autoscaling:CreateAutoScalingGroup", "create auto scaling groups"},
    {"lambda:CreateFunction", "create Lambda functions"},
    {"batch:SubmitJob", "submit Batch jobs"},
    {"ecs:RunTask", "run ECS tasks"},
    {"sagemaker:CreateTrainingJob", "start SageMaker training on GPU instances"},
    {"sagemaker:CreateNotebookInstance", "start SageMaker notebook instances"},
    {"lightsail:CreateInstances", "start Lightsail instances"},
    {"bedrock:InvokeModel", "invoke Bedrock models at the account's expense"},
};

// Prowler cloudtrail_*, guardduty_*, config_* checks; Security Hub
// CloudTrail.1/GuardDuty.1/Config.1.
constexpr RiskAction kAuditTampering[] = {
    {"cloudtrail:StopLogging", "stop CloudTrail logging"},
    {"cloudtrail:DeleteTrail", "delete CloudTrail trails"},
    {"cloudtrail:UpdateTrail", "redirect or weaken CloudTrail trails"},
    {"cloudtrail:PutEventSelectors", "stop CloudTrail recording data and management events"},
    {"guardduty:DeleteDetector", "delete GuardDuty detectors"},
    {"guardduty:UpdateDetector", "disable GuardDuty detectors"},
    {"guardduty:DisassociateFromMasterAccount", "detach the account from GuardDuty"},
    {"guardduty:CreateIPSet", "whitelist attacker IPs in GuardDuty"},
    {"config:StopConfigurationRecorder", "stop AWS Config recording"},
    {"config:DeleteConfigurationRecorder", "delete the AWS Config recorder"},
    {"config:DeleteDeliveryChannel", "delete the AWS Config delivery channel"},
    {"logs:DeleteLogGroup", "delete CloudWatch log groups"},
    {"securityhub:DisableSecurityHub", "disable Security Hub"},
    {"access-analyzer:DeleteAnalyzer", "delete IAM Access Analyzer analyzers"},
};

}  // namespace

std::string_view RiskCategoryId(RiskCategory category) {
  switch (category) {
    case RiskCategory::kPrivilegeEscalation: return "privilege-escalation";
    case RiskCategory::kDataExfiltration: return "data-exfiltration";
    case RiskCategory::kCredentialsExposure: return "credentials-exposure";
    case RiskCategory::kResourceExposure: return "resource-exposure";
    case RiskCategory::kInfrastructureModification: return "infrastructure-modification";
    case RiskCategory::kComputeAbuse: return "compute-abuse";
    case RiskCategory::kAuditTampering: return "audit-tampering";
  }
  return "";
}

std::span<const RiskAction> RiskActions(RiskCategory category) {
  switch (category) {
    case RiskCategory::kPrivilegeEscalation: return {};
    case RiskCategory::kDataExfiltration: return kDataExfiltration;
    case RiskCategory::kCredentialsExposure: return kCredentialsExposure;
    case RiskCategory::kResourceExposure: return kResourceExposure;
    case RiskCategory::kInfrastructureModification: return kInfrastructureModification;
    case RiskCategory::kComputeAbuse: return kComputeAbuse;
    case RiskCategory::kAuditTampering: return kAuditTampering;
  }
  return {};
}

std::span<const EscalationRecipe> EscalationRecipes() { return kRecipes; }

}  // namespace iamlint
