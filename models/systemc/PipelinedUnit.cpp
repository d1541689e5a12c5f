#include "PipelinedUnit.hpp"

#include <utility>

namespace fmasim {

PipelinedUnit::PipelinedUnit(const sc_core::sc_module_name& name, int depth, const AccumulatorFile* reads)
    : sc_module(name), clk("clk"), rst("rst"), in("in"), inject("inject"), registered_(depth > 0),
      ring_(depth > 1 ? static_cast<std::size_t>(depth - 1) : 0) {
  if (!registered_) {  // a registered unit steps in DatapathPipeline's one clock process
    SC_METHOD(evaluate);
    sensitive << in << inject;
    if (reads != nullptr)
      for (int p = 0; p < reads->size(); ++p) sensitive << reads->signal(p);
  }
}

// The token entering the unit this cycle, through the unit's function, into slot.
void PipelinedUnit::produce(StepToken& slot) {
  TokenWire& from = inject_->read().valid ? *inject_ : *in_;
  const StepToken& src = from.read();
  if (!src.valid) {
    slot.valid = false;  // a bubble: the payload is don't-care, so it is not copied
    return;
  }
  // A registered unit reads its input once, at the edge, and is its only reader; a
  // combinational one may evaluate the same token again within the cycle.
  if (registered_)
    slot.takeFrom(from.current());
  else
    slot = src;
  compute(slot);
}

void PipelinedUnit::evaluate() {
  produce(out_->next());
  out_->post();
}

void PipelinedUnit::clockEdge() {
  if (rst.read()) {
    for (StepToken& r : ring_) r.valid = false;
    out_->write(StepToken{});
    resetState();
    return;
  }
  if (ring_.empty()) {
    produce(out_->next());
    out_->post();
    return;
  }
  // The oldest internal register moves to the output; its slot takes the new token.
  StepToken& oldest = ring_[head_];
  swap(out_->next(), oldest);
  out_->post();
  produce(oldest);
  head_ = (head_ + 1) % ring_.size();
}

}  // namespace fmasim
