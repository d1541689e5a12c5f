// FmaOp's binary64 path (format/Binary64Fma.hpp) at the edges of where it is chosen:
// each limit of binary64Exact (significand bits, lowest and highest exponents,
// bits read by rounding) with formats just inside and just outside it, every
// decoder kind (table, truncated binary32, field arithmetic with each NaN style),
// against the MPFR reference.
#include <algorithm>
#include <ostream>

#include "FmaCheck.hpp"
#include "TestSupport.hpp"
#include "format/Arith.hpp"

namespace fmatest {
namespace {

using fmasim::binary64Exact;
using fmasim::FmaOp;

struct PathCase {
  const char *a, *b, *c, *out;
  int randomBits;  // stochastic rounding is checked with randomBits and randomBits + 1
  bool binary64;   // whether the deterministic modes take the binary64 path
  const char* why;
};

const PathCase kPathCases[] = {
    {"e8m26", "e8m25", "fp32", "e8m50", 1, true, "53-bit product, rounding reads 52 bits (53 with 2 random bits)"},
    {"e8m26", "e8m26", "fp32", "e8m50", 1, false, "54-bit product"},
    {"e8m26", "e8m25", "fp32", "e8m51", 1, false, "rounding reads 53 bits"},
    {"fp32", "fp32", "e8m52", "fp32", 8, true, "53-bit addend"},
    {"fp32", "fp32", "fp32", "fp32", 28, true, "24 + 28 random bits = 52, 29 are too many"},
    {"e9m12b500", "e9m12b500", "e9m12b500", "e9m12b500", 8, true, "smallest product 2^-1022"},
    {"e9m13b500", "e9m13b500", "e9m13b500", "e9m13b500", 8, false, "smallest product 2^-1024"},
    {"e9m10b0", "e9m10b1", "e10m20b2", "e10m20b2", 8, true, "|p|, |c| < 2^1021"},
    {"e9m10b0", "e9m10b0", "e10m20b2", "e10m20b2", 8, false, "|p| < 2^1022"},
    {"fp16", "fp16", "e10m20b1", "e10m20b1", 8, false, "|c| < 2^1022"},
    {"tf32", "bf16", "fp32", "bf16", 8, true, "truncated binary32 decoders, bf16 result"},
    {"e5m10_ocp", "fp16", "e5m10_ocp", "fp16", 8, true, "field decoder, single all-ones NaN"},
    {"fp16_nosub", "fp16", "fp16_nosub", "fp16_nosub", 8, true, "field decoder, no subnormals"},
    {"fp16", "fp16", "fp32", "e11m20b2000", 8, true, "output range below binary64's: generic rounding"},
};

void PrintTo(const PathCase& c, std::ostream* os) { *os << c.why; }

class Binary64Edge : public ::testing::TestWithParam<PathCase> {};

TEST_P(Binary64Edge, ChosenExactlyWithinItsLimits) {
  const PathCase& w = GetParam();
  EXPECT_EQ(binary64Exact(fmt(w.a), fmt(w.b), fmt(w.c), fmt(w.out), RoundingMode{}), w.binary64) << w.why;
  const int precision = fmt(w.out).manBits + 1;
  for (int bits : {w.randomBits, w.randomBits + 1}) {
    const RoundingMode stochastic{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, bits};
    EXPECT_EQ(binary64Exact(fmt(w.a), fmt(w.b), fmt(w.c), fmt(w.out), stochastic),
              w.binary64 && precision + bits <= 52)
        << w.why << ", " << bits << " random bits";
  }
}

TEST_P(Binary64Edge, FmaMatchesReference) {
  const PathCase& w = GetParam();
  const FlagStats stats = expectFmaMatchesReferenceAtEdge(fmt(w.a), fmt(w.b), fmt(w.c), fmt(w.out), w.randomBits);
  stats.expectAtLeast(0.001, false, false, true);
}

// Every triple of special and extreme codes (zeros, infinities, NaNs, max finite,
// smallest normal and subnormals): the exponent limits are reached only there.
TEST_P(Binary64Edge, SpecialTriplesMatchReference) {
  const PathCase& w = GetParam();
  const Format fa = fmt(w.a), fb = fmt(w.b), fc = fmt(w.c), out = fmt(w.out);
  const std::vector<std::uint64_t> sa = specials(fa), sb = specials(fb), sc = specials(fc);
  for (Rounding mode : {Rounding::NearestEven, Rounding::Down}) {
    for (Tininess tininess : {Tininess::AfterRounding, Tininess::BeforeRounding}) {
      const RoundingMode rm{mode, tininess};
      const FmaOp op(fa, fb, fc, out, rm);
      Mismatches bad(std::string(w.why) + " " + describe(rm));
      for (std::uint64_t a : sa)
        for (std::uint64_t b : sb)
          for (std::uint64_t c : sc)
            bad.same(op(a, b, c), fmaref::refFma(fa, a, fb, b, fc, c, out, rm),
                     [&] { return hex(a) + " * " + hex(b) + " + " + hex(c); });
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Binary64Edge, ::testing::ValuesIn(kPathCases),
                         [](const ::testing::TestParamInfo<PathCase>& p) {
                           return std::string(p.param.a) + "x" + p.param.b + "p" + p.param.c + "_to_" + p.param.out;
                         });

// Table decoders of the small formats (every NaN style, no zero, unsigned) over all
// code pairs, addends strided through their whole code space; round down included
// for the sign of exact zeros.
struct SmallCase {
  const char *a, *b, *c, *out;
};

void PrintTo(const SmallCase& c, std::ostream* os) { *os << c.a << " x " << c.b << " + " << c.c << " -> " << c.out; }

class Binary64SmallFormats : public ::testing::TestWithParam<SmallCase> {};

TEST_P(Binary64SmallFormats, AllPairsMatchReference) {
  const SmallCase& w = GetParam();
  const Format fa = fmt(w.a), fb = fmt(w.b), fc = fmt(w.c), out = fmt(w.out);
  ASSERT_TRUE(binary64Exact(fa, fb, fc, out, RoundingMode{}));
  const std::uint64_t pairs = (mask(fa) + 1) * (mask(fb) + 1);
  const std::uint64_t stride = std::max<std::uint64_t>(1, pairs * (mask(fc) + 1) / scaled(1 << 17)) | 1;
  for (Rounding mode : {Rounding::NearestEven, Rounding::Down}) {
    const RoundingMode rm{mode};
    const FmaOp op(fa, fb, fc, out, rm);
    Mismatches bad(std::string(w.a) + " x " + w.b + " + " + w.c + " -> " + w.out + " " + fmaref::modeName(mode));
    std::uint64_t c = 0;
    for (std::uint64_t a = 0; a <= mask(fa); ++a)
      for (std::uint64_t b = 0; b <= mask(fb); ++b) {
        c = (c + stride) & mask(fc);
        bad.same(op(a, b, c), fmaref::refFma(fa, a, fb, b, fc, c, out, rm),
                 [&] { return hex(a) + " * " + hex(b) + " + " + hex(c); });
      }
  }
}

const SmallCase kSmallCases[] = {
    {"fp6_e2m3", "fp4_e2m1", "fp8_e5m2fnuz", "bf16"},
    {"fp8_e4m3", "e8m0", "fp8_e4m3fnuz", "fp16"},
    {"ue4m4", "fp6_e3m2", "fp8_e5m2", "ue4m4"},
};

INSTANTIATE_TEST_SUITE_P(Cases, Binary64SmallFormats, ::testing::ValuesIn(kSmallCases),
                         [](const ::testing::TestParamInfo<SmallCase>& p) {
                           return std::string(p.param.a) + "x" + p.param.b + "p" + p.param.c + "_to_" + p.param.out;
                         });

}  // namespace
}  // namespace fmatest
