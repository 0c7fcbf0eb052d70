// ReadYaml: a YAML buffer → the same positioned JsonDocument ReadJson gives.
//
// The only door through which yaml-cpp enters the engine (a ctest guard
// checks that). Mappings become objects (keys as text), sequences arrays,
// scalars strings, except plain (unquoted) `true`/`false`, `null`/`~` and
// numbers, which keep their YAML 1.2 core-schema types (CloudFormation reads
// them the same way). Every value and key gets its Span in the YAML file,
// so findings land on the user's line.
//
// CloudFormation short-form tags become the long form: `!Ref X` →
// {"Ref": "X"}, `!Sub s` → {"Fn::Sub": s}, `!GetAtt A.B` →
// {"Fn::GetAtt": ["A", "B"]} (the string form is split at the first dot),
// `!If [...]` → {"Fn::If": [...]}, and so on for every `!Name` as
// {"Fn::Name": value} (`!Ref` and `!Condition` keep their names). Other
// tags are dropped, keeping the value.
//
// Bounded: nesting deeper than max_depth stops the read (yaml-reader-too-deep
// → json-too-deep), and aliases are expanded only up to max_nodes values in
// all (a "billion laughs" document stops with input-too-large), so time and
// memory stay proportional to max_nodes. No recursion on input depth in our
// code; yaml-cpp's own parser is guarded by its depth limit and max_depth
// is checked before parsing.
//
// Diagnostics (one, at the position reading stopped):
//   yaml-syntax      not valid YAML (yaml-cpp's message)
//   json-too-deep    nesting deeper than max_depth
//   input-too-large  more than max_bytes, or aliases expand past max_nodes
//   json-encoding    NUL bytes or invalid UTF-8
//   yaml-multiple-documents  more than one document (`---`)
#ifndef IAMLINT_ENGINE_YAML_YAML_READER_H_
#define IAMLINT_ENGINE_YAML_YAML_READER_H_

#include <cstddef>
#include <cstdint>

#include "engine/json/json_tree.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"

namespace iamlint {

struct YamlReadOptions {
  uint32_t max_depth = 64;
  size_t max_bytes = size_t{64} << 20;
  // Values produced in all, aliases expanded; bounds alias bombs.
  size_t max_nodes = size_t{4} << 20;
};

[[nodiscard]] bool ReadYaml(const SourceManager& sources, SourceId id,
                            const YamlReadOptions& options, JsonDocument* doc,
                            DiagnosticSink& sink);

// True when the buffer looks like YAML rather than JSON: its first
// non-blank, non-comment character is not `{` or `[`.
bool LooksLikeYaml(std::string_view text);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_YAML_YAML_READER_H_
