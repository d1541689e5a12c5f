// The energy of a config's datapath on its own workload: a prefix of the workload
// runs through the functional engine's counting step routine, and the toggles it
// counts drive the energy model.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/RunConfig.hpp"
#include "cost/EnergyModel.hpp"
#include "report/CostReport.hpp"

namespace fmasim {

// Counts the toggles of the first maxMacs products (whole steps, at least one) of the
// workload. On a workload error returns nullopt with `error` set.
std::optional<EnergyEstimate> workloadEnergy(const RunConfig& config, const std::array<UnitArea, kUnitCount>& areas,
                                             const Technology& technology, std::int64_t maxMacs, std::string& error);

// Energy is counted over this many MACs of each workload unless told otherwise.
inline constexpr std::int64_t kDefaultEnergyMacs = 65536;

// A config's row of a cost report in report.technology and report.architecture: the
// areas, and with energyMacs > 0 the energy over that prefix of its workload.
std::optional<CostRow> costRow(const RunConfig& config, const CostReport& report, std::int64_t energyMacs,
                               std::string& error);

}  // namespace fmasim
