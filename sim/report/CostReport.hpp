// Reports of `fmasim cost`: per unit gate equivalents, area and share of the total,
// as a table for people and JSON/CSV for scripts.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "cost/AreaModel.hpp"
#include "cost/Technology.hpp"

namespace fmasim {

struct CostRow {
  std::string config;
  std::array<UnitArea, kUnitCount> units;
};

struct CostReport {
  Technology technology;
  Architecture architecture;
  std::vector<CostRow> rows;
};

std::string costTable(const CostReport& report, bool parts);
std::string costJson(const CostReport& report);
std::string costCsv(const CostReport& report);

const char* multiplierArchitectureName(MultiplierArchitecture m);
const char* adderArchitectureName(AdderArchitecture a);

}  // namespace fmasim
