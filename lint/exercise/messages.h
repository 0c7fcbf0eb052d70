// Messages of `iamlint exercise` in English and Japanese (です/ます).
//
// Every user-visible sentence of the exercise command is one field of
// Messages, with `{}` placeholders filled in order by Format(). Engine
// details quoted inside a message (a condition's request values, a lint
// finding's text) stay as the engine and the checks write them.
#ifndef IAMLINT_LINT_EXERCISE_MESSAGES_H_
#define IAMLINT_LINT_EXERCISE_MESSAGES_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "engine/catalog/catalog.h"
#include "engine/eval/trace.h"
#include "engine/source/diagnostic.h"
#include "lint/exercise/exercise.h"

namespace iamlint::exercise {

struct Messages {
  std::string_view exercise;          // "Exercise {}: {}"
  std::string_view task;              // "Task: {}"
  std::string_view policy;            // "Policy: {} ({} policy)"
  std::string_view requirements;      // "Requirements: {} of {} passed"
  std::string_view pass;              // "PASS"
  std::string_view fail;              // "FAIL"
  std::string_view must_allow;        // "must allow"
  std::string_view must_deny;         // "must deny"
  std::string_view request;           // "{} on {}"   (action, resource)
  std::string_view statement;         // "statement {} at {}"
  std::string_view given_statement;   // "given policy statement {} at {}"
  std::string_view allowed_by;        // "allowed by {}"
  std::string_view denied_by;         // "denied by {}"
  std::string_view allowed_must_deny; // "allowed by {}, but it must be denied"
  std::string_view not_allowed;       // "not allowed: no statement allows it"
  std::string_view denied_no_allow;   // "denied: no statement allows it"
  std::string_view does_not_apply;    // "{} does not apply ({}: {})"
  std::string_view policy_unreadable; // "not evaluated: the policy could not be read"
  std::string_view over_none;         // "Over-grant: none ..."
  std::string_view over_count;        // "Over-grant: {} actions beyond the {} the task needs"
  std::string_view by_service;        // "by service and access level:"
  std::string_view more_services;     // "... and {} more services ({} actions)"
  std::string_view riskiest;          // "riskiest:"
  std::string_view also_all;          // "also allows {} on every resource"
  std::string_view also_plain;        // "also allows {}"
  std::string_view also_some;         // "also allows {} on {}"
  std::string_view also_conditional;  // "also allows {} {}"
  std::string_view lint;              // "Lint: {} errors, {} warnings, {} infos"
  std::string_view score;             // "Score: {}/100 (requirements {}/70, ...)"
  std::string_view hints;             // "Hints:"
  std::string_view result_pass;       // "Result: PASS"
  std::string_view result_fail;       // "Result: FAIL"
  std::string_view list_count;        // "{} exercises"
  std::string_view cannot_read;       // "cannot read {}: {}"
  std::string_view no_exercise;       // "no exercise `{}` in {}"
  std::string_view malformed;         // "{}: the exercise is malformed ({} problems)"
  std::string_view list_separator;    // ", "
  std::string_view service_row;       // "{}: {} ({})"  (service, count, per level)
};

const Messages& MessagesFor(Lang lang);

// Replaces each `{}` of `pattern` with the next argument.
std::string Format(std::string_view pattern, std::initializer_list<std::string_view> args);

// "identity" / "アイデンティティベース" ...
std::string_view KindWord(PolicyKind kind, Lang lang);
// "list" / "リスト" ... (AWS's access level names).
std::string_view LevelWord(AccessLevel level, Lang lang);
// "action", "resource", ... / "アクション", "リソース", ...
std::string_view MissWord(MissReason reason, Lang lang);
// "error", "warning", "info" / "エラー", "警告", "情報".
std::string_view SeverityWord(Severity severity, Lang lang);

// "en" or "ja"; nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view text);

}  // namespace iamlint::exercise

#endif  // IAMLINT_LINT_EXERCISE_MESSAGES_H_
