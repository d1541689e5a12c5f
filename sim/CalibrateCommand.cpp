// `fmasim calibrate [--liberty FILE]`: fits the cost model's primitive cells to
// synthesis of the reference blocks in rtl/calibration, and writes a technology
// descriptor (configs/tech/*.json format) an architect can pass to `fmasim cost --tech`.
#include <cstdio>
#include <memory>
#include <string>

#include "Commands.hpp"
#include "config/TechnologyConfig.hpp"
#include "cost/Calibration.hpp"
#include "report/AtomicFile.hpp"

namespace fmasim {
namespace {

struct CalibrateOptions {
  std::string liberty;
  std::string base = "nangate45";
  std::string rtlDir = FMASIM_RTL_DIR;
  std::string outPath;
  double nodeNm = 0, clockGHz = 0;
};

int calibrateCommand(const CalibrateOptions& o) {
  std::string error;
  auto fail = [&] {
    std::fprintf(stderr, "fmasim calibrate: %s\n", error.c_str());
    return 2;
  };
  auto base = loadTechnology(o.base, error);
  if (!base) return fail();
  auto cal = calibrate(o.rtlDir, o.liberty, *base, error);
  if (!cal) return fail();
  Technology& t = cal->technology;
  if (o.nodeNm > 0) t.nodeNm = o.nodeNm;
  if (o.clockGHz > 0) t.clockGHz = o.clockGHz;
  std::printf("%-34s %12s %12s %8s\n", "block", "synthesis GE", "model GE", "model/syn");
  for (const BlockResult& b : cal->blocks)
    std::printf("%-34s %12.1f %12.1f %8.2f%s\n", b.block.c_str(), b.synthesizedGE, b.modelGE,
                b.modelGE / b.synthesizedGE, b.fitted ? "  (fitted)" : "");
  const std::string json = technologyJson(t);
  if (o.outPath.empty()) std::fputs(json.c_str(), stdout);
  else if (!writeFileAtomically(o.outPath, json, error)) return fail();
  return 0;
}

}  // namespace

void addCalibrateCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand("calibrate", "Fit the cost model's cells to yosys synthesis of reference blocks "
                            "(generic gates, or a Liberty library) and print a technology descriptor");
  auto o = std::make_shared<CalibrateOptions>();
  cmd.option("--liberty", o->liberty, "Liberty file (.lib or .lib.gz) to map to; default: yosys generic gates")
      .existingFile();
  cmd.option("--base", o->base, "Technology whose physical numbers are kept where the library has none")
      .showDefault();
  cmd.option("--rtl-dir", o->rtlDir, "Folder holding calibration/*.sv").showDefault();
  cmd.option("--node", o->nodeNm, "Process node in nm, for the descriptor");
  cmd.option("--clock", o->clockGHz, "Clock in GHz, for the descriptor");
  cmd.option("--out", o->outPath, "Write the descriptor to this file (default: stdout)");
  cmd.onRun([o, &exitCode] { exitCode = calibrateCommand(*o); });
}

}  // namespace fmasim
