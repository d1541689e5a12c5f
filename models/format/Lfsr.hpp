// The stochastic-rounding random source: a 32-bit Galois LFSR, as hardware builds
// it, so RTL can reproduce the sequence bit for bit. Polynomial
// x^32 + x^22 + x^2 + x + 1 (maximal length: every non-zero state, period 2^32 - 1).
#pragma once

#include <cstdint>

namespace fmasim {

class Lfsr {
 public:
  static constexpr std::uint32_t kTaps = 0x80200003u;

  // A zero seed would lock the register at zero; it is replaced by all ones.
  explicit constexpr Lfsr(std::uint32_t seed = 1) : state_(seed == 0 ? 0xFFFFFFFFu : seed) {}

  constexpr std::uint32_t state() const { return state_; }

  constexpr void step() {
    const std::uint32_t out = state_ & 1u;
    state_ >>= 1;
    if (out) state_ ^= kTaps;
  }

  // The next `bits` output bits (first one in the MSB), advancing `bits` steps:
  // one draw per rounding, as an unrolled bits-step network would give in one cycle.
  constexpr std::uint32_t draw(int bits) {
    std::uint32_t r = 0;
    for (int i = 0; i < bits; ++i) {
      r = (r << 1) | (state_ & 1u);
      step();
    }
    return r;
  }

 private:
  std::uint32_t state_;
};

}  // namespace fmasim
