// What a lock-step run exercised: the classes of the operands and of the accumulator
// each step met, and the rounding cases of the results (exact, rounded toward or away
// from zero, ties, underflow, overflow, invalid), counted per step.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "CyclePorts.hpp"
#include "datapath/DatapathSpec.hpp"
#include "format/Arith.hpp"

namespace fmasim {

class Coverage {
 public:
  explicit Coverage(const DatapathSpec& spec);

  // One checked step: its operands (every lane), the accumulator it read, its result and flags.
  void add(const LaneCodes& a, const LaneCodes& b, u128 c, u128 result, std::uint8_t flags);
  std::string summary() const;

 private:
  static constexpr int kClasses = 10;  // CodeClass
  enum Case { Exact, Inexact, TowardZero, AwayFromZero, Tie, Underflow, Overflow, Invalid, kCases };

  const DatapathSpec& spec_;
  Decoder decodeA_, decodeB_;
  std::optional<Decoder> decodeAcc_;  // float and integer accumulators (a fixed one has no format)
  // Float accumulators at full precision: the same step rounded toward zero and to
  // nearest both ways tells a result's rounding case.
  std::optional<FmaOp> towardZero_, nearestEven_, nearestAway_;
  std::array<std::int64_t, kClasses> a_{}, b_{}, c_{};
  std::array<std::int64_t, kCases> cases_{};
};

}  // namespace fmasim
