#include "ReferenceDatapath.hpp"

#include <cassert>
#include <stdexcept>

namespace dpref {

using fmaref::Class;
using fmaref::RefValue;
using fmasim::AddendPath;
using fmasim::DatapathKind;
using fmasim::NanStyle;
using fmasim::OverflowPolicy;
using fmasim::Rounding;
using fmasim::TermRounding;
using fmasim::Tininess;
namespace flag = fmasim::flag;

namespace {

bool isFinite(const RefValue& v) { return v.isFinite(); }

// The rounding of |x| at the quantum 2^q: n = the rounded multiple of 2^q.
bool roundAtQuantum(mpfr_srcptr magnitude, long q, const RoundingMode& rm, bool negative, std::uint32_t random,
                    mpfr_ptr n) {
  Big t(kExactPrec), f(kExactPrec);
  mpfr_mul_2si(t.get(), magnitude, -q, MPFR_RNDN);  // exact: a power-of-two scaling
  mpfr_floor(n, t.get());
  mpfr_sub(f.get(), t.get(), n, MPFR_RNDN);  // exact fraction in [0, 1)
  const bool inexact = !mpfr_zero_p(f.get());
  const int vsHalf = mpfr_cmp_d(f.get(), 0.5);
  Big halfN(kExactPrec);
  mpfr_div_2ui(halfN.get(), n, 1, MPFR_RNDN);
  const bool odd = mpfr_integer_p(halfN.get()) == 0;
  bool up = false;
  switch (rm.mode) {
    case Rounding::NearestEven: up = vsHalf > 0 || (vsHalf == 0 && odd); break;
    case Rounding::NearestAway: up = vsHalf >= 0; break;
    case Rounding::TowardZero: up = false; break;
    case Rounding::Up: up = inexact && !negative; break;
    case Rounding::Down: up = inexact && negative; break;
    case Rounding::Stochastic: {
      Big g(kExactPrec);
      mpfr_mul_2si(g.get(), f.get(), rm.randomBits, MPFR_RNDN);
      mpfr_floor(g.get(), g.get());
      const std::uint64_t top = mpfr_get_uj(g.get(), MPFR_RNDN);
      const std::uint64_t mask = (std::uint64_t{1} << rm.randomBits) - 1;
      up = top + (random & mask) > mask;
      break;
    }
  }
  if (up) mpfr_add_ui(n, n, 1, MPFR_RNDN);
  return inexact;
}

int allOnesField(const Format& f) { return (1 << f.expBits) - 1; }

// Emax of an IEEE-style format (the field below the all-ones one).
long ieeeEmax(const Format& f) { return allOnesField(f) - 1 - f.bias; }

std::uint64_t encodeFinite(const Format& acc, int P, bool negative, mpfr_srcptr v /* non-negative multiple */) {
  const std::uint64_t sign = negative ? std::uint64_t{1} << (acc.bits - 1) : 0;
  if (mpfr_zero_p(v)) return sign;
  const long emin = fmaref::refEmin(acc);
  const long e = mpfr_get_exp(v) - 1;
  Big t(kExactPrec);
  std::uint64_t field = 0, mant = 0;
  if (e >= emin) {
    mpfr_mul_2si(t.get(), v, -(e - P), MPFR_RNDN);
    mant = mpfr_get_uj(t.get(), MPFR_RNDN) - (std::uint64_t{1} << P);
    field = static_cast<std::uint64_t>(e + acc.bias);
  } else {
    mpfr_mul_2si(t.get(), v, -(emin - P), MPFR_RNDN);
    mant = mpfr_get_uj(t.get(), MPFR_RNDN);
  }
  return sign | (field << acc.manBits) | (mant << (acc.manBits - P));
}

void productOf(const RefValue& a, const RefValue& b, long alignA, long alignB, RefTerm& t) {
  t.sign = a.sign != b.sign;
  t.isZero = a.isZero() || b.isZero();
  mpfr_mul(t.value.get(), a.value.get(), b.value.get(), MPFR_RNDN);  // exact at kExactPrec
  if (t.isZero) mpfr_set_zero(t.value.get(), t.sign ? -1 : 1);
  t.alignExp = alignA + alignB;
}

void termOf(const Format& f, const RefValue& v, RefTerm& t) {
  t.sign = v.sign;
  t.isZero = v.isZero();
  mpfr_set(t.value.get(), v.value.get(), MPFR_RNDN);
  if (t.isZero) mpfr_set_zero(t.value.get(), t.sign ? -1 : 1);
  t.alignExp = t.isZero ? 0 : alignExponent(f, v);
}

// The special path of docs/DATAPATH.md over operand pairs (a_i, b_i) and the accumulator c.
bool specialPath(const std::vector<const RefValue*>& a, const std::vector<const RefValue*>& b, const RefValue& c,
                 const Format& out, const RoundingMode& rm, Result& r) {
  bool any = !isFinite(c);
  bool signaling = c.cls == Class::SignalingNaN;
  for (std::size_t i = 0; i < a.size(); ++i) {
    any |= !isFinite(*a[i]) || !isFinite(*b[i]);
    signaling |= a[i]->cls == Class::SignalingNaN || b[i]->cls == Class::SignalingNaN;
  }
  if (!any) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (const RefValue* v : {a[i], b[i]})
      if (v->isNaN()) {
        r = fmaref::refNaNResult(out, v->sign, v->nanBits, signaling, rm);
        return true;
      }
  bool pos = false, neg = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool inf = a[i]->isInf() || b[i]->isInf();
    if (inf && (a[i]->isZero() || b[i]->isZero())) {
      r = fmaref::refDefaultNaN(out, rm);
      return true;
    }
    if (inf) (a[i]->sign != b[i]->sign ? neg : pos) = true;
  }
  if (c.isNaN()) {
    r = fmaref::refNaNResult(out, c.sign, c.nanBits, signaling, rm);
    return true;
  }
  if (c.isInf()) (c.sign ? neg : pos) = true;
  if (pos && neg) {
    r = fmaref::refDefaultNaN(out, rm);
    return true;
  }
  r = fmaref::refInfinity(out, neg, rm);
  return true;
}

void oneValue(RefValue& one) {
  one.cls = Class::Normal;
  one.sign = false;
  mpfr_set_ui(one.value.get(), 1, MPFR_RNDN);
}

Result finishRounding(const DatapathParams& p, const Unrounded& u, std::uint32_t random) {
  const Format& acc = p.accumulator;
  if (u.isZero) return {u.zeroSign ? std::uint64_t{1} << (acc.bits - 1) : 0, u.cutFlags};
  Result r = roundToAccumulator(acc, outputFractionBits(p), u.value.get(), p.outputRounding, random,
                                p.overflowToInfinity);
  r.flags |= u.cutFlags;
  return r;
}

// The canonical NaN rule, applied to a special-path result: written from the rule's
// text (sign 0, exponent and mantissa fields all ones).
Result nanRule(const DatapathParams& p, Result r) {
  const Format& acc = p.accumulator;
  const std::uint64_t expMask = ((std::uint64_t{1} << acc.expBits) - 1) << acc.manBits;
  const std::uint64_t manMask = (std::uint64_t{1} << acc.manBits) - 1;
  const bool isNaN = (r.code & expMask) == expMask && (r.code & manMask) != 0;
  if (p.nanResult == fmasim::NanResult::Canonical && isNaN) r.code = expMask | manMask;
  return r;
}

}  // namespace

