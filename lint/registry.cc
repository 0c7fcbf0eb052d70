#include "lint/registry.h"

#include <algorithm>
#include <iterator>

namespace iamlint::lint {

// Every check, ALPHABETICAL BY ID, one line each: X(FunctionStem) names the
// function `const Check& <FunctionStem>Check()` defined in
// lint/checks/<id>.cc. tests/lint/registry_test.cc checks the order.
#define IAMLINT_FOR_EACH_CHECK(X) \
  X(ActionResourceMismatch)               \
  X(AllowNotaction)                       \
  X(AllowNotresource)                     \
  X(AssumeroleOnAll)                      \
  X(AuditTampering)                       \
  X(ComputeAbuse)                         \
  X(ConditionKeyNotApplicable)            \
  X(ConditionTypeMismatch)                \
  X(CredentialsExposure)                  \
  X(CrossAccountTrustWithoutExternalId)   \
  X(DataExfiltration)                     \
  X(ForallvaluesSingleValuedKey)          \
  X(FullAdmin)                            \
  X(InfrastructureModification)           \
  X(InvalidConditionValue)                \
  X(OidcTrustWithoutAudSub)               \
  X(PassroleOnAll)                        \
  X(PermissionsManagementOnAllResources)  \
  X(PrivilegeEscalation)                  \
  X(PublicResourcePolicy)                 \
  X(RedundantAction)                      \
  X(RedundantStatement)                   \
  X(ResourceExposure)                     \
  X(S3ReadAllObjects)                     \
  X(SensitiveActionsWithoutMfa)           \
  X(SensitiveReadOnAll)                   \
  X(ServicePrincipalWithoutSource)        \
  X(ServiceWildcardOnAllResources)        \
  X(UnknownAction)                        \
  X(UnknownConditionKey)                  \
  X(UnknownService)                       \
  X(UserAttachedPolicy)                   \
  X(UserLeakedKeyReach)                   \
  X(WildcardWithoutLike)                  \
  X(WriteOnAllResources)

#define IAMLINT_DECLARE_CHECK(stem) const Check& stem##Check();
IAMLINT_FOR_EACH_CHECK(IAMLINT_DECLARE_CHECK)
#undef IAMLINT_DECLARE_CHECK

namespace {

#define IAMLINT_CHECK_ENTRY(stem) &stem##Check(),
const Check* const* Checks(size_t* count) {
  // A function-local static: initialised on first use, after every check's
  // own function-local instance, whatever the link order.
  static const Check* const kChecks[] = {IAMLINT_FOR_EACH_CHECK(IAMLINT_CHECK_ENTRY)};
  *count = std::size(kChecks);
  return kChecks;
}
#undef IAMLINT_CHECK_ENTRY

constexpr Severity E = Severity::kError;
constexpr Severity W = Severity::kWarning;
constexpr Severity I = Severity::kInfo;

// The validator's codes (engine/policy, engine/json), sorted by id. Their
// documentation is short: the message of each diagnostic says what to fix.
const CheckInfo kValidatorRules[] = {
    {"action-service-wildcard", E, "the service part of an action contains a wildcard",
     "A wildcard in the service prefix of an action (`s*:GetObject`) is not allowed by IAM.\n"
     "Fix: name the service. Bad: \"s*:GetObject\". Good: \"s3:GetObject\"."},
    {"arn-service-case", E, "the service field of an ARN is not lowercase",
     "ARN service fields are lowercase; IAM compares them as written.\n"
     "Bad: \"arn:aws:S3:::b\". Good: \"arn:aws:s3:::b\"."},
    {"conflicting-elements", E, "a statement has both an element and its Not form",
     "A statement may have `Action` or `NotAction`, not both (same for Resource and Principal).\n"
     "Fix: keep one."},
    {"duplicate-condition-key", E, "a condition key appears twice under one operator",
     "JSON keeps only the last duplicate key; the first is silently ignored.\n"
     "Fix: merge the values into one array."},
    {"duplicate-key", E, "a JSON object has the same key twice",
     "Duplicate keys make the meaning depend on the parser; IAM keeps the last one.\n"
     "Fix: remove one of them."},
    {"duplicate-sid", E, "two statements have the same Sid",
     "IAM rejects identity policies with duplicate `Sid` values (a warning for resource policies).\n"
     "Fix: give every statement a unique Sid."},
    {"empty-arn-resource", W, "an ARN has an empty resource part",
     "An ARN ending in `:` names no resource.\nFix: complete the ARN or use a wildcard."},
    {"empty-condition", I, "a condition block is empty", "An empty `Condition` has no effect.\n"
     "Fix: remove it."},
    {"empty-list", W, "an element is an empty list", "An empty `Action` or `Resource` list matches "
     "nothing.\nFix: list values or remove the statement."},
    {"empty-sid", I, "a Sid is empty", "An empty `Sid` documents nothing.\nFix: remove it or "
     "name the statement."},
    {"empty-statement", E, "a statement is empty", "A statement needs at least `Effect`, an action "
     "element and (for identity policies) a resource element."},
    {"federated-outside-trust", W, "a Federated principal outside a trust policy",
     "Federated principals only make sense in a role's trust policy."},
    {"iam-arn-region", E, "an IAM ARN names a region", "IAM is global: its ARNs have an empty "
     "region field.\nBad: \"arn:aws:iam:us-east-1:1:role/r\". Good: \"arn:aws:iam::1:role/r\"."},
    {"id-not-supported", W, "the policy Id is not supported for this kind",
     "IAM ignores or rejects `Id` in this kind of policy.\nFix: remove it."},
    {"input-too-large", E, "the input is larger than the allowed maximum",
     "Inputs over the size limit are not read."},
    {"invalid-action", E, "an action is not of the form service:action",
     "Actions are `service:Action` or `*`.\nBad: \"s3GetObject\". Good: \"s3:GetObject\"."},
    {"invalid-arn", E, "a resource ARN is malformed",
     "ARNs have six colon-separated fields: arn:partition:service:region:account:resource."},
    {"invalid-character", E, "a value contains a character IAM rejects",
     "IAM accepts only printable characters here."},
    {"invalid-condition", E, "a condition block is malformed",
     "`Condition` is an object of operators, each an object of keys to values."},
    {"invalid-condition-key", E, "a condition key is malformed",
     "Condition keys have the form `prefix:name`, e.g. `aws:SourceIp`."},
    {"invalid-effect", E, "Effect is neither Allow nor Deny", "`Effect` must be `Allow` or `Deny`, "
     "spelt exactly."},
    {"invalid-principal", E, "a principal is malformed",
     "Principals are `*`, account IDs, IAM ARNs, service names, federated providers or canonical "
     "users."},
    {"invalid-resource", E, "a resource is malformed", "Resources are ARNs or `*`."},
    {"invalid-sid", E, "a Sid contains characters IAM rejects",
     "Sids in IAM-stored policies contain only letters and digits."},
    {"invalid-type", E, "an element has the wrong JSON type",
     "Each policy element has a fixed JSON type (string, array of strings, object)."},
    {"invalid-variable", E, "a policy variable is malformed", "Variables look like `${aws:username}`."},
    {"invalid-version", E, "Version is not a known policy language version",
     "`Version` must be `2012-10-17` (or the old `2008-10-17`)."},
    {"json-encoding", E, "the input is not valid UTF-8", "Policies are UTF-8 JSON."},
    {"json-syntax", E, "the input is not valid JSON", "The file could not be parsed as JSON."},
    {"json-too-deep", E, "the JSON nests too deeply", "Nesting beyond the limit is refused."},
    {"missing-action", E, "a statement has no Action or NotAction",
     "Every statement needs `Action` or `NotAction`."},
    {"missing-effect", E, "a statement has no Effect", "Every statement needs `Effect`."},
    {"missing-principal", E, "a resource-policy statement has no Principal",
     "Resource and trust policy statements need `Principal` or `NotPrincipal`."},
    {"missing-resource", E, "an identity-policy statement has no Resource",
     "Identity policy statements need `Resource` or `NotResource`."},
    {"missing-set-qualifier", E, "a multivalued key is used without ForAllValues/ForAnyValue",
     "Multivalued keys need a set qualifier; without one the condition never matches."},
    {"missing-statement", E, "the policy has no Statement", "A policy needs `Statement`."},
    {"missing-version", W, "the policy has no Version",
     "Without `Version: 2012-10-17` policy variables are not substituted.\n"
     "Fix: add \"Version\": \"2012-10-17\"."},
    {"multiple-bool-values", E, "a Bool condition has several values",
     "`Bool` compares one value; several values are almost always a mistake."},
    {"notprincipal-with-allow", E, "NotPrincipal with Allow",
     "Allow with `NotPrincipal` grants access to everyone else, including anonymous users."},
    {"null-with-if-exists", E, "NullIfExists is not an operator", "`Null` already tests existence."},
    {"policy-not-object", E, "the policy is not a JSON object", "A policy is a JSON object."},
    {"policy-too-large", E, "the policy is over the size quota of its kind",
     "IAM rejects policies over the character quota of their kind."},
    {"principal-not-allowed", E, "a Principal in a policy kind that cannot have one",
     "Identity policies, boundaries, SCPs and session policies cannot name a principal."},
    {"rcp-syntax", E, "a construct resource control policies do not allow",
     "RCPs allow only a subset of the policy language."},
    {"resource-not-allowed", E, "a Resource element in a trust policy",
     "Trust policies do not have `Resource`."},
    {"too-many-statements", E, "a policy has more statements than iamlint reads",
     "More than 8,192 statements: no policy AWS accepts has that many (each takes at least 31 "
     "characters, and the IAM API takes at most 131,072). The statements past the limit are not "
     "read, so the findings and decisions cover only the first 8,192.\n"
     "Fix: split the policy, or merge statements that share an effect and conditions."},
    {"trust-action-mismatch", E, "a trust policy allows an action that is not an AssumeRole action",
     "Trust policies grant `sts:AssumeRole*`, `sts:TagSession`, `sts:SetSourceIdentity`..."},
    {"unknown-condition-operator", E, "a condition operator is unknown",
     "Operators are spelt as AWS documents them (`StringEquals`, `IpAddress`...)."},
    {"unknown-element", E, "an element IAM does not know",
     "Policies contain only Version, Id, Statement and the statement elements."},
    {"variable-in-arn-prefix", W, "a policy variable outside an ARN's resource part",
     "AWS documents variables only in the resource part of ARNs."},
    {"variable-needs-version", W, "a policy variable without Version 2012-10-17",
     "Without `Version: 2012-10-17` `${...}` is matched literally."},
    {"variable-not-allowed", E, "a policy variable where IAM does not substitute one",
     "Variables are substituted only in Resource and in String/Arn condition values."},
};

const CheckInfo kUnusedSuppressionInfo = {
    kUnusedSuppression, I, "a suppression in the config file matched no finding",
    "What: a `suppressions` entry of .iamlint.yaml that matched nothing in this run.\n"
    "Why: stale suppressions hide future findings nobody reviewed.\n"
    "How to fix: remove the entry, or correct its `check`, `path` or `sid`.\n"
    "Bad:\n  suppressions:\n    - check: unknown-action\n      path: gone/*.json\n      reason: legacy\n"
    "Good: delete it once the file is gone."};

}  // namespace

std::span<const Check* const> AllChecks() {
  size_t count = 0;
  const Check* const* checks = Checks(&count);
  return {checks, count};
}

const Check* FindCheck(std::string_view id) {
  for (const Check* c : AllChecks()) {
    if (c->info().id == id) return c;
  }
  return nullptr;
}

std::span<const CheckInfo> ValidatorRules() { return kValidatorRules; }

const CheckInfo& UnusedSuppressionRule() { return kUnusedSuppressionInfo; }

const CheckInfo* FindRule(std::string_view id) {
  if (const Check* c = FindCheck(id)) return &c->info();
  for (const CheckInfo& r : kValidatorRules) {
    if (r.id == id) return &r;
  }
  if (id == kUnusedSuppression) return &kUnusedSuppressionInfo;
  return nullptr;
}

std::vector<std::string_view> AllRuleIds() {
  std::vector<std::string_view> ids;
  for (const Check* c : AllChecks()) ids.push_back(c->info().id);
  for (const CheckInfo& r : kValidatorRules) ids.push_back(r.id);
  ids.push_back(kUnusedSuppression);
  return ids;
}

}  // namespace iamlint::lint
