#include "tests/fuzz/fuzz_util.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

#include "engine/catalog/catalog.h"
#include "engine/eval/compiled_policy.h"
#include "engine/eval/trace.h"
#include "engine/inputs/input_reader.h"
#include "engine/policy/policy_builder.h"
#include "engine/source/diagnostic.h"

namespace iamlint::fuzz {

std::string_view AsText(const uint8_t* data, size_t size) {
  if (size == 0) return {};
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

void FuzzCheck(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

void EvaluateBothWays(const PolicyBundle& bundle, const Request& request) {
  EvalOptions indexed_options;
  indexed_options.use_index = true;
  indexed_options.catalog = &Catalog::BuiltIn();
  EvalOptions scanned_options = indexed_options;
  scanned_options.use_index = false;
  EvalScratch scratch;
  Decision indexed;
  Decision scanned;
  Trace trace;
  Authorize(bundle, request, indexed_options, &scratch, &indexed);
  Authorize(bundle, request, scanned_options, &scratch, &scanned, &trace);
  FuzzCheck(indexed.kind == scanned.kind, "indexed and scanned decisions differ");
  FuzzCheck(indexed.gate == scanned.gate, "indexed and scanned gates differ");
  FuzzCheck(indexed.decisive.size() == scanned.decisive.size(),
            "indexed and scanned decisive statement counts differ");
  for (size_t i = 0; i < indexed.decisive.size(); ++i) {
    const StatementRef& a = indexed.decisive[i];
    const StatementRef& b = scanned.decisive[i];
    FuzzCheck(a.slot == b.slot && a.index == b.index && a.position == b.position &&
                  a.statement == b.statement,
              "indexed and scanned decisive statements differ");
  }
}

void BuildInventoryPolicies(const SourceManager& sources, const Inventory& inventory) {
  const bool plain = inventory.format == InputFormat::kPolicy;
  for (const FoundPolicy& found : inventory.policies) {
    PolicyBuildOptions build;
    build.kind = found.kind;
    const SourceId doc_source = found.root.span().source;
    build.text_is_json = (plain || sources.Origin(doc_source) != doc_source) &&
                         sources.text(doc_source).substr(found.root.span().begin, 1) == "{";
    DiagnosticSink sink;
    std::optional<PolicyDocument> policy = BuildPolicy(sources, found.root, build, sink);
    if (!policy) continue;
    std::shared_ptr<const CompiledPolicy> compiled = CompiledPolicy::Compile(
        std::make_shared<const PolicyDocument>(std::move(*policy)));
    FuzzCheck(compiled != nullptr, "Compile returned null");
  }
}

void ReadAndBuildInventory(const char* name, InputFormat format, const uint8_t* data,
                           size_t size) {
  SourceManager sources;
  const SourceId id = sources.AddBuffer(name, std::string(AsText(data, size)));
  InputReadOptions options;
  options.format = format;
  Inventory inventory;
  DiagnosticSink sink;
  ReadInventory(sources, id, options, &inventory, sink);
  BuildInventoryPolicies(sources, inventory);
}

}  // namespace iamlint::fuzz