int outputFractionBits(const DatapathParams& p) { return p.outputFractionBits.value_or(p.accumulator.manBits); }

long alignExponent(const Format& f, const RefValue& v) {
  if (!f.isFloat()) return f.bits - 1 - f.fracBits;
  if (v.cls == Class::Subnormal) return fmaref::refEmin(f);
  return static_cast<long>(mpfr_get_exp(v.value.get())) - 1;
}

Result roundToAccumulator(const Format& acc, int P, mpfr_srcptr x, const RoundingMode& rm, std::uint32_t random,
                          bool overflowToInfinity) {
  if (!(acc.isFloat() && acc.nan == NanStyle::Ieee && acc.hasInf && acc.hasSubnormals))
    throw std::invalid_argument("reference: IEEE-style accumulator formats only");
  const bool negative = mpfr_signbit(x) != 0;
  Big a(kExactPrec), n(kExactPrec), v(kExactPrec), maxFinite(kExactPrec);
  mpfr_abs(a.get(), x, MPFR_RNDN);
  const long e = static_cast<long>(mpfr_get_exp(a.get())) - 1;  // 2^e <= |x| < 2^(e+1)
  const long emin = fmaref::refEmin(acc), emax = ieeeEmax(acc);
  const long q = (e > emin ? e : emin) - P;
  const bool inexact = roundAtQuantum(a.get(), q, rm, negative, random, n.get());
  mpfr_mul_2si(v.get(), n.get(), q, MPFR_RNDN);
  // Max finite with P fraction bits: (2^(P+1) - 1) * 2^(emax - P).
  mpfr_set_ui(maxFinite.get(), 1, MPFR_RNDN);
  mpfr_mul_2si(maxFinite.get(), maxFinite.get(), P + 1, MPFR_RNDN);
  mpfr_sub_ui(maxFinite.get(), maxFinite.get(), 1, MPFR_RNDN);
  mpfr_mul_2si(maxFinite.get(), maxFinite.get(), emax - P, MPFR_RNDN);
  if (mpfr_cmp(v.get(), maxFinite.get()) > 0) {
    const bool towardZero = rm.mode == Rounding::TowardZero || (rm.mode == Rounding::Up && negative) ||
                            (rm.mode == Rounding::Down && !negative);
    const std::uint64_t sign = negative ? std::uint64_t{1} << (acc.bits - 1) : 0;
    std::uint64_t code = sign | (static_cast<std::uint64_t>(allOnesField(acc)) << acc.manBits);  // infinity
    if (!overflowToInfinity && (rm.overflow == OverflowPolicy::Saturate || towardZero))
      code = encodeFinite(acc, P, negative, maxFinite.get());
    return {code, static_cast<std::uint8_t>(flag::overflow | flag::inexact)};
  }
  std::uint8_t flags = inexact ? flag::inexact : 0;
  if (inexact) {
    bool tiny = false;
    if (rm.tininess == Tininess::BeforeRounding) {
      tiny = e < emin;
    } else {
      Big n2(kExactPrec), v2(kExactPrec);
      roundAtQuantum(a.get(), e - P, rm, negative, random, n2.get());
      mpfr_mul_2si(v2.get(), n2.get(), e - P, MPFR_RNDN);
      tiny = mpfr_cmp_ui_2exp(v2.get(), 1, emin) < 0;
    }
    if (tiny) flags |= flag::underflow;
  }
  return {encodeFinite(acc, P, negative, v.get()), flags};
}

