// Technology: what the cost model's primitive cells cost in one process, voltage and
// clock. Loaded from configs/tech/*.json (sim/config/TechnologyConfig), or derived from
// synthesis with a Liberty file (`fmasim calibrate`).
#pragma once

#include <string>

#include "GateCount.hpp"

namespace fmasim {

struct Technology {
  std::string name;
  std::string source;              // where the numbers come from
  double nodeNm = 45;
  double voltage = 1.1;            // V
  double clockGHz = 1.0;
  double um2PerGE = 0.798;         // area of one NAND2 (1 GE)
  double switchedFfPerGE = 4.0;    // capacitance switched when one GE of logic toggles, fF
  double leakageNwPerGE = 15.0;    // static power per GE, nW
  GateCount cellGE;                // GE of one primitive cell (indexed by Cell)

  // Energy of one GE toggle: C V^2 / 2.
  double femtojoulesPerToggle() const { return 0.5 * switchedFfPerGE * voltage * voltage; }
  double ge(const GateCount& g) const {
    double sum = 0;
    for (std::size_t i = 0; i < kCellCount; ++i) sum += g.n[i] * cellGE.n[i];
    return sum;
  }
};

}  // namespace fmasim
