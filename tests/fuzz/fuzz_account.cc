// Fuzz target (f): the account snapshot reader.
//
// Input: the bytes of one file named fuzz.json, read by ReadInventory with the
// format forced to InputFormat::kAccountSnapshot (so the format's reader runs
// whatever the content). Every policy found is then built and compiled as
// the linter does (fuzz_util.h).
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  iamlint::fuzz::ReadAndBuildInventory("fuzz.json", iamlint::InputFormat::kAccountSnapshot, data,
                                       size);
  return 0;
}
