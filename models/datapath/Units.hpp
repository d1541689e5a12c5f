// The five datapath units as pure functions over the widths of a DatapathSpec:
// multiplier, aligner, adder, normalizer/rounder, accumulator. The functional engine
// calls them in a loop; the SystemC modules wrap the same functions with registers.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>

#include "DatapathSpec.hpp"
#include "format/Arith.hpp"

namespace fmasim {

__extension__ using i128 = __int128;  // GCC/Clang built-in; __extension__ keeps -Wpedantic quiet

// A product or an addend as the aligner receives it: (-1)^sign * sig * 2^lsbExp, with
// alignExp the exponent of its unnormalized significand (a product's is in [1, 4)).
struct Term {
  ValueClass cls = ValueClass::Zero;  // a cma product can round to infinity or NaN
  bool sign = false;
  std::int32_t alignExp = 0;
  std::int32_t lsbExp = 0;
  u128 sig = 0;  // 0: the term is zero
  std::uint64_t nanPayload = 0;  // a NaN cma product's payload (Decoded::nanPayload)
};

// Multiplier: the exact product of two finite operands, with the operands' block
// scale exponents (OCP MX) added to its exponent. A cma datapath rounds the product
// into its product format here and raises that rounding's flags.
Term multiply(const DatapathSpec& spec, const Decoded& a, const Decoded& b, std::int32_t scaleExp,
              std::uint8_t& flags);

// The addend (the accumulator's value) as a term, and a term as a value again.
Term addendTerm(const Format& f, const Decoded& c);
Decoded termValue(const Term& t);

// The result of a step with an infinite or NaN operand: sum of a[i] * b[i] plus c,
// by SoftFloat's 8086-SSE rules generalized to several products (for one product,
// exactly the core's fma): the first NaN among a0, b0, a1, b1, ... (invalid if any
// operand signals); else inf * 0 is invalid; else a NaN c; else infinities of both
// signs are invalid, and one sign gives that infinity.
Result specialSum(std::span<const Decoded> a, std::span<const Decoded> b, const Decoded& c, const Format& out,
                  const RoundingMode& rm);

// specialSum into the accumulator format with the datapath's NaN rule: a canonical
// NaN result is positive with every mantissa bit set (NVIDIA: 0x7FFFFFFF, 0x7FFF).
Result specialStep(const DatapathSpec& spec, std::span<const Decoded> a, std::span<const Decoded> b,
                   const Decoded& c);
inline std::uint64_t canonicalNaNCode(const Format& f) { return f.codeMask() & ~f.signBit(); }
// A result of format f with the NaN rule applied.
inline Result withNanRule(NanResult rule, const Format& f, Result r) {
  if (rule == NanResult::Canonical && decode(f, r.code).isNaN()) r.code = canonicalNaNCode(f);
  return r;
}

// Aligner: the reference exponent of one step (the largest alignExp among non-zero
// terms; the lowest int32 when all are zero), the weight of the lowest kept bit for
// that reference, and one term cut to that weight as a two's complement integer.
inline constexpr std::int32_t kNoReference = std::numeric_limits<std::int32_t>::min();
std::int32_t alignmentReference(std::span<const Term> terms);
std::int32_t alignedLsb(const DatapathSpec& spec, std::int32_t reference);
// The lowest kept weight for one step's terms: alignedLsb of their reference, or with
// exact alignment the lowest bit any non-zero term has (nothing is cut).
std::int32_t stepLsb(const DatapathSpec& spec, std::span<const Term> terms);
// stepLsb of a fused step, whose last term is the addend: a zero addend takes part
// in the reference with params.zeroAddendExponent when that is set.
std::int32_t fusedStepLsb(const DatapathSpec& spec, std::span<const Term> terms);
// The sign a zero sum takes: that of its terms when all are zeros of one sign, else
// +0 (-0 when rounding down), as IEEE 754 sums.
bool zeroSumSign(std::span<const Term> terms, bool roundingDown);
inline bool nonFinite(const Decoded& d) { return d.cls == ValueClass::Infinity || d.cls == ValueClass::NaN; }
// Bits cut below lsb raise inexact.
i128 alignTerm(const DatapathSpec& spec, const Term& t, std::int32_t lsb, std::uint8_t& flags);

// Adder: the exact sum of the aligned terms.
i128 addTerms(std::span<const i128> aligned);

// Normalizer/rounder (float accumulators): the adder's sum (weight 2^lsb), plus a
// separate addend when the config adds it after the tree, rounded once into the
// accumulator format with the configured output precision.
Result normalizeRound(const DatapathSpec& spec, i128 sum, std::int32_t lsb, bool zeroSign, const Term* separateAddend,
                      std::uint32_t random);

// Rounds an exact or jammed value as the normalizer does, for the exact paths.
Result roundOutput(const DatapathSpec& spec, const Unrounded& value, std::uint32_t random);

// Accumulator (integer and fixed point): adds the step's sum (weight 2^lsb, which
// must equal the accumulator's) with wrap-around or saturation at accumulatorBits.
i128 accumulateFixed(const DatapathSpec& spec, i128 acc, i128 sum, std::uint8_t& flags);

// ---------------------------------------------------------------------------
// Definitions. The functional engine runs these once per step, so the hot units
// are defined inline here (the declarations above are the units' interface).

namespace detail {
// multiply() of a cma datapath: the product rounded into its product format (out of line).
Term multiplyCascaded(const DatapathSpec& spec, const Decoded& a, const Decoded& b, std::int32_t scaleExp,
                      std::uint8_t& flags);
}  // namespace detail

inline Term multiply(const DatapathSpec& spec, const Decoded& a, const Decoded& b, std::int32_t scaleExp,
                     std::uint8_t& flags) {
  const DatapathParams& p = spec.params;
  if (p.kind == DatapathKind::Cma) [[unlikely]]
    return detail::multiplyCascaded(spec, a, b, scaleExp, flags);
  Term t;
  t.sign = a.sign != b.sign;
  t.sig = static_cast<u128>(a.sig) * b.sig;
  t.cls = t.sig == 0 ? ValueClass::Zero : ValueClass::Finite;
  t.lsbExp = a.exp + b.exp + scaleExp;
  t.alignExp = t.lsbExp + significandFractionBits(p.a) + significandFractionBits(p.b);
  return t;
}

inline Term addendTerm(const Format& f, const Decoded& c) {
  Term t;
  t.cls = c.cls;
  t.sign = c.sign;
  t.sig = c.sig;
  t.nanPayload = c.nanPayload;
  t.lsbExp = c.exp;
  t.alignExp = c.exp + significandFractionBits(f);
  return t;
}

inline Decoded termValue(const Term& t) {
  Decoded d;
  d.cls = t.cls;
  d.sign = t.sign;
  d.exp = t.lsbExp;
  d.sig = static_cast<std::uint64_t>(t.sig);
  d.nanPayload = t.nanPayload;
  return d;
}

inline std::int32_t alignmentReference(std::span<const Term> terms) {
  std::int32_t r = kNoReference;
  for (const Term& t : terms)
    if (t.sig != 0 && t.alignExp > r) r = t.alignExp;
  return r;
}

inline std::int32_t alignedLsb(const DatapathSpec& spec, std::int32_t reference) {
  if (spec.params.accumulatorKind != AccumulatorKind::Float) return -spec.accumulatorFracBits;
  if (spec.exactAlignment) return spec.productLsbExpMin;  // Kulisch window over the product range
  if (reference == kNoReference) return 0;                 // every term is zero: any weight will do
  return reference - spec.alignFractionBits;
}

inline std::int32_t stepLsb(const DatapathSpec& spec, std::span<const Term> terms) {
  const std::int32_t reference = alignmentReference(terms);
  if (reference == kNoReference) return alignedLsb(spec, reference);
  if (!spec.exactAlignment || spec.params.accumulatorKind != AccumulatorKind::Float) return alignedLsb(spec, reference);
  std::int32_t lsb = reference;
  for (const Term& t : terms)
    if (t.sig != 0) lsb = std::min(lsb, t.lsbExp);
  return lsb;
}

inline std::int32_t fusedStepLsb(const DatapathSpec& spec, std::span<const Term> terms) {
  const std::optional<int>& zeroExp = spec.params.zeroAddendExponent;
  if (!zeroExp || terms.back().sig != 0) [[likely]] return stepLsb(spec, terms);
  return alignedLsb(spec, std::max(alignmentReference(terms), static_cast<std::int32_t>(*zeroExp)));
}

inline bool zeroSumSign(std::span<const Term> terms, bool roundingDown) {
  if (terms.empty()) return false;
  const bool first = terms.front().sign;
  for (const Term& t : terms)
    if (t.sig != 0 || t.sign != first) return roundingDown;
  return first;
}

inline i128 alignTerm(const DatapathSpec& spec, const Term& t, std::int32_t lsb, std::uint8_t& flags) {
  if (t.sig == 0) return 0;
  const std::int64_t shift = static_cast<std::int64_t>(lsb) - t.lsbExp;
  u128 magnitude = 0;
  if (shift <= 0) {
    magnitude = -shift >= 128 ? 0 : t.sig << -shift;  // the spec's widths keep this in range
  } else {
    const u128 lost = shift >= 128 ? t.sig : t.sig & ((u128{1} << shift) - 1);
    magnitude = shift >= 128 ? 0 : t.sig >> shift;
    if (lost != 0) {
      flags |= flag::inexact;
      if (spec.params.termRounding == TermRounding::NearestEven && shift < 128) {
        const u128 half = u128{1} << (shift - 1);
        if (lost > half || (lost == half && (magnitude & 1))) ++magnitude;
      }
    }
  }
  const i128 v = static_cast<i128>(magnitude);
  return t.sign ? -v : v;
}

inline i128 addTerms(std::span<const i128> aligned) {
  i128 sum = 0;
  for (i128 v : aligned) sum += v;
  return sum;
}

// roundOutput and normalizeRound in the significand window Sig: u128 always; the
// engine uses std::uint64_t where windowFits<std::uint64_t> allows (same results).
template <class Sig>
inline Result roundOutputIn(const DatapathSpec& spec, const UnroundedIn<Sig>& value, std::uint32_t random) {
  const Format& rf = spec.roundingFormat;
  const Format& acc = spec.params.accumulator;
  Result r = roundToFormat(rf, value, spec.params.outputRounding, random);
  // Tensor cores overflow to infinity even when rounding toward zero.
  if (spec.params.overflowToInfinity && (r.flags & flag::overflow)) [[unlikely]]
    r.code = floatInfinityCode(rf, value.sign);
  const int cut = acc.manBits - rf.manBits;
  if (cut == 0) return r;
  // Widen the reduced-precision code into the accumulator's storage format.
  const Decoded d = decode(rf, r.code);
  if (d.isNaN()) return {nanCode(acc, d.sign, d.nanPayload), r.flags};
  const std::uint64_t sign = (r.code & rf.signBit()) ? acc.signBit() : 0;
  return {sign | ((r.code & ~rf.signBit()) << cut), r.flags};
}

inline Result roundOutput(const DatapathSpec& spec, const Unrounded& value, std::uint32_t random) {
  return roundOutputIn<u128>(spec, value, random);
}

// With Sig = std::uint64_t: |sum| below 2^61, separateAddend->sig below 2^61 and
// the rounding reading at most 60 bits (windowFits<std::uint64_t>).
template <class Sig>
inline Result normalizeRoundIn(const DatapathSpec& spec, i128 sum, std::int32_t lsb, bool zeroSign,
                               const Term* separateAddend, std::uint32_t random) {
  UnroundedIn<Sig> u{sum < 0, lsb, static_cast<Sig>(static_cast<u128>(sum < 0 ? -sum : sum))};
  if (sum == 0) u.sign = zeroSign;
  if (separateAddend != nullptr) {
    const UnroundedIn<Sig> c{separateAddend->sign, separateAddend->lsbExp, static_cast<Sig>(separateAddend->sig)};
    u = exactSum(u, c, spec.params.outputRounding.mode == Rounding::Down);
  }
  return roundOutputIn<Sig>(spec, u, random);
}

inline Result normalizeRound(const DatapathSpec& spec, i128 sum, std::int32_t lsb, bool zeroSign,
                             const Term* separateAddend, std::uint32_t random) {
  return normalizeRoundIn<u128>(spec, sum, lsb, zeroSign, separateAddend, random);
}

inline i128 accumulateFixed(const DatapathSpec& spec, i128 acc, i128 sum, std::uint8_t& flags) {
  const int w = spec.accumulatorBits;
  const i128 max = (i128{1} << (w - 1)) - 1, min = -max - 1;
  const i128 v = acc + sum;  // both below 2^120 in magnitude: no i128 overflow
  if (v >= min && v <= max) [[likely]] return v;
  flags |= flag::overflow;
  if (spec.params.integerOverflow == IntegerOverflow::Saturate) return v > max ? max : min;
  const u128 mask = (u128{1} << w) - 1;
  const u128 low = static_cast<u128>(v) & mask;
  return static_cast<i128>(low) - ((low >> (w - 1)) ? static_cast<i128>(mask) + 1 : 0);
}

}  // namespace fmasim
