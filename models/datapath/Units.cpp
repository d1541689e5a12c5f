#include "Units.hpp"

namespace fmasim {

Term detail::multiplyCascaded(const DatapathSpec& spec, const Decoded& a, const Decoded& b, std::int32_t scaleExp,
                              std::uint8_t& flags) {
  // Cascaded: the product is rounded into its own format before it is aligned.
  const DatapathParams& p = spec.params;
  const Format& pf = *p.productFormat;
  const Result r = mulAdd(a, b, nullptr, pf, p.productRounding, 0);
  flags |= r.flags;
  Term t = addendTerm(pf, decode(pf, r.code));
  t.alignExp += scaleExp;
  t.lsbExp += scaleExp;
  return t;
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

Result specialStep(const DatapathSpec& spec, std::span<const Decoded> a, std::span<const Decoded> b,
                   const Decoded& c) {
  const Format& out = spec.params.accumulator;
  return withNanRule(spec.params.nanResult, out, specialSum(a, b, c, out, spec.params.outputRounding));
}

}  // namespace fmasim
