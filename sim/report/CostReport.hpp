// Reports of `fmasim cost` (and the cost part of `fmasim run`): per unit gate
// equivalents, area and share of the total, and, with a counted workload, energy per
// MAC and its share; as a table for people and JSON/CSV for scripts.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "cost/AreaModel.hpp"
#include "cost/EnergyModel.hpp"
#include "cost/Technology.hpp"

namespace fmasim {

struct CostRow {
  std::string config;
  std::array<UnitArea, kUnitCount> units;
  std::optional<EnergyEstimate> energy;  // absent: area only
};

struct CostReport {
  Technology technology;
  Architecture architecture;
  std::vector<CostRow> rows;
};

double totalGE(const CostReport& report, const CostRow& row);

std::string costTable(const CostReport& report, bool parts);
std::string costJson(const CostReport& report);
std::string costCsv(const CostReport& report);
// The JSON of one row (costJson's "configs" entries), for reports that embed it.
nlohmann::json costRowJson(const CostReport& report, const CostRow& row);

const char* multiplierArchitectureName(MultiplierArchitecture m);
const char* adderArchitectureName(AdderArchitecture a);

}  // namespace fmasim
