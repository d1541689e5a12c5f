#include "ProgressLine.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace fmasim {

ProgressLine::ProgressLine(std::string what, std::int64_t total)
    : what_(std::move(what)), total_(total), enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() {
  if (width_ == 0) return;
  std::fprintf(stderr, "\r%*s\r", static_cast<int>(width_), "");
  std::fflush(stderr);
}

void ProgressLine::redraw(std::int64_t done) {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double fraction = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 0;
  char text[160];
  const int n = std::snprintf(text, sizeof text, "verify: %.1f%% (%lld of %lld %s), %.0f s, about %.0f s to go",
                              100 * fraction, static_cast<long long>(done), static_cast<long long>(total_),
                              what_.c_str(), seconds, fraction > 0 ? seconds * (1 - fraction) / fraction : 0.0);
  const auto width = static_cast<std::size_t>(n > 0 ? n : 0);
  // Pad over a longer line drawn before.
  std::fprintf(stderr, "\r%s%*s", text, static_cast<int>(width_ > width ? width_ - width : 0), "");
  std::fflush(stderr);
  width_ = std::max(width_, width);
}

}  // namespace fmasim
