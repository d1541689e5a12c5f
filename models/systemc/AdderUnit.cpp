#include "AdderUnit.hpp"

namespace fmasim {

AdderUnit::AdderUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec)
    : PipelinedUnit(name, spec.params.stages[static_cast<int>(Unit::Adder)], nullptr) {}

void AdderUnit::compute(StepToken& t) {
  if (t.special != SpecialPath::None) return;
  t.sum = Wide128::of(addTerms(t.aligned));
  t.aligned.clear();
}

}  // namespace fmasim
