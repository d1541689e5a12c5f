#include "DatapathPipeline.hpp"

namespace fmasim {

DatapathPipeline::DatapathPipeline(const sc_core::sc_module_name& name, const DatapathSpec& spec, int stallInterval)
    : sc_module(name),
      clk("clk"), rst("rst"), in_valid("in_valid"), in_finish("in_finish"), in_operands("in_operands"),
      in_ready("in_ready"), out_valid("out_valid"), out_result("out_result"), out_flags("out_flags"),
      file_("file", spec),
      control_("control", spec, stallInterval),
      multiplier_("multiplier", spec),
      aligner_("aligner", spec, file_),
      adder_("adder", spec),
      normalizer_("normalizer", spec, file_),
      accumulator_("accumulator", spec, file_),
      issued_("issued"), multiplied_("multiplied"), aligned_("aligned"), summed_("summed"), rounded_("rounded"),
      written_("written"), reduction_("reduction"), idle_("idle") {
  control_.clk(clk);
  control_.rst(rst);
  control_.in_valid(in_valid);
  control_.in_finish(in_finish);
  control_.in_operands(in_operands);
  control_.write(written_);
  control_.in_ready(in_ready);
  control_.out_valid(out_valid);
  control_.bindIssued(issued_);
  control_.reduction(reduction_);

  // A float reduction enters at the aligner (its partial is aligned as a term); an
  // integer or fixed one at the accumulator, which adds the two partials.
  const bool floatAcc = spec.params.accumulatorKind == AccumulatorKind::Float;
  struct Link {
    PipelinedUnit& unit;
    TokenWire& from;
    TokenWire& to;
    bool injected;
  };
  const Link links[] = {
      {multiplier_, issued_, multiplied_, false}, {aligner_, multiplied_, aligned_, floatAcc},
      {adder_, aligned_, summed_, false},         {normalizer_, summed_, rounded_, false},
      {accumulator_, rounded_, written_, !floatAcc},
  };
  for (const Link& l : links) {
    l.unit.clk(clk);
    l.unit.rst(rst);
    l.unit.bindInputs(l.from, l.injected ? reduction_ : idle_);
    l.unit.bindOutput(l.to);
  }
  file_.clk(clk);
  file_.rst(rst);
  file_.write(written_);
  for (PipelinedUnit* u : std::initializer_list<PipelinedUnit*>{&multiplier_, &aligner_, &adder_, &normalizer_, &accumulator_})
    if (u->registered()) registered_.push_back(u);

  // One process for every register at the rising edge instead of one per module: each
  // reads only current values and writes next ones, so their order does not matter,
  // and the kernel schedules one process per cycle instead of up to eight.
  SC_METHOD(clockEdge);
  sensitive << clk.pos();
  dont_initialize();

  SC_METHOD(drive);
  sensitive << file_.signal(0) << file_.flagsSignal() << file_.promotedSignal();
}

void DatapathPipeline::clockEdge() {
  control_.clockEdge();
  file_.clockEdge();
  for (PipelinedUnit* u : registered_) u->clockEdge();
  if (normalizer_.drawsAtEdge()) normalizer_.commitDraw();
}

void DatapathPipeline::drive() {
  std::uint8_t flags = file_.flags();
  out_result.write(file_.result(flags));
  out_flags.write(flags);
}

void DatapathPipeline::trace(sc_core::sc_trace_file* tf) {
  for (auto* s : {&issued_, &multiplied_, &aligned_, &summed_, &rounded_, &written_, &reduction_}) {
    s->pinForTracing();
    sc_trace(tf, *s, s->name());
  }
  file_.trace(tf);
  control_.trace(tf);
}

}  // namespace fmasim
