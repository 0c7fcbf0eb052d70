#include "lint/cli/cmd_expand.h"

#include <algorithm>
#include <memory>

#include "engine/catalog/catalog.h"
#include "engine/json/json_writer.h"
#include "lint/cli/cmd_catalog.h"
#include "lint/report/snippet.h"

namespace iamlint::cli {

ExitCode RunExpandCommand(const ExpandCommandOptions& options, std::ostream& out,
                          std::ostream& err) {
  std::unique_ptr<const Catalog> owned;
  const Catalog* catalog = LoadCatalogOption(options.catalog_file, &owned, err);
  if (catalog == nullptr) return ExitCode::kUsage;

  std::vector<ActionId> all;
  std::vector<size_t> per_pattern;
  bool unmatched = false;
  for (const std::string& pattern : options.patterns) {
    std::vector<ActionId> ids = catalog->Expand(pattern);
    per_pattern.push_back(ids.size());
    if (ids.empty()) {
      unmatched = true;
      err << "iamlint: `" << lint::SanitizeForTerminal(pattern) << "` matches no action";
      // Suggest only for names without wildcards: a near miss of a pattern
      // is rarely the pattern that was meant.
      if (pattern.find_first_of("*?") == std::string::npos) {
        const std::string suggestion = catalog->SuggestAction(pattern);
        if (!suggestion.empty()) err << "; did you mean `" << suggestion << "`?";
      }
      err << "\n";
    }
    all.insert(all.end(), ids.begin(), ids.end());
  }
  // Patterns overlap (`s3:Get*` and `s3:*Object`): print each action once.
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());

  if (options.format == "json") {
    JsonWriter w;
    w.BeginObject();
    w.Key("catalog");
    w.String(catalog->info().version);
    w.Key("patterns");
    w.BeginArray();
    for (size_t i = 0; i < options.patterns.size(); ++i) {
      w.BeginObject();
      w.Key("pattern");
      w.String(options.patterns[i]);
      w.Key("matches");
      w.Int(static_cast<int64_t>(per_pattern[i]));
      w.EndObject();
    }
    w.EndArray();
    w.Key("actions");
    w.BeginArray();
    for (ActionId id : all) {
      w.BeginObject();
      w.Key("action");
      w.String(catalog->FullName(id));
      w.Key("access_level");
      w.String(AccessLevelName(catalog->access_level(id)));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << w.text() << "\n";
  } else {
    size_t width = 0;
    std::vector<std::string> names;
    names.reserve(all.size());
    for (ActionId id : all) {
      names.push_back(lint::SanitizeForTerminal(catalog->FullName(id)));
      width = std::max(width, names.back().size());
    }
    for (size_t i = 0; i < all.size(); ++i) {
      out << names[i] << std::string(width - names[i].size() + 2, ' ')
          << AccessLevelName(catalog->access_level(all[i])) << "\n";
    }
  }
  return unmatched ? ExitCode::kFindings : ExitCode::kOk;
}

}  // namespace iamlint::cli
