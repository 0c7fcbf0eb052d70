# Writes OUTPUT, a C++ source defining the chunks declared in
# engine/catalog/embedded_catalog.h from the bytes of INPUT (the catalog).
# Run at build time by engine/CMakeLists.txt whenever INPUT changes.
#
# Raw string literals keep the build fast (a hex array of a megabyte costs
# the compiler seconds; literals cost nothing). Chunks end at line breaks
# (Catalog::BuiltIn() parses them in place, so no line may span two) and
# stay under 64 KiB, the string length ISO C++ guarantees.
if(NOT INPUT OR NOT OUTPUT)
  message(FATAL_ERROR "usage: cmake -DINPUT=catalog.txt -DOUTPUT=file.cc -P embed_catalog.cmake")
endif()
file(READ "${INPUT}" content)
set(delimiter "iamlint_catalog")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
string(FIND "${content}" "\r" cr)
if(NOT cr EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains a carriage return; the catalog uses LF line ends")
endif()

string(LENGTH "${content}" total)
set(max_chunk 60000)
set(offset 0)
set(index 0)
set(defs "")
set(table "")
while(offset LESS total)
  math(EXPR remaining "${total} - ${offset}")
  if(remaining GREATER max_chunk)
    string(SUBSTRING "${content}" ${offset} ${max_chunk} piece)
    # The loader reads the chunks in place, so no line may span two.
    string(FIND "${piece}" "\n" last_newline REVERSE)
    if(last_newline EQUAL -1)
      message(FATAL_ERROR "${INPUT} has a line longer than ${max_chunk} bytes")
    endif()
    math(EXPR size "${last_newline} + 1")
    string(SUBSTRING "${piece}" 0 ${size} piece)
  else()
    string(SUBSTRING "${content}" ${offset} ${remaining} piece)
  endif()
  string(LENGTH "${piece}" size)
  string(APPEND defs "const char kChunk${index}[] = R\"${delimiter}(${piece})${delimiter}\";\n")
  string(APPEND table "    {kChunk${index}, sizeof(kChunk${index}) - 1},\n")
  math(EXPR offset "${offset} + ${size}")
  math(EXPR index "${index} + 1")
endwhile()
if(index EQUAL 0)
  message(FATAL_ERROR "${INPUT} is empty")
endif()

file(WRITE "${OUTPUT}.tmp"
"// Generated from engine/catalog/data/aws_catalog.txt by embed_catalog.cmake. Do not edit.
#include \"engine/catalog/embedded_catalog.h\"

namespace iamlint::catalog_internal {
namespace {

${defs}
}  // namespace

const EmbeddedChunk kEmbeddedCatalogChunks[] = {
${table}};
const size_t kEmbeddedCatalogChunkCount = ${index};

}  // namespace iamlint::catalog_internal
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
