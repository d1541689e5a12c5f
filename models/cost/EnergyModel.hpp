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
  double totalFj() const { return logicFj + registerDataFj + clockFj + leakageFj; }
};

struct EnergyEstimate {
  std::array<UnitEnergy, kUnitCount> units{};
  double cyclesPerStep = 0;   // the pipeline's cycles per dot product over its steps
  std::int64_t stepsPerDot = 0;
  std::int64_t length = 0;    // K: products per dot product
  std::int64_t macsCounted = 0;  // products of the steps whose toggles were counted

  double fjPerStep() const;
  double pjPerDot() const { return fjPerStep() * static_cast<double>(stepsPerDot) / 1000; }
  // Per product (MAC): a dot product's energy over its K products (a padded last
  // step's unused lanes are paid for, as the hardware pays for them).
  double pjPerMac() const { return length > 0 ? pjPerDot() / static_cast<double>(length) : 0; }
  double pjPerMac(const UnitEnergy& u) const;
};

// cyclesPerDot: the engine's cycles for one dot product of stepsPerDot steps.
EnergyEstimate estimateEnergy(const DatapathSpec& spec, const std::array<UnitArea, kUnitCount>& areas,
                              const Technology& technology, const UnitActivity& activity, std::int64_t stepsPerDot,
                              std::int64_t cyclesPerDot, std::int64_t length);

}  // namespace fmasim
