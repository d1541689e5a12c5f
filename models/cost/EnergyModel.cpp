#include "EnergyModel.hpp"

#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

#include "datapath/DatapathModel.hpp"

namespace fmasim {
namespace {

// One leaking GE over t ns at p nW: p * t * 1e-18 J = p * t * 1e-3 fJ.
constexpr double kFjPerNwNs = 1e-3;

// The accumulator unit's part that only switches on promotion adds (AreaModel's
// accumulator(); tests/cost/ReductionPromotionEnergyTest.cpp checks the name is still there).
constexpr std::string_view kPromotionAdderPart = "promotion adder";

// The units a final reduction p0 + pj passes (DatapathModel::finish): with a float
// accumulator pj enters the aligner as the one term and p0 as the addend, through
// adder and normalizer into p0's register; integer and fixed-point partials meet in
// the accumulator's adder. The multiplier idles.
bool passesReduction(const DatapathSpec& spec, Unit u) {
  if (spec.partialAccumulators == 1) return false;
  if (spec.params.accumulatorKind != AccumulatorKind::Float) return u == Unit::Accumulator;
  return u != Unit::Multiplier;
}

GateCount promotionAdderCells(const UnitArea& area) {
  const auto part = std::find_if(area.parts.begin(), area.parts.end(),
                                 [](const CostPart& p) { return p.name == kPromotionAdderPart; });
  return part == area.parts.end() ? GateCount{} : part->cells;
}

}  // namespace

double EnergyEstimate::fjPerDot(const UnitEnergy& u) const {
  return u.stepFj() * static_cast<double>(stepsPerDot) + u.reductionFj * static_cast<double>(reductionsPerDot) +
         u.promotionFj * static_cast<double>(promotionsPerDot);
}

double EnergyEstimate::fjPerDot() const {
  double sum = 0;
  for (const UnitEnergy& u : units) sum += fjPerDot(u);
  return sum;
}

double EnergyEstimate::pjPerMac(const UnitEnergy& u) const {
  return length > 0 ? fjPerDot(u) / 1000 / static_cast<double>(length) : 0;
}

double EnergyEstimate::percent(const UnitEnergy& u) const {
  const double total = fjPerDot();
  return total > 0 ? 100 * fjPerDot(u) / total : 0;
}

EnergyEstimate estimateEnergy(const DatapathSpec& spec, const std::array<UnitArea, kUnitCount>& areas,
                              const Technology& t, const UnitActivity& activity, std::int64_t stepsPerDot,
                              std::int64_t cyclesPerDot, std::int64_t length) {
  EnergyEstimate e;
  e.stepsPerDot = stepsPerDot;
  e.reductionsPerDot = DatapathModel::reductions(spec, stepsPerDot);
  e.promotionsPerDot = DatapathModel::promotionAdds(spec, stepsPerDot);
  e.length = length;
  e.macsCounted = activity.steps() * spec.params.lanes;
  e.cyclesPerStep = stepsPerDot > 0 ? static_cast<double>(cyclesPerDot) / static_cast<double>(stepsPerDot) : 0;
  const double fjPerToggle = t.femtojoulesPerToggle();
  const double nsPerStep = e.cyclesPerStep / t.clockGHz;
  for (std::size_t i = 0; i < kUnitCount; ++i) {
    const UnitArea& area = areas[i];
    UnitEnergy& u = e.units[i];
    u.unit = area.unit;
    const GateCount cells = area.total();
    const double flops = cells[Cell::Flop];
    // The promotion adder (and its register) switches on promotion adds only, at the
    // toggle rate of its own boundary; its clock and leakage run every cycle.
    const GateCount promotion = promotionAdderCells(area);
    const double promotionFlopGE = promotion[Cell::Flop] * t.cellGE[Cell::Flop];
    const double promotionLogicGE = t.ge(promotion) - promotionFlopGE;
    const double flopGE = flops * t.cellGE[Cell::Flop] - promotionFlopGE;
    const double logicGE = t.ge(cells) - flops * t.cellGE[Cell::Flop] - promotionLogicGE;
    const std::vector<Signal> boundary = UnitActivity::unitSignals(spec, area.unit);
    const Signal held = UnitActivity::registeredSignal(spec, area.unit);
    // The unit's nets toggle, on average, as often as its boundary bits: each GE of
    // logic switches its capacitance (switched_ff_per_ge) with that probability per
    // step. Counted without delays, so no glitches (docs/COST_MODEL.md).
    u.activity = activity.rate(boundary);
    u.logicFj = u.activity * logicGE * fjPerToggle;
    // A flop whose D input changes switches its own cells once: its GE at the rate of
    // the signal it holds (every stage of a unit's registers sees the same sequence).
    u.registerDataFj = activity.rate(std::span(&held, 1)) * flopGE * fjPerToggle;
    u.clockFj = flops * kClockTogglesPerFlopCycle * fjPerToggle * e.cyclesPerStep;
    u.leakageFj = t.ge(cells) * t.leakageNwPerGE * nsPerStep * kFjPerNwNs;
    // The reductions are not run step by step in the counting engine: each is priced
    // as one pass through the unit at the activity its steps showed.
    if (passesReduction(spec, area.unit)) u.reductionFj = u.logicFj + u.registerDataFj;
    if (t.ge(promotion) > 0) {
      const Signal promoted = Signal::Promoted;
      u.promotionActivity = activity.rate(UnitActivity::kPromotionSignals, activity.promotions());
      u.promotionFj = (u.promotionActivity * promotionLogicGE +
                       activity.rate(std::span(&promoted, 1), activity.promotions()) * promotionFlopGE) *
                      fjPerToggle;
    }
  }
  return e;
}

}  // namespace fmasim
