#include "engine/inputs/inventory.h"

namespace iamlint {

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kPolicy: return "policy";
    case InputFormat::kCloudFormation: return "cloudformation";
    case InputFormat::kTerraform: return "terraform";
    case InputFormat::kAccountSnapshot: return "account";
    case InputFormat::kCredentialReport: return "credential-report";
  }
  return "policy";
}

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  for (InputFormat f : {InputFormat::kPolicy, InputFormat::kCloudFormation,
                        InputFormat::kTerraform, InputFormat::kAccountSnapshot,
                        InputFormat::kCredentialReport}) {
    if (InputFormatName(f) == name) return f;
  }
  return std::nullopt;
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kUser: return "user";
    case EntityType::kGroup: return "group";
    case EntityType::kRole: return "role";
  }
  return "user";
}

uint32_t Inventory::AddDocument(JsonDocument doc) {
  documents.push_back(std::make_unique<JsonDocument>(std::move(doc)));
  return static_cast<uint32_t>(documents.size() - 1);
}

uint32_t Inventory::FindEntity(EntityType type, std::string_view name) const {
  for (size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].type == type && entities[i].name == name) return static_cast<uint32_t>(i);
  }
  return kNoIndex;
}

}  // namespace iamlint
