#include "Reference.hpp"

#include <algorithm>
#include <cstdio>

namespace fmaref {
namespace {

using fmasim::FormatKind;
using fmasim::NanStyle;
using fmasim::OverflowPolicy;
using fmasim::Rounding;
using fmasim::Tininess;
namespace flag = fmasim::flag;

thread_local std::uint64_t lastStochasticTop = 0;  // see refLastStochasticTop

std::uint64_t lowMask(int bits) { return bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1; }
std::uint64_t signMask(const Format& f) { return f.isSigned ? std::uint64_t{1} << (f.bits - 1) : 0; }
bool isInteger(const Format& f) { return f.kind == FormatKind::Integer; }
int allOnesField(const Format& f) { return (1 << f.expBits) - 1; }

// Integer range, from the width and signedness.
std::int64_t intHi(const Format& f) {
  return f.isSigned ? (std::int64_t{1} << (f.bits - 1)) - 1 : (std::int64_t{1} << f.bits) - 1;
}
std::int64_t intLo(const Format& f) {
  if (!f.isSigned) return 0;
  return -(std::int64_t{1} << (f.bits - 1)) + (f.symmetric ? 1 : 0);
}

// x86 "integer indefinite" under the IEEE policy; the nearest bound when saturating (NaN -> 0).
Result integerInvalid(const Format& f, bool negative, bool nan, const RoundingMode& rm) {
  if (rm.overflow == OverflowPolicy::Ieee) return {f.isSigned ? signMask(f) : lowMask(f.bits), flag::invalid};
  if (nan) return {0, flag::invalid};
  const std::int64_t bound = negative ? intLo(f) : intHi(f);
  return {static_cast<std::uint64_t>(bound) & lowMask(f.bits), flag::invalid};
}

// Rounds the non-negative exact number s to an integer n by the mode (the sign of the
// value being rounded is `negative`). Returns whether s was inexact.
bool roundUnits(mpfr_ptr n, mpfr_srcptr s, bool negative, const RoundingMode& rm, std::uint32_t random,
                bool record = false) {
  if (record) lastStochasticTop = 0;
  mpfr_floor(n, s);
  if (mpfr_equal_p(n, s)) return false;
  Big frac(mpfr_get_prec(s) + 2);
  mpfr_sub(frac.get(), s, n, MPFR_RNDN);  // exact: 0 < frac < 1
  const int vsHalf = mpfr_cmp_d(frac.get(), 0.5);
  bool up = false;
  switch (rm.mode) {
    case Rounding::NearestEven: {
      Big half(mpfr_get_prec(n));
      mpfr_div_2ui(half.get(), n, 1, MPFR_RNDN);
      const bool odd = !mpfr_integer_p(half.get());
      up = vsHalf > 0 || (vsHalf == 0 && odd);
      break;
    }
    case Rounding::NearestAway: up = vsHalf >= 0; break;
    case Rounding::TowardZero: up = false; break;
    case Rounding::Up: up = !negative; break;
    case Rounding::Down: up = negative; break;
    case Rounding::Stochastic: {
      // The top R discarded bits, as an integer t = floor(frac * 2^R); up iff t + r >= 2^R.
      const int r = rm.randomBits;
      Big t(mpfr_get_prec(frac.get()) + 2);
      mpfr_mul_2si(t.get(), frac.get(), r, MPFR_RNDN);
      mpfr_floor(t.get(), t.get());
      const std::uint64_t top = mpfr_get_ui(t.get(), MPFR_RNDN);
      if (record) lastStochasticTop = top;
      const std::uint64_t rnd = random & lowMask(r);
      up = top + rnd >= (std::uint64_t{1} << r);
      break;
    }
  }
  if (up) mpfr_add_ui(n, n, 1, MPFR_RNDN);
  return true;
}

// Rounds |x| at quantum 2^q: result magnitude in y. Returns inexact.
bool roundAtQuantum(mpfr_ptr y, mpfr_srcptr absx, long q, bool negative, const RoundingMode& rm,
                    std::uint32_t random, bool record = false) {
  Big s(mpfr_get_prec(absx));
  mpfr_mul_2si(s.get(), absx, -q, MPFR_RNDN);
  const bool inexact = roundUnits(y, s.get(), negative, rm, random, record);
  mpfr_mul_2si(y, y, q, MPFR_RNDN);
  return inexact;
}

bool roundsTowardZero(const RoundingMode& rm, bool negative) {
  return rm.mode == Rounding::TowardZero || (rm.mode == Rounding::Up && negative) ||
         (rm.mode == Rounding::Down && !negative);
}

// A NaN of format f with the given sign, quiet, with the payload of a common NaN.
std::uint64_t nanCodeOf(const Format& f, bool sign, std::uint64_t nanBits) {
  const std::uint64_t s = sign ? signMask(f) : 0;
  const int m = f.manBits;
  const std::uint64_t exponentOnes = static_cast<std::uint64_t>(allOnesField(f)) << m;
  switch (f.nan) {
    case NanStyle::Ieee: return s | exponentOnes | (std::uint64_t{1} << (m - 1)) | (nanBits >> (64 - m));
    case NanStyle::SingleAllOnes: return s | exponentOnes | lowMask(m);
    case NanStyle::Fnuz: return signMask(f);
    case NanStyle::None: return 0;
  }
  return 0;
}

Result overflowResult(const Format& f, bool negative, const RoundingMode& rm) {
  const std::uint8_t flags = flag::overflow | flag::inexact;
  if (rm.overflow == OverflowPolicy::Saturate || roundsTowardZero(rm, negative))
    return {refMaxFiniteCode(f, negative), flags};
  if (f.hasInf) return {(negative ? signMask(f) : 0) | (static_cast<std::uint64_t>(allOnesField(f)) << f.manBits), flags};
  if (f.nan != NanStyle::None) return {nanCodeOf(f, negative, 0), flags};
  return {refMaxFiniteCode(f, negative), flags};
}

Result roundInteger(const Format& f, mpfr_srcptr x, const RoundingMode& rm, std::uint32_t random) {
  const bool negative = mpfr_signbit(x) != 0;
  if (mpfr_zero_p(x)) return {0, 0};
  const mpfr_prec_t p = std::max<mpfr_prec_t>(mpfr_get_prec(x), 64) + 4;
  Big absx(p), n(p);
  mpfr_abs(absx.get(), x, MPFR_RNDN);
  Big s(p);
  mpfr_mul_2si(s.get(), absx.get(), f.fracBits, MPFR_RNDN);
  const bool inexact = roundUnits(n.get(), s.get(), negative, rm, random, true);
  if (negative) mpfr_neg(n.get(), n.get(), MPFR_RNDN);
  if (mpfr_cmp_si(n.get(), intHi(f)) > 0 || mpfr_cmp_si(n.get(), intLo(f)) < 0)
    return integerInvalid(f, negative, false, rm);
  const long v = mpfr_get_si(n.get(), MPFR_RNDN);
  return {static_cast<std::uint64_t>(v) & lowMask(f.bits), inexact ? flag::inexact : std::uint8_t{0}};
}

Result roundFloat(const Format& f, mpfr_srcptr x, const RoundingMode& rm, std::uint32_t random) {
  const bool negative = mpfr_signbit(x) != 0;
  if (mpfr_zero_p(x)) return refZero(f, negative);
  if (negative && !f.isSigned) return refDefaultNaN(f, rm);
  const int m = f.manBits;
  const int emin = refEmin(f);
  const mpfr_prec_t p = std::max<mpfr_prec_t>(mpfr_get_prec(x), 64) + 4;
  Big absx(p), y(p);
  mpfr_abs(absx.get(), x, MPFR_RNDN);
  const long e = mpfr_get_exp(absx.get()) - 1;  // 2^e <= |x| < 2^(e+1)
  long quantum = e - m;
  if (e < emin) quantum = f.hasSubnormals ? emin - m : emin;
  const bool inexact = roundAtQuantum(y.get(), absx.get(), quantum, negative, rm, random, true);
  std::uint8_t flags = inexact ? flag::inexact : 0;
  if (inexact) {
    bool tiny = e < emin;
    if (rm.tininess == Tininess::AfterRounding) {
      Big unbounded(p);
      roundAtQuantum(unbounded.get(), absx.get(), e - m, negative, rm, random);
      tiny = mpfr_cmp_si_2exp(unbounded.get(), 1, emin) < 0;
    }
    if (tiny) flags |= flag::underflow;
  }
  if (mpfr_zero_p(y.get())) {
    if (f.hasZero) return {refZero(f, negative).code, flags};
    mpfr_set_si_2exp(y.get(), 1, emin, MPFR_RNDN);  // no zero: the smallest value stands in
  }
  Big maxFinite(p);
  refMaxFinite(f, maxFinite.get());
  if (mpfr_cmp(y.get(), maxFinite.get()) > 0) return overflowResult(f, negative, rm);
  // Encode y.
  const long ey = mpfr_get_exp(y.get()) - 1;
  std::uint64_t field = 0, mant = 0;
  Big units(p);
  if (ey >= emin) {
    field = static_cast<std::uint64_t>(ey + f.bias);
    mpfr_mul_2si(units.get(), y.get(), -(ey - m), MPFR_RNDN);
    mant = mpfr_get_ui(units.get(), MPFR_RNDN) - (std::uint64_t{1} << m);
  } else {
    mpfr_mul_2si(units.get(), y.get(), -(emin - m), MPFR_RNDN);
    mant = mpfr_get_ui(units.get(), MPFR_RNDN);
  }
  return {(negative ? signMask(f) : 0) | (field << m) | mant, flags};
}

// SoftFloat 8086-SSE propagateNaN(a, b): invalid if either is signaling; a wins if it is a NaN.
const RefValue& pickNaN(const RefValue& a, const RefValue& b) { return a.isNaN() ? a : b; }

void product(const RefValue& a, const RefValue& b, Big& out) {
  const mpfr_prec_t p = mpfr_get_prec(a.value.get()) + mpfr_get_prec(b.value.get());
  mpfr_set_prec(out.get(), p);
  mpfr_mul(out.get(), a.value.get(), b.value.get(), MPFR_RNDN);  // exact
}

// Exact x + y into out, with the sign rule for exact zero sums.
void exactSum(mpfr_srcptr x, mpfr_srcptr y, bool roundingDown, Big& out) {
  if (mpfr_zero_p(x) && mpfr_zero_p(y)) {
    const bool sx = mpfr_signbit(x) != 0, sy = mpfr_signbit(y) != 0;
    mpfr_set_prec(out.get(), 2);
    mpfr_set_zero(out.get(), sx == sy ? (sx ? -1 : 1) : (roundingDown ? -1 : 1));
    return;
  }
  if (mpfr_zero_p(x) || mpfr_zero_p(y)) {
    mpfr_srcptr nz = mpfr_zero_p(x) ? y : x;
    mpfr_set_prec(out.get(), mpfr_get_prec(nz));
    mpfr_set(out.get(), nz, MPFR_RNDN);
    return;
  }
  const long topX = mpfr_get_exp(x), topY = mpfr_get_exp(y);
  const long lowX = topX - static_cast<long>(mpfr_min_prec(x)), lowY = topY - static_cast<long>(mpfr_min_prec(y));
  const long span = std::max(topX, topY) - std::min(lowX, lowY) + 2;
  mpfr_set_prec(out.get(), static_cast<mpfr_prec_t>(span));
  const int ternary = mpfr_add(out.get(), x, y, MPFR_RNDN);
  if (ternary != 0) std::fprintf(stderr, "fmaref: inexact exact sum\n");
  if (mpfr_zero_p(out.get())) mpfr_set_zero(out.get(), roundingDown ? -1 : 1);
}

}  // namespace

int refEmin(const Format& f) { return (f.hasZero ? 1 : 0) - f.bias; }

std::uint64_t refMaxFiniteCode(const Format& f, bool negative) {
  if (isInteger(f)) return static_cast<std::uint64_t>(negative ? intLo(f) : intHi(f)) & lowMask(f.bits);
  const int m = f.manBits, ones = allOnesField(f);
  std::uint64_t field = 0, mant = 0;
  switch (f.nan) {
    case NanStyle::Ieee:  // the all-ones exponent is inf/NaN
      field = static_cast<std::uint64_t>(ones - 1);
      mant = lowMask(m);
      break;
    case NanStyle::SingleAllOnes:  // only S.1..1.1..1 is NaN
      if (m == 0) {
        field = static_cast<std::uint64_t>(ones - 1);
      } else {
        field = static_cast<std::uint64_t>(ones);
        mant = lowMask(m) - 1;
      }
      break;
    case NanStyle::Fnuz:
    case NanStyle::None:
      field = static_cast<std::uint64_t>(ones);
      mant = lowMask(m);
      break;
  }
  return (negative ? signMask(f) : 0) | (field << m) | mant;
}

void refMaxFinite(const Format& f, mpfr_ptr out) {
  RefValue v;
  refDecode(f, refMaxFiniteCode(f, false), v);
  mpfr_set(out, v.value.get(), MPFR_RNDN);
}

void refDecode(const Format& f, std::uint64_t code, RefValue& out) {
  code &= lowMask(f.bits);
  out.nanBits = 0;
  mpfr_set_zero(out.value.get(), 1);
  if (isInteger(f)) {
    long v = static_cast<long>(code);
    if (f.isSigned && (code & signMask(f))) v -= static_cast<long>(std::uint64_t{1} << f.bits);
    out.sign = v < 0;
    out.cls = v == 0 ? Class::Zero : Class::Normal;
    mpfr_set_si(out.value.get(), v, MPFR_RNDN);
    mpfr_mul_2si(out.value.get(), out.value.get(), -f.fracBits, MPFR_RNDN);
    return;
  }
  const int m = f.manBits;
  out.sign = (code & signMask(f)) != 0;
  const int field = static_cast<int>((code >> m) & lowMask(f.expBits));
  const std::uint64_t mant = code & lowMask(m);
  switch (f.nan) {
    case NanStyle::Ieee:
      if (field == allOnesField(f)) {
        if (mant == 0) {
          out.cls = Class::Infinity;
        } else {
          out.cls = (mant >> (m - 1)) & 1 ? Class::QuietNaN : Class::SignalingNaN;
          out.nanBits = mant << (64 - m);
        }
        return;
      }
      break;
    case NanStyle::SingleAllOnes:
      if (field == allOnesField(f) && mant == lowMask(m)) {
        out.cls = Class::QuietNaN;
        return;
      }
      break;
    case NanStyle::Fnuz:
      if (code == signMask(f)) {
        out.cls = Class::QuietNaN;
        out.sign = false;  // the NaN stands where -0 would be; it has no sign of its own
        return;
      }
      break;
    case NanStyle::None: break;
  }
  if (f.hasZero && field == 0) {
    if (mant == 0 || !f.hasSubnormals) {
      out.cls = Class::Zero;
      mpfr_set_zero(out.value.get(), out.sign ? -1 : 1);
      return;
    }
    out.cls = Class::Subnormal;  // 0.m * 2^(1 - bias)
    mpfr_set_ui(out.value.get(), mant, MPFR_RNDN);
    mpfr_mul_2si(out.value.get(), out.value.get(), 1 - f.bias - m, MPFR_RNDN);
  } else {
    out.cls = Class::Normal;  // 1.m * 2^(field - bias)
    mpfr_set_ui(out.value.get(), (std::uint64_t{1} << m) | mant, MPFR_RNDN);
    mpfr_mul_2si(out.value.get(), out.value.get(), field - f.bias - m, MPFR_RNDN);
  }
  if (out.sign) mpfr_neg(out.value.get(), out.value.get(), MPFR_RNDN);
}

std::uint64_t refLastStochasticTop() { return lastStochasticTop; }

Result refRound(const Format& f, mpfr_srcptr x, const RoundingMode& rm, std::uint32_t random) {
  lastStochasticTop = 0;
  return isInteger(f) ? roundInteger(f, x, rm, random) : roundFloat(f, x, rm, random);
}

Result refZero(const Format& out, bool negative) {
  if (isInteger(out)) return {0, 0};
  if (!out.hasZero) return {nanCodeOf(out, true, 0), flag::invalid};
  const bool keepSign = negative && out.isSigned && out.nan != NanStyle::Fnuz;
  return {keepSign ? signMask(out) : 0, 0};
}

Result refNaNResult(const Format& out, bool sign, std::uint64_t nanBits, bool signalingInput,
                    const RoundingMode& rm) {
  if (isInteger(out)) return integerInvalid(out, sign, true, rm);
  std::uint8_t flags = signalingInput ? flag::invalid : 0;
  if (out.nan == NanStyle::None) flags |= flag::invalid;
  return {nanCodeOf(out, sign, nanBits), flags};
}

Result refDefaultNaN(const Format& out, const RoundingMode& rm) {
  if (isInteger(out)) return integerInvalid(out, true, true, rm);
  return {nanCodeOf(out, true, 0), flag::invalid};
}

Result refInfinity(const Format& out, bool negative, const RoundingMode& rm) {
  if (isInteger(out)) return integerInvalid(out, negative, false, rm);
  if (negative && !out.isSigned) return refDefaultNaN(out, rm);
  if (out.hasInf)
    return {(negative ? signMask(out) : 0) | (static_cast<std::uint64_t>(allOnesField(out)) << out.manBits), 0};
  if (rm.overflow == OverflowPolicy::Saturate || out.nan == NanStyle::None)
    return {refMaxFiniteCode(out, negative), flag::overflow | flag::inexact};
  return {nanCodeOf(out, negative, 0), flag::invalid};
}

Result refConvert(const Format& in, std::uint64_t a, const Format& out, const RoundingMode& rm,
                  std::uint32_t random) {
  lastStochasticTop = 0;
  RefValue va;
  refDecode(in, a, va);
  if (va.isNaN()) return refNaNResult(out, va.sign, va.nanBits, va.cls == Class::SignalingNaN, rm);
  if (va.isInf()) return refInfinity(out, va.sign, rm);
  return refRound(out, va.value.get(), rm, random);
}

// mul and add with a NaN operand: the first NaN, quieted; invalid if either signals.
static Result nanOfTwo(const RefValue& va, const RefValue& vb, const Format& out, const RoundingMode& rm) {
  const RefValue& n = pickNaN(va, vb);
  const bool signaling = va.cls == Class::SignalingNaN || vb.cls == Class::SignalingNaN;
  return refNaNResult(out, n.sign, n.nanBits, signaling, rm);
}

Result refMul(const Format& fa, std::uint64_t a, const Format& fb, std::uint64_t b, const Format& out,
              const RoundingMode& rm, std::uint32_t random) {
  lastStochasticTop = 0;
  RefValue va, vb;
  refDecode(fa, a, va);
  refDecode(fb, b, vb);
  if (va.isNaN() || vb.isNaN()) return nanOfTwo(va, vb, out, rm);
  const bool sign = va.sign != vb.sign;
  if ((va.isInf() && vb.isZero()) || (va.isZero() && vb.isInf())) return refDefaultNaN(out, rm);
  if (va.isInf() || vb.isInf()) return refInfinity(out, sign, rm);
  Big p;
  product(va, vb, p);
  return refRound(out, p.get(), rm, random);
}

Result refAdd(const Format& fa, std::uint64_t a, const Format& fb, std::uint64_t b, const Format& out,
              const RoundingMode& rm, std::uint32_t random) {
  lastStochasticTop = 0;
  RefValue va, vb;
  refDecode(fa, a, va);
  refDecode(fb, b, vb);
  if (va.isNaN() || vb.isNaN()) return nanOfTwo(va, vb, out, rm);
  if (va.isInf() && vb.isInf() && va.sign != vb.sign) return refDefaultNaN(out, rm);
  if (va.isInf()) return refInfinity(out, va.sign, rm);
  if (vb.isInf()) return refInfinity(out, vb.sign, rm);
  Big s;
  exactSum(va.value.get(), vb.value.get(), rm.mode == Rounding::Down, s);
  return refRound(out, s.get(), rm, random);
}

Result refFma(const Format& fa, std::uint64_t a, const Format& fb, std::uint64_t b, const Format& fc,
              std::uint64_t c, const Format& out, const RoundingMode& rm, std::uint32_t random) {
  lastStochasticTop = 0;
  RefValue va, vb, vc;
  refDecode(fa, a, va);
  refDecode(fb, b, vb);
  refDecode(fc, c, vc);
  const bool cSignaling = vc.cls == Class::SignalingNaN;
  // 1. a or b NaN: propagateNaN(a, b), then propagateNaN(that, c) only adds c's invalid.
  if (va.isNaN() || vb.isNaN()) {
    const RefValue& n = pickNaN(va, vb);
    const bool signaling = va.cls == Class::SignalingNaN || vb.cls == Class::SignalingNaN || cSignaling;
    Result r = refNaNResult(out, n.sign, n.nanBits, signaling, rm);
    return r;
  }
  // 2. inf * 0 is invalid whatever c is (x86: even a quiet NaN c).
  const bool productSign = va.sign != vb.sign;
  if ((va.isInf() && vb.isZero()) || (va.isZero() && vb.isInf())) return refDefaultNaN(out, rm);
  // 3. c NaN.
  if (vc.isNaN()) return refNaNResult(out, vc.sign, vc.nanBits, cSignaling, rm);
  // 4. Infinite product, infinite addend.
  if (va.isInf() || vb.isInf()) {
    if (vc.isInf() && vc.sign != productSign) return refDefaultNaN(out, rm);
    return refInfinity(out, productSign, rm);
  }
  if (vc.isInf()) return refInfinity(out, vc.sign, rm);
  // 5. Finite: exact a*b + c, rounded once.
  Big p, s;
  product(va, vb, p);
  exactSum(p.get(), vc.value.get(), rm.mode == Rounding::Down, s);
  return refRound(out, s.get(), rm, random);
}

std::string toString(mpfr_srcptr x) {
  char buf[128];
  mpfr_snprintf(buf, sizeof buf, "%.25Rg (%Ra)", x, x);
  return buf;
}

const char* modeName(Rounding r) {
  switch (r) {
    case Rounding::NearestEven: return "RNE";
    case Rounding::TowardZero: return "RTZ";
    case Rounding::Up: return "RUP";
    case Rounding::Down: return "RDN";
    case Rounding::NearestAway: return "RNA";
    case Rounding::Stochastic: return "SR";
  }
  return "?";
}

}  // namespace fmaref
