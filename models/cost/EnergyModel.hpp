// EnergyModel: energy per step of each of the five units, from the unit's area
// (AreaModel), the technology's energy per GE toggle and leakage, and the toggle
// rates of the unit's signals counted while a workload ran (UnitActivity). So the
// energy follows the data. docs/COST_MODEL.md derives every term.
#pragma once

#include <array>
#include <cstdint>

#include "AreaModel.hpp"
#include "Technology.hpp"
#include "datapath/UnitActivity.hpp"

namespace fmasim {

// Each flop's clock pin and its internal clock inverters switch about one GE's
// capacitance on each clock edge (sky130's dfxtp_1 CLK pin is 1.8 fF, a NAND2 input
// 2.3 fF; the inverter pair driving the four transmission gates adds as much again,
// while a GE's switched capacitance counts fan-out and wire): two edges per cycle,
// so two GE toggles per flop per cycle, whether or not its data change (no clock gating).
inline constexpr double kClockTogglesPerFlopCycle = 2.0;

struct UnitEnergy {
  Unit unit = Unit::Multiplier;
  double activity = 0;         // toggles per bit per step of the unit's boundary signals
  double logicFj = 0;          // the combinational logic's switching, per step
  double registerDataFj = 0;   // the unit's flops whose data toggle, per step
  double clockFj = 0;          // every flop's clock load over the cycles of a step
  double leakageFj = 0;        // over the cycles of a step
  // One final reduction p0 + pj passing through the unit (0 if pj does not pass it, or
  // with one partial accumulator): its logic and register data at the steps' activity.
  // Its cycles' clock and leakage are in clockFj and leakageFj (cycles per step count
  // the reductions' cycles).
  double reductionFj = 0;
  // One promotion add (accumulator only): the promotion adder's logic and the promoted
  // register's data, at their toggle rate per add (promotionActivity).
  double promotionFj = 0;
  double promotionActivity = 0;  // toggles per bit per add of the word added and the promoted register
  double stepFj() const { return logicFj + registerDataFj + clockFj + leakageFj; }
};

struct EnergyEstimate {
  std::array<UnitEnergy, kUnitCount> units{};
  double cyclesPerStep = 0;   // the pipeline's cycles per dot product over its steps
  std::int64_t stepsPerDot = 0;
  std::int64_t reductionsPerDot = 0;  // final reductions of interleaved partials
  std::int64_t promotionsPerDot = 0;  // promotion adds
  std::int64_t length = 0;    // K: products per dot product
  std::int64_t macsCounted = 0;  // products of the steps whose toggles were counted

  // A unit's energy over one dot product: its steps, reductions and promotion adds.
  double fjPerDot(const UnitEnergy& u) const;
  double fjPerDot() const;
  double pjPerDot() const { return fjPerDot() / 1000; }
  // Per product (MAC): a dot product's energy over its K products (a padded last
  // step's unused lanes are paid for, as the hardware pays for them).
  double pjPerMac() const { return length > 0 ? pjPerDot() / static_cast<double>(length) : 0; }
  double pjPerMac(const UnitEnergy& u) const;
  double percent(const UnitEnergy& u) const;  // the unit's share of a dot product's energy
};

// cyclesPerDot: the engine's cycles for one dot product of stepsPerDot steps (with its
// final reductions). The reductions and promotion adds per dot product follow from
// the spec (DatapathModel::reductions, promotionAdds).
EnergyEstimate estimateEnergy(const DatapathSpec& spec, const std::array<UnitArea, kUnitCount>& areas,
                              const Technology& technology, const UnitActivity& activity, std::int64_t stepsPerDot,
                              std::int64_t cyclesPerDot, std::int64_t length);

}  // namespace fmasim
