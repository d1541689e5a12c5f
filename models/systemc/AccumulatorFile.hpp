// The accumulator register file: spec.partialAccumulators words and the sticky flag
// register. A token leaving the accumulator unit is written at the clock edge; the
// units on the feedback loop read the words as they are in the current cycle. With
// promotion the file also holds the promoted accumulator: every promotionSteps-th
// write adds the step's result into it and stores +0 in the word instead.
#pragma once

#include <cstdint>
#include <optional>
#include <systemc>

#include "StepToken.hpp"
#include "datapath/Promotion.hpp"

namespace fmasim {

class AccumulatorFile : public sc_core::sc_module {
 public:
  sc_core::sc_in<bool> clk, rst;
  sc_core::sc_in<StepToken> write;  // the write port: a valid token stores its result

  AccumulatorFile(const sc_core::sc_module_name& name, const DatapathSpec& spec);

  const AccumulatorWord& word(int partial) const { return words_[static_cast<std::size_t>(partial)].read(); }
  std::uint8_t flags() const { return flags_.read(); }
  std::uint64_t writes() const { return writes_; }  // words written since elaboration (for measurements)
  // Verification hook (the RTL's load port): every partial takes `w`, the flags clear
  // and promotion restarts (promoted +0, no writes counted) at the next update,
  // overriding a write of the same edge. Call between cycles.
  void preload(const AccumulatorWord& w);
  int size() const { return static_cast<int>(words_.size()); }
  // For the sensitivity of combinational readers.
  const sc_core::sc_signal<AccumulatorWord>& signal(int partial) const {
    return words_[static_cast<std::size_t>(partial)];
  }
  const sc_core::sc_signal<std::uint8_t>& flagsSignal() const { return flags_; }
  // The result the file offers after the last step: word 0, or with promotion the
  // promoted accumulator plus word 0's remainder (its add's flags in `flags`).
  AccumulatorWord result(std::uint8_t& flags) const;
  const sc_core::sc_signal<std::uint64_t>& promotedSignal() const { return promotedCode_; }
  void trace(sc_core::sc_trace_file* tf) const;
  // The rising clock edge: stores a valid token's result; its owner calls it.
  void clockEdge();

 private:
  sc_core::sc_vector<sc_core::sc_signal<AccumulatorWord>> words_;
  sc_core::sc_signal<std::uint8_t> flags_;
  std::optional<PromotedAccumulator> promotion_;  // its state changes only at the edge
  sc_core::sc_signal<std::uint64_t> promotedCode_;  // mirrors it, for sensitivity and traces
  std::uint64_t writes_ = 0;
};

}  // namespace fmasim