void neighbours(const Format& acc, int P, mpfr_srcptr x, std::uint64_t& towardZero, std::uint64_t& awayFromZero) {
  RoundingMode rz, ra;
  rz.mode = Rounding::TowardZero;
  ra.mode = mpfr_signbit(x) ? Rounding::Down : Rounding::Up;
  towardZero = roundToAccumulator(acc, P, x, rz, 0).code;
  awayFromZero = roundToAccumulator(acc, P, x, ra, 0).code;
}

void alignAndSum(const DatapathParams& p, std::span<const RefTerm> products, const RefTerm& c, Unrounded& out) {
  out.cutFlags = 0;
  mpfr_set_zero(out.value.get(), 1);
  const bool window = p.alignFractionBits.has_value();
  const bool fused = window && p.addend == AddendPath::Fused;
  std::vector<const RefTerm*> cutTerms;
  for (const RefTerm& t : products) cutTerms.push_back(&t);
  if (fused) cutTerms.push_back(&c);
  if (window) {
    bool haveR = false;
    long R = 0;
    for (const RefTerm* t : cutTerms)
      if (!t->isZero && (!haveR || t->alignExp > R)) {
        R = t->alignExp;
        haveR = true;
      }
    // zero_addend_exponent: a zero c still joins the reference, at that exponent.
    if (fused && c.isZero && p.zeroAddendExponent && (!haveR || *p.zeroAddendExponent > R)) {
      R = *p.zeroAddendExponent;
      haveR = true;
    }
    Big scaled(kExactPrec), kept(kExactPrec);
    for (const RefTerm* t : cutTerms) {
      if (t->isZero) continue;
      const long lsb = R - *p.alignFractionBits;
      mpfr_mul_2si(scaled.get(), t->value.get(), -lsb, MPFR_RNDN);
      if (p.termRounding == TermRounding::NearestEven)
        mpfr_rint(kept.get(), scaled.get(), MPFR_RNDN);  // ties to even
      else
        mpfr_trunc(kept.get(), scaled.get());
      if (!mpfr_equal_p(kept.get(), scaled.get())) out.cutFlags |= flag::inexact;
      mpfr_mul_2si(kept.get(), kept.get(), lsb, MPFR_RNDN);
      if (mpfr_add(out.value.get(), out.value.get(), kept.get(), MPFR_RNDN) != 0)
        throw std::logic_error("reference: inexact sum");
    }
  } else {
    for (const RefTerm& t : products)
      if (mpfr_add(out.value.get(), out.value.get(), t.value.get(), MPFR_RNDN) != 0)
        throw std::logic_error("reference: inexact sum");
  }
  if (!fused && mpfr_add(out.value.get(), out.value.get(), c.value.get(), MPFR_RNDN) != 0)
    throw std::logic_error("reference: inexact sum");
  out.isZero = mpfr_zero_p(out.value.get()) != 0;
  out.anyNonZeroTerm = !c.isZero;
  for (const RefTerm& t : products) out.anyNonZeroTerm |= !t.isZero;
  if (out.isZero) {
    // Every term a zero of one sign keeps that sign; else +0 (-0 rounding down).
    bool allZero = c.isZero, sameSign = true;
    for (const RefTerm& t : products) {
      allZero &= t.isZero;
      sameSign &= t.sign == c.sign;
    }
    out.zeroSign = allZero && sameSign ? c.sign : p.outputRounding.mode == Rounding::Down;
  }
}

