// Integer and fixed-point accumulators: int8 x int8 -> int32 mac against plain
// int64 arithmetic, and fixed (Kulisch) accumulators against MPFR's exact sum and,
// narrowed, against per-term truncation and wrap-around or saturation.
#include <gtest/gtest.h>

#include "DatapathTestSupport.hpp"
#include "ReferenceDatapath.hpp"

namespace dptest {
namespace {

DatapathParams intMac(IntegerOverflow overflow) {
  DatapathParams p;
  p.kind = DatapathKind::Mac;
  p.a = p.b = fmt("int8");
  p.accumulatorKind = AccumulatorKind::Integer;
  p.accumulator = fmt("int32");
  p.integerOverflow = overflow;
  return p;
}

std::int64_t reduceInt32(std::int64_t v, bool saturate, bool& overflow) {
  constexpr std::int64_t lo = -2147483648LL, hi = 2147483647LL;
  if (v >= lo && v <= hi) return v;
  overflow = true;
  if (saturate) return v > hi ? hi : lo;
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v)));  // modulo 2^32
}

class IntMac : public ::testing::TestWithParam<IntegerOverflow> {};

TEST_P(IntMac, EqualsInt64ArithmeticReducedByTheRule) {
  const bool saturate = GetParam() == IntegerOverflow::Saturate;
  const DatapathSpec spec = derive(intMac(GetParam()));
  ASSERT_EQ(spec.accumulatorFracBits, 0);
  Rng rng(saturate ? 0x5A7 : 0x3A9);
  // Phases: random products; a long positive run (past 2^31); a long negative run
  // (back through and past -2^31); random again.
  const long phase = 300000;
  DatapathModel model(spec);
  std::int64_t acc = 0;
  bool overflow = false;
  long firstOverflow = -1;
  for (long s = 0; s < 4 * phase; ++s) {
    const long which = s / phase;
    std::int64_t a = static_cast<std::int8_t>(rng.next()), b = static_cast<std::int8_t>(rng.next());
    if (which == 1) {
      a = -128 + static_cast<std::int64_t>(rng.below(8));
      b = -128 + static_cast<std::int64_t>(rng.below(8));
    } else if (which == 2) {
      a = 127 - static_cast<std::int64_t>(rng.below(8));
      b = -128 + static_cast<std::int64_t>(rng.below(8));
    }
    const std::uint64_t ca = static_cast<std::uint64_t>(a) & 0xFF, cb = static_cast<std::uint64_t>(b) & 0xFF;
    model.step(&ca, &cb, nullptr);
    acc = reduceInt32(acc + a * b, saturate, overflow);
    if (overflow && firstOverflow < 0) firstOverflow = s;
    if (s % 997 == 0 || s == firstOverflow || s == firstOverflow + 1) {
      ASSERT_EQ(static_cast<std::int64_t>(model.finish().fixed), acc) << "step " << s;
      ASSERT_EQ(int(model.flags()), overflow ? int(flag::overflow) : 0) << "step " << s;
    }
  }
  EXPECT_GT(firstOverflow, phase);  // the first phase never overflows, the second does
  EXPECT_EQ(static_cast<std::int64_t>(model.finish().fixed), acc);
  EXPECT_EQ(int(model.flags()), int(flag::overflow));
}

INSTANTIATE_TEST_SUITE_P(Policies, IntMac, ::testing::Values(IntegerOverflow::Wrap, IntegerOverflow::Saturate),
                         [](const ::testing::TestParamInfo<IntegerOverflow>& pi) {
                           return pi.param == IntegerOverflow::Wrap ? std::string("wrap") : std::string("saturate");
                         });

TEST(IntMac, SmallCasesByHand) {
  for (IntegerOverflow ov : {IntegerOverflow::Wrap, IntegerOverflow::Saturate}) {
    const DatapathSpec spec = derive(intMac(ov));
    DatapathModel m(spec);
    const std::uint64_t a1 = 0x80, b1 = 0x80;  // -128 * -128 = 16384
    const std::uint64_t a2 = 0x7F, b2 = 0xFF;  // 127 * -1 = -127
    m.step(&a1, &b1, nullptr);
    m.step(&a2, &b2, nullptr);
    EXPECT_EQ(static_cast<std::int64_t>(m.finish().fixed), 16257);
    EXPECT_EQ(int(m.flags()), 0);
  }
}

// ---- fixed point (Kulisch) ----

DatapathParams fixedDot(const char* format, int lanes) {
  DatapathParams p;
  p.kind = lanes == 1 ? DatapathKind::Mac : DatapathKind::Dot;
  p.a = p.b = fmt(format);
  p.lanes = lanes;
  p.accumulatorKind = AccumulatorKind::Fixed;
  return p;
}

struct KulischCase {
  const char* format;
  int lanes;
  int exactFracBits;  // by hand: the smallest product's weight
  int exactWidth;     // by hand: integer bits of the largest product + headroom + sign + fraction
};

class Kulisch : public ::testing::TestWithParam<KulischCase> {};

