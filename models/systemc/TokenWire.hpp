// The signal between two units: an sc_signal for StepTokens that moves instead of
// copying. sc_signal copies the whole token twice per write (into its next value,
// then into its current one); here the writer builds the next value in place and
// the update swaps it in, which keeps the vectors' storage and halves the cost of
// a pipeline stage. Binds to sc_in<StepToken> and sc_out<StepToken> like a signal.
#pragma once

#include <string>
#include <systemc>

#include "StepToken.hpp"

namespace fmasim {

class TokenWire : public sc_core::sc_prim_channel, public sc_core::sc_signal_inout_if<StepToken> {
 public:
  explicit TokenWire(const char* name)
      : sc_prim_channel(name), changed_((std::string(name) + "_changed").c_str()) {}

  const StepToken& read() const override { return current_; }
  const StepToken& get_data_ref() const override { return current_; }
  const sc_core::sc_event& value_changed_event() const override {
    observed_ = true;
    return changed_;
  }
  const sc_core::sc_event& default_event() const override { return value_changed_event(); }
  bool event() const override { return changedAt_ + 1 == sc_core::sc_delta_count(); }

  void write(const StepToken& t) override {
    next_ = t;
    post();
  }
  // In-place writing: fill next(), then post() it.
  StepToken& next() { return next_; }
  void post() {
    if (!(next_ == current_)) request_update();
  }

 private:
  void update() override {
    swap(current_, next_);
    changedAt_ = sc_core::sc_delta_count();
    if (observed_) changed_.notify(sc_core::SC_ZERO_TIME);  // no listener: no delta cycle
  }

  StepToken current_, next_;
  sc_core::sc_event changed_;
  sc_dt::uint64 changedAt_ = ~sc_dt::uint64{0};
  mutable bool observed_ = false;  // a process is sensitive to the wire (asked at elaboration)
};

}  // namespace fmasim
