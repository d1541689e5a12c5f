// FmaOp, MulOp and AddOp against the reference: random operands built so that
// cancellation, ties, subnormal and overflowing results are frequent, specials
// mixed in, every mode; and FP8 x FP8 + FP32 -> FP32 over all operand pairs.
#include <algorithm>

#include "TestSupport.hpp"
#include "format/Arith.hpp"

namespace fmatest {
namespace {

using fmasim::FmaOp;
using fmasim::MulOp;
using fmasim::AddOp;

std::uint64_t mask(const Format& f) { return f.bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << f.bits) - 1; }

// A float code with the given sign, unbiased exponent and random significand;
// exponents below the normal range give subnormals (or zero), above it max finite.
std::uint64_t makeFloat(const Format& f, Rng& rng, bool negative, long e) {
  const int m = f.manBits;
  std::uint64_t mant = rng.next() & f.mantMask();
  if (rng.chance(0.35)) mant &= ~((std::uint64_t{1} << rng.range(0, m)) - 1);  // short significand
  const std::uint64_t sign = negative ? std::uint64_t{1} << (f.bits - 1) : 0;
  const long emin = fmaref::refEmin(f), emax = f.maxField - f.bias;
  if (e > emax) return sign | fmaref::refMaxFiniteCode(f, false);
  if (e >= emin) return sign | (static_cast<std::uint64_t>(e + f.bias) << m) | mant;
  const long shift = emin - e;  // subnormal: 1.mant >> shift
  if (shift > m) return sign;
  return sign | (((std::uint64_t{1} << m) | mant) >> shift);
}

// Specials and extremes of a format with IEEE encodings.
std::vector<std::uint64_t> specials(const Format& f) {
  const std::uint64_t s = std::uint64_t{1} << (f.bits - 1);
  const std::uint64_t expOnes = static_cast<std::uint64_t>((1 << f.expBits) - 1) << f.manBits;
  const std::uint64_t quiet = std::uint64_t{1} << (f.manBits - 1);
  const std::uint64_t minNormal = std::uint64_t{1} << f.manBits;
  const std::uint64_t maxF = fmaref::refMaxFiniteCode(f, false);
  std::vector<std::uint64_t> v;
  for (std::uint64_t k : {std::uint64_t{0}, expOnes, expOnes | quiet, expOnes | 1, expOnes | quiet | 5, expOnes | (quiet >> 1),
                          maxF, maxF - 1, minNormal, minNormal - 1, std::uint64_t{1}, std::uint64_t{2}})
    for (std::uint64_t sign : {std::uint64_t{0}, s}) v.push_back(k | sign);
  return v;
}

struct Operands {
  std::uint64_t a, b, c;
};

// a * b + c with exponent-correlated operands: the product lands in or near the
// range of c's format, c is near the product (often its negated rounding, give or
// take a few ulps), so cancellation and near-ties are common.
class OperandMaker {
 public:
  OperandMaker(const Format& f, std::uint64_t seed) : OperandMaker(f, f, f, seed) {}
  OperandMaker(const Format& fa, const Format& fb, const Format& fc, std::uint64_t seed)
      : fa_(fa), fb_(fb), fc_(fc), rng_(seed), sa_(specials(fa)), sb_(specials(fb)), sc_(specials(fc)),
        resultLow_(lowExp(fc)), resultHigh_(highExp(fc)) {}
  // Aim the products at an integer result format's range instead of c's.
  void aimAtInteger(const Format& out) {
    resultLow_ = -out.fracBits - 2;
    resultHigh_ = out.bits - out.fracBits;
  }

  Operands next() {
    const long ep = rng_.range(resultLow_ - 3, resultHigh_ + 1);  // product exponent
    const long ea = std::clamp(rng_.range(std::max(lowExp(fa_), ep - highExp(fb_)), std::min(highExp(fa_), ep - lowExp(fb_))),
                               lowExp(fa_), highExp(fa_));
    const long eb = ep - ea;
    Operands o{makeFloat(fa_, rng_, rng_.chance(0.5), ea), makeFloat(fb_, rng_, rng_.chance(0.5), eb), 0};
    if (rng_.chance(0.3)) {
      // c = -(a*b rounded) +- a few ulps: massive cancellation.
      const Result p = fmaref::refMul(fa_, o.a, fb_, o.b, fc_, RoundingMode{});
      const std::uint64_t delta = rng_.below(5);
      o.c = (p.code ^ (std::uint64_t{1} << (fc_.bits - 1))) + (rng_.chance(0.5) ? delta : 0 - delta);
      o.c &= mask(fc_);
    } else {
      const long ec = ep + rng_.range(-fc_.manBits - 4, fc_.manBits + 4);
      o.c = makeFloat(fc_, rng_, rng_.chance(0.5), ec);
    }
    if (rng_.chance(0.03)) o.a = sa_[rng_.below(sa_.size())];
    if (rng_.chance(0.03)) o.b = sb_[rng_.below(sb_.size())];
    if (rng_.chance(0.03)) o.c = sc_[rng_.below(sc_.size())];
    return o;
  }
  // A product whose significand starts 1.000...: a and b with only low mantissa bits
  // set; c a full-width significand a few to many binades below, of the opposite
  // sign, so the difference loses its top bit and the aligned c loses (jams) bits.
  Operands nextDirected() {
    Operands o = next();
    const auto lowBitsOnly = [&](std::uint64_t code, const Format& f) {
      const std::uint64_t keep = (std::uint64_t{1} << (f.manBits / 3)) - 1;
      return (code & ~f.mantMask()) | (code & keep);
    };
    o.a = lowBitsOnly(o.a, fa_);
    o.b = lowBitsOnly(o.b, fb_);
    fmaref::RefValue va, vb;
    fmaref::refDecode(fa_, o.a, va);
    fmaref::refDecode(fb_, o.b, vb);
    if (!va.isFinite() || !vb.isFinite() || va.isZero() || vb.isZero()) return o;
    const long ep = static_cast<long>(mpfr_get_exp(va.value.get()) + mpfr_get_exp(vb.value.get())) - 2;
    const bool productNegative = va.sign != vb.sign;
    std::uint64_t c = makeFloat(fc_, rng_, !productNegative, ep - rng_.range(2, 45));
    c |= rng_.next() & fc_.mantMask() & (rng_.chance(0.5) ? ~std::uint64_t{0} : 1);  // odd / full significands
    o.c = c;
    return o;
  }
  Rng& rng() { return rng_; }

