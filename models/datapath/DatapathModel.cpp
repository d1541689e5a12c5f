#include "DatapathModel.hpp"

#include <algorithm>
#include <cmath>

namespace fmasim {

DatapathModel::DatapathModel(const DatapathSpec& spec) : DatapathModel(spec, nullptr) {}

DatapathModel::DatapathModel(const DatapathSpec& spec, UnitActivity* activity)
    : spec_(spec), decodeA_(spec.params.a), decodeB_(spec.params.b), activity_(activity), lfsr_(spec.params.lfsrSeed) {
  if (spec.params.accumulatorKind == AccumulatorKind::Float) {
    decodeAcc_.emplace(spec.params.accumulator);
    decodeResult_.emplace(spec.resultFormat);
    if (spec.promotionSteps > 0) promotion_.emplace(spec, activity);
    // The sum's width is checked per step; the addend and the rounding are fixed by the spec.
    narrowWindow_ = windowFits<std::uint64_t>(0, significandBits(spec.params.accumulator),
                                              roundingBits(spec.roundingFormat, spec.params.outputRounding));
  }
  const auto lanes = static_cast<std::size_t>(spec.params.lanes);
  terms_.resize(lanes + 1);
  aligned_.resize(lanes + 1);
  da_.resize(lanes);
  db_.resize(lanes);
  if (activity_ != nullptr) {
    chooseUnitStep<true>();  // the counting routine records what the unit functions compute
    unitStep_ = step_;
  } else {
    chooseUnitStep<false>();
    chooseSpecialisedStep();
  }
  reset();
}

template <bool Counting>
void DatapathModel::chooseUnitStep() {
  const bool oneLane = spec_.params.lanes == 1;
  if (spec_.params.accumulatorKind == AccumulatorKind::Float)
    step_ = oneLane ? &DatapathModel::stepFloat<true, Counting> : &DatapathModel::stepFloat<false, Counting>;
  else
    step_ = oneLane ? &DatapathModel::stepFixed<true, Counting> : &DatapathModel::stepFixed<false, Counting>;
}

template <bool Counting>
void DatapathModel::recordOperands(const std::uint64_t* a, const std::uint64_t* b, std::size_t lanes) {
  if constexpr (Counting) {
    activity_->countStep();
    for (std::size_t i = 0; i < lanes; ++i) {
      activity_->record(Signal::OperandA, i, a[i]);
      activity_->record(Signal::OperandB, i, b[i]);
    }
  }
}

template <bool Counting>
void DatapathModel::recordAdder(std::size_t terms, i128 sum) {
  if constexpr (Counting) {
    for (std::size_t i = 0; i < terms; ++i) activity_->record(Signal::AlignedTerm, i, static_cast<u128>(aligned_[i]));
    activity_->record(Signal::Sum, 0, static_cast<u128>(sum));
  }
}

void DatapathModel::reset() {
  partials_.assign(static_cast<std::size_t>(spec_.partialAccumulators), AccumulatorValue{});
  partialIndex_ = 0;
  flags_ = 0;
  steps_ = 0;
  lfsr_ = Lfsr(spec_.params.lfsrSeed);
  if (promotion_) promotion_->reset();
}

template <bool OneLane, bool Counting>
void DatapathModel::stepFixed(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp) {
  const std::size_t lanes = OneLane ? 1 : static_cast<std::size_t>(spec_.params.lanes);
  AccumulatorValue& acc = nextPartial();
  recordOperands<Counting>(a, b, lanes);
  const std::int32_t lsb = alignedLsb(spec_, 0);
  std::size_t n = 0;
  for (std::size_t i = 0; i < lanes; ++i) {
    const Decoded da = decodeA_(a[i]), db = decodeB_(b[i]);
    if (nonFinite(da) || nonFinite(db)) [[unlikely]] {  // a fixed-point accumulator has no NaN or infinity
      flags_ |= flag::invalid;
      continue;
    }
    const Term t = multiply(spec_, da, db, scaleExp != nullptr ? scaleExp[i] : 0, flags_);
    aligned_[n] = alignTerm(spec_, t, lsb, flags_);
    if constexpr (Counting)
      activity_->record(Signal::Product, i, UnitActivity::packProduct(spec_, t.sign, t.alignExp, t.sig));
    ++n;
  }
  const i128 sum = addTerms(std::span<const i128>(aligned_.data(), n));
  recordAdder<Counting>(n, sum);
  acc.fixed = accumulateFixed(spec_, acc.fixed, sum, flags_);
  if constexpr (Counting) {
    activity_->record(Signal::Accumulator, static_cast<std::size_t>(&acc - partials_.data()), static_cast<u128>(acc.fixed));
  }
}

template <bool OneLane, bool Counting>
void DatapathModel::stepFloat(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp) {
  const std::size_t lanes = OneLane ? 1 : static_cast<std::size_t>(spec_.params.lanes);
  AccumulatorValue& acc = nextPartial();
  recordOperands<Counting>(a, b, lanes);
  acc.code = floatStep<OneLane, Counting>(a, b, scaleExp, acc.code);
  if constexpr (Counting) {
    activity_->record(Signal::Rounded, 0, acc.code);
    activity_->record(Signal::Accumulator, static_cast<std::size_t>(&acc - partials_.data()), acc.code);
  }
}

template <bool OneLane, bool Counting>
inline std::uint64_t DatapathModel::floatStep(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp,
                                       std::uint64_t accCode) {
  const std::size_t lanes = OneLane ? 1 : static_cast<std::size_t>(spec_.params.lanes);
  Decoded oneA, oneB;  // one lane: no trip through da_/db_
  Decoded* const da = OneLane ? &oneA : da_.data();
  Decoded* const db = OneLane ? &oneB : db_.data();
  bool operandNonFinite = false;
  for (std::size_t i = 0; i < lanes; ++i) {
    da[i] = decodeA_(a[i]);
    db[i] = decodeB_(b[i]);
    operandNonFinite |= nonFinite(da[i]) || nonFinite(db[i]);
  }
  const Decoded c = (*decodeAcc_)(accCode);
  const std::span<const Decoded> sa(da, lanes), sb(db, lanes);
  // A cma datapath rounds its products first (raising that rounding's flags) even
  // when an operand or the accumulator is infinite or NaN: the add then sees the
  // rounded products, as a multiply followed by an add would.
  const bool cascaded = spec_.params.kind == DatapathKind::Cma;
  if (!cascaded && (nonFinite(c) || operandNonFinite)) [[unlikely]] {
    return special(sa, sb, c);
  }
  bool productOverflow = false;
  for (std::size_t i = 0; i < lanes; ++i) {
    terms_[i] = multiply(spec_, da[i], db[i], scaleExp != nullptr ? scaleExp[i] : 0, flags_);
    if constexpr (Counting)
      activity_->record(Signal::Product, i, UnitActivity::packProduct(spec_, terms_[i].sign, terms_[i].alignExp, terms_[i].sig));
    productOverflow |= terms_[i].cls != ValueClass::Finite && terms_[i].cls != ValueClass::Zero;
  }
  if (productOverflow || nonFinite(c)) [[unlikely]] {  // a cma product or c infinite or NaN
    return specialProducts(lanes, c);
  }
  return addTermsToFloat<OneLane, Counting>(c, lanes);
}

template <bool OneLane, bool Counting>
std::uint64_t DatapathModel::addTermsToFloat(const Decoded& c, std::size_t products) {
  const std::size_t n = OneLane ? 1 : products;
  const Format& accFormat = spec_.params.accumulator;
  const bool roundingDown = spec_.params.outputRounding.mode == Rounding::Down;
  const Term cTerm = addendTerm(accFormat, c);
  // The sum fits the 64-bit window: |sum| below 2^61 (windowFits).
  const auto narrow = [this](i128 sum) {
    return narrowWindow_ && static_cast<u128>(sum + (i128{1} << 61)) < (u128{1} << 62);
  };
  Result r;
  if (spec_.exactAlignment || spec_.params.addend == AddendPath::Separate) {
    // Products summed on their own (exactly, or in the window), then the addend
    // added exactly and the whole rounded once.
    const std::span<const Term> terms(terms_.data(), n);
    const std::int32_t lsb = stepLsb(spec_, terms);
    for (std::size_t i = 0; i < n; ++i) aligned_[i] = alignTerm(spec_, terms_[i], lsb, flags_);
    const i128 sum = addTerms(std::span<const i128>(aligned_.data(), n));
    recordAdder<Counting>(n, sum);
    const bool zeroSign = zeroSumSign(terms, roundingDown);
    r = narrow(sum) ? normalizeRoundIn<std::uint64_t>(spec_, sum, lsb, zeroSign, &cTerm, random())
                    : normalizeRound(spec_, sum, lsb, zeroSign, &cTerm, random());
  } else {
    terms_[n] = cTerm;
    const std::span<const Term> terms(terms_.data(), n + 1);
    const std::int32_t lsb = fusedStepLsb(spec_, terms);
    for (std::size_t i = 0; i <= n; ++i) aligned_[i] = alignTerm(spec_, terms_[i], lsb, flags_);
    const i128 sum = addTerms(std::span<const i128>(aligned_.data(), n + 1));
    recordAdder<Counting>(n + 1, sum);
    const bool zeroSign = zeroSumSign(terms, roundingDown);
    r = narrow(sum) ? normalizeRoundIn<std::uint64_t>(spec_, sum, lsb, zeroSign, nullptr, random())
                    : normalizeRound(spec_, sum, lsb, zeroSign, nullptr, random());
  }
  flags_ |= r.flags;
  return r.code;
}

std::uint64_t DatapathModel::specialProducts(std::size_t products, const Decoded& c) {
  std::vector<Decoded> values(products), ones(products, kDecodedOne);
  for (std::size_t i = 0; i < products; ++i) values[i] = termValue(terms_[i]);
  return special(values, ones, c);
}

std::uint64_t DatapathModel::special(std::span<const Decoded> a, std::span<const Decoded> b, const Decoded& c) {
  const Result r = specialStep(spec_, a, b, c);
  flags_ |= r.flags;
  return r.code;
}

AccumulatorValue DatapathModel::finish() {
  // Only the partials a step has written, as the pipeline's controller issues them
  // (an unused +0 partial would turn a -0 result into +0).
  const auto used = static_cast<std::size_t>(std::min<std::int64_t>(steps_, static_cast<std::int64_t>(partials_.size())));
  for (std::size_t j = 1; j < used; ++j) {
    AccumulatorValue& p0 = partials_[0];
    if (spec_.params.accumulatorKind != AccumulatorKind::Float) {
      p0.fixed = accumulateFixed(spec_, p0.fixed, partials_[j].fixed, flags_);
    } else {
      // p0 + pj through the same aligner and rounder: pj enters as the one term.
      const Decoded other = (*decodeAcc_)(partials_[j].code), c = (*decodeAcc_)(p0.code);
      if (nonFinite(other) || nonFinite(c)) {
        p0.code = special(std::span(&other, 1), std::span(&kDecodedOne, 1), c);
      } else {
        terms_[0] = addendTerm(spec_.params.accumulator, other);
        p0.code = addTermsToFloat<true>(c, 1);
      }
    }
    partials_[j] = AccumulatorValue{};
  }
  if (promotion_) {
    const Result r = promotion_->result(partials_[0].code);
    flags_ |= r.flags;
    return {r.code, 0};
  }
  return partials_[0];
}

std::int64_t DatapathModel::reductions(const DatapathSpec& spec, std::int64_t steps) {
  return steps == 0 ? 0 : std::min<std::int64_t>(steps, spec.partialAccumulators) - 1;
}

std::int64_t DatapathModel::promotionAdds(const DatapathSpec& spec, std::int64_t steps) {
  // One per promotionSteps steps, and the final one unless the last step promoted.
  return spec.promotionSteps > 0 ? (steps + spec.promotionSteps - 1) / spec.promotionSteps : 0;
}

std::int64_t DatapathModel::cycles(const DatapathSpec& spec, std::int64_t steps) {
  if (steps == 0) return 0;
  return (steps - 1) * spec.initiationInterval + spec.latency + reductions(spec, steps) * spec.reductionLatency;
}

double DatapathModel::toDouble(const AccumulatorValue& v) const {
  if (spec_.params.accumulatorKind != AccumulatorKind::Float)
    return std::ldexp(static_cast<double>(v.fixed), -spec_.accumulatorFracBits);
  const Decoded d = (*decodeResult_)(v.code);
  switch (d.cls) {
    case ValueClass::Zero: return d.sign ? -0.0 : 0.0;
    case ValueClass::Infinity: return d.sign ? -HUGE_VAL : HUGE_VAL;
    case ValueClass::NaN: return std::nan("");
    case ValueClass::Finite: break;
  }
  return std::ldexp(static_cast<double>(d.sig), d.exp) * (d.sign ? -1.0 : 1.0);
}

}  // namespace fmasim
