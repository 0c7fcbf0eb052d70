// Shared helpers of the evaluated-permission checks (groups B–E): the
// GrantSet of a document (engine/analysis), positions of decisive
// statements, and the wording of consequences and conditions.
//
// Internal to lint/checks/; checks include it, nothing else should.
//
// The analysis is computed once per document and thread (a one-entry cache
// keyed by the document's address, span and a fingerprint of its
// statements), so twenty checks on one file analyse it once.
// TODO(lint owner): move into the runner's ANALYSIS SLOT (lint/check.h).
#ifndef IAMLINT_LINT_CHECKS_EVALUATED_H_
#define IAMLINT_LINT_CHECKS_EVALUATED_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis/effective.h"
#include "engine/analysis/risk.h"
#include "lint/check.h"

namespace iamlint::lint {

// True for the kinds whose Allow statements grant a principal permissions
// (identity policies and session policies); the group B–D checks skip the rest.
bool GrantsPermissions(const CheckContext& context);

// The GrantSet of `policy` alone, with nothing known about the context
// (leaked_key: the PartialContext::LeakedAccessKey() context instead).
const GrantSet& GrantsOf(const CheckContext& context, const PolicyDocument& policy,
                         bool leaked_key = false);

// The span a finding about `loc` points at: the statement's Action/NotAction
// element name, else the statement.
Span FindingSpan(const PolicyDocument& policy, const StatementLoc& loc);

// "a principal with this policy" / "a leaked access key of this user" (when
// the policy is attached to a user).
// Reports, per granting statement, the actions of access `level` that the
// evaluated grant allows on all resources ("can use 3 actions of level
// Write on all resources (...)").
void RunAccessLevelOnAll(const Check& check, AccessLevel level, std::string_view level_name,
                         const CheckContext& context, const PolicyDocument& policy,
                         DiagnosticSink& sink);

std::string Subject(const CheckContext& context);
// The subject for a grant that may hold only under a condition: a leaked
// access key has no MFA and no service context, so a conditional grant is
// described for "this user" rather than for a leaked key.
std::string Subject(const CheckContext& context, const ActionGrant& grant);

// " only with MFA", " only from 203.0.113.0/24 and when ..." for a
// conditional grant; "" otherwise.
std::string ConditionPhrase(const ActionGrant& grant);

// "on all resources" / "on `arn:...`" / "on `a`, `b` and 3 more".
std::string ScopePhrase(const ActionGrant& grant);

// `a`, `b`, `c` and N more.
inline constexpr size_t kListPhraseMax = 3;
std::string ListPhrase(const std::vector<std::string>& items, size_t max = kListPhraseMax);

// A finding with this check's id and an explicit severity.
void ReportWith(const Check& check, DiagnosticSink& sink, Severity severity, Span span,
                std::string message, std::vector<std::string> notes = {});

// Runs a single-action risk category (everything but privilege escalation):
// one finding per decisive statement, warning when granted on all
// resources, info when only on some or only under conditions.
// RiskActions(category)[i] resolved in `catalog` (empty when unknown),
// resolved once per thread and catalog.
const std::vector<std::optional<ActionId>>& RiskActionIds(const Catalog& catalog,
                                                          RiskCategory category);

void RunRiskCategory(const Check& check, RiskCategory category, const CheckContext& context,
                     const PolicyDocument& policy, DiagnosticSink& sink);

// Runs a fixed list of actions as one "broad grant" check: a finding for
// each action granted on all resources (kAllResources), at the check's
// severity, with `what` completing "<subject> can ...".
void RunActionsOnAll(const Check& check, const std::vector<std::string_view>& actions,
                     std::string_view what, const CheckContext& context,
                     const PolicyDocument& policy, DiagnosticSink& sink);

}  // namespace iamlint::lint

#endif  // IAMLINT_LINT_CHECKS_EVALUATED_H_
