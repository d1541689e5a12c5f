// `fmasim cost [CONFIG...]`: area of each datapath unit from the first-principles
// model (models/cost), in gate equivalents and in a technology's um^2, and its energy
// per MAC from the toggles of a prefix of the config's workload.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "Commands.hpp"
#include "config/RunConfig.hpp"
#include "cost/CostChoices.hpp"
#include "report/AtomicFile.hpp"
#include "report/CostReport.hpp"

namespace fmasim {
namespace {

struct CostOptions {
  std::vector<std::string> configs;
  CostChoices choices;
  std::string jsonPath, csvPath;
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
  const auto report = costReport(*configs, o.choices, error);
  if (!report) return fail();
  if (!o.quiet) std::fputs(costTable(*report, o.parts).c_str(), stdout);
  if (!o.jsonPath.empty() && !writeFileAtomically(o.jsonPath, costJson(*report), error)) return fail();
  if (!o.csvPath.empty() && !writeFileAtomically(o.csvPath, costCsv(*report), error)) return fail();
  return 0;
}

}  // namespace

void addCostCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand("cost", "Area and energy of each unit (multiplier, aligner, adder, normalizer, accumulator) "
                            "from the first-principles model; with no config, the default configs");
  auto o = std::make_shared<CostOptions>();
  cmd.option("config", o->configs, "JSON config files (see configs/)");
  addCostChoices(cmd, o->choices);
  cmd.flag("--parts", o->parts, "List each unit's parts (shifters, adders, registers, ...)");
  cmd.option("--json", o->jsonPath, "Write the report as JSON to this file");
  cmd.option("--csv", o->csvPath, "Write the report as CSV to this file");
  cmd.flag("--quiet", o->quiet, "No table on stdout");
  cmd.onRun([o, &exitCode] { exitCode = costCommand(*o); });
}

}  // namespace fmasim
