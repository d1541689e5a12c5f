// ConvertOp from fp32 and fp64 into every narrower format, in every mode, both
// overflow policies and both tininess rules, on boundary and random inputs.
#include <algorithm>
#include <bit>
#include <cmath>
#include <set>

#include "TestSupport.hpp"
#include "format/Arith.hpp"

namespace fmatest {
namespace {

using fmaref::Big;
using fmaref::RefValue;

struct Pair {
  const char* source;
  const char* target;
};

class Convert : public ::testing::TestWithParam<Pair> {
 protected:
  Format src = fmt(GetParam().source);
  Format dst = fmt(GetParam().target);

  // The source code of the value x rounded toward zero (the nearest source value not beyond x).
  std::uint64_t sourceCode(mpfr_srcptr x) const {
    return fmaref::refRound(src, x, RoundingMode{Rounding::TowardZero}).code;
  }

  // Source inputs near every interesting point of the target: its values, the
  // midpoints between neighbours (ties), the overflow threshold, half the smallest
  // value; each with the two source codes either side, and both signs.
  std::vector<std::uint64_t> boundaryInputs(Rng& rng) const {
    std::vector<Big*> anchors;
    std::vector<std::unique_ptr<Big>> store;
    auto add = [&](mpfr_srcptr v) {
      store.push_back(std::make_unique<Big>(256));
      mpfr_set(store.back()->get(), v, MPFR_RNDN);
    };
    Big a(256), b(256), mid(256);
    RefValue va, vb;
    auto addPair = [&](std::uint64_t ca, std::uint64_t cb) {  // neighbour codes, value(ca) < value(cb)
      fmaref::refDecode(dst, ca, va);
      fmaref::refDecode(dst, cb, vb);
      add(va.value.get());
      mpfr_add(mid.get(), va.value.get(), vb.value.get(), MPFR_RNDN);
      mpfr_div_2ui(mid.get(), mid.get(), 1, MPFR_RNDN);
      add(mid.get());
    };
    const std::uint64_t maxCode = fmaref::refMaxFiniteCode(dst, false);
    if (dst.kind == fmasim::FormatKind::Integer) {
      // Codes as signed integers k; neighbours k, k+1; beyond both bounds.
      const long lo = static_cast<long>(std::uint64_t{1} << (dst.bits - 1)) * (dst.isSigned ? -1 : 0);
      const long hi = dst.isSigned ? -lo - 1 : (1L << dst.bits) - 1;
      std::set<long> ks;
      if (hi - lo <= 600) {
        for (long k = lo - 3; k <= hi + 3; ++k) ks.insert(k);
      } else {
        for (long d = -3; d <= 3; ++d) ks.insert({lo + d, hi + d, d});
        for (int i = 0; i < 300; ++i) ks.insert(rng.range(lo, hi));
      }
      for (long k : ks) {
        mpfr_set_si(a.get(), k, MPFR_RNDN);
        mpfr_mul_2si(a.get(), a.get(), -dst.fracBits, MPFR_RNDN);
        add(a.get());
        mpfr_set_si(a.get(), 2 * k + 1, MPFR_RNDN);
        mpfr_mul_2si(a.get(), a.get(), -dst.fracBits - 1, MPFR_RNDN);
        add(a.get());
      }
    } else {
      // Positive float codes 0..maxCode increase in value.
      std::set<std::uint64_t> ks;
      if (maxCode <= 1024) {
        for (std::uint64_t k = 0; k < maxCode; ++k) ks.insert(k);
      } else {
        const std::uint64_t minNormal = dst.hasZero ? std::uint64_t{1} << dst.manBits : 0;
        for (std::uint64_t k : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{2}, minNormal - 2, minNormal - 1,
                                minNormal, minNormal + 1, maxCode - 2, maxCode - 1})
          ks.insert(k);
        const std::uint64_t one = static_cast<std::uint64_t>(dst.bias) << dst.manBits;
        for (std::uint64_t k = one - 2; k <= one + 2; ++k) ks.insert(k);
        for (int i = 0; i < 400; ++i) ks.insert(rng.below(maxCode));
      }
      for (std::uint64_t k : ks) addPair(k, k + 1);
      // Beyond max finite: max, max + ulp/2 (overflow threshold), max + ulp, 2 * max.
      fmaref::refDecode(dst, maxCode, va);
      fmaref::refDecode(dst, maxCode - 1, vb);
      mpfr_sub(a.get(), va.value.get(), vb.value.get(), MPFR_RNDN);  // ulp at the top
      add(va.value.get());
      mpfr_div_2ui(b.get(), a.get(), 1, MPFR_RNDN);
      mpfr_add(mid.get(), va.value.get(), b.get(), MPFR_RNDN);
      add(mid.get());
      mpfr_add(mid.get(), va.value.get(), a.get(), MPFR_RNDN);
      add(mid.get());
      mpfr_mul_2si(mid.get(), va.value.get(), 1, MPFR_RNDN);
      add(mid.get());
      // Below the smallest positive value: 1/2, 1/4, 3/4 of it.
      const std::uint64_t smallest = dst.hasSubnormals ? 1 : (dst.hasZero ? std::uint64_t{1} << dst.manBits : 0);
      fmaref::refDecode(dst, smallest, va);
      mpfr_div_2ui(a.get(), va.value.get(), 1, MPFR_RNDN);
      add(a.get());
      mpfr_div_2ui(a.get(), va.value.get(), 2, MPFR_RNDN);
      add(a.get());
      mpfr_mul_ui(a.get(), a.get(), 3, MPFR_RNDN);
      add(a.get());
    }
    std::set<std::uint64_t> codes;
    const std::uint64_t srcSign = std::uint64_t{1} << (src.bits - 1);
    const std::uint64_t srcMax = fmaref::refMaxFiniteCode(src, false);
    for (const auto& v : store) {
      mpfr_abs(a.get(), v->get(), MPFR_RNDN);
      const std::uint64_t c = sourceCode(a.get());
      if (c > srcMax) continue;  // beyond the source range
      for (int d = -2; d <= 2; ++d) {
        const std::uint64_t k = c + static_cast<std::uint64_t>(static_cast<std::int64_t>(d));
        if (k > srcMax + 1) continue;  // skips the wrap below zero; srcMax + 1 is infinity
        codes.insert(k);
        codes.insert(k | srcSign);
      }
    }
    // Specials of the source: zeros, infinities, NaNs of both kinds with payloads, extremes.
    const std::uint64_t expOnes = static_cast<std::uint64_t>((1 << src.expBits) - 1) << src.manBits;
    const std::uint64_t quiet = std::uint64_t{1} << (src.manBits - 1);
    for (std::uint64_t s : {std::uint64_t{0}, srcSign}) {
      for (std::uint64_t k : {std::uint64_t{0}, std::uint64_t{1}, srcMax, expOnes, expOnes | quiet, expOnes | 1,
                              expOnes | quiet | 1, expOnes | (quiet >> 1), expOnes | (quiet - 1),
                              expOnes | quiet | (quiet >> 1), expOnes | (2 * quiet - 1)})
        codes.insert(k | s);
    }
    return {codes.begin(), codes.end()};
  }

