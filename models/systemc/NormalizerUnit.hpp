// Normalizer/rounder (float accumulators): rounds the adder's sum, plus the
// accumulator when it is added after the tree, once into the accumulator format;
// computes the special path's result. For a separate addend it is where the loop
// reads the accumulator. Integer and fixed-point steps pass through its registers.
#pragma once

#include <optional>

#include "PipelinedUnit.hpp"
#include "format/Decode.hpp"
#include "format/Lfsr.hpp"

namespace fmasim {

class NormalizerUnit : public PipelinedUnit {
 public:
  SC_HAS_PROCESS(NormalizerUnit);
  NormalizerUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec, const AccumulatorFile& file);

  // A combinational stochastic rounder only looks ahead in its LFSR; the register
  // advances at the clock edge that takes the token (commitDraw, called by the owner).
  bool drawsAtEdge() const {
    return combinational() && spec_.params.outputRounding.mode == Rounding::Stochastic;
  }
  void commitDraw();

 private:
  void compute(StepToken& t) override;
  void resetState() override { lfsr_ = Lfsr(spec_.params.lfsrSeed); }
  Result special(const StepToken& t, const Decoded& c) const;
  std::uint32_t random(StepToken& t);

  const DatapathSpec& spec_;
  const AccumulatorFile& file_;
  std::optional<Decoder> decodeA_, decodeB_, decodeAcc_;  // float accumulators only
  Lfsr lfsr_;
};

}  // namespace fmasim
