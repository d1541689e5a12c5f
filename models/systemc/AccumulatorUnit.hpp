// Accumulator: integer and fixed-point steps add their sum to the partial they read
// from the register file in this cycle (wrapping or saturating); end-of-stream
// reductions of such accumulators enter here. A float step's result passes through.
// Its output is the register file's write port.
#pragma once

#include "PipelinedUnit.hpp"

namespace fmasim {

class AccumulatorUnit : public PipelinedUnit {
 public:
  AccumulatorUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec, const AccumulatorFile& file);

 private:
  void compute(StepToken& t) override;

  const DatapathSpec& spec_;
  const AccumulatorFile& file_;
};

}  // namespace fmasim
