// Event mapping: which IAM actions a CloudTrail event needed, on which
// resources.
//
// Design note (engine/generate). CloudTrail names the API call
// (`eventSource` "s3.amazonaws.com", `eventName` "ListBuckets"); a policy
// names the IAM action that authorizes it (`s3:ListAllMyBuckets`). Most
// calls are authorized by the action of the same name in the service whose
// endpoint received them; the exceptions are a table (MappingTable(), also
// printed in the README): renamed actions (HeadObject → s3:GetObject), calls
// that need several actions (CopyObject: s3:GetObject on the source and
// s3:PutObject on the target), versioned forms (GetObject with a versionId
// → s3:GetObjectVersion), lambda's API-version suffixes (Invoke20150331 →
// lambda:InvokeFunction), and RunInstances with an instance profile (also
// iam:PassRole). The result is checked against the catalog by the caller:
// an action the catalog does not know is reported, never guessed.
//
// Resources: every ARN an event names (its `resources[].ARN`, any
// requestParameters value that is an ARN, and ARNs built from well-known
// parameters: bucketName/key, instanceId, tableName, functionName...)
// is a candidate; an action keeps the candidates the catalog says it can act
// on (Catalog::ClassifyArnFor). Without one, the action's required resource
// type's ARN format is filled in with the event's partition, region and
// account and `*` for the rest (ResourcePatternFromTemplate), and actions
// that take no resource get `*`.
#ifndef IAMLINT_ENGINE_GENERATE_EVENT_MAPPING_H_
#define IAMLINT_ENGINE_GENERATE_EVENT_MAPPING_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/generate/cloudtrail_reader.h"

namespace iamlint {

// "s3.amazonaws.com" → "s3", "monitoring.amazonaws.com" → "cloudwatch",
// "email.amazonaws.com" → "ses". Empty when the text is not of that form.
std::string ServicePrefixForEventSource(std::string_view event_source);

// The event name without an API-version suffix: "Invoke20150331" →
// "Invoke", "GetFunction20150331v2" → "GetFunction",
// "UpdateDistribution2017_03_25" → "UpdateDistribution". Other names as given.
std::string_view StripApiVersion(std::string_view event_name);

// One row of the name table.
struct MappingRow {
  std::string_view service;     // IAM service prefix, e.g. "s3"
  std::string_view event_name;  // after StripApiVersion
  // Space-separated `service:Action` list; an action suffixed `<source`
  // acts on the copy source of the event (CopyObject), not its target.
  std::string_view actions;
  // The same for requests naming a `versionId`; empty when not different.
  std::string_view versioned;
};

// The whole table, sorted by service then event name.
std::span<const MappingRow> MappingTable();

// One action an event needs, by name (not yet checked against the catalog).
struct NamedAction {
  std::string action;        // "s3:GetObject"
  bool copy_source = false;  // acts on the event's copy source
};

struct EventActions {
  std::vector<NamedAction> actions;
  bool from_table = false;  // a table row (or a built-in rule) decided, not the same-name rule
};

// The actions `event` needs: the table, else `service:EventName` (after
// StripApiVersion). Empty when the event source is not an AWS endpoint.
EventActions MapEventName(const CloudTrailEvent& event);

// One needed request: an action on one resource ARN (or `*`).
struct ActionResources {
  ActionId action = 0;
  // Concrete ARNs the event named (deduplicated, in order found); `*` for an
  // action that takes no resource.
  std::vector<std::string> resources;
  // True when nothing in the event names a resource of the action: then
  // `resources` holds one pattern built from the catalog's ARN format.
  bool unrecorded = false;
};

struct MappedEvent {
  std::vector<ActionResources> actions;
  // `service:Action` names the catalog does not know (not in `actions`).
  std::vector<std::string> unknown;
  // `iam:PassRole` for an instance profile whose role is not recorded.
  std::vector<std::string> notes;
};

// Maps `event` to catalog actions and resources.
MappedEvent MapEvent(const Catalog& catalog, const CloudTrailEvent& event);

// Every ARN the event names or implies, targets and copy sources apart.
struct EventArns {
  std::vector<std::string> targets;
  std::vector<std::string> copy_sources;
};
EventArns CandidateArns(const CloudTrailEvent& event);

// The first required (else the first) resource type of `action`, its first
// ARN format with ${Partition}, ${Region} and ${Account} filled in (an
// empty region or account becomes `*`) and every other ${Var} as `*`:
// "arn:aws:ec2:us-east-1:123456789012:instance/*". `*` for an action that
// takes no resource.
std::string ResourcePatternFromTemplate(const Catalog& catalog, ActionId action,
                                        std::string_view partition, std::string_view region,
                                        std::string_view account);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_GENERATE_EVENT_MAPPING_H_
