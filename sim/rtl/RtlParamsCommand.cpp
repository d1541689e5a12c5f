// `fmasim rtl-params CONFIG`: the parameter set of rtl/mac.sv for a config, derived
// from its DatapathSpec, as Verilator -G arguments or yosys chparam commands.
#include <cstdio>
#include <memory>
#include <string>

#include "Commands.hpp"
#include "config/RunConfig.hpp"
#include "report/AtomicFile.hpp"
#include "rtl/RtlParams.hpp"

namespace fmasim {
namespace {

struct RtlParamsOptions {
  std::string config;
  std::string format = "verilator";
  std::string output;
};

int rtlParamsCommand(const RtlParamsOptions& o) {
  std::string error;
  const auto config = loadRunConfig(o.config, error);
  if (!config) {
    std::fprintf(stderr, "fmasim rtl-params: %s\n", error.c_str());
    return 2;
  }
  const auto params = rtlParameters(config->spec, error);
  if (!params) {
    std::fprintf(stderr, "fmasim rtl-params: %s: %s\n", o.config.c_str(), error.c_str());
    return 2;
  }
  const std::string text = o.format == "yosys" ? yosysParameterCommands(*params) : verilatorParameterArgs(*params);
  if (o.output.empty()) {
    std::fputs(text.c_str(), stdout);
    return 0;
  }
  if (!writeFileAtomically(o.output, text, error)) {
    std::fprintf(stderr, "fmasim rtl-params: %s\n", error.c_str());
    return 2;
  }
  return 0;
}

}  // namespace

void addRtlParamsCommand(CommandLine& cli, int& exitCode) {
  auto cmd = cli.subcommand("rtl-params", "Print the parameters of the RTL (rtl/mac.sv) for a datapath config");
  auto o = std::make_shared<RtlParamsOptions>();
  cmd.option("config", o->config, "JSON config file (see configs/)").required();
  cmd.option("--format", o->format, "verilator (-GNAME=VALUE lines, for verilator -f) or yosys (chparam commands)")
      .oneOf({"verilator", "yosys"});
  cmd.option("-o,--output", o->output, "Write to this file instead of stdout");
  cmd.onRun([o, &exitCode] { exitCode = rtlParamsCommand(*o); });
}

}  // namespace fmasim
