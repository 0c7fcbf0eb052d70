// The IAM credential report (`aws iam get-credential-report`, Content
// base64-decoded: a CSV with a header line), and how it completes an
// Inventory's users.
//
// Columns used (by header name, any order): user, arn, password_enabled,
// password_last_used, mfa_active, access_key_1_active,
// access_key_1_last_used_date, access_key_2_active,
// access_key_2_last_used_date. Values "true"/"false", "N/A",
// "no_information", "not_supported" and ISO 8601 dates are understood.
// The `<root_account>` row describes the root user.
//
// Diagnostics: credential-report-syntax (missing `user` column, a row
// with the wrong number of fields, unterminated quote) with line:col.
#ifndef IAMLINT_ENGINE_INPUTS_CREDENTIAL_REPORT_H_
#define IAMLINT_ENGINE_INPUTS_CREDENTIAL_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/inputs/inventory.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

struct CredentialReportRow {
  std::string user;
  std::string arn;
  Span span;  // the row
  Tristate password = Tristate::kUnknown;
  std::string password_last_used;  // ISO 8601 or ""
  Tristate mfa = Tristate::kUnknown;
  Tristate access_key_1_active = Tristate::kUnknown;
  std::string access_key_1_last_used;
  Tristate access_key_2_active = Tristate::kUnknown;
  std::string access_key_2_last_used;
};

// True when `text` starts with the report's header ("user,arn,...").
bool LooksLikeCredentialReport(std::string_view text);

bool ReadCredentialReport(const SourceManager& sources, SourceId id,
                          std::vector<CredentialReportRow>* rows, DiagnosticSink& sink);

// Sets access_key (yes when a key is active), password, mfa and
// access_key_last_used (the later of the two keys) of every user in
// `inventory` that has a row (matched by ARN, else by name).
void ApplyCredentialReport(const std::vector<CredentialReportRow>& rows, Inventory* inventory);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_INPUTS_CREDENTIAL_REPORT_H_
