#include "engine/inputs/input_reader.h"

#include "engine/inputs/account_snapshot.h"
#include "engine/inputs/cloudformation.h"
#include "engine/inputs/credential_report.h"
#include "engine/inputs/managed_resolution.h"
#include "engine/inputs/terraform.h"

namespace iamlint {

InputFormat DetectFormat(JsonValue root) {
  if (!root.valid() || !root.is_object()) return InputFormat::kPolicy;
  if (LooksLikeAccountSnapshot(root)) return InputFormat::kAccountSnapshot;
  if (LooksLikeTerraform(root)) return InputFormat::kTerraform;
  if (LooksLikeCloudFormation(root)) return InputFormat::kCloudFormation;
  return InputFormat::kPolicy;
}

bool ReadInventory(SourceManager& sources, SourceId id, const InputReadOptions& options,
                   Inventory* inventory, DiagnosticSink& sink) {
  std::string_view text = sources.text(id);
  InputFormat format = options.format.value_or(InputFormat::kPolicy);
  if ((!options.format && LooksLikeCredentialReport(text)) ||
      format == InputFormat::kCredentialReport) {
    inventory->format = InputFormat::kCredentialReport;
    std::vector<CredentialReportRow> rows;
    return ReadCredentialReport(sources, id, &rows, sink);
  }

  // A `.json` file is JSON whatever its first character (its syntax
  // errors are JSON's); otherwise the content decides.
  std::string_view name = sources.name(id);
  bool json_name = name.size() >= 5 && name.substr(name.size() - 5) == ".json";
  JsonDocument doc;
  bool ok = !json_name && LooksLikeYaml(text) ? ReadYaml(sources, id, options.yaml, &doc, sink)
                                              : ReadJson(sources, id, options.json, &doc, sink);
  if (!ok) {
    inventory->format = format;
    return false;
  }
  if (!options.format) format = DetectFormat(doc.root());
  inventory->format = format;
  uint32_t index = inventory->AddDocument(std::move(doc));
  switch (format) {
    case InputFormat::kPolicy: {
      FoundPolicy p;
      p.document = index;
      p.root = inventory->documents[index]->root();
      p.anchor = p.root.span();
      inventory->policies.push_back(std::move(p));
      return true;
    }
    case InputFormat::kCloudFormation:
      ReadCloudFormation(sources, index, inventory, sink);
      break;
    case InputFormat::kTerraform:
      ReadTerraform(sources, index, inventory, sink);
      break;
    case InputFormat::kAccountSnapshot:
      ReadAccountSnapshot(sources, index, inventory, sink);
      break;
    case InputFormat::kCredentialReport:
      break;  // handled above
  }
  if (options.resolve_managed) {
    const ManagedPolicyLibrary& library =
        options.managed != nullptr ? *options.managed : ManagedPolicyLibrary::BuiltIn();
    ResolveManagedPolicies(sources, library, inventory, sink);
  }
  return true;
}

}  // namespace iamlint
