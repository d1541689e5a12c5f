// A progress line on stderr for long runs (fmasim verify): shown only when stderr is
// a terminal, redrawn at most four times a second, erased when the run ends.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace fmasim {

class ProgressLine {
 public:
  // `what` names the unit counted (e.g. "steps"); `total` of them are expected.
  ProgressLine(std::string what, std::int64_t total);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Cheap enough to call for every unit: reads the clock once in 4096 calls.
  void update(std::int64_t done) {
    if (enabled_ && (++calls_ & 4095) == 0) redraw(done);
  }

 private:
  void redraw(std::int64_t done);

  const std::string what_;
  const std::int64_t total_;
  const bool enabled_;
  std::uint64_t calls_ = 0;
  std::size_t width_ = 0;  // of the line last drawn, to erase it
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace fmasim
