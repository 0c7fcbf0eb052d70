#include "engine/inputs/input_reader.h"

#include "engine/inputs/account_snapshot.h"
#include "engine/inputs/cloudformation.h"
#include "engine/inputs/credential_report.h"
#include "engine/inputs/managed_resolution.h"
#include "engine/inputs/terraform.h"

namespace iamlint {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// YAML by the file's extension; `.json` is JSON; otherwise (stdin, other
// names) by content: YAML when it does not start like JSON and its first
// kilobyte is text (binary garbage gets the JSON reader's errors).
bool ReadsAsYaml(std::string_view name, std::string_view text) {
  if (EndsWith(name, ".yaml") || EndsWith(name, ".yml") || EndsWith(name, ".template")) {
    return true;
  }
  if (EndsWith(name, ".json")) return false;
  for (char ch : text.substr(0, 1024)) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return LooksLikeYaml(text);
}

}  // namespace

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

  JsonDocument doc;
  bool ok = ReadsAsYaml(sources.name(id), text) ? ReadYaml(sources, id, options.yaml, &doc, sink)
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
