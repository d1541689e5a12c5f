// The reference checked on its own against formats.md's table and the host's
// IEEE hardware, so that a disagreement with the core points at the core.
#include <bit>
#include <cmath>
#include <cstring>

#include "TestSupport.hpp"

namespace fmatest {
namespace {

using fmaref::Big;
using fmaref::Class;
using fmaref::RefValue;

double refValue(const Format& f, std::uint64_t code) {
  RefValue v;
  fmaref::refDecode(f, code, v);
  return mpfr_get_d(v.value.get(), MPFR_RNDN);
}

struct TableRow {
  const char* name;
  double maxFinite, minNormal, minSubnormal;
};

// formats.md, "Number formats: the facts".
TEST(ReferenceSelfTest, LimitsMatchFormatsTable) {
  const TableRow rows[] = {
      {"fp64", 1.7976931348623157e308, 0x1p-1022, 0x1p-1074},
      {"fp32", 3.4028234663852886e38, 0x1p-126, 0x1p-149},
      {"tf32", 0x1.ffcp127, 0x1p-126, 0x1p-136},
      {"fp16", 65504, 0x1p-14, 0x1p-24},
      {"bf16", 0x1.fep127, 0x1p-126, 0x1p-133},
      {"fp8_e5m2", 57344, 0x1p-14, 0x1p-16},
      {"fp8_e4m3", 448, 0x1p-6, 0x1p-9},
      {"fp8_e5m2fnuz", 57344, 0x1p-15, 0x1p-17},
      {"fp8_e4m3fnuz", 240, 0x1p-7, 0x1p-10},
      {"fp6_e3m2", 28, 0x1p-2, 0x1p-4},
      {"fp6_e2m3", 7.5, 1, 0x1p-3},
      {"fp4_e2m1", 6, 1, 0.5},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    const Format f = fmt(row.name);
    EXPECT_EQ(refValue(f, fmaref::refMaxFiniteCode(f, false)), row.maxFinite);
    EXPECT_EQ(refValue(f, fmaref::refMaxFiniteCode(f, true)), -row.maxFinite);
    EXPECT_EQ(std::ldexp(1.0, fmaref::refEmin(f)), row.minNormal);
    EXPECT_EQ(refValue(f, 1), row.minSubnormal);
    EXPECT_EQ(refValue(f, std::uint64_t{1} << f.manBits), row.minNormal);
  }
  const Format e8m0 = fmt("e8m0");
  EXPECT_EQ(refValue(e8m0, 0), 0x1p-127);
  EXPECT_EQ(refValue(e8m0, 127), 1.0);
  EXPECT_EQ(refValue(e8m0, 0xFE), 0x1p127);
  const Format mx = fmt("mxint8");
  EXPECT_EQ(refValue(mx, 0x7F), 1.984375);
  EXPECT_EQ(refValue(mx, 1), 0x1p-6);
  EXPECT_EQ(refValue(fmt("int8"), 0x80), -128);
  EXPECT_EQ(refValue(fmt("uint8"), 0xFF), 255);
  EXPECT_EQ(refValue(fmt("int4"), 0x8), -8);
  EXPECT_EQ(refValue(fmt("q3.4"), 0x7F), 127.0 / 16);
}

TEST(ReferenceSelfTest, Fp4MagnitudesAndSpecialCodes) {
  const Format fp4 = fmt("fp4_e2m1");
  const double mags[] = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
  for (std::uint64_t c = 0; c < 8; ++c) {
    EXPECT_EQ(refValue(fp4, c), mags[c]);
    EXPECT_EQ(refValue(fp4, c | 8), -mags[c]);
  }
  RefValue v;
  const Format fp16 = fmt("fp16");
  fmaref::refDecode(fp16, 0x3C00, v);
  EXPECT_EQ(mpfr_get_d(v.value.get(), MPFR_RNDN), 1.0);
  fmaref::refDecode(fp16, 0xFC00, v);
  EXPECT_TRUE(v.cls == Class::Infinity && v.sign);
  fmaref::refDecode(fp16, 0x7E00, v);
  EXPECT_TRUE(v.cls == Class::QuietNaN);
  fmaref::refDecode(fp16, 0x7D00, v);
  EXPECT_TRUE(v.cls == Class::SignalingNaN);
  fmaref::refDecode(fmt("fp8_e4m3"), 0x7F, v);
  EXPECT_TRUE(v.cls == Class::QuietNaN);
  fmaref::refDecode(fmt("fp8_e4m3"), 0x7E, v);
  EXPECT_EQ(mpfr_get_d(v.value.get(), MPFR_RNDN), 448);
  fmaref::refDecode(fmt("fp8_e4m3fnuz"), 0x80, v);
  EXPECT_TRUE(v.cls == Class::QuietNaN);
  fmaref::refDecode(fmt("e8m0"), 0xFF, v);
  EXPECT_TRUE(v.cls == Class::QuietNaN);
}

// Hand-worked cases of the chosen semantics.
TEST(ReferenceSelfTest, HandWorkedRoundings) {
  const RoundingMode rne{};
  Big x(64);
  auto round = [&](const char* name, double v, RoundingMode rm = RoundingMode{}) {
    mpfr_set_d(x.get(), v, MPFR_RNDN);
    return fmaref::refRound(fmt(name), x.get(), rm);
  };
  EXPECT_EQ(round("fp4_e2m1", 5.0).code, 0x6u);  // tie 4|6 -> even mantissa (4)
  EXPECT_EQ(round("fp4_e2m1", 5.0, {Rounding::NearestAway}).code, 0x7u);
  EXPECT_EQ(round("fp4_e2m1", 7.0).code, 0x7u);  // tie 6|8 -> 8 (even) overflows; no inf, no NaN -> 6
  EXPECT_EQ(round("fp4_e2m1", 7.0).flags, fmasim::flag::overflow | fmasim::flag::inexact);
  EXPECT_EQ(round("fp8_e4m3", 464).code, 0x7Eu);  // tie 448|480 -> 448
  EXPECT_EQ(round("fp8_e4m3", 465).code, 0x7Fu);  // overflow to NaN under the IEEE policy
  EXPECT_EQ(round("fp8_e4m3", -465).code, 0xFFu);
  EXPECT_EQ(round("fp8_e4m3", 465, {Rounding::NearestEven, Tininess::AfterRounding, OverflowPolicy::Saturate}).code, 0x7Eu);
  EXPECT_EQ(round("fp8_e5m2", 61440).code, 0x7Cu);  // tie 57344|65536 -> 65536 is even -> inf
  EXPECT_EQ(round("fp16", 0x1p-25).code, 0u);         // half the min subnormal, tie to even 0
  EXPECT_EQ(round("fp16", 0x1p-25).flags, fmasim::flag::underflow | fmasim::flag::inexact);
  EXPECT_EQ(round("fp16", -0x1p-25).code, 0x8000u);
  EXPECT_EQ(round("fp8_e4m3fnuz", -0x1p-12).code, 0u);  // fnuz: never -0
  // Just below min normal, rounding up to it: tiny before rounding, not after.
  const double justBelow = 0x1p-14 - 0x1p-26;
  EXPECT_EQ(round("fp16", justBelow).code, 0x0400u);
  EXPECT_EQ(round("fp16", justBelow).flags, fmasim::flag::inexact);
  EXPECT_EQ(round("fp16", justBelow, {Rounding::NearestEven, Tininess::BeforeRounding}).flags,
            fmasim::flag::underflow | fmasim::flag::inexact);
  EXPECT_EQ(round("e8m0", 3.0).code, 129u);  // tie 2|4: in units of 2 that is 1|2 -> 2 (even) -> 4
  EXPECT_EQ(round("e8m0", -1.0).code, 0xFFu);
  EXPECT_EQ(round("e8m0", 0.0).code, 0xFFu);
  EXPECT_EQ(round("e8m0", 0x1p-140).code, 0u);
  EXPECT_EQ(round("int8", 127.5).flags, fmasim::flag::invalid);
  EXPECT_EQ(round("int8", 127.5).code, 0x80u);
  EXPECT_EQ(round("int8", -128.5).code, 0x80u);
  EXPECT_EQ(round("int8", -128.4).code, 0x80u);
  EXPECT_EQ(round("int8", -128.4).flags, fmasim::flag::inexact);
  EXPECT_EQ(round("uint8", -0.4).code, 0u);
  EXPECT_EQ(round("uint8", -0.6).code, 0xFFu);
  EXPECT_EQ(round("uint8", 300, {Rounding::NearestEven, Tininess::AfterRounding, OverflowPolicy::Saturate}).code, 0xFFu);
  EXPECT_EQ(round("int8", -300, {Rounding::NearestEven, Tininess::AfterRounding, OverflowPolicy::Saturate}).code, 0x80u);
  EXPECT_EQ(round("mxint8", -5, {Rounding::NearestEven, Tininess::AfterRounding, OverflowPolicy::Saturate}).code, 0x81u);
  EXPECT_EQ(round("mxint8", 0.5).code, 0x20u);
  (void)rne;
}

// The reference against the host's binary32/binary64 hardware (round to nearest even).
TEST(ReferenceSelfTest, MatchesHostHardwareRne) {
  const Format f32 = fmt("fp32"), f64 = fmt("fp64");
  Rng rng(7);
  Mismatches convert("fp64->fp32 vs host"), fma32("fp32 fma vs host"), fma64("fp64 fma vs host");
  for (long i = 0; i < scaled(20000); ++i) {
    std::uint64_t bits = rng.next();
    if (rng.chance(0.7)) bits = (bits & 0x800FFFFFFFFFFFFFull) | (static_cast<std::uint64_t>(rng.range(1023 - 160, 1023 + 130)) << 52);
    const double d = std::bit_cast<double>(bits);
    const float f = static_cast<float>(d);
    if (std::isnan(d)) continue;
    const Result r = fmaref::refConvert(f64, bits, f32, RoundingMode{});
    convert.check(r.code == std::bit_cast<std::uint32_t>(f), [&] { return hex(bits); });

    auto randomFloat = [&](int lo, int hi) {
      return std::bit_cast<float>(static_cast<std::uint32_t>((rng.next() & 0x807FFFFFu) | (static_cast<std::uint64_t>(rng.range(lo, hi)) << 23)));
    };
    const float a = randomFloat(100, 150), b = randomFloat(100, 150);
    const float c = -a * b * (rng.chance(0.5) ? 1.0f : randomFloat(125, 129));
    const float z = std::fma(a, b, c);
    const Result rz = fmaref::refFma(f32, std::bit_cast<std::uint32_t>(a), f32, std::bit_cast<std::uint32_t>(b), f32,
                                     std::bit_cast<std::uint32_t>(c), f32, RoundingMode{});
    fma32.check(rz.code == std::bit_cast<std::uint32_t>(z), [&] { return std::to_string(a) + "*" + std::to_string(b) + "+" + std::to_string(c); });

    const double da = d, db = std::bit_cast<double>(rng.next() & 0xBFFFFFFFFFFFFFFFull);
    const double dc = -da * db;
    if (!std::isfinite(dc)) continue;
    const double dz = std::fma(da, db, dc);
    const Result rd = fmaref::refFma(f64, std::bit_cast<std::uint64_t>(da), f64, std::bit_cast<std::uint64_t>(db), f64,
                                     std::bit_cast<std::uint64_t>(dc), f64, RoundingMode{});
    fma64.check(rd.code == std::bit_cast<std::uint64_t>(dz), [&] { return hex(bits); });
  }
}

}  // namespace
}  // namespace fmatest
