// The frame every datapath unit shares: a pure transformation of the token it
// receives, followed by `depth` pipeline registers (the unit's stages in the spec).
// With depth 0 the unit is combinational: it re-evaluates whenever its inputs
// change and feeds the next unit in the same cycle.
#pragma once

#include <systemc>
#include <vector>

#include "AccumulatorFile.hpp"
#include "StepToken.hpp"
#include "TokenWire.hpp"

namespace fmasim {

class PipelinedUnit : public sc_core::sc_module {
 public:
  sc_core::sc_in<bool> clk, rst;
  sc_core::sc_in<StepToken> in;
  sc_core::sc_in<StepToken> inject;  // a reduction entering here; takes precedence over `in`

  SC_HAS_PROCESS(PipelinedUnit);
  // The unit writes its output wire in place (see TokenWire) and, when registered,
  // takes its input token's vectors instead of copying them (TokenWire::current).
  void bindOutput(TokenWire& wire) { out_ = &wire; }
  // A registered unit's rising clock edge (its registers shift); its owner calls it.
  void clockEdge();
  bool registered() const { return registered_; }
  void bindInputs(TokenWire& from, TokenWire& injected) {
    in(from);
    inject(injected);
    in_ = &from;
    inject_ = &injected;
  }

 protected:
  // `reads`: the register file the unit reads on the feedback loop (nullptr: none);
  // a combinational unit re-evaluates when one of its words changes.
  PipelinedUnit(const sc_core::sc_module_name& name, int depth, const AccumulatorFile* reads);

  const StepToken& output() const { return out_->read(); }

  // The unit's function on a valid token, in place.
  virtual void compute(StepToken& t) = 0;
  // Clears the unit's own state (beyond its pipeline registers) on reset.
  virtual void resetState() {}

  bool combinational() const { return !registered_; }

 private:
  void evaluate();  // depth 0
  void produce(StepToken& slot);

  bool registered_;
  std::vector<StepToken> ring_;  // registers before the last one (the output wire itself)
  std::size_t head_ = 0;         // the oldest entry of ring_
  TokenWire* out_ = nullptr;
  TokenWire *in_ = nullptr, *inject_ = nullptr;
};

}  // namespace fmasim
