// Options of one lint run, each default documented.
#ifndef IAMLINT_LINT_LINT_OPTIONS_H_
#define IAMLINT_LINT_LINT_OPTIONS_H_

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/inputs/credential_report.h"
#include "engine/inputs/inventory.h"
#include "engine/policy/policy.h"
#include "engine/source/diagnostic.h"
#include "lint/check.h"

namespace iamlint::lint {

// "files matching `glob` are policies of `kind`" (config `policy-type`).
struct KindRule {
  std::string glob;  // fnmatch(3) pattern over the path as given
  PolicyKind kind = PolicyKind::kIdentity;
};

// A finding the user has accepted (config `suppressions`). Matches a
// diagnostic whose code is `check`, whose file matches `path` (when set)
// and whose statement has Sid `sid` (when set).
struct Suppression {
  std::string check;
  std::optional<std::string> path;  // fnmatch(3) glob
  std::optional<std::string> sid;
  std::string reason;               // required by the config reader
  Span span;  // where the suppression is written (for unused-suppression); may be invalid
};

struct LintOptions {
  // The policy kind of every input; empty means infer it per document
  // (after `kind_rules`, the first matching rule wins).
  std::optional<PolicyKind> kind;
  std::vector<KindRule> kind_rules;
  // Findings at or above this severity make the run fail (exit 1); empty
  // means never fail on findings (--fail-on never).
  std::optional<Severity> fail_on = Severity::kError;
  // Inputs larger than this are refused with a diagnostic.
  size_t max_input_bytes = size_t{64} << 20;

  // The catalog the checks consult; null means Catalog::BuiltIn().
  const Catalog* catalog = nullptr;
  // What every input is attached to (--attached-to); unknown by default.
  // Templates and account snapshots say it themselves, per document.
  AttachedTo attached_to = AttachedTo::kUnknown;
  // The format of every input (--input-format); empty: detect by content.
  std::optional<InputFormat> input_format;
  // Credential report rows applied to the users of every account snapshot
  // (--credentials); may be empty.
  std::vector<CredentialReportRow> credentials;
  // False runs the validator only (no checks), as before checks existed.
  bool run_checks = true;
  // Ids (checks or validator codes) turned on / off. A check runs when it
  // is enabled by default or listed in `enable`, and is not in `disable`.
  // Validator diagnostics are dropped when their code is in `disable`.
  std::set<std::string, std::less<>> enable;
  std::set<std::string, std::less<>> disable;
  // Severity overrides by id (checks and validator codes).
  std::map<std::string, Severity, std::less<>> severity;
  // Accepted findings; the unused ones are reported as `unused-suppression`.
  std::vector<Suppression> suppressions;
};

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_LINT_OPTIONS_H_
