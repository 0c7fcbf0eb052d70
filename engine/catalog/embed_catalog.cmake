# Writes OUTPUT, a C++ source defining the chunks of an embedded data file
# from the bytes of INPUT. Run at build time by engine/CMakeLists.txt
# whenever INPUT changes, for two files:
#
#   the action catalog (defaults):   -DINPUT=aws_catalog.txt -DOUTPUT=file.cc
#       defines kEmbeddedCatalogChunks declared in embedded_catalog.h
#   the AWS managed policies:        ... -DSYMBOL=kEmbeddedManagedPolicy
#       -DHEADER=engine/catalog/embedded_managed_policies.h -DDELIMITER=iamlint_mp
#       defines kEmbeddedManagedPolicyChunks declared in that header
#
# Raw string literals keep the build fast (a hex array of a megabyte costs
# the compiler seconds; literals cost nothing). Chunks end at line breaks
# (the loaders parse them in place, so no line may span two) and stay under
# 64 KiB, the string length ISO C++ guarantees.
if(NOT INPUT OR NOT OUTPUT)
  message(FATAL_ERROR "usage: cmake -DINPUT=data.txt -DOUTPUT=file.cc [-DSYMBOL=kEmbeddedX] "
                      "[-DHEADER=engine/catalog/x.h] [-DDELIMITER=d] -P embed_catalog.cmake")
endif()
if(NOT SYMBOL)
  set(SYMBOL "kEmbeddedCatalog")
endif()
if(NOT HEADER)
  set(HEADER "engine/catalog/embedded_catalog.h")
endif()
if(NOT DELIMITER)
  set(DELIMITER "iamlint_catalog")
endif()
get_filename_component(input_name "${INPUT}" NAME)

file(READ "${INPUT}" content)
set(delimiter "${DELIMITER}")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
string(FIND "${content}" "\r" cr)
if(NOT cr EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains a carriage return; the file uses LF line ends")
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
"// Generated from engine/catalog/data/${input_name} by embed_catalog.cmake. Do not edit.
#include \"${HEADER}\"

namespace iamlint::catalog_internal {
namespace {

${defs}
}  // namespace

const EmbeddedChunk ${SYMBOL}Chunks[] = {
${table}};
const size_t ${SYMBOL}ChunkCount = ${index};

}  // namespace iamlint::catalog_internal
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
