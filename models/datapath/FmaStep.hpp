// The step of a one-lane float datapath whose product reaches the rounder exactly
// and meets the accumulator only there: that IS a fused multiply-add with a single
// rounding, so the format core's FmaOp computes it (same result and flags as the
// unit functions; tests/datapath checks both paths against the reference step).
#pragma once

#include <cstdint>

#include "DatapathSpec.hpp"
#include "format/Arith.hpp"

namespace fmasim {

class FmaStep {
 public:
  // One lane, no cma rounding, a float accumulator stored at full precision, the
  // product kept whole by the aligner (exact alignment, or a separate addend with a
  // window as wide as the product's fraction) and no stochastic rounding (the
  // engine draws random bits only for finite steps, which FmaOp cannot tell it).
  // The tensor-core options (canonical NaN, overflow to infinity, a zero addend's
  // exponent) are not the format core's IEEE rules: those specs take the unit path.
  static bool applies(const DatapathSpec& spec) {
    const DatapathParams& p = spec.params;
    const bool productWhole =
        spec.exactAlignment || (p.addend == AddendPath::Separate && spec.alignFractionBits >= spec.productFracBits);
    return p.lanes == 1 && p.kind != DatapathKind::Cma && p.accumulatorKind == AccumulatorKind::Float &&
           spec.roundingFormat.manBits == p.accumulator.manBits && productWhole &&
           p.outputRounding.mode != Rounding::Stochastic && p.nanResult == NanResult::Propagate &&
           !p.overflowToInfinity && !p.zeroAddendExponent;
  }

  explicit FmaStep(const DatapathSpec& spec)
      : op_(spec.params.a, spec.params.b, spec.params.accumulator, spec.roundingFormat, spec.params.outputRounding) {}

  // The accumulator's next code for a * b + acc; raises the step's flags.
  std::uint64_t operator()(std::uint64_t a, std::uint64_t b, std::uint64_t acc, std::uint8_t& flags) const {
    const Result r = op_(a, b, acc);
    flags |= r.flags;
    return r.code;
  }

 private:
  FmaOp op_;
};

}  // namespace fmasim
