#include "tests/testing/golden.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace iamlint::testing {

bool UpdatingGoldens() {
  const char* v = std::getenv("IAMLINT_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

std::string GoldenPath(const std::string& relative) {
  return std::string(IAMLINT_SOURCE_DIR) + "/tests/golden/" + relative;
}

GoldenCheck CheckGolden(const std::string& path, const std::string& header,
                        const std::string& actual) {
  GoldenCheck check;
  const std::string want_header = header + "\n";
  if (UpdatingGoldens()) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << want_header << actual;
    check.ok = true;
    check.expected = actual;
    return check;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    check.message = "missing golden file " + path + " (run with IAMLINT_UPDATE_GOLDEN=1)";
    return check;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string file = text.str();
  if (file.compare(0, want_header.size(), want_header) != 0) {
    check.message = "golden file " + path + " does not start with the header `" + header + "`";
    return check;
  }
  check.expected = file.substr(want_header.size());
  check.ok = check.expected == actual;
  if (!check.ok) check.message = "output differs from " + path;
  return check;
}

}  // namespace iamlint::testing
