// The cycle-accurate datapath: the controller, the five units with their pipeline
// registers, and the accumulator register file, wired as DATAPATH.md describes.
// Valid/ready at the input, a valid result (partial 0 and the flags) after in_finish.
#pragma once

#include <systemc>
#include <vector>

#include "AccumulatorFile.hpp"
#include "AccumulatorUnit.hpp"
#include "AdderUnit.hpp"
#include "AlignerUnit.hpp"
#include "MultiplierUnit.hpp"
#include "NormalizerUnit.hpp"
#include "PipelineController.hpp"

namespace fmasim {

class DatapathPipeline : public sc_core::sc_module {
 public:
  sc_core::sc_in<bool> clk, rst;
  sc_core::sc_in<bool> in_valid, in_finish;
  sc_core::sc_in<StepOperands> in_operands;
  sc_core::sc_out<bool> in_ready, out_valid;
  sc_core::sc_out<AccumulatorWord> out_result;
  sc_core::sc_out<std::uint8_t> out_flags;

  SC_HAS_PROCESS(DatapathPipeline);
  DatapathPipeline(const sc_core::sc_module_name& name, const DatapathSpec& spec, int stallInterval);

  std::uint64_t writes() const { return file_.writes(); }
  // Verification hook: see AccumulatorFile::preload; the round robin restarts at p0
  // (then sc_start(SC_ZERO_TIME) applies it).
  void preload(const AccumulatorWord& w) {
    file_.preload(w);
    control_.restartRoundRobin();
  }
  void trace(sc_core::sc_trace_file* tf);

 private:
  void clockEdge();  // every register of the pipeline
  void drive();      // the result ports follow the file's result and the flag register

  AccumulatorFile file_;
  PipelineController control_;
  MultiplierUnit multiplier_;
  AlignerUnit aligner_;
  AdderUnit adder_;
  NormalizerUnit normalizer_;
  AccumulatorUnit accumulator_;
  TokenWire issued_, multiplied_, aligned_, summed_, rounded_, written_, reduction_, idle_;
  std::vector<PipelinedUnit*> registered_;  // the units with pipeline registers
};

}  // namespace fmasim
