#include "SystemCSide.hpp"

namespace fmasim {

SystemCSide::SystemCSide(const DatapathSpec& spec)
    : bench_(spec, spec.initiationInterval),
      floatAcc_(spec.params.accumulatorKind == AccumulatorKind::Float),
      accMask_(spec.accumulatorBits >= 128 ? ~u128{0} : (u128{1} << spec.accumulatorBits) - 1) {
  operands_.a.resize(static_cast<std::size_t>(spec.params.lanes));
  operands_.b.resize(static_cast<std::size_t>(spec.params.lanes));
}

AccumulatorWord SystemCSide::word(u128 code) const {
  AccumulatorWord w;
  if (floatAcc_) {
    w.code = static_cast<std::uint64_t>(code);
  } else {  // sign-extend the ACC_BITS two's complement value
    const int shift = 128 - bench_.spec.accumulatorBits;
    w.fixed = Wide128::of(static_cast<i128>(code << shift) >> shift);
  }
  return w;
}

u128 SystemCSide::code(const AccumulatorWord& w) const {
  return floatAcc_ ? w.code : static_cast<u128>(w.fixed.value()) & accMask_;
}

CycleOutputs SystemCSide::cycle(const CycleInputs& in) {
  bench_.rst.write(in.rst);
  bench_.inValid.write(in.inValid);
  bench_.inFinish.write(in.inFinish);
  if (in.inValid && (!operandsWritten_ || written_.a != in.a || written_.b != in.b)) {
    operandsWritten_ = true;
    written_ = in;
    for (int i = 0; i < bench_.spec.params.lanes; ++i) {
      operands_.a[static_cast<std::size_t>(i)] = in.a.get(i, bench_.spec.params.a.bits);
      operands_.b[static_cast<std::size_t>(i)] = in.b.get(i, bench_.spec.params.b.bits);
    }
    bench_.inOperands.write(operands_);
  }
  bench_.tick();
  if (in.load) {  // the RTL's load port: stored at this cycle's edge
    bench_.pipeline.preload(word(in.loadValue));
    // The delta cycles of this instant: the update, then what reads the register.
    while (sc_core::sc_pending_activity_at_current_time()) sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
  return {bench_.inReady.read(), bench_.outValid.read(), bench_.outFlags.read(), code(bench_.outResult.read())};
}

}  // namespace fmasim
