// BuildPolicy: JsonDocument → PolicyDocument, reporting every way the
// document breaks the IAM policy grammar (semantics §1, Access Analyzer's
// error checks), per policy kind. The IAM element names live here and
// nowhere else.
//
// The builder never stops at the first problem: it reports all of them
// (each a Diagnostic with a stable code, see README "Validation rules") and
// keeps what it could read. It returns no document only when the root is
// not a JSON object.
//
// Kind: given in the options, or inferred from the statements: no
// Principal/NotPrincipal anywhere makes an identity policy; otherwise, when
// no statement has Resource/NotResource or NotAction and every action is in
// the role-assumption family (sts:AssumeRole, ...WithSAML, ...WithWebIdentity,
// TagSession, SetSourceIdentity, SetContext, or a wildcard matching one),
// a trust policy; else a resource policy. PolicyDocument::kind_reason says
// why. Boundary, session, SCP and RCP are never inferred.
//
// Duplicate JSON keys are reported (duplicate-key) and, as with most JSON
// parsers, the last member wins in the model.
//
// The codes (severity; what fires them):
//   policy-not-object      E  the root is not an object
//   unknown-element        E  a policy or statement key AWS does not know
//   invalid-type           E  a value of the wrong JSON type
//   duplicate-key          E  the same key twice in one object
//   missing-statement      E  no `Statement`
//   empty-statement        E  `Statement: []`
//   too-many-statements    E  more than max_statements statements (the rest unread)
//   invalid-version        E  `Version` not 2012-10-17/2008-10-17 (SCP/RCP: 2012-10-17)
//   missing-version        W  (SCP/RCP: E) no `Version`
//   id-not-supported       W  `Id` in identity, boundary or session policies
//   missing-effect         E  no `Effect`
//   invalid-effect         E  `Effect` other than `Allow`/`Deny`
//   missing-action         E  neither Action nor NotAction
//   conflicting-elements   E  both X and NotX (Action, Resource, Principal)
//   invalid-action         E  not `*` and not `service:name` with one `:`, or white space
//   action-service-wildcard E `*` or `?` in an action's service prefix
//   missing-resource       E  no Resource/NotResource (not in resource or trust kinds)
//   resource-not-allowed   E  Resource/NotResource in a trust policy
//   invalid-resource       E  a resource that is neither `*` nor `arn:...`
//   invalid-arn            E  an ARN with fewer than six fields (and no trailing `*`)
//   empty-arn-resource     W  an ARN with an empty resource part (matches nothing)
//   arn-service-case       E  upper case in an ARN's service field
//   iam-arn-region         E  an `arn:...:iam:` ARN with a region
//   missing-principal      E  no Principal/NotPrincipal in resource, trust, RCP
//   principal-not-allowed  E  Principal in identity/boundary/session/SCP;
//                             NotPrincipal in trust/RCP
//   notprincipal-with-allow E NotPrincipal with Allow (resource policies)
//   invalid-principal      E  malformed principal: bare string other than `*`,
//                             unknown type key, partial wildcard, bad account
//                             ID/ARN, group ARN, bad canonical user, Service or
//                             Federated with wildcards, malformed Federated,
//                             CanonicalUser in a trust policy
//   federated-outside-trust W a Federated principal outside trust policies
//   trust-action-mismatch  E  a trust principal without its AssumeRole* action
//   rcp-syntax             E  RCP: Allow, NotAction, Action `*`, Principal not `*`
//   invalid-sid            E  Sid not alphanumeric (every kind but resource)
//   duplicate-sid          E  (resource: W) the same Sid twice
//   empty-sid              I  `Sid: ""`
//   invalid-condition      E  Condition not an object, operator without keys
//                             object, key without an operator
//   unknown-condition-operator E not an operator as spelled (did you mean)
//   null-with-if-exists    E  `NullIfExists`
//   empty-condition        I  `Condition: {}` or an operator with no keys
//   invalid-condition-key  E  a key that is not `prefix:name`
//   duplicate-condition-key E the same key in another case under one operator
//   missing-set-qualifier  E  a multivalued aws: key without ForAllValues/ForAnyValue
//   multiple-bool-values   E  `Bool` with more than one value
//   invalid-variable       E  malformed `${...}`
//   variable-not-allowed   E  a variable in Action, Principal, a condition key,
//                             or a value of an operator that does not substitute
//   variable-in-arn-prefix W  a variable in an ARN's first five fields (AWS
//                             documents only the resource part, but stores it)
//   variable-needs-version E  a variable without Version 2012-10-17
//   empty-list             W  an empty Action/Resource/principal/value list
//   invalid-character      E  a character above U+00FF (identity, trust,
//                             boundary, session: the IAM API's character set)
//   policy-too-large       E/W over the kind's size quota (semantics §7.4), or
//                             over the IAM API's 131,072 characters
#ifndef IAMLINT_ENGINE_POLICY_POLICY_BUILDER_H_
#define IAMLINT_ENGINE_POLICY_POLICY_BUILDER_H_

#include <optional>

#include "engine/json/json_tree.h"
#include "engine/policy/policy.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

struct PolicyBuildOptions {
  std::optional<PolicyKind> kind;  // empty: infer from the statements
  bool check_size = true;          // report sizes over the kind's quota
  // True when the root's span is the policy's own JSON text (a policy
  // file, a policy inside a JSON string). False for documents taken from
  // YAML or from a template's tree: sizes and the character set are then
  // measured on the compact JSON the tree stands for (WriteMinified), and
  // reported at the document's first position.
  bool text_is_json = true;
  // Statements past this many are not read (too-many-statements). The
  // shortest statement, {"Effect":"Deny","Action":"*"}, takes 30
  // characters and a comma, so 8,192 statements are about twice the
  // 131,072 characters the IAM API accepts: no policy AWS takes is cut. The
  // bound keeps memory and the per-statement-pair checks of lint/ small on
  // hostile input.
  size_t max_statements = 8192;
};

// REQUIRES: `root` belongs to a document read from a buffer of `sources`.
std::optional<PolicyDocument> BuildPolicy(const SourceManager& sources, JsonValue root,
                                          const PolicyBuildOptions& options,
                                          DiagnosticSink& sink);

// Quota in characters for a kind (semantics §7.4), and how it is counted.
struct PolicySizeQuota {
  size_t limit = 0;
  bool whitespace_counts = false;  // SCP and RCP count every character
};
PolicySizeQuota SizeQuotaFor(PolicyKind kind);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_POLICY_POLICY_BUILDER_H_
