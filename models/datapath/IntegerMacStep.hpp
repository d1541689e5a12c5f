// The step of an integer or fixed-point accumulator in 64-bit arithmetic, for specs
// where every aligned product, the step's sum and the accumulator fit an int64 and no
// product bit falls below the accumulator's binary point. Operands of at most 8 bits
// are read from tables of their values pre-shifted to a common exponent, so a lane
// is a table read, a multiply and an add. Same results and flags as the unit
// functions (multiply, alignTerm, addTerms, accumulateFixed).
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "DatapathSpec.hpp"

namespace fmasim {

class IntegerMacStep {
 public:
  // The step for this spec, or nullopt where the 64-bit path does not apply.
  static std::optional<IntegerMacStep> make(const DatapathSpec& spec);

  // acc plus the lanes' products, wrapped or saturated at the accumulator's width.
  // A non-finite operand (a float operand into a fixed accumulator) raises invalid
  // and drops its lane.
  std::int64_t operator()(const std::uint64_t* a, const std::uint64_t* b, std::int64_t acc,
                          std::uint8_t& flags) const {
    std::int64_t sum = 0;
    bool invalid = false;
    for (int i = 0; i < lanes_; ++i) {
      const Operand& x = a_[a[i] & 0xFF];
      const Operand& y = b_[b[i] & 0xFF];
      invalid |= x.invalid | y.invalid;
      sum += x.value * y.value;  // invalid operands hold 0: their lane adds nothing
    }
    if (invalid) [[unlikely]] flags |= flag::invalid;
    return accumulate(acc, sum << shift_, flags);
  }

 // One code of an operand format as the step reads it.
  struct Operand {
    std::int64_t value = 0;  // the code's value in units of 2^minExp of its format (0: zero or invalid)
    bool invalid = false;    // infinite or NaN
  };

 private:
  using Table = std::array<Operand, 256>;
  IntegerMacStep() = default;

  std::int64_t accumulate(std::int64_t acc, std::int64_t sum, std::uint8_t& flags) const {
    const std::int64_t v = acc + sum;
    if (v >= min_ && v <= max_) [[likely]] return v;
    flags |= flag::overflow;
    if (saturate_) return v > max_ ? max_ : min_;
    const auto low = static_cast<std::uint64_t>(v) & mask_;  // wrap: sign-extend the low width bits
    return static_cast<std::int64_t>(low ^ signBit_) - static_cast<std::int64_t>(signBit_);
  }

  Table a_{}, b_{};
  int lanes_ = 1;
  int shift_ = 0;  // from units of 2^(minExpA + minExpB) to the accumulator's lsb
  std::int64_t min_ = 0, max_ = 0;
  std::uint64_t mask_ = 0, signBit_ = 0;
  bool saturate_ = false;
};

}  // namespace fmasim
