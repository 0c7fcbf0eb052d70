// SourceManager: owns the bytes of every input and maps offsets to line:col.
//
// Every file, stdin buffer or in-memory test string is added once and gets a
// SourceId. Buffers never move after they are added, so std::string_view
// into them stays valid for the life of the manager. Line tables are built
// lazily on the first Locate() of a buffer.
//
// Thread safety: adding is not thread-safe; once all buffers are added,
// concurrent Locate() calls are safe only after EnsureLineTables() was
// called (lazy building mutates state).
#ifndef IAMLINT_ENGINE_SOURCE_SOURCE_MANAGER_H_
#define IAMLINT_ENGINE_SOURCE_SOURCE_MANAGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/source/span.h"

namespace iamlint {

// A 1-based position for people: line and column (column counts bytes).
struct LineColumn {
  uint32_t line = 0;
  uint32_t column = 0;
};

class SourceManager {
 public:
  SourceManager() = default;
  SourceManager(const SourceManager&) = delete;
  SourceManager& operator=(const SourceManager&) = delete;

  // Adds `bytes` under the display name `name` (a path, "<stdin>", ...).
  SourceId AddBuffer(std::string name, std::string bytes);

  // Adds bytes decoded from a piece of another buffer: a policy held in a
  // JSON string (Terraform plans), a URL-encoded document (account
  // snapshots). `offsets[i]` is the offset in `parent` of decoded byte i;
  // it has bytes.size() + 1 entries (the last maps the end). Spans into the
  // derived buffer are reported at the parent's line and column, under the
  // parent's name, so findings land in the user's file.
  // REQUIRES: offsets.size() == bytes.size() + 1, each offset within parent.
  SourceId AddDerivedBuffer(SourceId parent, std::string bytes, std::vector<uint32_t> offsets);

  // The buffer a derived buffer was decoded from, followed to the top (the
  // file the user wrote); `id` itself for an ordinary buffer.
  SourceId Origin(SourceId id) const;
  // The offset in Origin(id) that `offset` of `id` comes from.
  uint32_t OriginOffset(SourceId id, uint32_t offset) const;

  // REQUIRES: id was returned by AddBuffer on this manager.
  std::string_view name(SourceId id) const;
  std::string_view text(SourceId id) const;
  size_t size() const { return buffers_.size(); }

  // Line and column of `offset` in buffer `id` (for a derived buffer: in
  // the file it came from). Offsets past the end map to the position just
  // after the last byte.
  LineColumn Locate(SourceId id, uint32_t offset) const;
  LineColumn Begin(const Span& span) const { return Locate(span.source, span.begin); }

  // The text of the line containing `offset`, without its line terminator.
  std::string_view LineText(SourceId id, uint32_t offset) const;

  // Builds every line table now, making later Locate() calls read-only.
  void EnsureLineTables() const;

 private:
  struct Buffer {
    std::string name;
    std::string bytes;
    mutable std::vector<uint32_t> line_starts;  // built lazily
    SourceId parent = kNoSource;                // derived buffers only
    std::vector<uint32_t> offsets;              // derived: offset in parent per byte
  };
  const Buffer& buffer(SourceId id) const;
  static void BuildLineTable(const Buffer& buffer);

  std::vector<std::unique_ptr<Buffer>> buffers_;
};

}  // namespace iamlint

#endif  // IAMLINT_ENGINE_SOURCE_SOURCE_MANAGER_H_
