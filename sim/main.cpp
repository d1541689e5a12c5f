#include <CLI/CLI.hpp>

#include "Commands.hpp"

namespace {

int runFmasim(int argc, char** argv) {
  CLI::App app{"fmasim: bit-accurate and cycle-accurate simulator of MAC/FMA datapaths"};
  app.require_subcommand(1);
  int exitCode = 0;
  fmasim::addFormatsCommand(app, exitCode);
  fmasim::addVectorsCommand(app, exitCode);
  fmasim::addRunCommand(app, exitCode);
  fmasim::addCostCommand(app, exitCode);
  fmasim::addCalibrateCommand(app, exitCode);
  fmasim::addRtlParamsCommand(app, exitCode);
  fmasim::addVerifyCommand(app, exitCode);
  fmasim::addSynthCommand(app, exitCode);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exitCode;
}

}  // namespace

int main(int argc, char** argv) { return runFmasim(argc, argv); }

// libsystemc.so brings a main() of its own that calls sc_main, so the linker needs
// one. fmasim's main() above takes precedence; were SystemC's used, it would run the
// same program.
extern "C" int sc_main(int argc, char** argv) { return runFmasim(argc, argv); }
