#include "EnergyModel.hpp"

#include <span>
#include <vector>

namespace fmasim {
namespace {

// One leaking GE over t ns at p nW: p * t * 1e-18 J = p * t * 1e-3 fJ.
constexpr double kFjPerNwNs = 1e-3;

}  // namespace

double EnergyEstimate::fjPerStep() const {
  double sum = 0;
  for (const UnitEnergy& u : units) sum += u.totalFj();
  return sum;
}

double EnergyEstimate::pjPerMac(const UnitEnergy& u) const {
  if (length <= 0) return 0;
  return u.totalFj() * static_cast<double>(stepsPerDot) / 1000 / static_cast<double>(length);
}

EnergyEstimate estimateEnergy(const DatapathSpec& spec, const std::array<UnitArea, kUnitCount>& areas,
                              const Technology& t, const UnitActivity& activity, std::int64_t stepsPerDot,
                              std::int64_t cyclesPerDot, std::int64_t length) {
  EnergyEstimate e;
  e.stepsPerDot = stepsPerDot;
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
    const double flopGE = flops * t.cellGE[Cell::Flop];
    const double logicGE = t.ge(cells) - flopGE;
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
  }
  return e;
}

}  // namespace fmasim
