// Progress (lint/cli/progress.h): the exact bytes written, with a fake
// clock: nothing before the delay, at most one line per interval, padding
// over a longer line, erasing at the end, nothing at all when disabled.
#include "lint/cli/progress.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <string>

namespace iamlint::cli {
namespace {

using std::chrono::milliseconds;
using TimePoint = std::chrono::steady_clock::time_point;

struct FakeClock {
  TimePoint now{};
  void Advance(int ms) { now += milliseconds(ms); }
  Progress::Clock clock() {
    return [this] { return now; };
  }
};

Progress::Options Forced(FakeClock& clock, std::string label, std::string unit) {
  Progress::Options o;
  o.enabled = true;
  o.label = std::move(label);
  o.unit = std::move(unit);
  o.clock = clock.clock();
  return o;
}

TEST_CASE("progress: silent before the delay, then one line per interval, erased at the end",
          "[progress]") {
  FakeClock clock;
  std::ostringstream err;
  {
    Progress p(err, Forced(clock, "lint", "files"));
    clock.Advance(500);
    p.Update(5, 2000);
    CHECK(err.str().empty());  // under the 1 s delay
    clock.Advance(500);
    p.Update(10, 2000);
    CHECK(err.str() == "\rlint: 10/2000 files, 10/s");
    clock.Advance(50);
    p.Update(11, 2000);  // within 100 ms of the last line
    CHECK(err.str() == "\rlint: 10/2000 files, 10/s");
    clock.Advance(950);
    p.Update(2000, 2000);
    CHECK(err.str() == "\rlint: 10/2000 files, 10/s\rlint: 2000/2000 files, 1000/s");
  }  // the destructor erases the 29-character line
  CHECK(err.str() == "\rlint: 10/2000 files, 10/s\rlint: 2000/2000 files, 1000/s\r" +
                         std::string(29, ' ') + "\r");
}

TEST_CASE("progress: a shorter line is padded over the longer one; unknown totals", "[progress]") {
  FakeClock clock;
  std::ostringstream err;
  Progress p(err, Forced(clock, "simulate", "cases"));
  clock.Advance(1000);
  p.Update(123456);
  CHECK(err.str() == "\rsimulate: 123456 cases, 123456/s");
  clock.Advance(1000);
  p.Update(123457);  // rate drops to 61728/s: one character shorter
  CHECK(err.str() == "\rsimulate: 123456 cases, 123456/s\rsimulate: 123457 cases, 61728/s ");
  p.Finish();
  p.Finish();  // idempotent
  CHECK(err.str() == "\rsimulate: 123456 cases, 123456/s\rsimulate: 123457 cases, 61728/s \r" +
                         std::string(32, ' ') + "\r");
}

TEST_CASE("progress: nothing at all when disabled, and none for quick work", "[progress]") {
  FakeClock clock;
  std::ostringstream err;
  {
    Progress::Options o = Forced(clock, "access", "entities");
    o.enabled = false;
    Progress p(err, o);
    clock.Advance(5000);
    p.Update(1, 10);
  }
  {
    Progress p(err, Forced(clock, "access", "entities"));
    clock.Advance(999);
    p.Update(10, 10);
  }
  CHECK(err.str().empty());
}

TEST_CASE("progress: enabled for a terminal, or forced on or off by the flags", "[progress]") {
  CHECK(ProgressEnabled(ProgressMode::kAuto, true));
  CHECK_FALSE(ProgressEnabled(ProgressMode::kAuto, false));
  CHECK(ProgressEnabled(ProgressMode::kAlways, false));
  CHECK_FALSE(ProgressEnabled(ProgressMode::kNever, true));
}

}  // namespace
}  // namespace iamlint::cli
