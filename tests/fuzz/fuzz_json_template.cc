// Fuzz target (e): the CloudFormation JSON template reader.
//
// Input: the bytes of one file named fuzz.json, read by ReadInventory with the
// format forced to InputFormat::kCloudFormation (so the format's reader runs
// whatever the content). Every policy found is then built and compiled as
// the linter does (fuzz_util.h).
#include <string>

#include "engine/inputs/input_reader.h"
#include "tests/fuzz/fuzz_util.h"

using namespace iamlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  SourceManager sources;
  const SourceId id = sources.AddBuffer("fuzz.json", std::string(fuzz::AsText(data, size)));
  InputReadOptions options;
  options.format = InputFormat::kCloudFormation;
  Inventory inventory;
  DiagnosticSink sink;
  ReadInventory(sources, id, options, &inventory, sink);
  fuzz::BuildInventoryPolicies(sources, inventory);
  return 0;
}
