// AreaModel: the gate count of each of the five units of a datapath, from the widths
// in its DatapathSpec (nothing here computes a width of its own) and the chosen
// multiplier and adder architectures. Each unit is a list of named parts, so a
// report can say where the area goes; the unit's pipeline registers are one part.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "Components.hpp"
#include "datapath/DatapathSpec.hpp"

namespace fmasim {

struct CostPart {
  std::string name;
  GateCount cells;
};

struct UnitArea {
  Unit unit = Unit::Multiplier;
  std::vector<CostPart> parts;
  GateCount total() const;
};

std::array<UnitArea, kUnitCount> unitAreas(const DatapathSpec& spec, const Architecture& arch);

}  // namespace fmasim
