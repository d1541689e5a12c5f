// `fmasim synth CONFIG... [--liberty FILE]`: synthesizes each config's RTL (rtl/mac.sv)
// with yosys, every unit apart, and sets its GE beside the area model's.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "Commands.hpp"
#include "config/RunConfig.hpp"
#include "config/TechnologyConfig.hpp"
#include "report/AtomicFile.hpp"
#include "report/SynthesisReport.hpp"
#include "rtl/RtlParams.hpp"

namespace fmasim {
namespace {

struct SynthOptions {
  std::vector<std::string> configs;
  std::string liberty;
  std::string technology;  // default: generic45, or sky130 with --liberty
  std::string rtlDir = FMASIM_RTL_DIR;
  std::string jsonPath;
  bool skipUnsupported = false;
  bool wholeToo = false;
};

int synthCommand(const SynthOptions& o) {
  std::string error;
  auto fail = [&] {
    std::fprintf(stderr, "fmasim synth: %s\n", error.c_str());
    return 2;
  };
  const std::string techName = !o.technology.empty() ? o.technology : o.liberty.empty() ? "generic45" : "sky130";
  const auto tech = loadTechnology(techName, error);
  if (!tech) return fail();
  SynthesisReport report{o.liberty.empty() ? "yosys generic gates" : o.liberty, tech->name, {}};
  for (const std::string& path : o.configs) {
    const auto config = loadRunConfig(path, error);
    if (!config) return fail();
    if (o.skipUnsupported && !rtlParameters(config->spec, error)) {
      std::fprintf(stderr, "fmasim synth: %s: skipped: %s\n", path.c_str(), error.c_str());
      continue;
    }
    auto check = synthesizeUnits(config->spec, *tech, o.rtlDir, o.liberty, o.wholeToo, error);
    if (!check) {
      error = path + ": " + error;
      return fail();
    }
    report.rows.push_back({config->name, *check});
    std::fputs(synthesisTable({report.mapping, report.technology, {report.rows.back()}}).c_str(), stdout);
    std::fflush(stdout);
  }
  if (!o.jsonPath.empty() && !writeFileAtomically(o.jsonPath, synthesisJson(report), error)) return fail();
  return 0;
}

}  // namespace

void addSynthCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand("synth", "Synthesize each unit of a config's RTL with yosys (generic gates or a "
                            "Liberty library) beside the area model's GE");
  auto o = std::make_shared<SynthOptions>();
  cmd.option("config", o->configs, "JSON config files (see configs/)").required();
  cmd.option("--liberty", o->liberty, "Liberty file (.lib or .lib.gz) to map to; default: yosys generic gates")
      .existingFile();
  cmd.option("--tech", o->technology,
             "The model's technology (name or .json, e.g. from fmasim calibrate); default generic45, "
             "sky130 with --liberty");
  cmd.option("--rtl-dir", o->rtlDir, "Folder holding mac.sv and its units").showDefault();
  cmd.option("--json", o->jsonPath, "Write the report as JSON to this file");
  cmd.flag("--skip-unsupported", o->skipUnsupported,
           "Skip (with a note on stderr) configs the RTL does not build yet instead of failing");
  cmd.flag("--whole", o->wholeToo,
           "Also synthesize the whole mac flattened (optimized across the units' borders; most of the "
           "time for wide dot products)");
  cmd.onRun([o, &exitCode] { exitCode = synthCommand(*o); });
}

}  // namespace fmasim
