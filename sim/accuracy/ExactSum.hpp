// An exact sum of products of doubles (or of exact values sig * 2^exp): a wide
// fixed-point accumulator (Kulisch) covering every product of two doubles, so the
// reference for a dot product has no rounding error until it is read out.
#pragma once

#include <array>
#include <cstdint>

#include "format/Wide.hpp"

namespace fmasim {

class ExactSum {
 public:
  // Adds (-1)^negative * sig * 2^exp exactly; sig of up to 106 bits, exp within the
  // range of products of two doubles (or of smaller formats' values).
  void add(bool negative, u128 sig, int exp);
  // Adds x * y exactly (x, y finite doubles).
  void addProduct(double x, double y);
  // The sum rounded to the nearest double.
  double value() const;
  void clear() { positive_.fill(0), negative_.fill(0); }

 private:
  // Weights 2^kLsbExp .. 2^(kLsbExp + 64 * kWords - 1): below the lowest bit of any
  // product of two doubles' 53-bit significands (2^-2252) up to beyond the largest
  // product (2^2048).
  static constexpr int kLsbExp = -2304;
  static constexpr int kWords = 72;
  using Words = std::array<std::uint64_t, kWords>;
  static void addTo(Words& w, u128 sig, int bit);
  Words positive_{}, negative_{};
};

}  // namespace fmasim
