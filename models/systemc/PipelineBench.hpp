// A DatapathPipeline with its clock and port signals: what the SystemC engine and the
// RTL lock-step harness both drive, one clock cycle per tick(). SystemC elaborates once
// per process: construct one per process.
#pragma once

#include <systemc>

#include "DatapathPipeline.hpp"

namespace fmasim {

struct PipelineBench {
  PipelineBench(const DatapathSpec& s, int stallInterval);

  void tick() { sc_core::sc_start(1, sc_core::SC_NS); }

  const DatapathSpec spec;  // the units keep references to it
  sc_core::sc_clock clk;
  sc_core::sc_signal<bool> rst{"rst"}, inValid{"in_valid"}, inFinish{"in_finish"}, inReady{"in_ready"},
      outValid{"out_valid"};
  sc_core::sc_signal<StepOperands> inOperands{"in_operands"};
  sc_core::sc_signal<AccumulatorWord> outResult{"out_result"};
  sc_core::sc_signal<std::uint8_t> outFlags{"out_flags"};
  DatapathPipeline pipeline;
};

}  // namespace fmasim
