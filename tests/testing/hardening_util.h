// Helpers of the hardening tests (tests/hardening): scratch folders and the
// byte-level checks that output is safe for a terminal.
#ifndef IAMLINT_TESTS_TESTING_HARDENING_UTIL_H_
#define IAMLINT_TESTS_TESTING_HARDENING_UTIL_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace iamlint::testing {

// A scratch folder under the system temp dir, unique per process and
// object, removed at scope exit.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to path()/name and returns the full path.
  std::string Write(const std::string& name, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

// The first character of `text` a terminal could act on, described ("ESC at
// byte 12"), or "" when there is none. Allowed: printable ASCII, tab, LF and
// well-formed UTF-8 outside C1 (U+0080..U+009F) and the bidirectional
// controls U+202A..U+202E and U+2066..U+2069.
std::string FirstTerminalControl(std::string_view text);

}  // namespace iamlint::testing

#endif  // IAMLINT_TESTS_TESTING_HARDENING_UTIL_H_
