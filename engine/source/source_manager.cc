#include "engine/source/source_manager.h"

#include <algorithm>

#include "engine/base/check.h"

namespace iamlint {

SourceId SourceManager::AddBuffer(std::string name, std::string bytes) {
  IAMLINT_CHECK(bytes.size() < 0xffffffffu);
  auto buffer = std::make_unique<Buffer>();
  buffer->name = std::move(name);
  buffer->bytes = std::move(bytes);
  buffers_.push_back(std::move(buffer));
  return static_cast<SourceId>(buffers_.size() - 1);
}

SourceId SourceManager::AddDerivedBuffer(SourceId parent, std::string bytes,
                                         std::vector<uint32_t> offsets) {
  const Buffer& p = buffer(parent);
  IAMLINT_CHECK(offsets.size() == bytes.size() + 1);
  auto derived = std::make_unique<Buffer>();
  derived->name = p.name;
  derived->bytes = std::move(bytes);
  derived->parent = parent;
  derived->offsets = std::move(offsets);
  for (uint32_t& o : derived->offsets) o = std::min<uint32_t>(o, static_cast<uint32_t>(p.bytes.size()));
  IAMLINT_CHECK(derived->bytes.size() < 0xffffffffu);
  buffers_.push_back(std::move(derived));
  return static_cast<SourceId>(buffers_.size() - 1);
}

SourceId SourceManager::Origin(SourceId id) const {
  while (buffer(id).parent != kNoSource) id = buffer(id).parent;
  return id;
}

uint32_t SourceManager::OriginOffset(SourceId id, uint32_t offset) const {
  while (true) {
    const Buffer& b = buffer(id);
    if (b.parent == kNoSource) return offset;
    offset = b.offsets[std::min<size_t>(offset, b.offsets.size() - 1)];
    id = b.parent;
  }
}

const SourceManager::Buffer& SourceManager::buffer(SourceId id) const {
  IAMLINT_CHECK(id < buffers_.size());
  return *buffers_[id];
}

std::string_view SourceManager::name(SourceId id) const { return buffer(id).name; }
std::string_view SourceManager::text(SourceId id) const { return buffer(id).bytes; }

void SourceManager::BuildLineTable(const Buffer& buffer) {
  if (!buffer.line_starts.empty()) return;
  buffer.line_starts.push_back(0);
  const std::string& b = buffer.bytes;
  for (size_t i = 0; i < b.size(); ++i) {
    // "\r\n" counts once; a lone "\r" also ends a line (old Mac files).
    if (b[i] == '\n' || (b[i] == '\r' && (i + 1 >= b.size() || b[i + 1] != '\n'))) {
      buffer.line_starts.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

void SourceManager::EnsureLineTables() const {
  for (const auto& b : buffers_) BuildLineTable(*b);
}

LineColumn SourceManager::Locate(SourceId id, uint32_t offset) const {
  if (buffer(id).parent != kNoSource) {
    offset = OriginOffset(id, offset);
    id = Origin(id);
  }
  const Buffer& b = buffer(id);
  BuildLineTable(b);
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(b.bytes.size()));
  auto it = std::upper_bound(b.line_starts.begin(), b.line_starts.end(), offset);
  size_t line_index = static_cast<size_t>(it - b.line_starts.begin()) - 1;
  return LineColumn{static_cast<uint32_t>(line_index + 1),
                    offset - b.line_starts[line_index] + 1};
}

std::string_view SourceManager::LineText(SourceId id, uint32_t offset) const {
  if (buffer(id).parent != kNoSource) {
    offset = OriginOffset(id, offset);
    id = Origin(id);
  }
  const Buffer& b = buffer(id);
  LineColumn lc = Locate(id, offset);
  // The next line's start bounds this line, so a long minified line costs
  // O(log n) per call, not a scan (10,000 findings on a 500 KB line).
  size_t start = b.line_starts[lc.line - 1];
  size_t stop = lc.line < b.line_starts.size() ? b.line_starts[lc.line] : b.bytes.size();
  if (stop > start && b.bytes[stop - 1] == '\n') --stop;
  if (stop > start && b.bytes[stop - 1] == '\r') --stop;
  return std::string_view(b.bytes).substr(start, stop - start);
}

}  // namespace iamlint
