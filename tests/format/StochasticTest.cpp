// Stochastic rounding and its LFSR random source.
#include <bit>
#include <cmath>

#include "TestSupport.hpp"
#include "format/Arith.hpp"
#include "format/Lfsr.hpp"

namespace fmatest {
namespace {

using fmasim::ConvertOp;
using fmasim::Lfsr;

// A bit-serial model of the LFSR, written from its polynomial x^32 + x^22 + x^2 + x + 1:
// a Galois register of 32 cells shifting toward cell 0; the bit leaving cell 0 is the
// output and is fed back into the cells just below each term x^k (cell k-1).
class BitSerialLfsr {
 public:
  explicit BitSerialLfsr(std::uint32_t seed) {
    if (seed == 0) seed = 0xFFFFFFFFu;
    for (int i = 0; i < 32; ++i) cell_[i] = (seed >> i) & 1;
  }
  int step() {
    const int out = cell_[0];
    for (int i = 0; i < 31; ++i) cell_[i] = cell_[i + 1] ^ (out & feedsBack(i));
    cell_[31] = out;  // the x^32 term
    return out;
  }
  std::uint32_t state() const {
    std::uint32_t s = 0;
    for (int i = 0; i < 32; ++i) s |= static_cast<std::uint32_t>(cell_[i]) << i;
    return s;
  }