TEST_P(Kulisch, ExactSumOverLongStreams) {
  const KulischCase& c = GetParam();
  const DatapathParams p = fixedDot(c.format, c.lanes);
  const DatapathSpec spec = derive(p);
  ASSERT_EQ(spec.accumulatorFracBits, c.exactFracBits);
  ASSERT_EQ(spec.accumulatorBits, c.exactWidth);
  Rng rng(0xC0115C + static_cast<std::uint64_t>(c.lanes));
  const auto lanes = static_cast<std::size_t>(c.lanes);
  std::vector<std::uint64_t> a(lanes), b(lanes);
  for (int stream = 0; stream < 4; ++stream) {
    DatapathModel model(spec);
    dpref::Big exact(dpref::kExactPrec), prod(dpref::kExactPrec), got(dpref::kExactPrec);
    mpfr_set_zero(exact.get(), 1);
    // Stream 1 adds products near the largest of one sign: at most 3500 of them, within
    // the 12 headroom bits (4096 largest products).
    const long steps = stream == 1 ? std::min(scaled(40000 / c.lanes), 3500L / c.lanes) : scaled(40000 / c.lanes);
    for (long s = 0; s < steps; ++s) {
      for (std::size_t i = 0; i < lanes; ++i) {
        // stream 0: every finite code; 1: large magnitudes of one sign (carries into the
        // headroom); 2: tiny and subnormal; 3: mixed with exact cancellation
        if (stream == 1) {
          a[i] = codeWithField(rng, p.a, maxFiniteField(p.a) - 1, maxFiniteField(p.a)) & ~p.a.signBit();
          b[i] = codeWithField(rng, p.b, maxFiniteField(p.b) - 1, maxFiniteField(p.b)) & ~p.b.signBit();
        } else if (stream == 2) {
          a[i] = codeWithField(rng, p.a, 0, 2);
          b[i] = codeWithField(rng, p.b, 0, 3);
        } else if (stream == 3 && i % 2 == 1) {
          a[i] = a[i - 1] ^ p.a.signBit();
          b[i] = b[i - 1];
        } else {
          a[i] = randomFinite(rng, p.a);
          b[i] = randomFinite(rng, p.b);
        }
        fmaref::RefValue va, vb;
        fmaref::refDecode(p.a, a[i], va);
        fmaref::refDecode(p.b, b[i], vb);
        mpfr_mul(prod.get(), va.value.get(), vb.value.get(), MPFR_RNDN);
        ASSERT_EQ(mpfr_add(exact.get(), exact.get(), prod.get(), MPFR_RNDN), 0);
      }
      model.step(a.data(), b.data(), nullptr);
      if (s % 101 == 0 || s == steps - 1) {
        dpref::fixedToMpfr(model.finish().fixed, c.exactFracBits, got.get());
        ASSERT_TRUE(mpfr_equal_p(got.get(), exact.get()))
            << c.format << " stream " << stream << " step " << s << ": " << fmaref::toString(got.get()) << " vs "
            << fmaref::toString(exact.get());
      }
    }
    EXPECT_EQ(int(model.flags()), 0) << "an exact accumulator raises nothing";
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, Kulisch,
                         ::testing::Values(
                             // e4m3: products 2^-18 .. 448^2 < 2^18: 18 + 12 + 1 + 18 = 49 bits
                             KulischCase{"fp8_e4m3", 16, 18, 49}, KulischCase{"fp8_e4m3", 1, 18, 49},
                             // e5m2: products 2^-32 .. 57344^2 < 2^32: 32 + 12 + 1 + 32 = 77 bits
                             KulischCase{"fp8_e5m2", 32, 32, 77}, KulischCase{"fp8_e5m2", 1, 32, 77}),
                         [](const ::testing::TestParamInfo<KulischCase>& pi) {
                           return std::string(pi.param.format) + "_l" + std::to_string(pi.param.lanes);
                         });

TEST(Kulisch, SpecialOperandsRaiseInvalidAndAreDropped) {
  const DatapathParams p = fixedDot("fp8_e5m2", 4);
  const DatapathSpec spec = derive(p);
  DatapathModel m(spec);
  const std::uint64_t a[4] = {0x3C /* 1 */, 0x7C /* inf */, 0x7E /* NaN */, 0x40 /* 2 */};
  const std::uint64_t b[4] = {0x3C, 0x3C, 0x3C, 0x40};
  m.step(a, b, nullptr);
  // 1 + 4, in units of 2^-32
  EXPECT_EQ(static_cast<std::int64_t>(m.finish().fixed), std::int64_t{5} << 32);
  EXPECT_EQ(int(m.flags()), int(flag::invalid));
}

struct NarrowCase {
  const char* format;
  int lanes;
  int width;
  int fracBits;
  IntegerOverflow overflow;
  TermRounding terms;
};

class NarrowFixed : public ::testing::TestWithParam<NarrowCase> {};

TEST_P(NarrowFixed, TruncatesEachTermAndWrapsOrSaturates) {
  const NarrowCase& c = GetParam();
  DatapathParams p = fixedDot(c.format, c.lanes);
  p.fixedWidth = c.width;
  p.fixedFractionBits = c.fracBits;
  p.integerOverflow = c.overflow;
  p.termRounding = c.terms;
  const DatapathSpec spec = derive(p);
  ASSERT_EQ(spec.accumulatorBits, c.width);
  ASSERT_EQ(spec.accumulatorFracBits, c.fracBits);
  const bool saturate = c.overflow == IntegerOverflow::Saturate;
  Rng rng(0x7A7 + static_cast<std::uint64_t>(c.width) * 3 + static_cast<std::uint64_t>(c.overflow));
  const auto lanes = static_cast<std::size_t>(c.lanes);
  std::vector<std::uint64_t> a(lanes), b(lanes);
  int failures = 0;
  for (int chain = 0; chain < scaled(200) && failures < 5; ++chain) {
    DatapathModel model(spec);
    dpref::i128 acc = 0;
    std::uint8_t flags = 0;
    const long length = rng.range(1, 40);
    const bool large = rng.chance(0.5);
    for (long s = 0; s < length; ++s) {
      dpref::i128 sum = 0;
      for (std::size_t i = 0; i < lanes; ++i) {
        if (rng.chance(0.01)) {
          a[i] = randomOrSpecial(rng, p.a, 1.0);
        } else if (large) {
          a[i] = codeWithField(rng, p.a, maxFiniteField(p.a) - 4, maxFiniteField(p.a));
        } else {
          a[i] = randomFinite(rng, p.a);
        }
        b[i] = rng.chance(0.7) ? codeWithField(rng, p.b, p.b.bias - 3, p.b.bias + 3) : randomFinite(rng, p.b);
        bool cut = false, invalid = false;
        sum += dpref::fixedTerm(p, c.fracBits, p.a, a[i], p.b, b[i], cut, invalid);
        if (cut) flags |= flag::inexact;
        if (invalid) flags |= flag::invalid;
      }
      bool overflow = false;
      acc = dpref::fixedReduce(acc + sum, c.width, saturate, overflow);
      if (overflow) flags |= flag::overflow;
      model.step(a.data(), b.data(), nullptr);
      const AccumulatorValue got = model.finish();
      if (got.fixed != acc || model.flags() != flags) {
        ++failures;
        ADD_FAILURE() << c.format << " w" << c.width << " f" << c.fracBits << " chain " << chain << " step " << s
                      << ": model " << static_cast<long long>(got.fixed) << " flags " << int(model.flags())
                      << ", reference " << static_cast<long long>(acc) << " flags " << int(flags);
        break;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Widths, NarrowFixed,
                         ::testing::Values(NarrowCase{"fp8_e4m3", 16, 24, 4, IntegerOverflow::Wrap, TermRounding::Truncate},
                                           NarrowCase{"fp8_e4m3", 4, 20, 2, IntegerOverflow::Saturate, TermRounding::Truncate},
                                           NarrowCase{"fp8_e4m3", 1, 16, 0, IntegerOverflow::Wrap, TermRounding::NearestEven},
                                           NarrowCase{"fp8_e5m2", 32, 40, 8, IntegerOverflow::Wrap, TermRounding::Truncate},
                                           NarrowCase{"fp8_e5m2", 8, 36, -2, IntegerOverflow::Saturate,
                                                      TermRounding::NearestEven}),
                         [](const ::testing::TestParamInfo<NarrowCase>& pi) {
                           const NarrowCase& c = pi.param;
                           std::string n(c.format);
                           n.append("_l").append(std::to_string(c.lanes)).append("_w").append(std::to_string(c.width));
                           n.append(c.fracBits < 0 ? "_fm" : "_f").append(std::to_string(c.fracBits < 0 ? -c.fracBits : c.fracBits));
                           n.append(c.overflow == IntegerOverflow::Wrap ? "_wrap" : "_sat");
                           n.append(c.terms == TermRounding::Truncate ? "_trunc" : "_rne");
                           return n;
                         });

TEST(NarrowFixed, HandComputedTruncationAndWrap) {
  DatapathParams p = fixedDot("fp8_e4m3", 2);
  p.fixedWidth = 8;
  p.fixedFractionBits = 1;
  const DatapathSpec spec = derive(p);
  DatapathModel m(spec);
  // 1.125 * 1 = 1.125 -> 1.0 (2 units); -1.125 * 1 -> -1.0 (truncated toward zero, -2 units)
  const std::uint64_t a1[2] = {0x39 /* 1.125 */, 0xB9 /* -1.125 */}, b1[2] = {0x38, 0x38};
  m.step(a1, b1, nullptr);
  EXPECT_EQ(static_cast<long long>(m.finish().fixed), 0);
  EXPECT_EQ(int(m.flags()), int(flag::inexact));
  // 8 * 8 = 64 = 128 units: out of the 8-bit range [-128, 127] -> wraps to -128
  const std::uint64_t a2[2] = {0x50 /* 8 */, 0x00}, b2[2] = {0x50, 0x00};
  m.step(a2, b2, nullptr);
  EXPECT_EQ(static_cast<long long>(m.finish().fixed), -128);
  EXPECT_EQ(int(m.flags()), int(flag::inexact | flag::overflow));
}

}  // namespace
}  // namespace dptest
