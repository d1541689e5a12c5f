// The pipeline's control: accepts steps at the input (in_valid/in_ready), assigns
// each its partial accumulator, holds the input back while a step's accumulator is
// still on its way round the feedback loop (stall), counts the tokens in flight,
// issues the end-of-stream reductions one after another once the partials they read
// are written, and raises out_valid when the last write has landed.
#pragma once

#include <cstdint>
#include <systemc>

#include "StepToken.hpp"
#include "TokenWire.hpp"

namespace fmasim {

class PipelineController : public sc_core::sc_module {
 public:
  sc_core::sc_in<bool> clk, rst;
  sc_core::sc_in<bool> in_valid, in_finish;  // in_finish: no step after this cycle's
  sc_core::sc_in<StepOperands> in_operands;
  sc_core::sc_in<StepToken> write;         // the register file's write port
  sc_core::sc_out<bool> in_ready, out_valid;
  sc_core::sc_out<StepToken> issued;       // an accepted step, into the multiplier
  sc_core::sc_out<StepToken> reduction;    // p0 + pj, into the unit that reads both

  SC_HAS_PROCESS(PipelineController);
  // stallInterval: cycles between accepted steps when stalling (the spec's II; tests
  // shorten it to show that a too-early accumulator read gives wrong numbers).
  PipelineController(const sc_core::sc_module_name& name, const DatapathSpec& spec, int stallInterval);

  // The wire `issued` is bound to: the controller writes it in place.
  void bindIssued(TokenWire& wire) {
    issued(wire);
    issuedWire_ = &wire;
  }
  // The next step goes to partial 0 (the load hook's share; call between cycles).
  void restartRoundRobin() { partial_.write(0); }
  void trace(sc_core::sc_trace_file* tf) const;
  // The rising clock edge (the registers below); its owner calls it.
  void clockEdge();

 private:
  void issue();  // combinational: the token the multiplier takes this cycle

  const int partials_;
  const int stallInterval_;
  // Every token put out gets a fresh number (see StepToken::operator==): the input
  // may change within a cycle, and a re-evaluated issue is a new token.
  std::uint64_t nextSeq_ = 0;
  // Notified on each acceptance: the next step is a new token even when its operands
  // equal the last one's (the input signals then do not change).
  sc_core::sc_event reissue_;
  // Registers.
  sc_core::sc_signal<std::uint16_t> partial_;  // next step's partial accumulator
  int cooldown_ = 0;                           // cycles until the input may accept again
  std::int64_t steps_ = 0;
  int inFlight_ = 0;
  bool finishing_ = false;
  int usedPartials_ = 0;
  int reductionsLeft_ = 0;
  TokenWire* issuedWire_ = nullptr;
};

}  // namespace fmasim
