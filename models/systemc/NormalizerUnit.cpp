#include "NormalizerUnit.hpp"

#include "FeedbackRead.hpp"

namespace fmasim {
namespace {

bool isFloat(const DatapathSpec& spec) { return spec.params.accumulatorKind == AccumulatorKind::Float; }
bool readsAccumulator(const DatapathSpec& spec) { return isFloat(spec) && spec.params.addend == AddendPath::Separate; }

}  // namespace

NormalizerUnit::NormalizerUnit(const sc_core::sc_module_name& name, const DatapathSpec& spec,
                               const AccumulatorFile& file)
    : PipelinedUnit(name, spec.params.stages[static_cast<int>(Unit::Normalizer)],
                    readsAccumulator(spec) ? &file : nullptr),
      spec_(spec),
      file_(file),
      lfsr_(spec.params.lfsrSeed) {
  if (isFloat(spec)) {
    decodeA_.emplace(spec.params.a);
    decodeB_.emplace(spec.params.b);
    decodeAcc_.emplace(spec.params.accumulator);
  }
}

void NormalizerUnit::compute(StepToken& t) {
  if (!decodeAcc_) return;
  if (readsAccumulator(spec_)) readAccumulator(t, file_.word(t.partial).code, *decodeAcc_, spec_.params.kind == DatapathKind::Cma);
  const Decoded c = (*decodeAcc_)(t.addend);
  Result r;
  if (t.special != SpecialPath::None) {
    r = special(t, c);
  } else {
    // Exact alignment and a separate addend leave the accumulator to this unit.
    const Term cTerm = addendTerm(spec_.params.accumulator, c);
    const bool addsAccumulator = spec_.exactAlignment || spec_.params.addend == AddendPath::Separate;
    r = normalizeRound(spec_, t.sum.value(), t.lsb, t.zeroSign, addsAccumulator ? &cTerm : nullptr, random(t));
  }
  t.flags |= r.flags;
  t.result.code = r.code;
  t.a.clear();
  t.b.clear();
  t.scaleExp.clear();
  t.terms.clear();
}

// The result of a step or reduction with an infinite or NaN input, as the functional
// engine's special(): the operands, the (cma) products, or the reduced partial.
Result NormalizerUnit::special(const StepToken& t, const Decoded& c) const {
  std::vector<Decoded> x, y;
  switch (t.special) {
    case SpecialPath::Operands:
      for (std::size_t i = 0; i < t.a.size(); ++i) {
        x.push_back((*decodeA_)(t.a[i]));
        y.push_back((*decodeB_)(t.b[i]));
      }
      break;
    case SpecialPath::Products:
      for (const Term& term : t.terms) x.push_back(termValue(term));
      y.assign(x.size(), kDecodedOne);
      break;
    case SpecialPath::Partial:
      x.push_back((*decodeAcc_)(t.other));
      y.push_back(kDecodedOne);
      break;
    case SpecialPath::None: break;
  }
  return specialStep(spec_, x, y, c);
}

// One draw per rounding. A registered normalizer advances its LFSR as it computes; a
// combinational one may evaluate several times in a cycle, so it only looks ahead
// here and commitDraw advances the register at the edge that takes the token.
std::uint32_t NormalizerUnit::random(StepToken& t) {
  const RoundingMode& rm = spec_.params.outputRounding;
  if (rm.mode != Rounding::Stochastic) return 0;
  Lfsr next = lfsr_;
  const std::uint32_t r = next.draw(rm.randomBits);
  t.drew = true;
  if (!combinational()) lfsr_ = next;
  return r;
}

void NormalizerUnit::commitDraw() {
  if (rst.read()) {
    resetState();
    return;
  }
  if (output().valid && output().drew) lfsr_.draw(spec_.params.outputRounding.randomBits);
}

}  // namespace fmasim
