// Rounding real values into an operand format: divided by a real scale, or by a
// power-of-two scale per block (OCP MX), then converted from fp64 by the format core
// with RNE and saturation at the largest finite value.
#pragma once

#include <cstdint>
#include <span>

#include "Workload.hpp"
#include "format/Arith.hpp"

namespace fmasim {

// The real scale that maps `absmax` onto the format's largest finite value / 2^marginBits
// (1 for all zeros).
double absmaxScale(const Format& f, double absmax, int marginBits);

// The exponent X of a block's power-of-two scale 2^X. Floats, as OCP MX:
// floor(log2(absmax)) - emax, emax being the format's largest normal exponent, so the
// block's largest element lands in the top binade (and may saturate). Integer and
// fixed point: the smallest X with absmax / 2^X <= the largest finite value.
// An all-zero block gets 0.
std::int32_t blockScaleExponent(const Format& f, double absmax);

class Quantizer {
 public:
  Quantizer(const Format& f, const Scaling& s);

  // codes[i] = round(real[i] / scale) with scale 1 and exponents 0, unless per-block
  // scaling: then each block of blockSize elements (the first starting at real[0])
  // is scaled by its own 2^X, and exponents[i] = X.
  void quantize(std::span<const double> real, double scale, std::span<std::uint64_t> codes,
                std::span<std::int32_t> exponents) const;

 private:
  std::uint64_t round(double x) const;

  Format format_;
  Scaling scaling_;
  ConvertOp fromFp64_;
};

}  // namespace fmasim
