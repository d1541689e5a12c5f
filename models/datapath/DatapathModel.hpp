// The functional engine: one datapath step after another through the five unit
// functions, with no simulation kernel. It reproduces the numbers the cycle-accurate
// model produces (including the summation order of interleaved accumulators) and
// states the cycle counts that model measures.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "DatapathSpec.hpp"
#include "FmaStep.hpp"
#include "IntegerMacStep.hpp"
#include "Promotion.hpp"
#include "UnitActivity.hpp"
#include "Units.hpp"
#include "format/Lfsr.hpp"

namespace fmasim {

// An accumulator's content: a code of the accumulator format (float), or a two's
// complement integer in units of 2^-accumulatorFracBits (integer and fixed point).
struct AccumulatorValue {
  std::uint64_t code = 0;
  i128 fixed = 0;
  bool operator==(const AccumulatorValue&) const = default;
};

class DatapathModel {
 public:
  // How steps are computed: through the unit functions, or by a routine specialised
  // for the spec in the constructor (same results; see FmaStep and IntegerMacStep).
  enum class StepPath : std::uint8_t { Units, Fma, Integer64 };

  explicit DatapathModel(const DatapathSpec& spec);
  // With an activity: every step goes through a counting routine (the unit functions,
  // recording each unit's signals into *activity, which must outlive the model);
  // chosen here once, so a model without one pays nothing per step.
  DatapathModel(const DatapathSpec& spec, UnitActivity* activity);

  // Clears every partial accumulator, the flags and the step count; reseeds the LFSR.
  void reset();

  // One step: spec.params.lanes products a[i] * b[i] (codes of the operand formats),
  // each with its block scale exponent (nullptr: none), into the next partial
  // accumulator (round robin over spec.partialAccumulators).
  // With promotion, every promotionSteps-th step also drains the (single) accumulator
  // into the promoted one.
  void step(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp) {
    (this->*step_)(a, b, scaleExp);
    if (promotion_) [[unlikely]] partials_[0].code = promotion_->afterStep(partials_[0].code, flags_);
  }

  // Reduces the partial accumulators that steps wrote, in order (p0 + p1, then + p2,
  // ...), through the same adder and rounder, and returns the result (with promotion:
  // the promoted accumulator plus the unit's remainder, a code of spec.resultFormat).
  // Leaves the model reduced.
  AccumulatorValue finish();

  std::uint8_t flags() const { return flags_; }
  std::int64_t steps() const { return steps_; }
  StepPath stepPath() const { return path_; }

  // Cycles the pipeline takes for `steps` steps and the final reduction.
  static std::int64_t cycles(const DatapathSpec& spec, std::int64_t steps);
  // Final reductions p0 + pj after `steps` steps (one per partial written, but p0).
  static std::int64_t reductions(const DatapathSpec& spec, std::int64_t steps);
  // Promotion adds of a dot product of `steps` steps (ceil(steps / promotionSteps):
  // finish() adds nothing when the last step promoted, as the unit then holds +0).
  static std::int64_t promotionAdds(const DatapathSpec& spec, std::int64_t steps);

  // A result of finish() as a double (for reports).
  double toDouble(const AccumulatorValue& v) const;

 private:
  // The step routine for this spec (accumulator kind, one lane or several), chosen
  // once in the constructor.
  using StepFn = void (DatapathModel::*)(const std::uint64_t*, const std::uint64_t*, const std::int32_t*);
  // Counting: the routine also records each unit's signals into activity_.
  template <bool OneLane, bool Counting>
  void stepFixed(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp);
  template <bool OneLane, bool Counting>
  void stepFloat(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp);
  // The accumulator's next code (stepFloat's arithmetic; inlined into it, so that the
  // plain routine costs what it cost before the counting one existed).
  template <bool OneLane, bool Counting>
  [[gnu::always_inline]] std::uint64_t floatStep(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp,
                          std::uint64_t accCode);
  template <bool Counting>
  void chooseUnitStep();
  template <bool Counting>
  void recordAdder(std::size_t terms, i128 sum);  // the aligned terms aligned_[0, terms) and their sum
  template <bool Counting>
  void recordOperands(const std::uint64_t* a, const std::uint64_t* b, std::size_t lanes);
  // The specialised routines (SpecialisedSteps.cpp); block scales take the unit path.
  void stepFma(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp);
  void stepInteger64(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp);
  void chooseSpecialisedStep();  // after step_ holds the unit-function step
  AccumulatorValue& nextPartial() {
    AccumulatorValue& acc = partials_[partialIndex_];
    if (++partialIndex_ == partials_.size()) partialIndex_ = 0;
    ++steps_;
    return acc;
  }
  // Sums terms_[0, products) (and the addend c) and rounds into the accumulator format.
  template <bool OneLane, bool Counting = false>
  std::uint64_t addTermsToFloat(const Decoded& c, std::size_t products);
  std::uint64_t special(std::span<const Decoded> a, std::span<const Decoded> b, const Decoded& c);
  std::uint64_t specialProducts(std::size_t products, const Decoded& c);
  std::uint32_t random() {
    return spec_.params.outputRounding.mode == Rounding::Stochastic ? lfsr_.draw(spec_.params.outputRounding.randomBits) : 0;
  }

  const DatapathSpec spec_;  // a copy: the model outlives whatever it was built from
  StepFn step_ = nullptr;
  StepFn unitStep_ = nullptr;  // the unit-function step, which specialised ones fall back to
  StepPath path_ = StepPath::Units;
  std::optional<FmaStep> fma_;
  std::optional<IntegerMacStep> integer64_;
  bool narrowWindow_ = false;  // the rounder may run in the 64-bit window (windowFits)
  Decoder decodeA_, decodeB_;
  std::optional<Decoder> decodeAcc_;  // float accumulators only
  std::optional<Decoder> decodeResult_;  // float accumulators: finish()'s format
  std::optional<PromotedAccumulator> promotion_;
  UnitActivity* activity_ = nullptr;  // counting routines only
  std::vector<AccumulatorValue> partials_;
  std::size_t partialIndex_ = 0;
  std::vector<Term> terms_;     // lanes + 1 entries (the products, then a fused addend)
  std::vector<i128> aligned_;   // lanes + 1 entries
  std::vector<Decoded> da_, db_;
  Lfsr lfsr_;
  std::uint8_t flags_ = 0;
  std::int64_t steps_ = 0;
};

}  // namespace fmasim
