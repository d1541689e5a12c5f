// The accumulator register file: spec.partialAccumulators words and the sticky flag
// register. A token leaving the accumulator unit is written at the clock edge; the
// units on the feedback loop read the words as they are in the current cycle.
#pragma once

#include <cstdint>
#include <systemc>

#include "StepToken.hpp"

namespace fmasim {

class AccumulatorFile : public sc_core::sc_module {
 public:
  sc_core::sc_in<bool> clk, rst;
  sc_core::sc_in<StepToken> write;  // the write port: a valid token stores its result

  SC_HAS_PROCESS(AccumulatorFile);
  AccumulatorFile(const sc_core::sc_module_name& name, int partials);

  const AccumulatorWord& word(int partial) const { return words_[static_cast<std::size_t>(partial)].read(); }
  std::uint8_t flags() const { return flags_.read(); }
  std::uint64_t writes() const { return writes_; }
  // Verification hook (the RTL's load port): partial 0 takes `w` and the flags clear
  // at the next update, overriding a write of the same edge. Call between cycles.
  void preload(const AccumulatorWord& w) {
    words_[0].write(w);
    flags_.write(0);
  }  // words written since elaboration (for measurements)
  int size() const { return static_cast<int>(words_.size()); }
  // For the sensitivity of combinational readers.
  const sc_core::sc_signal<AccumulatorWord>& signal(int partial) const {
    return words_[static_cast<std::size_t>(partial)];
  }
  const sc_core::sc_signal<std::uint8_t>& flagsSignal() const { return flags_; }
  void trace(sc_core::sc_trace_file* tf) const;

 private:
  void clocked();

  sc_core::sc_vector<sc_core::sc_signal<AccumulatorWord>> words_;
  sc_core::sc_signal<std::uint8_t> flags_;
  std::uint64_t writes_ = 0;
};

}  // namespace fmasim
