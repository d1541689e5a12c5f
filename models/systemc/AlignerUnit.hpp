// Aligner: cuts the step's terms to the window below their largest exponent (or to
// the accumulator's binary point for integer and fixed point). For a fused float
// addend it is where the loop reads the accumulator; end-of-stream reductions enter
// here and read their second partial.
#pragma once

#include <optional>

#include "PipelinedUnit.hpp"
#include "format/Decode.hpp"

namespace fmasim {

class AlignerUnit : public PipelinedUnit {
 public:
  AlignerUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec, const AccumulatorFile& file);

 private:
  void compute(StepToken& t) override;
  void alignFloat(StepToken& t);

  const DatapathSpec& spec_;
  const AccumulatorFile& file_;
  std::optional<Decoder> decodeAcc_;  // float accumulators only
};

}  // namespace fmasim
