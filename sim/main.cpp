#include <CLI/CLI.hpp>

#include "Commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"fmasim: bit-accurate and cycle-accurate simulator of MAC/FMA datapaths"};
  app.require_subcommand(1);
  int exitCode = 0;
  fmasim::addFormatsCommand(app, exitCode);
  fmasim::addVectorsCommand(app, exitCode);
  fmasim::addRunCommand(app, exitCode);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exitCode;
}
