// 128-bit helpers for the exact significand arithmetic of the format core.
#pragma once

#include <bit>
#include <cstdint>

namespace fmasim {

__extension__ using u128 = unsigned __int128;  // GCC/Clang built-in; __extension__ keeps -Wpedantic quiet

// Number of significant bits: 0 for 0, else floor(log2(x)) + 1.
inline int bitLength(u128 x) {
  const auto hi = static_cast<std::uint64_t>(x >> 64);
  const auto lo = static_cast<std::uint64_t>(x);
  return hi ? 128 - std::countl_zero(hi) : 64 - std::countl_zero(lo);
}

// Shift right, OR-ing every bit shifted out into bit 0 ("jamming"), so that later
// rounding still sees whether anything non-zero was lost.
inline u128 shiftRightJam(u128 x, int count) {
  if (count <= 0) return x;
  if (count >= 128) return x != 0 ? 1 : 0;
  const u128 lost = x & ((u128{1} << count) - 1);
  return (x >> count) | (lost != 0 ? 1 : 0);
}

}  // namespace fmasim
