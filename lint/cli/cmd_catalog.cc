#include "lint/cli/cmd_catalog.h"

#include <cstdio>

#include "engine/catalog/managed_policies.h"
#include "engine/json/json_writer.h"
#include "lint/input_files.h"
#include "lint/report/snippet.h"

namespace iamlint::cli {

namespace {

// The catalog is about a megabyte; anything far larger is not a catalog.
constexpr size_t kMaxCatalogBytes = size_t{256} << 20;

}  // namespace

const Catalog* LoadCatalogOption(const std::string& path, std::unique_ptr<const Catalog>* owned,
                                 std::ostream& err) {
  if (path.empty()) return &Catalog::BuiltIn();
  std::string bytes, error;
  if (!lint::ReadInput(path, kMaxCatalogBytes, &bytes, &error)) {
    err << "iamlint: cannot read catalog " << lint::SanitizeForTerminal(path) << ": " << error
        << "\n";
    return nullptr;
  }
  *owned = Catalog::Load(std::move(bytes), &error);
  if (*owned == nullptr) {
    err << "iamlint: " << lint::SanitizeForTerminal(path) << ": "
        << lint::SanitizeForTerminal(error) << "\n";
    return nullptr;
  }
  return owned->get();
}

ExitCode RunCatalogCommand(const CatalogCommandOptions& options, std::ostream& out,
                           std::ostream& err) {
  std::unique_ptr<const Catalog> owned;
  const Catalog* catalog = LoadCatalogOption(options.catalog_file, &owned, err);
  if (catalog == nullptr) return ExitCode::kUsage;
  const CatalogInfo& info = catalog->info();
  const ManagedPolicyLibrary& managed = ManagedPolicyLibrary::BuiltIn();
  const struct {
    const char* label;
    const char* key;
    size_t value;
  } counts[] = {
      {"services", "services", info.services},
      {"actions", "actions", info.actions},
      {"resource types", "resource_types", info.resource_types},
      {"condition keys", "condition_keys", info.condition_keys},
      {"global condition keys", "global_condition_keys", info.global_condition_keys},
      {"RCP-supported services", "rcp_services", info.rcp_services},
  };
  if (options.format == "json") {
    JsonWriter w;
    w.BeginObject();
    w.Key("source");
    w.String(options.catalog_file.empty() ? "built-in" : options.catalog_file);
    w.Key("package");
    w.String(info.package);
    w.Key("version");
    w.String(info.version);
    w.Key("updated");
    w.String(info.updated);
    for (const auto& c : counts) {
      w.Key(c.key);
      w.Int(static_cast<int64_t>(c.value));
    }
    // Always the built-in library: --catalog replaces the action catalog only.
    w.Key("managed_policies");
    w.BeginObject();
    w.Key("source");
    w.String(managed.source());
    w.Key("date");
    w.String(managed.date());
    w.Key("count");
    w.Int(static_cast<int64_t>(managed.size()));
    w.EndObject();
    w.EndObject();
    out << w.text() << "\n";
    return ExitCode::kOk;
  }
  auto line = [&](const char* label, const std::string& value) {
    char pad[64];
    std::snprintf(pad, sizeof pad, "%-24s", (std::string(label) + ":").c_str());
    out << pad << value << "\n";
  };
  line("catalog", options.catalog_file.empty() ? std::string("built-in")
                                               : lint::SanitizeForTerminal(options.catalog_file));
  line("data", lint::SanitizeForTerminal(info.package + " " + info.version));
  line("data date", lint::SanitizeForTerminal(info.updated));
  for (const auto& c : counts) line(c.label, std::to_string(c.value));
  line("managed policies", std::to_string(managed.size()));
  line("managed policies data", std::string(managed.source()));
  line("managed policies date", std::string(managed.date()));
  return ExitCode::kOk;
}

}  // namespace iamlint::cli