  // A random source input: mostly values in and just around the target's range,
  // often with short mantissas so that exact values and ties are frequent.
  std::uint64_t randomInput(Rng& rng) const {
    if (rng.chance(0.02)) {  // a NaN of either kind, random sign and payload
      const std::uint64_t expOnes = static_cast<std::uint64_t>((1 << src.expBits) - 1) << src.manBits;
      const std::uint64_t payload = rng.next() & (src.mantMask() >> 1);
      const std::uint64_t quiet = rng.chance(0.5) ? std::uint64_t{1} << (src.manBits - 1) : 0;
      const std::uint64_t sign = rng.chance(0.5) ? std::uint64_t{1} << (src.bits - 1) : 0;
      return sign | expOnes | quiet | (quiet == 0 && payload == 0 ? 1 : payload);
    }
    if (rng.chance(0.15)) return rng.next() & ((src.bits == 64) ? ~std::uint64_t{0} : (std::uint64_t{1} << src.bits) - 1);
    long lo = 0, hi = 0;
    if (dst.kind == fmasim::FormatKind::Integer) {
      lo = -dst.fracBits - 4;
      hi = dst.bits - dst.fracBits + 1;
    } else {
      lo = fmaref::refEmin(dst) - dst.manBits - 4;
      hi = dst.maxField - dst.bias + 3;
    }
    const int e = static_cast<int>(rng.range(lo, hi));
    const bool negative = rng.chance(0.5);
    if (src.bits == 64) {
      std::uint64_t mant = rng.next() >> 11 | (std::uint64_t{1} << 52);
      if (rng.chance(0.4)) mant &= ~((std::uint64_t{1} << rng.range(0, 52)) - 1);
      const double v = std::ldexp(static_cast<double>(mant), e - 52);
      return std::bit_cast<std::uint64_t>(negative ? -v : v);
    }
    std::uint32_t mant = static_cast<std::uint32_t>(rng.next() >> 40) | (1u << 23);
    if (rng.chance(0.4)) mant &= ~((1u << rng.range(0, 23)) - 1);
    const float v = std::ldexp(static_cast<float>(mant), e - 23);
    return std::bit_cast<std::uint32_t>(negative ? -v : v);
  }
};

std::vector<RoundingMode> convertSettings() {
  std::vector<RoundingMode> v = allSettings();
  v.push_back(RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, 8});
  v.push_back(RoundingMode{Rounding::Stochastic, Tininess::BeforeRounding, OverflowPolicy::Saturate, 5});
  return v;
}

