#include "Units.hpp"

namespace fmasim {

Term multiply(const DatapathSpec& spec, const Decoded& a, const Decoded& b, std::int32_t scaleExp,
              std::uint8_t& flags) {
  const DatapathParams& p = spec.params;
  if (p.kind == DatapathKind::Cma) {
    // Cascaded: the product is rounded into its own format before it is aligned.
    const Format& pf = *p.productFormat;
    const Result r = mulAdd(a, b, nullptr, pf, p.productRounding, 0);
    flags |= r.flags;
    Term t = addendTerm(pf, decode(pf, r.code));
    t.alignExp += scaleExp;
    t.lsbExp += scaleExp;
    return t;
  }
  Term t;
  t.sign = a.sign != b.sign;
  t.sig = static_cast<u128>(a.sig) * b.sig;
  t.cls = t.sig == 0 ? ValueClass::Zero : ValueClass::Finite;
  t.lsbExp = a.exp + b.exp + scaleExp;
  t.alignExp = t.lsbExp + significandFractionBits(p.a) + significandFractionBits(p.b);
  return t;
}

Term addendTerm(const Format& f, const Decoded& c) {
  Term t;
  t.cls = c.cls;
  t.sign = c.sign;
  t.sig = c.sig;
  t.nanPayload = c.nanPayload;
  t.lsbExp = c.exp;
  t.alignExp = c.exp + significandFractionBits(f);
  return t;
}

Decoded termValue(const Term& t) {
  Decoded d;
  d.cls = t.cls;
  d.sign = t.sign;
  d.exp = t.lsbExp;
  d.sig = static_cast<std::uint64_t>(t.sig);
  d.nanPayload = t.nanPayload;
  return d;
}

Result specialSum(std::span<const Decoded> a, std::span<const Decoded> b, const Decoded& c, const Format& out,
                  const RoundingMode& rm) {
  bool signaling = c.isNaN() && c.signaling;
  const Decoded* firstNaN = nullptr;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (const Decoded* d : {&a[i], &b[i]}) {
      if (!d->isNaN()) continue;
      signaling |= d->signaling;
      if (firstNaN == nullptr) firstNaN = d;
    }
  }
  if (firstNaN != nullptr) {
    Result r = propagatedNaN(out, *firstNaN, rm);
    if (signaling) r.flags |= flag::invalid;
    return r;
  }
  bool positiveInf = false, negativeInf = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool inf = a[i].isInf() || b[i].isInf();
    if (inf && (a[i].isZero() || b[i].isZero())) return invalidResult(out, rm);
    if (inf) (a[i].sign != b[i].sign ? negativeInf : positiveInf) = true;
  }
  if (c.isNaN()) return propagatedNaN(out, c, rm);
  if (c.isInf()) (c.sign ? negativeInf : positiveInf) = true;
  if (positiveInf && negativeInf) return invalidResult(out, rm);
  return infiniteResult(out, negativeInf, rm);
}

std::int32_t alignmentReference(std::span<const Term> terms) {
  std::int32_t r = kNoReference;
  for (const Term& t : terms)
    if (t.sig != 0 && t.alignExp > r) r = t.alignExp;
  return r;
}

std::int32_t alignedLsb(const DatapathSpec& spec, std::int32_t reference) {
  if (spec.params.accumulatorKind != AccumulatorKind::Float) return -spec.accumulatorFracBits;
  if (spec.exactAlignment) return spec.productLsbExpMin;  // Kulisch window over the product range
  return reference - spec.alignFractionBits;
}

i128 alignTerm(const DatapathSpec& spec, const Term& t, std::int32_t lsb, std::uint8_t& flags) {
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

i128 addTerms(std::span<const i128> aligned) {
  i128 sum = 0;
  for (i128 v : aligned) sum += v;
  return sum;
}

Result roundOutput(const DatapathSpec& spec, const Unrounded& value, std::uint32_t random) {
  const Format& rf = spec.roundingFormat;
  const Format& acc = spec.params.accumulator;
  const Result r = roundToFormat(rf, value, spec.params.outputRounding, random);
  const int cut = acc.manBits - rf.manBits;
  if (cut == 0) return r;
  // Widen the reduced-precision code into the accumulator's storage format.
  const Decoded d = decode(rf, r.code);
  if (d.isNaN()) return {nanCode(acc, d.sign, d.nanPayload), r.flags};
  const std::uint64_t sign = (r.code & rf.signBit()) ? acc.signBit() : 0;
  return {sign | ((r.code & ~rf.signBit()) << cut), r.flags};
}

Result normalizeRound(const DatapathSpec& spec, i128 sum, std::int32_t lsb, bool zeroSign, const Term* separateAddend,
                      std::uint32_t random) {
  Unrounded u{sum < 0, lsb, static_cast<u128>(sum < 0 ? -sum : sum)};
  if (sum == 0) u.sign = zeroSign;
  if (separateAddend != nullptr) {
    const Unrounded c{separateAddend->sign, separateAddend->lsbExp, separateAddend->sig};
    u = exactSum(u, c, spec.params.outputRounding.mode == Rounding::Down);
  }
  return roundOutput(spec, u, random);
}

i128 accumulateFixed(const DatapathSpec& spec, i128 acc, i128 sum, std::uint8_t& flags) {
  const int w = spec.accumulatorBits;
  const i128 max = (i128{1} << (w - 1)) - 1, min = -max - 1;
  const i128 v = acc + sum;  // both below 2^120 in magnitude: no i128 overflow
  if (v >= min && v <= max) return v;
  flags |= flag::overflow;
  if (spec.params.integerOverflow == IntegerOverflow::Saturate) return v > max ? max : min;
  const u128 mask = (u128{1} << w) - 1;
  const u128 low = static_cast<u128>(v) & mask;
  return static_cast<i128>(low) - ((low >> (w - 1)) ? static_cast<i128>(mask) + 1 : 0);
}

}  // namespace fmasim
