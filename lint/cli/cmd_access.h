// `iamlint access`: what a user or role of an account can do, and what a
// leaked access key of a user can do (issue 7; engine/analysis/principal_reach.h).
//
//   iamlint access --account SNAPSHOT [--credentials CSV] [--scp FILE...]
//       [--resource-policy FILE...] [--context key=value...] [--service S]
//       [--level L] [--format text|json] PRINCIPAL
//   iamlint access --account SNAPSHOT --all [--roles]
//
// SNAPSHOT is anything ReadInventory reads (account snapshot, CloudFormation
// template, Terraform plan). Text output: verdicts first, then the service ×
// access-level table, then the actions (when few, or narrowed by --service).
// JSON output: one object, "version": 1 (schema in README).
//
// Exit codes: 0 the report was written; 2 usage error, unreadable input,
// unknown principal.
//
// The helpers below (loading the account, finding a principal, citing a
// statement) are shared with `iamlint can` (cmd_can.cc).
#ifndef IAMLINT_LINT_CLI_CMD_ACCESS_H_
#define IAMLINT_LINT_CLI_CMD_ACCESS_H_

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/analysis/principal_reach.h"
#include "engine/inputs/inventory.h"
#include "engine/json/json_writer.h"
#include "engine/source/source_manager.h"
#include "lint/cli/exit_code.h"

namespace iamlint::cli {

struct AccountInputOptions {
  std::string account;                         // --account
  std::string credentials;                     // --credentials
  std::vector<std::string> scps;               // --scp, one level each, root first
  std::vector<std::string> resource_policies;  // --resource-policy
  std::vector<std::string> context;            // --context key=value (a repeated key: a list)
  size_t max_input_bytes = size_t{256} << 20;
};

struct AccessCommandOptions {
  AccountInputOptions input;
  std::string principal;   // user or role name or ARN
  bool all = false;        // --all: rank every user
  bool roles = false;      // --roles: rank roles too
  std::string service;     // --service s3
  std::string level;       // --level read
  std::string format = "text";
  // --html FILE: also write the self-contained HTML report there (written
  // to a temporary file beside it, then renamed: never a half-written file).
  std::string html_file;
  // --all: a progress line on `err` (lint/cli/progress.h); the CLI sets it
  // for a terminal or --progress.
  bool progress = false;
};

ExitCode RunAccessCommand(const AccessCommandOptions& options, std::ostream& out,
                          std::ostream& err);

// --- shared with cmd_can.cc ------------------------------------------------

struct LoadedAccount {
  SourceManager sources;  // first: outlives everything below
  Inventory inventory;
  std::vector<std::unique_ptr<PolicyDocument>> external_documents;
  std::vector<ExternalPolicy> external;
  std::vector<PartialContext::Entry> context;
  bool credentials = false;  // a credential report was applied
};

// Reads --account, --credentials, --scp, --resource-policy and --context
// (an --scp file without any Allow, a deny list, is one level with
// FullAWSAccess alongside, as AWS attaches it to every level by default);
// false (with the reason on `err`) on a usage error or unreadable input.
bool LoadAccount(const AccountInputOptions& options, LoadedAccount* account, std::ostream& err);

// The user or role named or ARN'd by `principal`, or kNoIndex (reason on
// `err`): not found (with a suggestion), or a user and a role share the name.
uint32_t FindPrincipal(const Inventory& inventory, const std::string& principal,
                       std::ostream& err);

// "samples/accounts/story.json:13:34 (AWS managed policy AdministratorAccess)",
// "…:35:29 (inline policy read-reports, statement ReadReports)".
std::string CiteStatement(const LoadedAccount& account, const GatheredPolicies& gathered,
                          const StatementLoc& loc);

// "a leaked access key of `alice`", "user `bob`", "role `ci-deploy`".
std::string SubjectOf(const Entity& entity, bool leaked_key);

// "only from 203.0.113.0/24 and with MFA" (conditions deduplicated).
std::string ConditionsPhrase(const std::vector<GrantCondition>& conditions);

// The conditions as a JSON array of {operator, key, values, from_deny, text}
// (the `access` and `can` JSON outputs share it).
void WriteConditions(JsonWriter& w, const std::vector<GrantCondition>& conditions);

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_CMD_ACCESS_H_