Result floatStep(const DatapathParams& p, std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                 std::uint64_t c, std::uint32_t random, Unrounded* exact) {
  const std::size_t lanes = a.size();
  const Format& acc = p.accumulator;
  std::vector<RefValue> va(lanes), vb(lanes);
  RefValue vc, one;
  oneValue(one);
  for (std::size_t i = 0; i < lanes; ++i) {
    fmaref::refDecode(p.a, a[i], va[i]);
    fmaref::refDecode(p.b, b[i], vb[i]);
  }
  fmaref::refDecode(acc, c, vc);
  std::vector<const RefValue*> pa, pb;
  std::vector<RefTerm> products(lanes);
  std::uint8_t flags = 0;
  if (p.kind == DatapathKind::Cma) {
    // Each product rounded into the product format first (the core's mul reference).
    std::vector<RefValue> rounded(lanes);
    for (std::size_t i = 0; i < lanes; ++i) {
      const Result r = fmaref::refMul(p.a, a[i], p.b, b[i], *p.productFormat, p.productRounding);
      flags |= r.flags;
      fmaref::refDecode(*p.productFormat, r.code, rounded[i]);
    }
    for (std::size_t i = 0; i < lanes; ++i) {
      pa.push_back(&rounded[i]);
      pb.push_back(&one);
    }
    Result r;
    if (specialPath(pa, pb, vc, acc, p.outputRounding, r))
      return nanRule(p, {r.code, static_cast<std::uint8_t>(r.flags | flags)});
    for (std::size_t i = 0; i < lanes; ++i) termOf(*p.productFormat, rounded[i], products[i]);
  } else {
    for (std::size_t i = 0; i < lanes; ++i) {
      pa.push_back(&va[i]);
      pb.push_back(&vb[i]);
    }
    Result r;
    if (specialPath(pa, pb, vc, acc, p.outputRounding, r)) return nanRule(p, r);
    for (std::size_t i = 0; i < lanes; ++i) {
      const long ea = va[i].isZero() ? 0 : alignExponent(p.a, va[i]);
      const long eb = vb[i].isZero() ? 0 : alignExponent(p.b, vb[i]);
      productOf(va[i], vb[i], ea, eb, products[i]);
    }
  }
  RefTerm cTerm;
  termOf(acc, vc, cTerm);
  Unrounded local;
  Unrounded& u = exact != nullptr ? *exact : local;
  alignAndSum(p, products, cTerm, u);
  Result r = finishRounding(p, u, random);
  r.flags |= flags;
  return r;
}

