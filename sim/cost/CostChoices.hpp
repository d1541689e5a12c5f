// How `fmasim cost` and `fmasim run` price a datapath: the technology, the multiplier and
// adder architectures, and how many MACs of each workload the toggles are counted over.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "CommandLine.hpp"
#include "config/RunConfig.hpp"
#include "cost/WorkloadEnergy.hpp"
#include "report/CostReport.hpp"

namespace fmasim {

struct CostChoices {
  std::string technology = "nangate45";
  std::string multiplier = "array";
  std::string adder = "ripple";
  std::int64_t energyMacs = kDefaultEnergyMacs;
};

// Registers --tech, --multiplier, --adder and --energy-macs.
void addCostChoices(Subcommand& cmd, CostChoices& choices);

// Every config's areas and (with energyMacs > 0) energy; nullopt with `error` set on a
// bad technology or workload.
std::optional<CostReport> costReport(const std::vector<RunConfig>& configs, const CostChoices& choices,
                                     std::string& error);

}  // namespace fmasim