 private:
  static long lowExp(const Format& f) { return fmaref::refEmin(f) - f.manBits; }  // min subnormal
  static long highExp(const Format& f) { return f.maxField - f.bias; }
  const Format &fa_, &fb_, &fc_;
  Rng rng_;
  std::vector<std::uint64_t> sa_, sb_, sc_;
  long resultLow_, resultHigh_;
};

std::vector<RoundingMode> arithSettings() {
  std::vector<RoundingMode> v = allSettings();
  v.push_back(RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, 8});
  v.push_back(RoundingMode{Rounding::Stochastic, Tininess::BeforeRounding, OverflowPolicy::Ieee, 3});
  v.push_back(RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Saturate, 16});
  return v;
}

class Arith : public ::testing::TestWithParam<const char*> {
 protected:
  Format f = fmt(GetParam());
  long count(long base) const { return scaled(f.bits == 64 ? base / 2 : base); }
};

TEST_P(Arith, FmaMatchesReference) {
  const auto settings = arithSettings();
  std::vector<FmaOp> ops;
  for (const auto& rm : settings) ops.emplace_back(f, f, f, f, rm);
  OperandMaker gen(f, 11 + f.bits);
  Mismatches bad(std::string("fma ") + f.name);
  FlagStats stats;
  for (long i = 0; i < count(150000); ++i) {
    const std::size_t s = static_cast<std::size_t>(i) % settings.size();
    const Operands o = gen.next();
    auto random = static_cast<std::uint32_t>(gen.rng().next());
    if (settings[s].mode == Rounding::Stochastic && gen.rng().chance(0.5)) {
      fmaref::refFma(f, o.a, f, o.b, f, o.c, f, settings[s], 0);
      random = thresholdRandom(settings[s], fmaref::refLastStochasticTop(), gen.rng());
    }
    const Result want = fmaref::refFma(f, o.a, f, o.b, f, o.c, f, settings[s], random);
    stats.add(want);
    bad.same(ops[s](o.a, o.b, o.c, random), want, [&] {
      return hex(o.a) + " * " + hex(o.b) + " + " + hex(o.c) + " " + describe(settings[s]) + " random " + hex(random);
    });
  }
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
  const Format fa = fmt(w.a), fb = fmt(w.b), fc = fmt(w.c), out = fmt(w.out);
  std::vector<RoundingMode> settings = allSettings();
  for (int bits : {w.randomBits, w.randomBits + 1, 1})
    settings.push_back(RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, bits});
  std::vector<FmaOp> ops;
  for (const auto& rm : settings) ops.emplace_back(fa, fb, fc, out, rm);
  OperandMaker gen(fa, fb, fc, std::hash<std::string>{}(std::string(w.a) + w.b + w.c + w.out));
  if (out.kind == fmasim::FormatKind::Integer) gen.aimAtInteger(out);
  Mismatches bad(std::string(w.a) + " x " + w.b + " + " + w.c + " -> " + w.out);
  FlagStats stats;
  for (long i = 0; i < scaled(40000); ++i) {
    const std::size_t s = static_cast<std::size_t>(i) % settings.size();
    const Operands o = gen.rng().chance(0.3) ? gen.nextDirected() : gen.next();
    auto random = static_cast<std::uint32_t>(gen.rng().next());
    if (settings[s].mode == Rounding::Stochastic && gen.rng().chance(0.5)) {
      fmaref::refFma(fa, o.a, fb, o.b, fc, o.c, out, settings[s], 0);
      random = thresholdRandom(settings[s], fmaref::refLastStochasticTop(), gen.rng());
    }
    const Result want = fmaref::refFma(fa, o.a, fb, o.b, fc, o.c, out, settings[s], random);
    stats.add(want);
    bad.same(ops[s](o.a, o.b, o.c, random), want, [&] {
      return hex(o.a) + " * " + hex(o.b) + " + " + hex(o.c) + " " + describe(settings[s]) + " random " + hex(random);
    });
  }
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
