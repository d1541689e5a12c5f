// Error statistics of approximations against references: max/mean absolute and
// relative error and the signal-to-quantization-noise ratio.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace fmasim {

struct ErrorStats {
  double maxAbs = 0, sumAbs = 0;
  double maxRel = 0, sumRel = 0;
  double sumSquaredError = 0, sumSquaredReference = 0;
  std::int64_t count = 0, relativeCount = 0;

  // A NaN or infinite approximation (an overflowed accumulator) makes every
  // statistic infinite rather than quietly skipped.
  void add(double approx, double reference) {
    const double err = std::isfinite(approx) ? std::fabs(approx - reference) : std::numeric_limits<double>::infinity();
    maxAbs = std::fmax(maxAbs, err);
    sumAbs += err;
    if (reference != 0) {
      const double rel = err / std::fabs(reference);
      maxRel = std::fmax(maxRel, rel);
      sumRel += rel;
      ++relativeCount;
    }
    sumSquaredError += err * err;
    sumSquaredReference += reference * reference;
    ++count;
  }
  double meanAbs() const { return count ? sumAbs / static_cast<double>(count) : 0; }
  double meanRel() const { return relativeCount ? sumRel / static_cast<double>(relativeCount) : 0; }
  // SQNR in dB; +infinity when there is no error at all.
  double sqnrDb() const {
    if (sumSquaredError == 0) return std::numeric_limits<double>::infinity();
    if (std::isinf(sumSquaredError)) return -std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(sumSquaredReference / sumSquaredError);
  }
};

}  // namespace fmasim
