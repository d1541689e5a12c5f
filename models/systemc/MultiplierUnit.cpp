#include "MultiplierUnit.hpp"

#include <algorithm>

#include "FeedbackRead.hpp"

namespace fmasim {

MultiplierUnit::MultiplierUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec)
    : PipelinedUnit(name, spec.params.stages[static_cast<int>(Unit::Multiplier)], nullptr),
      spec_(spec),
      decodeA_(spec.params.a),
      decodeB_(spec.params.b),
      da_(static_cast<std::size_t>(spec.params.lanes)),
      db_(static_cast<std::size_t>(spec.params.lanes)) {}

void MultiplierUnit::compute(StepToken& t) {
  const std::size_t lanes = da_.size();
  for (std::size_t i = 0; i < lanes; ++i) {
    da_[i] = decodeA_(t.a[i]);
    db_[i] = decodeB_(t.b[i]);
  }
  const auto scale = [&](std::size_t i) { return t.scaleExp.empty() ? 0 : t.scaleExp[i]; };
  t.terms.clear();
  if (spec_.params.accumulatorKind != AccumulatorKind::Float) {
    for (std::size_t i = 0; i < lanes; ++i) {
      if (nonFinite(da_[i]) || nonFinite(db_[i])) {  // a fixed-point accumulator has no NaN or infinity
        t.flags |= flag::invalid;
        continue;
      }
      t.terms.push_back(multiply(spec_, da_[i], db_[i], scale(i), t.flags));
    }
    t.a.clear();  // only the float special path needs the operands further on
    t.b.clear();
    t.scaleExp.clear();
    return;
  }
  // A cma rounds its products even from infinite or NaN operands; the add sees them.
  const bool cascaded = spec_.params.kind == DatapathKind::Cma;
  if (!cascaded &&
      (std::any_of(da_.begin(), da_.end(), nonFinite) || std::any_of(db_.begin(), db_.end(), nonFinite))) {
    t.special = SpecialPath::Operands;
    return;
  }
  for (std::size_t i = 0; i < lanes; ++i) {
    t.terms.push_back(multiply(spec_, da_[i], db_[i], scale(i), t.productFlags));
    if (t.terms.back().cls == ValueClass::Infinity || t.terms.back().cls == ValueClass::NaN)
      t.special = SpecialPath::Products;
  }
  t.flags |= t.productFlags;
}

}  // namespace fmasim
