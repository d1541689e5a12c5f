// The signal between two units: an sc_signal for StepTokens that does not copy.
// sc_signal copies the whole token twice per write (into its next value, then into
// its current one); here the writer builds the next value in place and the update
// flips between the two buffers. A traced wire swaps the buffers' contents instead,
// so the VCD writer's references stay on the current value. Binds to
// sc_in<StepToken> and sc_out<StepToken> like a signal.
#pragma once

#include <string>
#include <systemc>

#include "StepToken.hpp"

namespace fmasim {

class TokenWire final : public sc_core::sc_prim_channel, public sc_core::sc_signal_inout_if<StepToken> {
 public:
  explicit TokenWire(const char* name)
      : sc_prim_channel(name), changed_((std::string(name) + "_changed").c_str()) {}

  const StepToken& read() const override { return buffers_[current_]; }
  const StepToken& get_data_ref() const override { return read(); }
  const sc_core::sc_event& value_changed_event() const override {
    observed_ = true;
    return changed_;
  }
  const sc_core::sc_event& default_event() const override { return value_changed_event(); }
  bool event() const override { return changedAt_ + 1 == sc_core::sc_delta_count(); }

  void write(const StepToken& t) override {
    next() = t;
    post();
  }
  // In-place writing: fill next(), then post() it.
  StepToken& next() { return buffers_[current_ ^ 1]; }
  void post() {
    if (!(buffers_[current_ ^ 1] == buffers_[current_])) request_update();
  }
  // The current value for the wire's one registered reader, at the clock edge: it
  // may take the payload's vectors (StepToken::takeFrom), which nobody reads after it.
  StepToken& current() { return buffers_[current_]; }
  // Before sc_trace: the current value stays at one address from now on.
  void pinForTracing() { pinned_ = true; }

 private:
  void update() override {
    if (pinned_)
      swap(buffers_[current_], buffers_[current_ ^ 1]);
    else
      current_ ^= 1;
    changedAt_ = sc_core::sc_delta_count();
    if (observed_) changed_.notify(sc_core::SC_ZERO_TIME);  // no listener: no delta cycle
  }

  StepToken buffers_[2];
  unsigned current_ = 0;
  bool pinned_ = false;
  sc_core::sc_event changed_;
  sc_dt::uint64 changedAt_ = ~sc_dt::uint64{0};
  mutable bool observed_ = false;  // a process is sensitive to the wire (asked at elaboration)
};

}  // namespace fmasim
