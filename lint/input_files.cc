#include "lint/input_files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <sys/stat.h>

namespace iamlint::lint {

namespace fs = std::filesystem;

namespace {

// True when the file's first 64 KiB name a template or policy element.
bool MentionsIam(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  std::string head(size_t{64} << 10, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f));
  std::fclose(f);
  return head.find("AWSTemplateFormatVersion") != std::string::npos ||
         head.find("Resources:") != std::string::npos ||
         head.find("Statement") != std::string::npos;
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& args,
                                      std::vector<InputProblem>* problems) {
  std::vector<std::string> out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back(arg);
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      problems->push_back({arg, "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(status)) {
      out.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code entry_ec;
      if (!it->is_regular_file(entry_ec)) continue;
      std::string ext = it->path().extension().string();
      if (ext == ".json" ||
          ((ext == ".yaml" || ext == ".yml" || ext == ".template") &&
           MentionsIam(it->path().string()))) {
        found.push_back(it->path().string());
      }
    }
    if (ec) problems->push_back({arg, "cannot list folder: " + ec.message()});
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

bool ReadInput(const std::string& path, size_t max_bytes, std::string* bytes,
               std::string* error) {
  bytes->clear();
  bool is_stdin = path == "-";
  FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    *error = std::strerror(errno);
    return false;
  }
  const std::string too_large = "input is larger than the limit of " + std::to_string(max_bytes) +
                                " bytes (raise it with --max-input-size)";
  // A regular file over the limit is refused by its size, before any byte
  // is read (a 1 GB file costs nothing); pipes and devices are read up to
  // the limit below.
  struct stat st {};
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
      static_cast<unsigned long long>(st.st_size) > max_bytes) {
    *error = too_large;
    if (!is_stdin) std::fclose(f);
    return false;
  }
  char buf[1 << 16];
  bool ok = true;
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n == 0) break;
    if (bytes->size() + n > max_bytes) {
      *error = too_large;
      ok = false;
      break;
    }
    bytes->append(buf, n);
  }
  if (ok && std::ferror(f)) {
    *error = std::strerror(errno);
    ok = false;
  }
  if (!is_stdin) std::fclose(f);
  if (!ok) std::string().swap(*bytes);  // the refused prefix is not kept
  return ok;
}

}  // namespace iamlint::lint
