#include "ExactSum.hpp"

#include <cmath>
#include <cstring>

#include "format/Format.hpp"
#include "format/Round.hpp"

namespace fmasim {

void ExactSum::addTo(Words& w, u128 sig, int bit) {
  int word = bit / 64;
  const int offset = bit % 64;
  // sig << offset spans up to three words.
  std::uint64_t parts[3] = {static_cast<std::uint64_t>(sig << offset),
                            static_cast<std::uint64_t>((sig << offset) >> 64),
                            offset == 0 ? 0 : static_cast<std::uint64_t>(sig >> (128 - offset))};
  std::uint64_t carry = 0;
  for (int i = 0; i < 3 || carry != 0; ++i, ++word) {
    if (word >= kWords) return;  // beyond every reachable product: cannot happen for valid inputs
    const std::uint64_t add = (i < 3 ? parts[i] : 0);
    const u128 s = static_cast<u128>(w[word]) + add + carry;
    w[word] = static_cast<std::uint64_t>(s);
    carry = static_cast<std::uint64_t>(s >> 64);
    if (i >= 2 && carry == 0) break;
  }
}

void ExactSum::add(bool negative, u128 sig, int exp) {
  if (sig == 0) return;
  addTo(negative ? negative_ : positive_, sig, exp - kLsbExp);
}

void ExactSum::addProduct(double x, double y) {
  if (x == 0 || y == 0) return;
  int ex = 0, ey = 0;
  const double mx = std::frexp(std::fabs(x), &ex), my = std::frexp(std::fabs(y), &ey);
  // mantissas as 53-bit integers: |x| = mx * 2^ex = (mx * 2^53) * 2^(ex - 53)
  const auto ix = static_cast<std::uint64_t>(std::ldexp(mx, 53));
  const auto iy = static_cast<std::uint64_t>(std::ldexp(my, 53));
  add((x < 0) != (y < 0), static_cast<u128>(ix) * iy, ex - 53 + ey - 53);
}

double ExactSum::value() const {
  // difference = positive - negative, as sign and magnitude
  Words diff{};
  bool negative = false;
  int cmp = 0;
  for (int i = kWords - 1; i >= 0 && cmp == 0; --i)
    cmp = positive_[i] == negative_[i] ? 0 : (positive_[i] > negative_[i] ? 1 : -1);
  if (cmp == 0) return 0.0;
  const Words& big = cmp > 0 ? positive_ : negative_;
  const Words& small = cmp > 0 ? negative_ : positive_;
  negative = cmp < 0;
  std::uint64_t borrow = 0;
  for (int i = 0; i < kWords; ++i) {
    const u128 d = static_cast<u128>(big[i]) - small[i] - borrow;
    diff[i] = static_cast<std::uint64_t>(d);
    borrow = (d >> 64) != 0 ? 1 : 0;
  }
  int top = kWords - 1;
  while (diff[top] == 0) --top;
  // The top two words, with everything below jammed into bit 0, round exactly.
  u128 sig = (static_cast<u128>(diff[top]) << 64) | (top > 0 ? diff[top - 1] : 0);
  bool sticky = false;
  for (int i = top - 2; i >= 0 && !sticky; --i) sticky = diff[i] != 0;
  int exp = (top - 1) * 64 + kLsbExp;
  // Keep room for exactSum-style jamming: shift right by 2 with sticky.
  sig = (sig >> 2) | ((sig & 3) != 0 || sticky ? 1 : 0);
  exp += 2;
  static const Format fp64 = *formatByName("fp64");
  const Result r = roundToFormat(fp64, Unrounded{negative, exp, sig}, RoundingMode{});
  double out = 0;
  std::memcpy(&out, &r.code, sizeof out);
  return out;
}

}  // namespace fmasim
