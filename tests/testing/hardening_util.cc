#include "tests/testing/hardening_util.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <system_error>

namespace iamlint::testing {

namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() / ("iamlint-hardening-" + std::to_string(getpid()) + "-" +
                                       std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string ScratchDir::Write(const std::string& name, std::string_view bytes) const {
  const fs::path p = path_ / name;
  std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p.string();
}

std::string FirstTerminalControl(std::string_view text) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = at(i);
    const std::string where = " at byte " + std::to_string(i);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
        return "control byte " + std::to_string(c) + where;
      }
      ++i;
      continue;
    }
    size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (length == 0 || i + length > text.size()) return "malformed UTF-8" + where;
    for (size_t k = 1; k < length; ++k) {
      if ((at(i + k) & 0xC0) != 0x80) return "malformed UTF-8" + where;
    }
    if (c == 0xC2 && at(i + 1) < 0xA0) return "C1 control" + where;
    if (c == 0xE2 && ((at(i + 1) == 0x80 && at(i + 2) >= 0xAA && at(i + 2) <= 0xAE) ||
                      (at(i + 1) == 0x81 && at(i + 2) >= 0xA6 && at(i + 2) <= 0xA9))) {
      return "bidirectional control" + where;
    }
    i += length;
  }
  return "";
}

}  // namespace iamlint::testing
