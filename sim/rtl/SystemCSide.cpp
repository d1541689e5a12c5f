#include "SystemCSide.hpp"

namespace fmasim {

SystemCSide::SystemCSide(const DatapathSpec& spec)
    : spec_(spec),
      floatAcc_(spec.params.accumulatorKind == AccumulatorKind::Float),
      accMask_(spec.accumulatorBits >= 128 ? ~u128{0} : (u128{1} << spec.accumulatorBits) - 1),
      // The rising edge in mid-period: inputs written before a cycle settle through the
      // combinational units before the edge samples them (as SystemCEngine clocks it).
      clk_("clk", sc_core::sc_time(1, sc_core::SC_NS), 0.5, sc_core::sc_time(0.5, sc_core::SC_NS), true),
      pipeline_("pipeline", spec_, spec_.initiationInterval) {
  pipeline_.clk(clk_);
  pipeline_.rst(rst_);
  pipeline_.in_valid(inValid_);
  pipeline_.in_finish(inFinish_);
  pipeline_.in_operands(inOperands_);
  pipeline_.in_ready(inReady_);
  pipeline_.out_valid(outValid_);
  pipeline_.out_result(outResult_);
  pipeline_.out_flags(outFlags_);
  operands_.a.resize(static_cast<std::size_t>(spec_.params.lanes));
  operands_.b.resize(static_cast<std::size_t>(spec_.params.lanes));
}

AccumulatorWord SystemCSide::word(u128 code) const {
  AccumulatorWord w;
  if (floatAcc_) {
    w.code = static_cast<std::uint64_t>(code);
  } else {  // sign-extend the ACC_BITS two's complement value
    const int shift = 128 - spec_.accumulatorBits;
    w.fixed = Wide128::of(static_cast<i128>(code << shift) >> shift);
  }
  return w;
}

u128 SystemCSide::code(const AccumulatorWord& w) const {
  return floatAcc_ ? w.code : static_cast<u128>(w.fixed.value()) & accMask_;
}

CycleOutputs SystemCSide::cycle(const CycleInputs& in) {
  rst_.write(in.rst);
  inValid_.write(in.inValid);
  inFinish_.write(in.inFinish);
  if (in.inValid && (!operandsWritten_ || written_.a != in.a || written_.b != in.b)) {
    operandsWritten_ = true;
    written_ = in;
    for (int i = 0; i < spec_.params.lanes; ++i) {
      operands_.a[static_cast<std::size_t>(i)] = in.a.get(i, spec_.params.a.bits);
      operands_.b[static_cast<std::size_t>(i)] = in.b.get(i, spec_.params.b.bits);
    }
    inOperands_.write(operands_);
  }
  sc_core::sc_start(1, sc_core::SC_NS);
  if (in.load) {  // the RTL's load port: stored at this cycle's edge
    pipeline_.preload(word(in.loadValue));
    // The delta cycles of this instant: the update, then what reads the register.
    while (sc_core::sc_pending_activity_at_current_time()) sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
  return {inReady_.read(), outValid_.read(), outFlags_.read(), code(outResult_.read())};
}

}  // namespace fmasim
