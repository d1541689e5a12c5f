#include "UnitActivity.hpp"

#include <algorithm>

namespace fmasim {

const char* signalName(Signal s) {
  switch (s) {
    case Signal::OperandA: return "operand a";
    case Signal::OperandB: return "operand b";
    case Signal::Product: return "product";
    case Signal::AlignedTerm: return "aligned terms";
    case Signal::Sum: return "sum";
    case Signal::Rounded: return "rounded";
    case Signal::Accumulator: return "accumulator";
    case Signal::PromotionInput: return "promotion input";
    case Signal::Promoted: return "promoted";
  }
  return "?";
}

UnitActivity::UnitActivity(const DatapathSpec& spec) {
  const DatapathParams& p = spec.params;
  const bool floatAcc = p.accumulatorKind == AccumulatorKind::Float;
  const int accBits = floatAcc ? p.accumulator.bits : spec.accumulatorBits;
  // {copies, width} of each signal, in Signal order.
  const std::array<std::array<int, 2>, kSignalCount> shape{{
      {p.lanes, p.a.bits},
      {p.lanes, p.b.bits},
      {p.lanes, 1 + spec.exponentBits + spec.productSigBits},
      {spec.adderTerms, spec.alignWindowBits},
      {1, spec.adderBits},
      {floatAcc ? 1 : 0, p.accumulator.bits},
      {spec.partialAccumulators, accBits},
      {spec.promotionSteps > 0 ? 1 : 0, p.accumulator.bits},
      {spec.promotionSteps > 0 ? 1 : 0, spec.resultFormat.bits},
  }};
  std::size_t first = 0;
  for (std::size_t i = 0; i < tracks_.size(); ++i) {
    Track& t = tracks_[i];
    t.first = first;
    t.copies = shape[i][0];
    t.width = std::min(shape[i][1], 128);  // the spec keeps every width within 128 bits
    t.mask = t.width == 128 ? ~u128{0} : (u128{1} << t.width) - 1;
    first += static_cast<std::size_t>(t.copies);
  }
  last_.assign(first, 0);
}

void UnitActivity::clear() {
  for (Track& t : tracks_) t.toggles = 0;
  std::fill(last_.begin(), last_.end(), u128{0});
  steps_ = 0;
  promotions_ = 0;
}

double UnitActivity::rate(std::span<const Signal> signals, std::int64_t events) const {
  std::int64_t toggled = 0, width = 0;
  for (Signal s : signals) {
    toggled += toggles(s);
    width += bits(s);
  }
  if (events == 0 || width == 0) return 0;
  return static_cast<double>(toggled) / (static_cast<double>(width) * static_cast<double>(events));
}

std::vector<Signal> UnitActivity::unitSignals(const DatapathSpec& spec, Unit u) {
  const DatapathParams& p = spec.params;
  const bool floatAcc = p.accumulatorKind == AccumulatorKind::Float;
  const bool fused = floatAcc && p.addend == AddendPath::Fused;
  switch (u) {
    case Unit::Multiplier: return {Signal::OperandA, Signal::OperandB, Signal::Product};
    case Unit::Aligner:
      if (fused) return {Signal::Product, Signal::Accumulator, Signal::AlignedTerm};
      return {Signal::Product, Signal::AlignedTerm};
    case Unit::Adder: return {Signal::AlignedTerm, Signal::Sum};
    case Unit::Normalizer:
      if (!floatAcc) return {};
      if (!fused) return {Signal::Sum, Signal::Accumulator, Signal::Rounded};
      return {Signal::Sum, Signal::Rounded};
    case Unit::Accumulator:
      return {floatAcc ? Signal::Rounded : Signal::Sum, Signal::Accumulator};
  }
  return {};
}

Signal UnitActivity::registeredSignal(const DatapathSpec& spec, Unit u) {
  switch (u) {
    case Unit::Multiplier: return Signal::Product;
    case Unit::Aligner: return Signal::AlignedTerm;
    case Unit::Adder: return Signal::Sum;
    case Unit::Normalizer:
      return spec.params.accumulatorKind == AccumulatorKind::Float ? Signal::Rounded : Signal::Sum;
    case Unit::Accumulator: return Signal::Accumulator;
  }
  return Signal::Accumulator;
}

}  // namespace fmasim
