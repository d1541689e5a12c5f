#include "Commands.hpp"

namespace {

int runFmasim(int argc, char** argv) {
  fmasim::CommandLine cli("fmasim: bit-accurate and cycle-accurate simulator of MAC/FMA datapaths");
  int exitCode = 0;
  fmasim::addFormatsCommand(cli, exitCode);
  fmasim::addVectorsCommand(cli, exitCode);
  fmasim::addRunCommand(cli, exitCode);
  fmasim::addCostCommand(cli, exitCode);
  fmasim::addCalibrateCommand(cli, exitCode);
  fmasim::addRtlParamsCommand(cli, exitCode);
  fmasim::addVerifyCommand(cli, exitCode);
  fmasim::addSynthCommand(cli, exitCode);
  const int parseExit = cli.parse(argc, argv);
  return parseExit >= 0 ? parseExit : exitCode;
}

}  // namespace

int main(int argc, char** argv) { return runFmasim(argc, argv); }

// libsystemc.so brings a main() of its own that calls sc_main, so the linker needs
// one. fmasim's main() above takes precedence; were SystemC's used, it would run the
// same program.
extern "C" int sc_main(int argc, char** argv) { return runFmasim(argc, argv); }
