// The SystemC side of the lock-step: the cycle-accurate DatapathPipeline with its
// clock and port signals, stepped one clock cycle per call. SystemC elaborates once
// per process: construct one per process.
#pragma once

#include <systemc>

#include "CyclePorts.hpp"
#include "systemc/DatapathPipeline.hpp"

namespace fmasim {

class SystemCSide {
 public:
  explicit SystemCSide(const DatapathSpec& spec);
  CycleOutputs cycle(const CycleInputs& in);

 private:
  AccumulatorWord word(u128 code) const;
  u128 code(const AccumulatorWord& w) const;

  const DatapathSpec spec_;  // the units keep references to it
  const bool floatAcc_;
  const u128 accMask_;
  sc_core::sc_clock clk_;
  sc_core::sc_signal<bool> rst_{"rst"}, inValid_{"in_valid"}, inFinish_{"in_finish"}, inReady_{"in_ready"},
      outValid_{"out_valid"};
  sc_core::sc_signal<StepOperands> inOperands_{"in_operands"};
  sc_core::sc_signal<AccumulatorWord> outResult_{"out_result"};
  sc_core::sc_signal<std::uint8_t> outFlags_{"out_flags"};
  DatapathPipeline pipeline_;
  StepOperands operands_;
  CycleInputs written_;           // the inputs whose operands the signal holds
  bool operandsWritten_ = false;  // the signal starts with no lanes at all
};

}  // namespace fmasim
