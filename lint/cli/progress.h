// Progress: one line on stderr saying how far a long loop is, e.g.
//
//   lint: 1200/5000 files, 2400/s
//   simulate: 30000 cases, 15000/s          (total unknown: a streamed batch)
//
// rewritten in place ('\r', padded with spaces over a longer previous line)
// at most once per `interval` (100 ms), and erased by Finish() (or the
// destructor) so the command's own output starts on a clean line. Nothing
// is printed before the work has run for `delay` (1 s), so quick runs never
// show a line, and nothing at all unless `enabled`.
//
// The CLI enables it when stderr is a terminal (isatty(2)), or always with
// --progress; --no-progress turns it off (ProgressEnabled). It never goes
// to pipes or CI logs otherwise. The clock is injectable so tests check the
// exact bytes written.
#ifndef IAMLINT_LINT_CLI_PROGRESS_H_
#define IAMLINT_LINT_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace iamlint::cli {

enum class ProgressMode { kAuto, kAlways, kNever };  // no flag, --progress, --no-progress

// kAuto: only when stderr is a terminal.
bool ProgressEnabled(ProgressMode mode, bool stderr_is_terminal);

class Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  struct Options {
    bool enabled = false;
    std::string label;  // "lint"
    std::string unit;   // "files"
    std::chrono::milliseconds delay{1000};
    std::chrono::milliseconds interval{100};
    Clock clock;  // null: std::chrono::steady_clock::now
  };

  // Reads the clock once: the start of the work.
  Progress(std::ostream& out, Options options);
  // The usual delay, interval and clock.
  Progress(std::ostream& out, bool enabled, std::string label, std::string unit);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // `done` units finished out of `total` (0: unknown). Cheap when it does
  // not print: one clock read.
  void Update(size_t done, size_t total = 0);
  // Erases the line if one is shown. Idempotent.
  void Finish();

 private:
  std::chrono::steady_clock::time_point Now() const;

  std::ostream& out_;
  Options options_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_print_;
  bool printed_ = false;
  size_t width_ = 0;  // characters of the line on screen
};

}  // namespace iamlint::cli

#endif  // IAMLINT_LINT_CLI_PROGRESS_H_
