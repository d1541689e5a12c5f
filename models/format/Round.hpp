// encode(exact value, rounding, overflow policy) -> code + flags: the one place
// where fmasim rounds. Every operation builds an exact (or safely jammed)
// Unrounded value and calls roundToFormat once, so each result has a single rounding.
#pragma once

#include <cstdint>

#include "Format.hpp"
#include "Value.hpp"

namespace fmasim {

// Bits that rounding into `out` reads below a result's MSB: the precision (for
// integers, one more than the widest in-range value, as wider results are invalid
// however they round), then a guard bit or the stochastic random bits.
inline int roundingBits(const Format& out, const RoundingMode& rm) {
  const int precision = out.isFloat() ? out.manBits + 1 : out.bits + 1;
  return precision + (rm.mode == Rounding::Stochastic ? rm.randomBits : 1);
}

template <class Sig>
struct RoundedMagnitude {
  Sig q = 0;  // magnitude in units of 2^lsb
  bool inexact = false;
};

// The top `width` bits of the `shift` bits that sig loses when shifted right by `shift`.
template <class Sig>
inline std::uint64_t lostTopBits(Sig sig, int shift, int width) {
  const Sig mask = (Sig{1} << width) - 1;
  if (shift >= width)
    return shift - width >= kWindowBits<Sig> ? 0 : static_cast<std::uint64_t>((sig >> (shift - width)) & mask);
  const Sig lost = sig & ((Sig{1} << shift) - 1);
  return static_cast<std::uint64_t>(lost << (width - shift));
}

// Rounds |x| = sig * 2^exp to a multiple of 2^lsb. `random` is the stochastic
// rounding source: round up when the top randomBits lost bits plus random carry out.
// sig must be below half the window (2^63 or 2^127). The decisions are written as
// plain comparisons, not early returns, because on real data whether a result is
// exact or which way it rounds is a coin toss for the branch predictor.
template <class Sig>
[[gnu::always_inline]] inline RoundedMagnitude<Sig> roundAt(Sig sig, std::int32_t exp, std::int32_t lsb, bool negative,
                                     const RoundingMode& rm, std::uint32_t random) {
  if (lsb <= exp) return {static_cast<Sig>(sig << (exp - lsb)), false};
  const int shift = lsb - exp;
  Sig q = 0, lost = sig;
  Sig half = ~Sig{0};  // everything lost: half of 2^lsb is above every possible sig
  if (shift < kWindowBits<Sig>) {
    q = sig >> shift;
    lost = sig & ((Sig{1} << shift) - 1);
    half = Sig{1} << (shift - 1);
  }
  const bool inexact = lost != 0;
  // Above half, or half and q odd; tested before the switch as nearly every op uses it.
  if (rm.mode == Rounding::NearestEven) return {static_cast<Sig>(q + (lost + (q & 1) > half ? 1 : 0)), inexact};
  bool up = false;
  switch (rm.mode) {
    case Rounding::NearestEven: break;  // above
    case Rounding::NearestAway: up = lost >= half; break;
    case Rounding::TowardZero: up = false; break;
    case Rounding::Up: up = inexact && !negative; break;
    case Rounding::Down: up = inexact && negative; break;
    case Rounding::Stochastic: {
      const int r = rm.randomBits;
      const std::uint64_t sum = lostTopBits(sig, shift, r) + (random & ((std::uint64_t{1} << r) - 1));
      up = (sum >> r) != 0;
      break;
    }
  }
  return {static_cast<Sig>(q + (up ? 1 : 0)), inexact};
}

inline bool roundsTowardZero(const RoundingMode& rm, bool negative) {
  return rm.mode == Rounding::TowardZero || (rm.mode == Rounding::Up && negative) ||
         (rm.mode == Rounding::Down && !negative);
}

// The sign bit of a code of f if negative: a mask, not a branch, as signs are data.
inline std::uint64_t signField(const Format& f, bool negative) {
  return f.signBit() & (std::uint64_t{0} - static_cast<std::uint64_t>(negative));
}

inline std::uint64_t floatMaxFiniteCode(const Format& f, bool negative) {
  return (negative ? f.signBit() : 0) | (static_cast<std::uint64_t>(f.maxField) << f.manBits) | f.maxFiniteMant;
}

inline std::uint64_t floatInfinityCode(const Format& f, bool negative) {
  return (negative ? f.signBit() : 0) | (static_cast<std::uint64_t>(f.maxField + 1) << f.manBits);
}

// A NaN carrying `payload` (left-justified bits below the quiet bit) in format f.
// A format without NaN gets +0 for integers-style "no answer"; callers raise invalid.
inline std::uint64_t nanCode(const Format& f, bool negative, std::uint64_t payload) {
  if (!f.isFloat()) return 0;
  const std::uint64_t sign = negative ? f.signBit() : 0;
  switch (f.nan) {
    case NanStyle::Ieee: {
      const std::uint64_t quiet = std::uint64_t{1} << (f.manBits - 1);
      const std::uint64_t low = f.manBits > 1 ? payload >> (65 - f.manBits) : 0;
      return sign | (static_cast<std::uint64_t>(f.maxField + 1) << f.manBits) | quiet | low;
    }
    case NanStyle::SingleAllOnes: return sign | (f.codeMask() & ~f.signBit());
    case NanStyle::Fnuz: return f.signBit();
    case NanStyle::None: return 0;
  }
  return 0;
}

// The NaN an invalid operation produces (x86: negative, quiet, zero payload).
inline std::uint64_t defaultNaNCode(const Format& f) { return nanCode(f, true, 0); }

// Integer result outside the format's range (or NaN/inf): x86's "integer
// indefinite" under the IEEE policy, the nearest bound when saturating.
inline Result integerInvalid(const Format& f, bool negative, bool isNaN, const RoundingMode& rm) {
  if (rm.overflow == OverflowPolicy::Ieee)
    return {f.isSigned ? f.signBit() : f.codeMask(), flag::invalid};
  if (isNaN) return {0, flag::invalid};
  const std::int64_t bound = negative ? f.minInt : f.maxInt;
  return {static_cast<std::uint64_t>(bound) & f.codeMask(), flag::invalid};
}

inline Result floatOverflow(const Format& f, bool negative, const RoundingMode& rm) {
  const std::uint8_t flags = flag::overflow | flag::inexact;
  if (rm.overflow == OverflowPolicy::Saturate || roundsTowardZero(rm, negative) || !f.hasNaN())
    return {floatMaxFiniteCode(f, negative), flags};
  if (f.hasInf) return {floatInfinityCode(f, negative), flags};
  return {nanCode(f, negative, 0), flags};  // OCP E4M3 non-saturating: NaN stands in for infinity
}

template <class Sig>
inline Result roundToInteger(const Format& f, const UnroundedIn<Sig>& x, const RoundingMode& rm,
                             std::uint32_t random) {
  if (x.sig == 0) return {0, 0};
  const int top = x.exp + bitLength(x.sig);  // |x| < 2^top
  if (top + f.fracBits > 64) return integerInvalid(f, x.sign, false, rm);
  const RoundedMagnitude<Sig> r = roundAt(x.sig, x.exp, -f.fracBits, x.sign, rm, random);
  const u128 limit = x.sign ? static_cast<u128>(-f.minInt) : static_cast<u128>(f.maxInt);
  if (r.q > limit) return integerInvalid(f, x.sign, false, rm);
  const auto magnitude = static_cast<std::uint64_t>(r.q);
  const std::uint64_t code = (x.sign ? (~magnitude + 1) : magnitude) & f.codeMask();
  return {code, r.inexact ? flag::inexact : std::uint8_t{0}};
}

// The largest finite code's magnitude (the code without its sign bit). Codes of
// one sign order like their values, so a rounded magnitude above it overflowed.
inline std::uint64_t floatMaxFiniteMagnitude(const Format& f) {
  return (static_cast<std::uint64_t>(f.maxField) << f.manBits) | f.maxFiniteMant;
}

// |x| below 2^emin: rounds at the subnormal quantum (at 2^emin without subnormals)
// and decides underflow. Kept out of line so that the common path inlines into callers.
template <class Sig>
[[gnu::noinline]] Result roundTinyToFloat(const Format& f, const UnroundedIn<Sig>& x, int e, const RoundingMode& rm,
                               std::uint32_t random) {
  const int m = f.manBits;
  const RoundedMagnitude<Sig> r = roundAt(x.sig, x.exp, f.hasSubnormals ? f.emin - m : f.emin, x.sign, rm, random);
  std::uint8_t flags = 0;
  if (r.inexact) {
    bool tiny = true;
    if (rm.tininess == Tininess::AfterRounding && e == f.emin - 1) {
      // Tiny after rounding: the result rounded with an unbounded exponent is still below 2^emin.
      const RoundedMagnitude<Sig> unbounded = roundAt(x.sig, x.exp, e - m, x.sign, rm, random);
      tiny = (unbounded.q >> (m + 1)) == 0;
    }
    flags = tiny ? flag::inexact | flag::underflow : flag::inexact;
  }
  const std::uint64_t sign = signField(f, x.sign);
  if (r.q == 0) {
    if (f.hasZero) return {x.sign && f.nan != NanStyle::Fnuz ? f.signBit() : 0, flags};
    return {sign | (static_cast<std::uint64_t>(f.minNormalField) << m), flags};  // no zero (E8M0): 2^emin stands in
  }
  // With subnormals q (at most 2^m) is the magnitude itself, 2^m being the smallest
  // normal; without them q is 1 and stands for 2^emin.
  const auto magnitude = f.hasSubnormals ? static_cast<std::uint64_t>(r.q) : static_cast<std::uint64_t>(f.minNormalField) << m;
  return {sign | magnitude, flags};
}

template <class Sig>
inline Result roundToFloat(const Format& f, const UnroundedIn<Sig>& x, const RoundingMode& rm, std::uint32_t random) {
  if (!f.isSigned && x.sign && x.sig != 0) return {defaultNaNCode(f), flag::invalid};
  if (x.sig == 0) {
    if (!f.hasZero) return {defaultNaNCode(f), flag::invalid};
    return {x.sign && f.nan != NanStyle::Fnuz ? f.signBit() : 0, 0};
  }
  const int m = f.manBits;
  const int e = x.exp + bitLength(x.sig) - 1;  // 2^e <= |x| < 2^(e+1)
  if (e < f.emin) return roundTinyToFloat(f, x, e, rm, random);
  const std::uint8_t overflowFlags = flag::overflow | flag::inexact;
  if (e > f.emax) return {floatOverflow(f, x.sign, rm).code, overflowFlags};
  const RoundedMagnitude<Sig> r = roundAt(x.sig, x.exp, e - m, x.sign, rm, random);
  // q is in [2^m, 2^(m+1)]: added onto the field below e's, its leading one completes
  // the field and a round-up to 2^(m+1) carries into the next field, as in hardware.
  // (Unsigned wrap-around: a format without zero has emin's field 0.)
  const std::uint64_t magnitude =
      (static_cast<std::uint64_t>(e + f.bias - 1) << m) + static_cast<std::uint64_t>(r.q);
  if (magnitude > floatMaxFiniteMagnitude(f)) return {floatOverflow(f, x.sign, rm).code, overflowFlags};
  // x.sign is false for unsigned formats here (negative results were invalid above).
  const std::uint64_t sign = static_cast<std::uint64_t>(x.sign) << (f.bits - 1);
  return {sign | magnitude, r.inexact ? flag::inexact : std::uint8_t{0}};
}

// Rounds an exact (or jammed) value into format f: the encode half of the core.
template <class Sig>
inline Result roundToFormat(const Format& f, const UnroundedIn<Sig>& x, const RoundingMode& rm,
                            std::uint32_t random = 0) {
  return f.isFloat() ? roundToFloat(f, x, rm, random) : roundToInteger(f, x, rm, random);
}

}  // namespace fmasim
