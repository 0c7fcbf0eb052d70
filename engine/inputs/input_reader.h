// ReadInventory: any input file → Inventory, the format detected by content.
//
// Detection (unless InputReadOptions::format forces one):
//   - a header line "user,arn,user_creation_time,..." → credential report
//     (no policies; see inputs/credential_report.h);
//   - otherwise `*.yaml`, `*.yml` and `*.template` files are read as YAML
//     (engine/yaml), `*.json` files as JSON, and other names (stdin) as
//     JSON when the first significant character is `{` or `[` or the
//     first kilobyte holds control characters, else as YAML;
//   - a JSON/YAML root with AWSTemplateFormatVersion or typed Resources →
//     CloudFormation; format_version with plan or state sections →
//     Terraform; UserDetailList/RoleDetailList/GroupDetailList → account
//     snapshot; anything else → one policy document (its kind inferred).
// Then the format's reader fills the inventory, and AWS managed policies
// attached by ARN are resolved from the embedded library.
//
// A plain policy file yields one FoundPolicy (where "", kind empty) whose
// root is the whole document, so the linter treats it exactly as before.
#ifndef IAMLINT_ENGINE_INPUTS_INPUT_READER_H_
#define IAMLINT_ENGINE_INPUTS_INPUT_READER_H_

#include <optional>
#include <string_view>

#include "engine/catalog/managed_policies.h"
#include "engine/inputs/inventory.h"
#include "engine/json/json_reader.h"
#include "engine/source/diagnostic.h"
#include "engine/source/source_manager.h"
#include "engine/yaml/yaml_reader.h"

namespace iamlint {

struct InputReadOptions {
  std::optional<InputFormat> format;  // empty: detect
  JsonReadOptions json;
  YamlReadOptions yaml;
  // Where attached AWS managed policies come from; null: the built-in one.
  // Set resolve_managed to false to leave the references unresolved.
  const ManagedPolicyLibrary* managed = nullptr;
  bool resolve_managed = true;
};

// The format of `root` (a parsed JSON or YAML document), by its keys.
InputFormat DetectFormat(JsonValue root);

// Reads buffer `id`. Returns false when the file could not be parsed at all
// (the reason is in `sink`); the inventory then has no policies.
bool ReadInventory(SourceManager& sources, SourceId id, const InputReadOptions& options,
                   Inventory* inventory, DiagnosticSink& sink);

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_INPUTS_INPUT_READER_H_
