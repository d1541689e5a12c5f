#include "DatapathModel.hpp"

#include <algorithm>
#include <cmath>

namespace fmasim {
namespace {

bool nonFinite(const Decoded& d) { return d.cls == ValueClass::Infinity || d.cls == ValueClass::NaN; }

// The sign a zero sum takes: that of its terms when all are zeros of one sign,
// else +0 (-0 when rounding down), as IEEE 754 sums.
bool zeroSumSign(std::span<const Term> terms, bool roundingDown) {
  if (terms.empty()) return false;
  const bool first = terms.front().sign;
  for (const Term& t : terms)
    if (t.sig != 0 || t.sign != first) return roundingDown;
  return first;
}

}  // namespace

DatapathModel::DatapathModel(const DatapathSpec& spec)
    : spec_(spec), decodeA_(spec.params.a), decodeB_(spec.params.b), lfsr_(spec.params.lfsrSeed) {
  if (spec.params.accumulatorKind == AccumulatorKind::Float) decodeAcc_.emplace(spec.params.accumulator);
  const auto lanes = static_cast<std::size_t>(spec.params.lanes);
  terms_.reserve(lanes + 1);
  aligned_.reserve(lanes + 1);
  da_.resize(lanes);
  db_.resize(lanes);
  reset();
}

void DatapathModel::reset() {
  partials_.assign(static_cast<std::size_t>(spec_.partialAccumulators), AccumulatorValue{});
  flags_ = 0;
  steps_ = 0;
  lfsr_ = Lfsr(spec_.params.lfsrSeed);
}

void DatapathModel::step(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp) {
  const int lanes = spec_.params.lanes;
  for (int i = 0; i < lanes; ++i) {
    da_[i] = decodeA_(a[i]);
    db_[i] = decodeB_(b[i]);
  }
  AccumulatorValue& acc = partials_[static_cast<std::size_t>(steps_ % spec_.partialAccumulators)];
  ++steps_;
  if (spec_.params.accumulatorKind == AccumulatorKind::Float) {
    acc.code = accumulateFloat(acc.code, scaleExp);
    return;
  }
  const std::int32_t lsb = alignedLsb(spec_, 0);
  aligned_.clear();
  for (int i = 0; i < lanes; ++i) {
    if (nonFinite(da_[i]) || nonFinite(db_[i])) {  // a fixed-point accumulator has no NaN or infinity
      flags_ |= flag::invalid;
      continue;
    }
    const Term t = multiply(spec_, da_[i], db_[i], scaleExp != nullptr ? scaleExp[i] : 0, flags_);
    aligned_.push_back(alignTerm(spec_, t, lsb, flags_));
  }
  acc.fixed = accumulateFixed(spec_, acc.fixed, addTerms(aligned_), flags_);
}

std::uint64_t DatapathModel::accumulateFloat(std::uint64_t acc, const std::int32_t* scaleExp) {
  const Decoded c = (*decodeAcc_)(acc);
  const auto lanes = static_cast<std::size_t>(spec_.params.lanes);
  const std::span<const Decoded> a(da_.data(), lanes), b(db_.data(), lanes);
  // A cma datapath rounds its products first (raising that rounding's flags) even
  // when an operand or the accumulator is infinite or NaN: the add then sees the
  // rounded products, as a multiply followed by an add would.
  const bool cascaded = spec_.params.kind == DatapathKind::Cma;
  if (!cascaded &&
      (nonFinite(c) || std::any_of(a.begin(), a.end(), nonFinite) || std::any_of(b.begin(), b.end(), nonFinite)))
    [[unlikely]] return special(a, b, c);
  terms_.clear();
  bool productOverflow = false;
  for (std::size_t i = 0; i < lanes; ++i) {
    terms_.push_back(multiply(spec_, a[i], b[i], scaleExp != nullptr ? scaleExp[i] : 0, flags_));
    productOverflow |= terms_.back().cls != ValueClass::Finite && terms_.back().cls != ValueClass::Zero;
  }
  if (productOverflow || nonFinite(c)) [[unlikely]] {  // a cma product or c infinite or NaN
    std::vector<Decoded> products(lanes), ones(lanes, kDecodedOne);
    for (std::size_t i = 0; i < lanes; ++i) products[i] = termValue(terms_[i]);
    return special(products, ones, c);
  }
  return addTermsToFloat(c);
}

std::uint64_t DatapathModel::addTermsToFloat(const Decoded& c) {
  const Format& accFormat = spec_.params.accumulator;
  const bool roundingDown = spec_.params.outputRounding.mode == Rounding::Down;
  const Term cTerm = addendTerm(accFormat, c);
  Result r;
  if (spec_.exactAlignment || spec_.params.addend == AddendPath::Separate) {
    // Products summed on their own (exactly, or in the window), then the addend
    // added exactly and the whole rounded once.
    const std::int32_t reference = alignmentReference(terms_);
    std::int32_t lsb = alignedLsb(spec_, reference);
    if (spec_.exactAlignment) {
      lsb = reference;
      for (const Term& t : terms_)
        if (t.sig != 0) lsb = std::min(lsb, t.lsbExp);
    }
    aligned_.clear();
    for (const Term& t : terms_) aligned_.push_back(alignTerm(spec_, t, lsb, flags_));
    r = normalizeRound(spec_, addTerms(aligned_), lsb, zeroSumSign(terms_, roundingDown), &cTerm, random());
  } else {
    terms_.push_back(cTerm);
    const std::int32_t lsb = alignedLsb(spec_, alignmentReference(terms_));
    aligned_.clear();
    for (const Term& t : terms_) aligned_.push_back(alignTerm(spec_, t, lsb, flags_));
    r = normalizeRound(spec_, addTerms(aligned_), lsb, zeroSumSign(terms_, roundingDown), nullptr, random());
  }
  flags_ |= r.flags;
  return r.code;
}

std::uint64_t DatapathModel::special(std::span<const Decoded> a, std::span<const Decoded> b, const Decoded& c) {
  const Result r = specialSum(a, b, c, spec_.params.accumulator, spec_.params.outputRounding);
  flags_ |= r.flags;
  return r.code;
}

AccumulatorValue DatapathModel::finish() {
  for (std::size_t j = 1; j < partials_.size(); ++j) {
    AccumulatorValue& p0 = partials_[0];
    if (spec_.params.accumulatorKind != AccumulatorKind::Float) {
      p0.fixed = accumulateFixed(spec_, p0.fixed, partials_[j].fixed, flags_);
    } else {
      // p0 + pj through the same aligner and rounder: pj enters as the one term.
      const Decoded other = (*decodeAcc_)(partials_[j].code), c = (*decodeAcc_)(p0.code);
      if (nonFinite(other) || nonFinite(c)) {
        p0.code = special(std::span(&other, 1), std::span(&kDecodedOne, 1), c);
      } else {
        terms_.assign(1, addendTerm(spec_.params.accumulator, other));
        p0.code = addTermsToFloat(c);
      }
    }
    partials_[j] = AccumulatorValue{};
  }
  return partials_[0];
}

std::int64_t DatapathModel::cycles(const DatapathSpec& spec, std::int64_t steps) {
  if (steps == 0) return 0;
  const std::int64_t reductions = std::min<std::int64_t>(steps, spec.partialAccumulators) - 1;
  return (steps - 1) * spec.initiationInterval + spec.latency + reductions * spec.feedbackLatency;
}

double DatapathModel::toDouble(const AccumulatorValue& v) const {
  if (spec_.params.accumulatorKind != AccumulatorKind::Float)
    return std::ldexp(static_cast<double>(v.fixed), -spec_.accumulatorFracBits);
  const Decoded d = (*decodeAcc_)(v.code);
  switch (d.cls) {
    case ValueClass::Zero: return d.sign ? -0.0 : 0.0;
    case ValueClass::Infinity: return d.sign ? -HUGE_VAL : HUGE_VAL;
    case ValueClass::NaN: return std::nan("");
    case ValueClass::Finite: break;
  }
  return std::ldexp(static_cast<double>(d.sig), d.exp) * (d.sign ? -1.0 : 1.0);
}

}  // namespace fmasim