Result floatReduce(const DatapathParams& p, std::uint64_t p0, std::uint64_t pj, std::uint32_t random) {
  const Format& acc = p.accumulator;
  RefValue v0, vj, one;
  oneValue(one);
  fmaref::refDecode(acc, p0, v0);
  fmaref::refDecode(acc, pj, vj);
  Result r;
  if (specialPath({&vj}, {&one}, v0, acc, p.outputRounding, r)) return nanRule(p, r);
  RefTerm t[1], c;
  termOf(acc, vj, t[0]);
  termOf(acc, v0, c);
  Unrounded u;
  alignAndSum(p, t, c, u);
  return finishRounding(p, u, random);
}

namespace {

i128 mpfrToI128(mpfr_srcptr integer) {
  Big hi(kExactPrec), lo(kExactPrec);
  mpfr_div_2ui(hi.get(), integer, 64, MPFR_RNDN);
  mpfr_floor(hi.get(), hi.get());
  mpfr_mul_2ui(lo.get(), hi.get(), 64, MPFR_RNDN);
  mpfr_sub(lo.get(), integer, lo.get(), MPFR_RNDN);
  const std::int64_t h = mpfr_get_sj(hi.get(), MPFR_RNDN);
  const std::uint64_t l = mpfr_get_uj(lo.get(), MPFR_RNDN);
  return static_cast<i128>(h) * (static_cast<i128>(1) << 64) + static_cast<i128>(l);
}

}  // namespace

i128 fixedTerm(const DatapathParams& p, int fracBits, const Format& fa, std::uint64_t a, const Format& fb,
               std::uint64_t b, bool& cut, bool& invalid) {
  RefValue va, vb;
  fmaref::refDecode(fa, a, va);
  fmaref::refDecode(fb, b, vb);
  cut = false;
  invalid = false;
  if (!va.isFinite() || !vb.isFinite()) {
    invalid = true;
    return 0;
  }
  Big prod(kExactPrec), kept(kExactPrec);
  mpfr_mul(prod.get(), va.value.get(), vb.value.get(), MPFR_RNDN);
  mpfr_mul_2si(prod.get(), prod.get(), fracBits, MPFR_RNDN);
  if (p.termRounding == TermRounding::NearestEven)
    mpfr_rint(kept.get(), prod.get(), MPFR_RNDN);
  else
    mpfr_trunc(kept.get(), prod.get());
  cut = !mpfr_equal_p(kept.get(), prod.get());
  return mpfrToI128(kept.get());
}

i128 fixedReduce(i128 v, int width, bool saturate, bool& overflow) {
  const i128 one = 1;
  const i128 max = (one << (width - 1)) - 1, min = -(one << (width - 1));
  if (v >= min && v <= max) return v;
  overflow = true;
  if (saturate) return v > max ? max : min;
  // v mod 2^width in [min, max]
  const i128 modulus = one << width;
  i128 r = v % modulus;
  if (r > max) r -= modulus;
  if (r < min) r += modulus;
  return r;
}

void fixedToMpfr(i128 v, int fracBits, mpfr_ptr out) {
  Big lo(kExactPrec);
  const auto h = static_cast<std::int64_t>(v >> 64);
  const auto l = static_cast<std::uint64_t>(v);
  mpfr_set_sj(out, h, MPFR_RNDN);
  mpfr_mul_2ui(out, out, 64, MPFR_RNDN);
  mpfr_set_uj(lo.get(), l, MPFR_RNDN);
  mpfr_add(out, out, lo.get(), MPFR_RNDN);
  mpfr_mul_2si(out, out, -fracBits, MPFR_RNDN);
}

}  // namespace dpref
