// Internal header of engine/catalog: use Catalog::BuiltIn() (catalog.h).
//
// The text of data/aws_catalog.txt, compiled into the library. The build
// generates the definition (embedded_catalog_data.cc in the build tree, by
// embed_catalog.cmake) as string literals of under 64 KiB each, the length
// ISO C++ guarantees (g++ -Wpedantic warns beyond it). Every chunk ends
// with a line break, so BuiltIn() parses them in place, line by line.
#ifndef IAMLINT_ENGINE_CATALOG_EMBEDDED_CATALOG_H_
#define IAMLINT_ENGINE_CATALOG_EMBEDDED_CATALOG_H_

#include <cstddef>

namespace iamlint::catalog_internal {

struct EmbeddedChunk {
  const char* data;
  size_t size;
};

// The chunks in order; their concatenation is the catalog file, byte for byte.
extern const EmbeddedChunk kEmbeddedCatalogChunks[];
extern const size_t kEmbeddedCatalogChunkCount;

}  // namespace iamlint::catalog_internal

#endif  // IAMLINT_ENGINE_CATALOG_EMBEDDED_CATALOG_H_
