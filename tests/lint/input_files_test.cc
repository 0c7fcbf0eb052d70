#include "lint/input_files.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace iamlint::lint {
namespace {

namespace fs = std::filesystem;

// A scratch folder under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("iamlint-input-files-" + std::to_string(reinterpret_cast<uintptr_t>(this)) + "-" +
             std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string Write(const std::string& relative, const std::string& text) const {
    fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

TEST_CASE("ExpandInputs turns a folder into its *.json files, sorted, recursively", "[lint]") {
  TempDir dir;
  std::string root = dir.path().string();
  dir.Write("b.json", "{}");
  dir.Write("a.json", "{}");
  dir.Write("notes.txt", "x");
  dir.Write("UPPER.JSON", "{}");  // the extension is matched exactly
  dir.Write("sub/z.json", "{}");
  dir.Write("sub/deeper/c.json", "{}");
  dir.Write("a.json.bak", "{}");
  fs::create_directories(dir.path() / "empty");

  std::vector<InputProblem> problems;
  std::vector<std::string> paths = ExpandInputs({root}, &problems);
  CHECK(problems.empty());
  CHECK(paths == std::vector<std::string>{root + "/a.json", root + "/b.json",
                                          root + "/sub/deeper/c.json", root + "/sub/z.json"});
}

TEST_CASE("ExpandInputs keeps files and stdin as given and reports missing paths", "[lint]") {
  TempDir dir;
  std::string text_file = dir.Write("policy.txt", "{}");
  std::vector<InputProblem> problems;
  std::vector<std::string> paths =
      ExpandInputs({"-", text_file, (dir.path() / "missing.json").string(), "-"}, &problems);
  // An explicitly named file is read whatever its extension; "-" may repeat.
  CHECK(paths == std::vector<std::string>{"-", text_file, "-"});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == (dir.path() / "missing.json").string());
  CHECK(problems[0].message == "no such file or directory");
}

TEST_CASE("ExpandInputs does not follow symbolic links to folders", "[lint]") {
  TempDir dir;
  dir.Write("real/a.json", "{}");
  std::error_code ec;
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "real/loop", ec);
  if (ec) {
    WARN("cannot create symbolic links here: " << ec.message());
    return;
  }
  std::vector<InputProblem> problems;
  std::vector<std::string> paths = ExpandInputs({(dir.path() / "real").string()}, &problems);
  CHECK(problems.empty());
  CHECK(paths == std::vector<std::string>{(dir.path() / "real/a.json").string()});
}

TEST_CASE("ReadInput reads bytes exactly and refuses files over the limit", "[lint]") {
  TempDir dir;
  std::string binary("a\0b\r\n\xFF", 6);
  std::string path = dir.Write("bytes.json", binary);
  std::string bytes, error;
  REQUIRE(ReadInput(path, 6, &bytes, &error));
  CHECK(bytes == binary);

  CHECK_FALSE(ReadInput(path, 5, &bytes, &error));
  CHECK(error == "input is larger than the limit of 5 bytes (raise it with --max-input-size)");

  CHECK_FALSE(ReadInput((dir.path() / "none.json").string(), 100, &bytes, &error));
  CHECK(error == "No such file or directory");

  std::string empty = dir.Write("empty.json", "");
  REQUIRE(ReadInput(empty, 0, &bytes, &error));
  CHECK(bytes.empty());
}

}  // namespace
}  // namespace iamlint::lint
