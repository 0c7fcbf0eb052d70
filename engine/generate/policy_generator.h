// Least-privilege policy generation: from what a workload needed (request
// cases or CloudTrail events) to the identity policy that allows exactly
// that, and the proof that it does.
//
// Design note (engine/generate). Generation is three steps, each testable:
//
//   1. Needs: every recorded request becomes one NeededRequest per
//      (catalog action, resource): AddEvents() maps CloudTrail events with
//      MapEvent() (event_mapping.h), filtered by principal, AddCaseRequest()
//      takes request cases as they are. Names the catalog does not know are
//      counted in Needs::unmapped, never guessed.
//   2. GeneratePolicy(): per action, its distinct resources; more than
//      `collapse` exact ARNs of one resource type and one cluster (one
//      bucket's objects, one account's instances: ArnCluster) become their
//      longest common prefix + `*` (0: never collapse); actions with the same
//      resources and the same service and access class share a statement.
//      Statement ids are the service in CamelCase, plus the class (Read,
//      Write, Permissions) when the service has several statements, plus
//      the resource type (Bucket, Object; All for `*`) when the class has
//      several, plus a number if still not unique: Ec2, S3Read, S3Write,
//      S3ReadBucket, S3ReadObject.
//      Literal `$`, `*` and `?` of recorded ARNs are written `${$}`, `${*}`,
//      `${?}`, so a recorded name never becomes a wildcard. Output order is
//      stable: services, classes, then resource lists, all sorted.
//   3. ProvePolicy(): reads the generated JSON back with the policy reader
//      (so the text itself is what is proved), evaluates every needed
//      request with Authorize(), and asks AnalyzeGrants() which other
//      catalog actions the policy allows.
//
// The proof checks the identity-policy side: each request is evaluated as
// a same-account request of its caller (a cross-account request would also
// need the resource's policy, which generation does not write), and KMS
// and STS requests, whose key policy or role trust policy must itself
// allow the caller, get the default such policy that delegates to IAM
// policies (Principal: the caller's account root). A federated user's
// request also gets the policy as its session policy, as GetFederationToken
// would pass it (such a session has nothing without one).
#ifndef IAMLINT_ENGINE_GENERATE_POLICY_GENERATOR_H_
#define IAMLINT_ENGINE_GENERATE_POLICY_GENERATOR_H_

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/eval/request.h"
#include "engine/generate/cloudtrail_reader.h"
#include "engine/source/diagnostic.h"
#include "engine/source/span.h"

namespace iamlint {

// The caller of requests whose record names none.
inline constexpr std::string_view kDefaultCaller = "arn:aws:iam::123456789012:user/iamlint-generated";

struct NeededRequest {
  std::string principal;  // the caller's ARN
  ActionId action = 0;
  std::string resource;     // an ARN, `*`, or a pattern when `unrecorded`
  bool unrecorded = false;  // the record named no resource of the action's type
  std::string error_code;   // the event failed ("AccessDenied"); still needed
  Span span;                // the event or case it came from
};

// Which events count: all filters given must match (empty = any).
struct PrincipalFilter {
  std::string user;        // userIdentity.userName, or the user ARN's name
  std::string role;        // the assumed role's name (session issuer)
  std::string access_key;  // userIdentity.accessKeyId
  bool only_successful = false;  // leave out events with an errorCode
};

bool MatchesFilter(const CloudTrailEvent& event, const PrincipalFilter& filter);

struct Needs {
  std::vector<NeededRequest> requests;
  size_t records = 0;         // events and cases read
  size_t used = 0;            // records that gave at least one request
  size_t filtered_out = 0;    // events of other principals
  size_t not_api_calls = 0;   // eventType other than AwsApiCall (sign-ins, service events)
  size_t failed_used = 0;     // used events with an errorCode
  size_t failed_skipped = 0;  // events with an errorCode left out (--only-successful)
  // "`apigateway:CreateStage` (apigateway.amazonaws.com CreateStage)" → events.
  std::map<std::string, size_t> unmapped;
  std::vector<std::string> notes;  // deduplicated, in order
};

void AddEvents(const Catalog& catalog, const std::vector<CloudTrailEvent>& events,
               const PrincipalFilter& filter, Needs* needs);

// A request case: its principal (else kDefaultCaller), action, resource.
void AddCaseRequest(const Catalog& catalog, const Request& request, Span span, Needs* needs);

struct GenerateOptions {
  size_t collapse = 5;  // collapse more than this many ARNs of a type; 0 never
};

struct GeneratedStatement {
  std::string sid;
  std::vector<std::string> actions;    // canonical names, sorted
  std::vector<std::string> resources;  // patterns as written, sorted
};

struct GeneratedPolicy {
  std::vector<GeneratedStatement> statements;
  size_t collapsed = 0;  // resource patterns that replaced several ARNs
};

GeneratedPolicy GeneratePolicy(const Catalog& catalog, const std::vector<NeededRequest>& requests,
                               const GenerateOptions& options);

// Pretty-printed JSON (two-space indent, one value per line, a single
// value written as a string), ending in a newline.
std::string PolicyToJson(const GeneratedPolicy& policy);

// `text` with `$`, `*`, `?` of its resource part (after an ARN's fifth
// colon; all of a text that is no ARN) escaped as policy variables, for use
// as a literal in a Resource. A `*` standing for an unknown region or
// account stays a wildcard: variables are not substituted there.
std::string EscapeResourceLiteral(std::string_view text);

// Where ARNs of one kind are collapsed together: the ARN up to and
// including the first `/` or `:` of its resource part ("arn:aws:s3:::b/",
// "arn:aws:ec2:r:a:instance/"), or up to its fifth colon when there is
// none ("arn:aws:s3:::" for buckets).
std::string ArnCluster(std::string_view arn);

// The longest common prefix of `texts` (REQUIRES: not empty).
std::string CommonPrefix(const std::vector<std::string>& texts);

struct ProofResult {
  bool policy_valid = false;           // the JSON read back without errors
  std::vector<Diagnostic> policy_errors;
  size_t allowed = 0;
  std::vector<size_t> denied;          // indices into the requests
  // Catalog actions the policy allows (any level but never) beyond the
  // needed ones, by service prefix and access level.
  size_t other_actions = 0;
  std::map<std::string, std::array<size_t, kAccessLevelCount>> other_by_service;
};

ProofResult ProvePolicy(const Catalog& catalog, std::string_view policy_json,
                        const std::vector<NeededRequest>& requests, bool use_index = true);

// "12 of 12 recorded requests allowed; also allows 0 other actions", with
// " (s3: 2 Read, 1 List)" per service when there are others.
std::string ProofSummary(const ProofResult& proof, size_t requests);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_GENERATE_POLICY_GENERATOR_H_
