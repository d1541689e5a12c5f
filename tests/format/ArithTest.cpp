// FmaOp, MulOp and AddOp against the reference: random operands built so that
// cancellation, ties, subnormal and overflowing results are frequent, specials
// mixed in, every mode; and FP8 x FP8 + FP32 -> FP32 over all operand pairs.
#include <algorithm>

#include "FmaCheck.hpp"
#include "TestSupport.hpp"
#include "format/Arith.hpp"

namespace fmatest {
namespace {

using fmasim::FmaOp;
using fmasim::MulOp;
using fmasim::AddOp;

class Arith : public ::testing::TestWithParam<const char*> {
 protected:
  Format f = fmt(GetParam());
  long count(long base) const { return scaled(f.bits == 64 ? base / 2 : base); }
};

TEST_P(Arith, FmaMatchesReference) {
  OperandMaker gen(f, 11 + f.bits);
  const FlagStats stats =
      expectFmaMatchesReference(std::string("fma ") + f.name, f, f, f, f, arithSettings(), gen, count(150000), 0);
  stats.expectAtLeast(0.001, true, true, true);
}

TEST_P(Arith, MulMatchesReference) {
  const auto settings = arithSettings();
  std::vector<MulOp> ops;
  for (const auto& rm : settings) ops.emplace_back(f, f, f, rm);
  OperandMaker gen(f, 21 + f.bits);
  Mismatches bad(std::string("mul ") + f.name);
  FlagStats stats;
  for (long i = 0; i < count(60000); ++i) {
    const std::size_t s = static_cast<std::size_t>(i) % settings.size();
    const Operands o = gen.next();
    const auto random = static_cast<std::uint32_t>(gen.rng().next());
    const Result want = fmaref::refMul(f, o.a, f, o.b, f, settings[s], random);
    stats.add(want);
    bad.same(ops[s](o.a, o.b, random), want, [&] {
      return hex(o.a) + " * " + hex(o.b) + " " + describe(settings[s]) + " random " + hex(random);
    });
  }
  stats.expectAtLeast(0.001, true, true, true);
}

TEST_P(Arith, AddMatchesReference) {
  const auto settings = arithSettings();
  std::vector<AddOp> ops;
  for (const auto& rm : settings) ops.emplace_back(f, f, f, rm);
  OperandMaker gen(f, 31 + f.bits);
  Mismatches bad(std::string("add ") + f.name);
  FlagStats stats;
  for (long i = 0; i < count(100000); ++i) {
    const std::size_t s = static_cast<std::size_t>(i) % settings.size();
    const Operands o = gen.next();
    // x + c with c near -x: mostly x = a*b rounded (c was made near -(a*b)), else x = a.
    const std::uint64_t x =
        gen.rng().chance(0.8) ? fmaref::refMul(f, o.a, f, o.b, f, RoundingMode{}).code : o.a;
    const auto random = static_cast<std::uint32_t>(gen.rng().next());
    const Result want = fmaref::refAdd(f, x, f, o.c, f, settings[s], random);
    stats.add(want);
    bad.same(ops[s](x, o.c, random), want, [&] {
      return hex(x) + " + " + hex(o.c) + " " + describe(settings[s]) + " random " + hex(random);
    });
  }
  // Same-format sums that end up tiny are exact: add never underflows.
  stats.expectAtLeast(0.001, false, true, true);
}

INSTANTIATE_TEST_SUITE_P(Formats, Arith, ::testing::Values("fp16", "bf16", "fp32", "fp64"),
                         [](const ::testing::TestParamInfo<const char*>& p) { return std::string(p.param); });

// FP8 x FP8 + FP32 -> FP32: every operand pair against every fp32 special and a few ordinary addends.
class Fp8Mac : public ::testing::TestWithParam<const char*> {};

TEST_P(Fp8Mac, AllPairsMatchReference) {
  const Format f8 = fmt(GetParam()), f32 = fmt("fp32");
  const std::vector<std::uint32_t> addends{
      0x00000000, 0x80000000,                          // +-0
      0x7F800000, 0xFF800000,                          // +-inf
      0x7FC00000, 0xFFC12345, 0x7F800001, 0xFFA00000,  // qNaN, sNaN (both signs, payloads)
      0x7F7FFFFF, 0xFF7FFFFF,                          // +-max
      0x00800000, 0x80800000,                          // +-min normal
      0x00000001, 0x80000001,                          // +-min subnormal
      0x3F800000, 0xBF800000, 0x3DCCCCCD, 0xC55AC000,  // 1, -1, 0.1, -3500
      0x35800000, 0x47C35000, 0xC7600000, 0x0DA24260,  // 2^-20, 100000, -57344, 1e-30
  };
  for (Rounding mode : {Rounding::NearestEven, Rounding::TowardZero, Rounding::Down}) {
    const RoundingMode rm{mode};
    const FmaOp op(f8, f8, f32, f32, rm);
    Mismatches bad(std::string(GetParam()) + " mac " + fmaref::modeName(mode));
    for (std::uint32_t c : addends)
      for (std::uint64_t a = 0; a < 256; ++a)
        for (std::uint64_t b = 0; b < 256; ++b)
          bad.same(op(a, b, c), fmaref::refFma(f8, a, f8, b, f32, c, f32, rm),
                   [&] { return hex(a) + " * " + hex(b) + " + " + hex(c); });
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, Fp8Mac, ::testing::Values("fp8_e4m3", "fp8_e5m2"),
                         [](const ::testing::TestParamInfo<const char*>& p) { return std::string(p.param); });

// BF16 x BF16 + FP32 -> FP32, random, every mode.
TEST(MixedBf16Mac, RandomMatchesReference) {
  const Format bf = fmt("bf16"), f32 = fmt("fp32");
  const auto settings = arithSettings();
  std::vector<FmaOp> ops;
  for (const auto& rm : settings) ops.emplace_back(bf, bf, f32, f32, rm);
  OperandMaker gen(bf, 99);
  Rng& rng = gen.rng();
  Mismatches bad("bf16 x bf16 + fp32");
  for (long i = 0; i < scaled(150000); ++i) {
    const std::size_t s = static_cast<std::size_t>(i) % settings.size();
    const Operands o = gen.next();
    // c: an fp32 near -(a*b), or the bf16 c widened, with random low bits.
    const Result p = fmaref::refMul(bf, o.a, bf, o.b, f32, RoundingMode{});
    std::uint64_t c = rng.chance(0.5) ? (p.code ^ 0x80000000u) + rng.below(1 << 12) - (1 << 11)
                                      : (o.c << 16) | (rng.chance(0.5) ? rng.below(1 << 16) : 0);
    c &= 0xFFFFFFFFu;
    const auto random = static_cast<std::uint32_t>(rng.next());
    bad.same(ops[s](o.a, o.b, c, random), fmaref::refFma(bf, o.a, bf, o.b, f32, c, f32, settings[s], random), [&] {
      return hex(o.a) + " * " + hex(o.b) + " + " + hex(c) + " " + describe(settings[s]) + " random " + hex(random);
    });
  }
}

}  // namespace
}  // namespace fmatest

namespace fmatest {
namespace {

// Mixed formats at the edges of the core's 64-bit arithmetic window: products of
// 60 and 61 bits, addends of up to 53 bits, roundings that read up to 60 and 61
// bits (stochastic random bits count), each side of every edge.
struct WindowCase {
  const char *a, *b, *c, *out;
  int randomBits;
};

class WindowEdge : public ::testing::TestWithParam<WindowCase> {};

TEST_P(WindowEdge, FmaMatchesReference) {
  const WindowCase& w = GetParam();
  const FlagStats stats = expectFmaMatchesReferenceAtEdge(fmt(w.a), fmt(w.b), fmt(w.c), fmt(w.out), w.randomBits);
  stats.expectAtLeast(0.001, false, false, true);
}

const WindowCase kWindowCases[] = {
    {"e8m30", "e8m29", "e8m30", "e8m30", 28},  // 61-bit product; 31 + 29 = 60 rounding bits
    {"e8m29", "e8m29", "e8m29", "e8m29", 29},  // 60-bit product
    {"e8m30", "e8m30", "e8m30", "e8m30", 28},  // 62-bit product: the wide window
    {"fp32", "fp32", "fp64", "fp64", 6},       // 48-bit product, 53-bit addend; 53 + 7 = 60
    {"fp32", "fp32", "fp64", "fp32", 31},      // 24 + 31, 24 + 32: the widest random numbers
    {"e8m29", "fp16", "fp64", "e9m40", 19},    // 41 + 20 = 61
    {"fp32", "fp32", "fp32", "int32", 26},     // integers: 33 + 1 precision, + random bits
    {"fp16", "fp16", "fp32", "q15.16", 26},
};

INSTANTIATE_TEST_SUITE_P(Cases, WindowEdge, ::testing::ValuesIn(kWindowCases),
                         [](const ::testing::TestParamInfo<WindowCase>& p) {
                           std::string n = std::string(p.param.a) + "x" + p.param.b + "p" + p.param.c + "_to_" + p.param.out;
                           std::replace(n.begin(), n.end(), '.', '_');
                           return n;
                         });

}  // namespace
}  // namespace fmatest
