#include "CostChoices.hpp"

#include "config/TechnologyConfig.hpp"

namespace fmasim {

void addCostChoices(Subcommand& cmd, CostChoices& c) {
  cmd.option("--tech", c.technology, "Technology: a built-in name (nangate45, n7, generic45, sky130) or a .json descriptor")
      .showDefault();
  cmd.option("--multiplier", c.multiplier, "Significand multiplier architecture")
      .oneOf({"array", "dadda", "booth4"})
      .showDefault();
  cmd.option("--adder", c.adder, "Carry-propagate adder architecture").oneOf({"ripple", "prefix"}).showDefault();
  cmd.option("--energy-macs", c.energyMacs,
             "Energy: count toggles over the first N MACs of each config's workload in the functional engine "
             "(0: area only)")
      .range(0, std::int64_t{1} << 40)
      .showDefault();
}

std::optional<CostReport> costReport(const std::vector<RunConfig>& configs, const CostChoices& c, std::string& error) {
  auto technology = loadTechnology(c.technology, error);
  if (!technology) return std::nullopt;
  CostReport report{*technology, {}, {}};
  report.architecture.multiplier = c.multiplier == "dadda"    ? MultiplierArchitecture::Dadda
                                   : c.multiplier == "booth4" ? MultiplierArchitecture::Booth4
                                                              : MultiplierArchitecture::Array;
  report.architecture.adder = c.adder == "prefix" ? AdderArchitecture::Prefix : AdderArchitecture::Ripple;
  for (const RunConfig& config : configs) {
    auto row = costRow(config, report, c.energyMacs, error);
    if (!row) return std::nullopt;
    report.rows.push_back(std::move(*row));
  }
  return report;
}

}  // namespace fmasim
