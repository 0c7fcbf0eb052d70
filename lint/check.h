// Check: one lint rule over a validated PolicyDocument (architecture §4.8).
//
// A check has a stable kebab-case id (the SARIF ruleId, the --enable and
// --disable argument, the config file's name for it), a default severity,
// a one-line summary and a documentation text (what it finds, why it
// matters, how to fix it, a bad and a good example). `iamlint checks ID`,
// SARIF `rules[]` and the README table all come from CheckInfo.
//
// Checks are registered explicitly in lint/registry.cc (no static-init
// self-registration). Each lives in lint/checks/<id>.cc with its test in
// tests/lint/checks/<id>_test.cc.
//
// A check reads only the PolicyDocument, the Catalog and the CheckContext;
// it never re-parses JSON. It reports with its own id as the code and its
// default severity (Check::Report); the runner applies --enable/--disable,
// severity overrides and suppressions afterwards, so checks stay pure.
//
// Thread safety: checks are stateless singletons; Run() is const and may be
// called concurrently on different documents.
#ifndef IAMLINT_LINT_CHECK_H_
#define IAMLINT_LINT_CHECK_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/inputs/inventory.h"
#include "engine/policy/policy.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint::lint {

struct CheckInfo {
  std::string_view id;                            // kebab-case, stable forever
  Severity default_severity = Severity::kWarning;
  std::string_view summary;        // one line, lowercase start, no final period
  std::string_view documentation;  // what, why, how to fix, bad and good example
  // False for opt-in checks (listed by `iamlint checks`, run only with --enable).
  bool enabled_by_default = true;
};

// What the policy is attached to, when known (--attached-to, templates).
enum class AttachedTo { kUnknown, kUser, kGroup, kRole };
std::string_view AttachedToName(AttachedTo attached);  // "unknown", "user", ...
std::optional<AttachedTo> ParseAttachedTo(std::string_view name);

// ANALYSIS SLOT. The evaluated-permission analysis shared by the group B–E
// checks (expanded actions per statement, effective grants, conditions...)
// is defined in lint/analysis.h by its owner. The runner computes it at most
// once per document and passes it here; it may be null (not computed, or the
// document had nothing to analyse), and every check must cope with null.
struct PolicyAnalysis;

struct CheckContext {
  PolicyKind kind = PolicyKind::kIdentity;  // the document's kind (given or inferred)
  const Catalog* catalog = nullptr;         // never null when passed to Run()
  const SourceManager* sources = nullptr;   // never null when passed to Run()
  SourceId source = kNoSource;              // the document's buffer
  AttachedTo attached_to = AttachedTo::kUnknown;
  // False when the validator found errors in the document: AWS would refuse
  // to store it, so checks of what it grants do not run.
  bool valid = true;
  const PolicyAnalysis* analysis = nullptr;  // see ANALYSIS SLOT above; may be null
  // The users, groups and roles the document is attached to, when the input
  // says (templates, plans, account snapshots); empty for a policy file.
  // When not empty, attached_to is the type of the first user among them,
  // else of the first entity. Valid during Run().
  std::vector<const Entity*> attached_entities;

  // The catalog's data date ("2026-09-26"), for messages.
  std::string CatalogDate() const;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual const CheckInfo& info() const = 0;
  // Reports findings for `policy` into `sink`; never throws, never prints.
  virtual void Run(const CheckContext& context, const PolicyDocument& policy,
                   DiagnosticSink& sink) const = 0;

 protected:
  // Adds a finding with this check's id and default severity.
  void Report(DiagnosticSink& sink, Span span, std::string message,
              std::vector<std::string> notes = {}) const;
};

// `text` in backticks, control characters escaped and cut past 200 bytes,
// as the validator quotes user input.
std::string Quote(std::string_view text);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_CHECK_H_
