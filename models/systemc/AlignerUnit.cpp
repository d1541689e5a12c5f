#include "AlignerUnit.hpp"

#include <algorithm>

#include "FeedbackRead.hpp"

namespace fmasim {
namespace {

bool readsAccumulator(const DatapathSpec& spec) {
  return spec.params.accumulatorKind == AccumulatorKind::Float;  // the addend, or a reduction's partial
}

}  // namespace

AlignerUnit::AlignerUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec, const AccumulatorFile& file)
    : PipelinedUnit(name, spec.params.stages[static_cast<int>(Unit::Aligner)], readsAccumulator(spec) ? &file : nullptr),
      spec_(spec),
      file_(file) {
  if (spec.params.accumulatorKind == AccumulatorKind::Float) decodeAcc_.emplace(spec.params.accumulator);
}

void AlignerUnit::compute(StepToken& t) {
  if (decodeAcc_) {
    alignFloat(t);
    return;
  }
  const std::int32_t lsb = alignedLsb(spec_, 0);
  t.aligned.clear();
  for (const Term& term : t.terms) t.aligned.push_back(alignTerm(spec_, term, lsb, t.flags));
  t.terms.clear();
}

// The alignment half of DatapathModel::addTermsToFloat, with the accumulator read
// from the register file in this cycle.
void AlignerUnit::alignFloat(StepToken& t) {
  if (t.reduceWith != 0) {  // p0 + pj: pj enters as the one term
    t.other = file_.word(t.reduceWith).code;
    const Decoded other = (*decodeAcc_)(t.other);
    if (nonFinite(other))
      t.special = SpecialPath::Partial;
    else
      t.terms.assign(1, addendTerm(spec_.params.accumulator, other));
  }
  const bool fused = spec_.params.addend == AddendPath::Fused;
  if (fused) readAccumulator(t, file_.word(t.partial).code, *decodeAcc_, spec_.params.kind == DatapathKind::Cma);
  if (t.special != SpecialPath::None) return;
  if (fused) {
    t.a.clear();  // the special path is ruled out: the operands are no longer needed
    t.b.clear();
    t.scaleExp.clear();
  }
  const bool roundingDown = spec_.params.outputRounding.mode == Rounding::Down;
  // Unless fused into the window, the normalizer adds the accumulator exactly.
  const bool fusedInWindow = !spec_.exactAlignment && fused;
  if (fusedInWindow) t.terms.push_back(addendTerm(spec_.params.accumulator, (*decodeAcc_)(t.addend)));
  t.lsb = fusedInWindow ? fusedStepLsb(spec_, t.terms) : stepLsb(spec_, t.terms);
  t.aligned.clear();
  for (const Term& term : t.terms) t.aligned.push_back(alignTerm(spec_, term, t.lsb, t.flags));
  t.zeroSign = zeroSumSign(t.terms, roundingDown);
  t.terms.clear();
}

}  // namespace fmasim
