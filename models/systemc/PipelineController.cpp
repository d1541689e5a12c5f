#include "PipelineController.hpp"

#include <algorithm>

#include "WriteIfChanged.hpp"

namespace fmasim {

PipelineController::PipelineController(const sc_core::sc_module_name& name, const DatapathSpec& spec,
                                       int stallInterval)
    : sc_module(name),
      clk("clk"), rst("rst"), in_valid("in_valid"), in_finish("in_finish"), in_operands("in_operands"),
      write("write"), in_ready("in_ready"), out_valid("out_valid"), issued("issued"), reduction("reduction"),
      partials_(spec.partialAccumulators),
      stallInterval_(stallInterval),
      partial_("partial") {
  SC_METHOD(issue);
  sensitive << in_valid << in_operands << in_ready << reissue_;
}

void PipelineController::issue() {
  if (!(in_valid.read() && in_ready.read())) {
    if (issued.read().valid) issued.write(StepToken{});
    return;
  }
  // Built in the wire's next value (see TokenWire). Every token on this wire comes
  // from here, so the fields a step does not enter with keep their defaults.
  const StepOperands& x = in_operands.read();
  StepToken& t = issuedWire_->next();
  t.valid = true;
  t.seq = nextSeq_++;
  t.partial = partial_.read();
  t.a = x.a;
  t.b = x.b;
  t.scaleExp = x.scaleExp;
  issuedWire_->post();
}

void PipelineController::clockEdge() {
  if (rst.read()) {
    partial_.write(0);
    cooldown_ = 0;
    steps_ = 0;
    inFlight_ = 0;
    finishing_ = false;
    reductionsLeft_ = 0;
    reduction.write(StepToken{});
    in_ready.write(true);
    out_valid.write(false);
    return;
  }
  const bool accepted = in_valid.read() && in_ready.read();
  if (write.read().valid) --inFlight_;
  if (accepted) {
    ++inFlight_;
    ++steps_;
    partial_.write(static_cast<std::uint16_t>((partial_.read() + 1) % partials_));
    cooldown_ = stallInterval_ - 1;
    reissue_.notify(sc_core::SC_ZERO_TIME);
  } else if (cooldown_ > 0) {
    --cooldown_;
  }
  if (!finishing_ && in_finish.read() && (accepted || !in_valid.read())) {
    finishing_ = true;
    usedPartials_ = static_cast<int>(std::min<std::int64_t>(steps_, partials_));
    reductionsLeft_ = std::max(usedPartials_ - 1, 0);
  }
  // A reduction reads p0 and its partial: it waits until nothing is in flight.
  StepToken r;
  if (finishing_ && reductionsLeft_ > 0 && inFlight_ == 0) {
    r.valid = true;
    r.seq = nextSeq_++;
    r.reduceWith = static_cast<std::uint16_t>(usedPartials_ - reductionsLeft_);
    --reductionsLeft_;
    ++inFlight_;
  }
  writeIfChanged(reduction, r);
  writeIfChanged(out_valid, finishing_ && reductionsLeft_ == 0 && inFlight_ == 0);
  writeIfChanged(in_ready, !finishing_ && cooldown_ == 0);
}

void PipelineController::trace(sc_core::sc_trace_file* tf) const {
  sc_core::sc_trace(tf, partial_, partial_.name());
}

}  // namespace fmasim
