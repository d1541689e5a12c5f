#include "AccumulatorUnit.hpp"

namespace fmasim {
namespace {
bool isFixed(const DatapathSpec& spec) { return spec.params.accumulatorKind != AccumulatorKind::Float; }
}  // namespace

AccumulatorUnit::AccumulatorUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec,
                                 const AccumulatorFile& file)
    : PipelinedUnit(name, spec.params.stages[static_cast<int>(Unit::Accumulator)], isFixed(spec) ? &file : nullptr),
      spec_(spec),
      file_(file) {}

void AccumulatorUnit::compute(StepToken& t) {
  if (!isFixed(spec_)) return;
  const i128 acc = file_.word(t.partial).fixed.value();
  const i128 add = t.reduceWith != 0 ? file_.word(t.reduceWith).fixed.value() : t.sum.value();
  t.result.fixed = Wide128::of(accumulateFixed(spec_, acc, add, t.flags));
}

}  // namespace fmasim
