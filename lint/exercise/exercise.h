// Exercise: one training task of `iamlint exercise` — the task text in
// English and Japanese, the requests the learner's policy must allow, the
// probe requests it must deny, hints, the action budget the over-grant
// report compares against, and policies already in effect ("given").
//
// The file format (exercise.json, documented in the README section
// "Training exercises"):
//
//   {
//     "id": "01-list-buckets",
//     "title": {"en": "...", "ja": "..."},
//     "task":  {"en": "...", "ja": "..."},
//     "kind": "identity" | "resource" | "trust",
//     "principal": "arn:aws:sts::123456789012:assumed-role/app/i-0abc",  optional default caller
//     "given": {"identity": [POLICY, ...]},                             optional
//     "allow": [ {"id": "...", "request": REQUEST, "about": {"en","ja"}}, ... ],
//     "deny":  [ ... the same shape ... ],
//     "budget": ["s3:ListAllMyBuckets", {"service": "s3", "level": "list"}],  optional
//     "hints": [ {"en": "...", "ja": "...", "when": ["req-id", "over-grant"]}, ... ]
//   }
//
// REQUEST is the `request` object of the case format (shared/spec/cases.md):
// principal, action, resource, resourceAccount, context. Its context is
// complete, as in the case format (set `aws:username` where the task uses
// `${aws:username}`). `given` holds other policies in effect, by case-format
// slot (identity, boundary, resource); the learner's policy takes the slot
// of `kind` (identity, or resource for resource and trust policies).
//
// ReadExercise reports every problem of a malformed file with its exact
// position (code `exercise-invalid`, or the JSON reader's codes) and
// returns nullopt; it never stops at the first problem when later ones can
// be found independently.
#ifndef IAMLINT_LINT_EXERCISE_EXERCISE_H_
#define IAMLINT_LINT_EXERCISE_EXERCISE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog/catalog.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/request.h"
#include "engine/json/json_reader.h"
#include "engine/policy/policy.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint::exercise {

enum class Lang { kEn, kJa };

// One text in both languages.
struct Text {
  std::string en;
  std::string ja;
  const std::string& In(Lang lang) const { return lang == Lang::kJa ? ja : en; }
};

struct Requirement {
  std::string id;
  bool must_allow = true;  // false: a probe that must be denied
  Text about;              // optional description (may be empty)
  Request request;
  Span span;  // the requirement object in exercise.json
};

struct Hint {
  Text text;
  // Requirement ids (or "over-grant", "lint") whose failure shows the hint;
  // empty: shown whenever the check fails.
  std::vector<std::string> when;
};

struct Exercise {
  std::string id;
  std::string path;  // exercise.json as given
  Text title;
  Text task;
  PolicyKind kind = PolicyKind::kIdentity;
  std::vector<Requirement> requirements;  // allow requirements first, then deny probes
  std::vector<Hint> hints;
  // Catalog actions the task may use: the actions of the allow requirements
  // and the budget entries, expanded. Sorted, unique.
  std::vector<ActionId> budget;
  // Policies in effect besides the learner's.
  std::vector<std::shared_ptr<const CompiledPolicy>> given_identity;
  std::shared_ptr<const CompiledPolicy> given_boundary;
  std::shared_ptr<const CompiledPolicy> given_resource;  // only for identity exercises
};

// Reads exercise.json from buffer `id`. Problems go to `sink` with their
// positions; returns nullopt when there was any.
std::optional<Exercise> ReadExercise(const SourceManager& sources, SourceId id,
                                     const Catalog& catalog, DiagnosticSink& sink,
                                     const JsonReadOptions& json = {});

// "identity", "resource", "trust".
std::string_view ExerciseKindName(PolicyKind kind);

}  // namespace iamlint::exercise

#endif  // IAMLINT_LINT_EXERCISE_EXERCISE_H_
