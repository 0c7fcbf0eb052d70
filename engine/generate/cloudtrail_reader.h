// ReadCloudTrail: CloudTrail records from one buffer, with positions.
//
// Accepted layouts (detected by content, never by file name):
//   - a trail log file `{"Records": [EVENT, ...]}` (also `records`);
//   - one JSON array of events;
//   - JSON Lines, one event per line (blank lines and `#` lines skipped);
//   - a single event object;
// and, inside any of those, the envelopes events often travel in: an
// EventBridge "AWS API Call via CloudTrail" event (the record under
// `detail`) and test-fixture wrappers that keep it under `event` or
// `record`. Unwrapping is iterative and bounded (kMaxWrapping levels).
//
// An element that is no event (no `eventName` or no `eventSource`), and a
// JSON Lines line that does not parse, is reported to the sink as a
// warning at its position (`cloudtrail-not-event`, `json-syntax`...) and
// skipped; the other events are still read. A whole buffer that is not
// JSON is one error at the exact byte.
//
// The events' JsonValues point into documents owned by CloudTrailInput;
// the SourceManager must outlive it.
#ifndef IAMLINT_ENGINE_GENERATE_CLOUDTRAIL_READER_H_
#define IAMLINT_ENGINE_GENERATE_CLOUDTRAIL_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/json/json_reader.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

// One CloudTrail event: the record and the fields generation needs (empty
// when absent or not a string).
struct CloudTrailEvent {
  JsonValue record;
  Span span;                    // the record object
  std::string event_source;     // "s3.amazonaws.com"
  std::string event_name;       // "GetObject"
  std::string event_type;       // "AwsApiCall", "AwsServiceEvent", "AwsConsoleSignIn"...
  std::string region;           // awsRegion
  std::string account;          // recipientAccountId, else userIdentity.accountId
  std::string error_code;       // "AccessDenied", "Client.UnauthorizedOperation"...
  // userIdentity.
  std::string identity_type;    // "IAMUser", "AssumedRole", "Root", "AWSService"...
  std::string principal_arn;    // userIdentity.arn
  std::string user_name;        // userIdentity.userName, else the user ARN's last part
  std::string role_name;        // the session issuer's name (assumed roles)
  std::string access_key_id;    // userIdentity.accessKeyId
};

struct CloudTrailInput {
  std::vector<std::unique_ptr<JsonDocument>> documents;  // owners of every record
  std::vector<CloudTrailEvent> events;                   // in input order
  size_t skipped = 0;  // elements that were not events (reported as warnings)
};

inline constexpr int kMaxWrapping = 4;

// Reads buffer `id` and appends its events to *out. Returns false (after
// one error diagnostic) when the buffer is neither JSON nor JSON Lines.
bool ReadCloudTrail(const SourceManager& sources, SourceId id, const JsonReadOptions& options,
                    CloudTrailInput* out, DiagnosticSink& sink);

// Fills the fields of CloudTrailEvent from one record object.
CloudTrailEvent DescribeEvent(JsonValue record);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_GENERATE_CLOUDTRAIL_READER_H_
