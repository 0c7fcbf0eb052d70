#include "lint/cli/progress.h"

#include <string>
#include <utility>

namespace iamlint::cli {

bool ProgressEnabled(ProgressMode mode, bool stderr_is_terminal) {
  switch (mode) {
    case ProgressMode::kAlways:
      return true;
    case ProgressMode::kNever:
      return false;
    case ProgressMode::kAuto:
      break;
  }
  return stderr_is_terminal;
}

Progress::Progress(std::ostream& out, Options options)
    : out_(out), options_(std::move(options)), start_(Now()), last_print_(start_) {}

namespace {

Progress::Options MakeOptions(bool enabled, std::string label, std::string unit) {
  Progress::Options options;
  options.enabled = enabled;
  options.label = std::move(label);
  options.unit = std::move(unit);
  return options;
}

}  // namespace

Progress::Progress(std::ostream& out, bool enabled, std::string label, std::string unit)
    : Progress(out, MakeOptions(enabled, std::move(label), std::move(unit))) {}

Progress::~Progress() { Finish(); }

std::chrono::steady_clock::time_point Progress::Now() const {
  return options_.clock ? options_.clock() : std::chrono::steady_clock::now();
}

void Progress::Update(size_t done, size_t total) {
  if (!options_.enabled) return;
  const auto now = Now();
  if (now - start_ < options_.delay) return;
  if (printed_ && now - last_print_ < options_.interval) return;
  const auto elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count();
  const auto rate = elapsed_ms > 0 ? static_cast<unsigned long long>(done) * 1000ULL /
                                         static_cast<unsigned long long>(elapsed_ms)
                                   : 0ULL;
  std::string line = options_.label + ": " + std::to_string(done);
  if (total > 0) line += "/" + std::to_string(total);
  line += " " + options_.unit + ", " + std::to_string(rate) + "/s";
  const size_t width = line.size();
  if (width < width_) line.append(width_ - width, ' ');
  out_ << '\r' << line << std::flush;
  if (width > width_) width_ = width;  // the screen line is as wide as the widest shown
  printed_ = true;
  last_print_ = now;
}

void Progress::Finish() {
  if (!printed_) return;
  out_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  printed_ = false;
  width_ = 0;
}

}  // namespace iamlint::cli
