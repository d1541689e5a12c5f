// `fmasim cost [CONFIG...]`: area of each datapath unit from the first-principles
// model (models/cost), in gate equivalents and in a technology's um^2, and its energy
// per MAC from the toggles of a prefix of the config's workload.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "Commands.hpp"
#include "config/RunConfig.hpp"
#include "config/TechnologyConfig.hpp"
#include "cost/WorkloadEnergy.hpp"
#include "report/AtomicFile.hpp"
#include "report/CostReport.hpp"

namespace fmasim {
namespace {

struct CostOptions {
  std::vector<std::string> configs;
  std::string technology = "nangate45";
  std::string multiplier = "array";
  std::string adder = "ripple";
  std::string jsonPath, csvPath;
  std::int64_t energyMacs = kDefaultEnergyMacs;
  bool parts = false;
  bool quiet = false;
};

int costCommand(const CostOptions& o) {
  std::string error;
  auto fail = [&] {
    std::fprintf(stderr, "fmasim cost: %s\n", error.c_str());
    return 2;
  };
  const auto configs = loadRunConfigs(o.configs, error);
  if (!configs) return fail();
  auto technology = loadTechnology(o.technology, error);
  if (!technology) return fail();
  CostReport report{*technology, {}, {}};
  report.architecture.multiplier = o.multiplier == "dadda"    ? MultiplierArchitecture::Dadda
                                   : o.multiplier == "booth4" ? MultiplierArchitecture::Booth4
                                                              : MultiplierArchitecture::Array;
  report.architecture.adder = o.adder == "prefix" ? AdderArchitecture::Prefix : AdderArchitecture::Ripple;
  for (const RunConfig& c : *configs) {
    auto row = costRow(c, report, o.energyMacs, error);
    if (!row) return fail();
    report.rows.push_back(std::move(*row));
  }
  if (!o.quiet) std::fputs(costTable(report, o.parts).c_str(), stdout);
  if (!o.jsonPath.empty() && !writeFileAtomically(o.jsonPath, costJson(report), error)) return fail();
  if (!o.csvPath.empty() && !writeFileAtomically(o.csvPath, costCsv(report), error)) return fail();
  return 0;
}

}  // namespace

void addCostCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand("cost", "Area and energy of each unit (multiplier, aligner, adder, normalizer, accumulator) "
                            "from the first-principles model; with no config, the default configs");
  auto o = std::make_shared<CostOptions>();
  cmd.option("config", o->configs, "JSON config files (see configs/)");
  cmd.option("--tech", o->technology, "Technology: a built-in name (nangate45, n7, generic45, sky130) or a .json descriptor")
      .showDefault();
  cmd.option("--multiplier", o->multiplier, "Significand multiplier architecture")
      .oneOf({"array", "dadda", "booth4"})
      .showDefault();
  cmd.option("--adder", o->adder, "Carry-propagate adder architecture")
      .oneOf({"ripple", "prefix"})
      .showDefault();
  cmd.option("--energy-macs", o->energyMacs,
             "Energy: count toggles over the first N MACs of each config's workload in the functional engine "
             "(0: area only)")
      .range(0, std::int64_t{1} << 40)
      .showDefault();
  cmd.flag("--parts", o->parts, "List each unit's parts (shifters, adders, registers, ...)");
  cmd.option("--json", o->jsonPath, "Write the report as JSON to this file");
  cmd.option("--csv", o->csvPath, "Write the report as CSV to this file");
  cmd.flag("--quiet", o->quiet, "No table on stdout");
  cmd.onRun([o, &exitCode] { exitCode = costCommand(*o); });
}

}  // namespace fmasim
