// Internal header of engine/catalog: use ManagedPolicyLibrary::BuiltIn()
// (managed_policies.h).
//
// The text of data/aws_managed_policies.txt, compiled into the library. The
// build generates the definition (embedded_managed_policies_data.cc in the
// build tree, by embed_catalog.cmake) as string literals of under 64 KiB
// each, every one ending with a line break, so BuiltIn() reads them in
// place and keeps views into them.
#ifndef IAMLINT_ENGINE_CATALOG_EMBEDDED_MANAGED_POLICIES_H_
#define IAMLINT_ENGINE_CATALOG_EMBEDDED_MANAGED_POLICIES_H_

#include <cstddef>

#include "engine/catalog/embedded_catalog.h"

namespace iamlint::catalog_internal {

// The chunks in order; their concatenation is the file, byte for byte.
extern const EmbeddedChunk kEmbeddedManagedPolicyChunks[];
extern const size_t kEmbeddedManagedPolicyChunkCount;

}  // namespace iamlint::catalog_internal

#endif  // IAMLINT_ENGINE_CATALOG_EMBEDDED_MANAGED_POLICIES_H_
