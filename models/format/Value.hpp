// The values the format core passes around: decoded codes, unrounded exact
// results, rounding settings, and results with IEEE status flags.
#pragma once

#include <cstdint>

#include "Wide.hpp"

namespace fmasim {

// Status flags in SoftFloat/TestFloat bit order.
namespace flag {
inline constexpr std::uint8_t inexact = 1;
inline constexpr std::uint8_t underflow = 2;
inline constexpr std::uint8_t overflow = 4;
inline constexpr std::uint8_t infinite = 8;
inline constexpr std::uint8_t invalid = 16;
}  // namespace flag

enum class ValueClass : std::uint8_t { Zero, Finite, Infinity, NaN };

// The exact value of one code: (-1)^sign * sig * 2^exp for Finite (sig > 0).
// A NaN keeps its payload left-justified in 64 bits (the bits below the quiet
// bit), so it can move between formats as SoftFloat's "common NaN" does.
struct Decoded {
  ValueClass cls = ValueClass::Zero;
  bool sign = false;
  bool signaling = false;
  std::int32_t exp = 0;
  std::uint64_t sig = 0;
  std::uint64_t nanPayload = 0;

  bool isNaN() const { return cls == ValueClass::NaN; }
  bool isInf() const { return cls == ValueClass::Infinity; }
  bool isZero() const { return cls == ValueClass::Zero; }
};

// A finite result before rounding: (-1)^sign * sig * 2^exp. Bit 0 of sig may be a
// sticky bit (jammed), which is exact enough as long as the rounding position lies
// at least two bits above it; the arithmetic guarantees that. Sig is the window
// the arithmetic ran in (std::uint64_t or u128, see Wide.hpp).
template <class Sig>
struct UnroundedIn {
  bool sign = false;
  std::int32_t exp = 0;
  Sig sig = 0;
};
using Unrounded = UnroundedIn<u128>;

enum class Rounding : std::uint8_t { NearestEven, TowardZero, Up, Down, NearestAway, Stochastic };
enum class Tininess : std::uint8_t { AfterRounding, BeforeRounding };
enum class OverflowPolicy : std::uint8_t { Ieee, Saturate };

struct RoundingMode {
  Rounding mode = Rounding::NearestEven;
  Tininess tininess = Tininess::AfterRounding;
  OverflowPolicy overflow = OverflowPolicy::Ieee;
  int randomBits = 8;  // stochastic rounding: width of the random number compared
};

struct Result {
  std::uint64_t code = 0;
  std::uint8_t flags = 0;
};

}  // namespace fmasim
