// 128-bit helpers for the exact significand arithmetic of the format core.
#pragma once

#include <bit>
#include <cstdint>

namespace fmasim {

__extension__ using u128 = unsigned __int128;  // GCC/Clang built-in; __extension__ keeps -Wpedantic quiet

// The significand windows of the exact arithmetic: std::uint64_t where every exact
// term fits (most formats), u128 otherwise (see windowFits in Arith.hpp).
template <class Sig>
inline constexpr int kWindowBits = static_cast<int>(sizeof(Sig) * 8);

// Number of significant bits: 0 for 0, else floor(log2(x)) + 1.
inline int bitLength(std::uint64_t x) { return 64 - std::countl_zero(x); }

inline int bitLength(u128 x) {
  const auto hi = static_cast<std::uint64_t>(x >> 64);
  const auto lo = static_cast<std::uint64_t>(x);
  return hi ? 128 - std::countl_zero(hi) : 64 - std::countl_zero(lo);
}

// Swaps a and b when c holds, with masks rather than a branch: where c is data
// (which term is larger), a branch mispredicts half the time, and compilers turn
// even std::max and ?: into branches.
template <class T>
inline void swapIf(bool c, T& a, T& b) {
  const T flip = (a ^ b) & static_cast<T>(T{0} - static_cast<T>(c));
  a ^= flip;
  b ^= flip;
}

// Shift right, OR-ing every bit shifted out into bit 0 ("jamming"), so that later
// rounding still sees whether anything non-zero was lost.
template <class Sig>
inline Sig shiftRightJam(Sig x, int count) {
  if (count <= 0) return x;
  if (count >= kWindowBits<Sig>) return x != 0 ? 1 : 0;
  const Sig lost = x & ((Sig{1} << count) - 1);
  return (x >> count) | (lost != 0 ? 1 : 0);
}

}  // namespace fmasim