TEST_P(Convert, MatchesReference) {
  Rng rng(std::hash<std::string>{}(src.name + "->" + dst.name));
  const std::vector<std::uint64_t> boundary = boundaryInputs(rng);
  Mismatches bad(src.name + " -> " + dst.name);
  FlagStats stats;
  const long randomPerSetting = scaled(1500);
  for (const RoundingMode& rm : convertSettings()) {
    const fmasim::ConvertOp op(src, dst, rm);
    auto one = [&](std::uint64_t code) {
      const std::uint32_t random = rm.mode == Rounding::Stochastic ? static_cast<std::uint32_t>(rng.next()) : 0;
      const Result want = fmaref::refConvert(src, code, dst, rm, random);
      stats.add(want);
      bad.same(op(code, random), want, [&] { return hex(code) + " " + describe(rm) + " random " + hex(random); });
    };
    for (std::uint64_t code : boundary) one(code);
    for (long i = 0; i < randomPerSetting; ++i) one(randomInput(rng));
  }
  RecordProperty("cases", static_cast<int>(bad.checked()));
  const bool isFloat = dst.kind == fmasim::FormatKind::Float;
  stats.expectAtLeast(0.0005, isFloat, isFloat, true);
}

const Pair kPairs[] = {
    {"fp64", "fp32"},         {"fp64", "tf32"},         {"fp64", "fp16"},     {"fp64", "bf16"},
    {"fp64", "fp8_e5m2"},     {"fp64", "fp8_e4m3"},     {"fp64", "fp8_e5m2fnuz"}, {"fp64", "fp8_e4m3fnuz"},
    {"fp64", "fp6_e3m2"},     {"fp64", "fp6_e2m3"},     {"fp64", "fp4_e2m1"}, {"fp64", "e8m0"},
    {"fp64", "int8"},         {"fp64", "int16"},        {"fp64", "int32"},    {"fp64", "uint8"},
    {"fp64", "int4"},         {"fp64", "mxint8"},       {"fp64", "q3.4"},     {"fp64", "q15.16"},
    {"fp32", "tf32"},         {"fp32", "fp16"},         {"fp32", "bf16"},     {"fp32", "fp8_e5m2"},
    {"fp32", "fp8_e4m3"},     {"fp32", "fp8_e5m2fnuz"}, {"fp32", "fp8_e4m3fnuz"}, {"fp32", "fp6_e3m2"},
    {"fp32", "fp6_e2m3"},     {"fp32", "fp4_e2m1"},     {"fp32", "e8m0"},     {"fp32", "int8"},
    {"fp32", "int16"},        {"fp32", "int32"},        {"fp32", "uint8"},    {"fp32", "int4"},
    {"fp32", "mxint8"},       {"fp32", "q3.4"},         {"fp32", "q15.16"},
    {"fp32", "e4m3_nosub"},   {"fp32", "e5m2_nosub"},   {"fp64", "fp16_nosub"}, {"fp32", "ue4m4"},
    {"fp64", "e8m29"},        {"fp64", "e9m40"},
};

INSTANTIATE_TEST_SUITE_P(Pairs, Convert, ::testing::ValuesIn(kPairs),
                         [](const ::testing::TestParamInfo<Pair>& p) {
                           std::string n = std::string(p.param.source) + "_to_" + p.param.target;
                           std::replace(n.begin(), n.end(), '.', '_');
                           return n;
                         });

}  // namespace
}  // namespace fmatest
