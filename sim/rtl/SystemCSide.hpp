// The SystemC side of the lock-step: the cycle-accurate DatapathPipeline on its bench
// (clock and port signals), stepped one clock cycle per call, with the RTL's ports
// translated. SystemC elaborates once per process: construct one per process.
#pragma once

#include <systemc>

#include "CyclePorts.hpp"
#include "systemc/PipelineBench.hpp"

namespace fmasim {

class SystemCSide {
 public:
  explicit SystemCSide(const DatapathSpec& spec);
  CycleOutputs cycle(const CycleInputs& in);

 private:
  AccumulatorWord word(u128 code) const;
  u128 code(const AccumulatorWord& w) const;

  PipelineBench bench_;
  const bool floatAcc_;
  const u128 accMask_;
  StepOperands operands_;
  CycleInputs written_;           // the inputs whose operands the signal holds
  bool operandsWritten_ = false;  // the signal starts with no lanes at all
};

}  // namespace fmasim
