// Shared helpers of the fuzz targets in tests/fuzz (see README "Fuzzing and
// hostile inputs").
//
// Every target defines LLVMFuzzerTestOneInput. Under IAMLINT_FUZZ=ON it is
// linked with libFuzzer; otherwise with replay_main.cc, which feeds it each
// file of the seed corpus so ordinary ctest runs replay the corpus.
//
// Contract of a target: any input may be rejected with diagnostics, but none
// may crash, hang, trip a sanitizer, or make two implementations that must
// agree (the indexed and scanning evaluators, Wildcard and its reference)
// disagree. FuzzCheck aborts with a message when an invariant breaks, so the
// disagreement is a libFuzzer crash with a reproducer.
#ifndef IAMLINT_TESTS_FUZZ_FUZZ_UTIL_H_
#define IAMLINT_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/eval/evaluator.h"
#include "engine/eval/request.h"
#include "engine/inputs/inventory.h"
#include "engine/source/source_manager.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace iamlint::fuzz {

// The input as text (no copy).
std::string_view AsText(const uint8_t* data, size_t size);

// Aborts with `what` on stderr unless `ok`.
void FuzzCheck(bool ok, const char* what);

// Authorizes `request` against `bundle` through the statement index and by
// scanning every statement (with a trace) and aborts if the two disagree on
// the decision, the gate or the decisive statements.
void EvaluateBothWays(const PolicyBundle& bundle, const Request& request);

// Builds and compiles every policy `inventory` found, as the linter does
// (the sizes counted on the file's text or on the compact tree).
void BuildInventoryPolicies(const SourceManager& sources, const Inventory& inventory);

// The body of the input-reader targets: the input as one file named
// `name`, read by ReadInventory with `format` forced (so that format's
// reader runs whatever the content), then BuildInventoryPolicies.
void ReadAndBuildInventory(const char* name, InputFormat format, const uint8_t* data,
                           size_t size);

}  // namespace iamlint::fuzz

#endif  // IAMLINT_TESTS_FUZZ_FUZZ_UTIL_H_