 private:
  static int feedsBack(int cell) { return cell == 21 || cell == 1 || cell == 0 ? 1 : 0; }  // x^22, x^2, x^1
  int cell_[32];
};

TEST(Lfsr, FirstStatesWorkedByHand) {
  // Seed 1: the 1 leaves, the taps are XORed into the empty register, and so on.
  Lfsr l(1);
  EXPECT_EQ(l.draw(1), 1u);
  EXPECT_EQ(l.state(), 0x80200003u);  // 0 ^ taps
  EXPECT_EQ(l.draw(1), 1u);
  EXPECT_EQ(l.state(), 0xC0300002u);  // 0x40100001 ^ 0x80200003
  EXPECT_EQ(l.draw(1), 0u);
  EXPECT_EQ(l.state(), 0x60180001u);  // plain shift
  EXPECT_EQ(l.draw(1), 1u);
  EXPECT_EQ(l.state(), 0xB02C0003u);  // 0x300C0000 ^ 0x80200003
  Lfsr m(1);
  EXPECT_EQ(m.draw(4), 0b1101u);  // the same four bits, first one in the MSB
}

TEST(Lfsr, MatchesBitSerialModel) {
  for (std::uint32_t seed : {0u, 1u, 0xDEADBEEFu, 0x80000000u, 0x12345678u}) {
    Lfsr l(seed);
    BitSerialLfsr ref(seed);
    ASSERT_EQ(l.state(), ref.state()) << "seed " << seed;
    for (int i = 0; i < 20000; ++i) {
      const int bits = 1 + i % 32;
      std::uint32_t want = 0;
      for (int k = 0; k < bits; ++k) want = (want << 1) | static_cast<std::uint32_t>(ref.step());
      ASSERT_EQ(l.draw(bits), want) << "seed " << seed << " draw " << i;
      ASSERT_EQ(l.state(), ref.state());
    }
  }
}

// The output bits obey the linear recurrence of the polynomial:
// s[n+32] = s[n+31] ^ s[n+30] ^ s[n+10] ^ s[n] (the reciprocal x^32 + x^31 + x^30 + x^10 + 1).
TEST(Lfsr, OutputFollowsThePolynomialRecurrence) {
  Lfsr l(0xACE1u);
  std::vector<int> s;
  for (int i = 0; i < 5000; ++i) s.push_back(static_cast<int>(l.draw(1)));
  for (std::size_t n = 0; n + 32 < s.size(); ++n)
    ASSERT_EQ(s[n + 32], s[n + 31] ^ s[n + 30] ^ s[n + 10] ^ s[n]) << n;
}

TEST(Lfsr, ZeroSeedIsReplacedAndZeroIsNeverReached) {
  EXPECT_EQ(Lfsr(0).state(), 0xFFFFFFFFu);
  EXPECT_EQ(Lfsr().state(), 1u);
  for (std::uint32_t seed : {0u, 1u, 0x80000000u}) {
    Lfsr l(seed);
    const std::uint32_t start = l.state();
    for (int i = 0; i < 1000000; ++i) {
      l.step();
      ASSERT_NE(l.state(), 0u);
      ASSERT_NE(l.state(), start) << "period " << i + 1 << " is far too short";
    }
  }
}

// fp32 -> narrow formats with stochastic rounding: one of the two neighbours,
// the same as the reference for the same random number, exact values unmoved.
TEST(Stochastic, ResultIsANeighbourAndExactValuesStay) {
  const Format f32 = fmt("fp32");
  Rng rng(5);
  for (const char* target : {"bf16", "fp16", "fp8_e4m3", "fp8_e5m2", "fp4_e2m1", "int8"}) {
    const Format dst = fmt(target);
    Mismatches bad(std::string("stochastic fp32 -> ") + target);
    for (int bits : {1, 4, 8, 12}) {
      const RoundingMode sr{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Saturate, bits};
      const ConvertOp op(f32, dst, sr);
      const ConvertOp down(f32, dst, RoundingMode{Rounding::TowardZero, Tininess::AfterRounding, OverflowPolicy::Saturate});
      const ConvertOp upPos(f32, dst, RoundingMode{Rounding::Up, Tininess::AfterRounding, OverflowPolicy::Saturate});
      const ConvertOp upNeg(f32, dst, RoundingMode{Rounding::Down, Tininess::AfterRounding, OverflowPolicy::Saturate});
      for (long i = 0; i < scaled(20000); ++i) {
        const float v = std::ldexp(static_cast<float>(rng.range(-(1 << 20), 1 << 20)), static_cast<int>(rng.range(-26, -14)));
        const std::uint32_t code = std::bit_cast<std::uint32_t>(v);
        const auto random = static_cast<std::uint32_t>(rng.next());
        const Result r = op(code, random);
        const Result lo = down(code), hi = (v < 0 ? upNeg : upPos)(code);
        bad.check(r.code == lo.code || r.code == hi.code, [&] { return hex(code) + " bits " + std::to_string(bits); });
        bad.same(r, fmaref::refConvert(f32, code, dst, sr, random), [&] { return hex(code) + " random " + hex(random); });
        if (lo.flags == 0)  // exact: every random number gives the same code, no flags
          bad.same(r, lo, [&] { return "exact " + hex(code) + " random " + hex(random); });
      }
    }
  }
}

// Over many LFSR draws, the round-up frequency is the discarded fraction
// truncated to randomBits bits.
TEST(Stochastic, RoundUpFrequencyMatchesDiscardedFraction) {
  const Format f32 = fmt("fp32"), bf16 = fmt("bf16");
  for (int bits : {1, 3, 8, 12}) {
    const RoundingMode sr{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, bits};
    const ConvertOp op(f32, bf16, sr);
    // 1.5 (bf16 0x3FC0) plus frac ulps of bf16 (2^-7): the 16 discarded bits are frac * 2^16.
    for (std::uint32_t frac16 : {1u, 0x0100u, 0x1000u, 0x4000u, 0x5555u, 0x8000u, 0x8001u, 0xC000u, 0xFFFFu}) {
      for (std::uint32_t sign : {0u, 0x80000000u}) {
        const std::uint32_t code = sign | 0x3FC00000u | frac16;
        Lfsr lfsr(0x1234u + frac16);
        const long n = scaled(40000);
        long ups = 0;
        for (long i = 0; i < n; ++i) {
          const Result r = op(code, lfsr.draw(bits));
          ASSERT_EQ(r.flags, fmasim::flag::inexact);
          ASSERT_TRUE((r.code & 0x7FFF) == 0x3FC0 || (r.code & 0x7FFF) == 0x3FC1) << hex(r.code);
          ups += (r.code & 0x7FFF) == 0x3FC1;
        }
        const double p = std::floor(frac16 * std::ldexp(1.0, bits - 16)) / std::ldexp(1.0, bits);
        const double freq = static_cast<double>(ups) / static_cast<double>(n);
        const double tol = 5 * std::sqrt(p * (1 - p) / static_cast<double>(n)) + 2.0 / static_cast<double>(n);
        EXPECT_NEAR(freq, p, tol) << "bits " << bits << " frac " << hex(frac16) << " sign " << sign;
      }
    }
  }
}

TEST(Stochastic, SameSeedSameSequence) {
  const Format f32 = fmt("fp32"), dst = fmt("fp8_e4m3");
  const ConvertOp op(f32, dst, RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, 8});
  auto run = [&](std::uint32_t seed) {
    Lfsr lfsr(seed);
    Rng rng(3);
    std::vector<std::uint64_t> out;
    for (int i = 0; i < 5000; ++i) {
      const float v = std::ldexp(static_cast<float>(rng.range(1, 1 << 20)), static_cast<int>(rng.range(-26, -12)));
      out.push_back(op(std::bit_cast<std::uint32_t>(v), lfsr.draw(8)).code);
    }
    return out;
  };
  EXPECT_EQ(run(42), run(42));
  EXPECT_NE(run(42), run(43));
}

}  // namespace
}  // namespace fmatest
