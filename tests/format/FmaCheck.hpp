// Random fma operands for the format tests (OperandMaker: cancellation, ties,
// subnormal and overflowing results made frequent, specials mixed in) and the
// fma-against-reference check the window-edge and binary64-path tests share.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "TestSupport.hpp"
#include "format/Arith.hpp"

namespace fmatest {

inline std::uint64_t mask(const Format& f) { return f.bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << f.bits) - 1; }

// A float code with the given sign, unbiased exponent and random significand;
// exponents below the normal range give subnormals (or zero), above it max finite.
inline std::uint64_t makeFloat(const Format& f, Rng& rng, bool negative, long e) {
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
inline std::vector<std::uint64_t> specials(const Format& f) {
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

inline std::vector<RoundingMode> arithSettings() {
  std::vector<RoundingMode> v = allSettings();
  v.push_back(RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, 8});
  v.push_back(RoundingMode{Rounding::Stochastic, Tininess::BeforeRounding, OverflowPolicy::Ieee, 3});
  v.push_back(RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Saturate, 16});
  return v;
}

// a * b + c from fa, fb, fc into out against the reference under each setting in
// turn, operands from gen (a share of them directed at a jamming alignment,
// OperandMaker::nextDirected), half of the stochastic cases at the rounding threshold.
inline FlagStats expectFmaMatchesReference(const std::string& what, const Format& fa, const Format& fb,
                                           const Format& fc, const Format& out,
                                           const std::vector<RoundingMode>& settings, OperandMaker& gen, long count,
                                           double directedShare) {
  std::vector<fmasim::FmaOp> ops;
  for (const auto& rm : settings) ops.emplace_back(fa, fb, fc, out, rm);
  Mismatches bad(what);
  FlagStats stats;
  for (long i = 0; i < count; ++i) {
    const std::size_t s = static_cast<std::size_t>(i) % settings.size();
    const Operands o = directedShare > 0 && gen.rng().chance(directedShare) ? gen.nextDirected() : gen.next();
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
  return stats;
}

// The same at an edge of the arithmetic (window, binary64 path): every deterministic
// setting and stochastic rounding with randomBits, randomBits + 1 and 1 random bits;
// 30 % directed operands.
inline FlagStats expectFmaMatchesReferenceAtEdge(const Format& fa, const Format& fb, const Format& fc,
                                                 const Format& out, int randomBits) {
  const std::string what = fa.name + " x " + fb.name + " + " + fc.name + " -> " + out.name;
  std::vector<RoundingMode> settings = allSettings();
  for (int bits : {randomBits, randomBits + 1, 1})
    settings.push_back(RoundingMode{Rounding::Stochastic, Tininess::AfterRounding, OverflowPolicy::Ieee, bits});
  OperandMaker gen(fa, fb, fc, std::hash<std::string>{}(what));
  if (out.kind == fmasim::FormatKind::Integer) gen.aimAtInteger(out);
  return expectFmaMatchesReference(what, fa, fb, fc, out, settings, gen, scaled(40000), 0.3);
}

}  // namespace fmatest
