// The `iamlint access --html FILE` report: one self-contained HTML page for
// one principal or a whole ranking (engine/analysis/principal_reach.h).
//
// Per principal: who it is (type, ARN, access key, the role-based
// alternative when ranked), the verdicts first ("a leaked access key of
// `alice` can read every object in every S3 bucket of the account") with
// their reach, resources, conditions and decisive statements (file:line),
// then a service × access-level heat map (a first row summing every service
// reached, then one row per service) whose cells are coloured by how much
// of the cell is allowed:
//   all          every action of the cell, always, on every resource
//   some         some actions, or on some resources only
//   conditional  only under conditions the context leaves open
//   none         nothing (or only with MFA / an AWS service: "not by key")
// and the policies in effect (how each applies, file:line).
//
// The page needs nothing else: inline CSS, no script, no image, font, link
// or URL of any kind, so it can be mailed or attached to a ticket and opened
// offline. Every string taken from the input (names, ARNs, file names,
// Sids, resources, condition keys and values) goes through HtmlEscape.
#ifndef IAMLINT_LINT_REPORT_ACCESS_HTML_H_
#define IAMLINT_LINT_REPORT_ACCESS_HTML_H_

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis/principal_reach.h"
#include "engine/catalog/catalog.h"

namespace iamlint::lint {

// Text for HTML element content and quoted attribute values: & < > " '
// become &amp; &lt; &gt; &quot; &#39;; C0 control characters and DEL
// become their visible Control Pictures (ESC → &#x241B; "␛", NUL →
// &#x2400;); C1 controls, the bidirectional controls (U+202A..U+202E,
// U+2066..U+2069) and bytes that are not UTF-8 become U+FFFD (&#xFFFD;).
// Other valid UTF-8 text passes through unchanged.
std::string HtmlEscape(std::string_view text);

// One principal of the page.
struct AccessHtmlPrincipal {
  const PrincipalReach* reach = nullptr;  // required; reach->entity names the entity
  // The policies `reach` was analysed from (StatementLoc::policy indexes
  // them). Null: gathered again from the cache with AccessHtmlOptions::external
  // (what RankPrincipals did), which must then be the same list.
  const GatheredPolicies* gathered = nullptr;
  bool ranked = false;       // part of a ranking: show `rank` and the key
  size_t rank = 0;           // 1-based
  bool active_key = false;   // RankedPrincipal::active_key
  const RoleAlternative* alternative = nullptr;  // RankedPrincipal::alternative
};

struct AccessHtmlOptions {
  // The page title and heading; empty: "iamlint access: <account file name>".
  std::string title;
  // SCPs and resource policies the reach was computed with (named in
  // citations and used when a principal's `gathered` is null).
  std::span<const ExternalPolicy> external;
  // At most this many verdicts per principal are listed (the rest are
  // counted); 0: all.
  size_t max_verdicts = 0;
  // At most this many service rows per heat map (the rest are named in one
  // line); 0: all. A full administrator's map is always the one sum row.
  size_t max_services = 0;
};

// Writes the whole page. `cache` gives the inventory and the sources (for
// file:line); its documents are reused.
void WriteAccessHtml(std::ostream& out, const Catalog& catalog, ReachPolicyCache& cache,
                     std::span<const AccessHtmlPrincipal> principals,
                     const AccessHtmlOptions& options = {});

// One principal (`iamlint access --html FILE PRINCIPAL`).
void WriteAccessHtml(std::ostream& out, const Catalog& catalog, ReachPolicyCache& cache,
                     const GatheredPolicies& gathered, const PrincipalReach& reach,
                     const AccessHtmlOptions& options = {});

// A ranking (`iamlint access --all [--roles] --html FILE`), in its order.
void WriteAccessHtml(std::ostream& out, const Catalog& catalog, ReachPolicyCache& cache,
                     const std::vector<RankedPrincipal>& ranking,
                     const AccessHtmlOptions& options = {});

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_REPORT_ACCESS_HTML_H_
