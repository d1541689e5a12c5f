// Each fmasim subcommand registers itself on the CLI11 app; its callback stores the
// process exit code (0 success, 1 a check failed, 2 bad input).
#pragma once

#include <CLI/CLI.hpp>

namespace fmasim {

void addFormatsCommand(CLI::App& app, int& exitCode);
void addVectorsCommand(CLI::App& app, int& exitCode);
void addRunCommand(CLI::App& app, int& exitCode);
void addCostCommand(CLI::App& app, int& exitCode);
void addCalibrateCommand(CLI::App& app, int& exitCode);
void addRtlParamsCommand(CLI::App& app, int& exitCode);
void addVerifyCommand(CLI::App& app, int& exitCode);
void addSynthCommand(CLI::App& app, int& exitCode);

}  // namespace fmasim
