#include "Quantizer.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace fmasim {

double absmaxScale(const Format& f, double absmax, int marginBits) {
  return absmax > 0.0 ? std::ldexp(absmax / maxFiniteValue(f), marginBits) : 1.0;
}

std::int32_t blockScaleExponent(const Format& f, double absmax) {
  if (absmax == 0.0) return 0;
  if (f.isFloat()) return std::ilogb(absmax) - f.emax;
  // absmax = a * 2^ea and max = m * 2^em with a, m in [1, 2): X = ea - em fits iff a <= m.
  const double max = maxFiniteValue(f);
  const int x = std::ilogb(absmax) - std::ilogb(max);
  return std::ldexp(absmax, -x) <= max ? x : x + 1;
}

Quantizer::Quantizer(const Format& f, const Scaling& s)
    : format_(f),
      scaling_(s),
      fromFp64_(*formatByName("fp64"), f,
                RoundingMode{Rounding::NearestEven, Tininess::AfterRounding, OverflowPolicy::Saturate}) {}

std::uint64_t Quantizer::round(double x) const { return fromFp64_(std::bit_cast<std::uint64_t>(x)).code; }

void Quantizer::quantize(std::span<const double> real, double scale, std::span<std::uint64_t> codes,
                         std::span<std::int32_t> exponents) const {
  if (scaling_.kind != ScalingKind::PerBlock) {
    for (std::size_t i = 0; i < real.size(); ++i) codes[i] = round(real[i] / scale);
    std::fill(exponents.begin(), exponents.end(), 0);
    return;
  }
  const auto blockSize = static_cast<std::size_t>(scaling_.blockSize);
  for (std::size_t first = 0; first < real.size(); first += blockSize) {
    const std::size_t end = std::min(real.size(), first + blockSize);
    double absmax = 0.0;
    for (std::size_t i = first; i < end; ++i) absmax = std::max(absmax, std::fabs(real[i]));
    const std::int32_t x = absmax == 0.0 ? 0 : blockScaleExponent(format_, absmax) + scaling_.marginBits;
    for (std::size_t i = first; i < end; ++i) {
      codes[i] = round(std::ldexp(real[i], -x));
      exponents[i] = x;
    }
  }
}

}  // namespace fmasim
