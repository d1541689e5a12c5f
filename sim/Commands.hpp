// Each fmasim subcommand registers itself on the command line; its callback stores the
// process exit code (0 success, 1 a check failed, 2 bad input).
#pragma once

#include "CommandLine.hpp"

namespace fmasim {

void addFormatsCommand(CommandLine& cli, int& exitCode);
void addVectorsCommand(CommandLine& cli, int& exitCode);
void addRunCommand(CommandLine& cli, int& exitCode);
void addCostCommand(CommandLine& cli, int& exitCode);
void addCalibrateCommand(CommandLine& cli, int& exitCode);
void addRtlParamsCommand(CommandLine& cli, int& exitCode);
void addVerifyCommand(CommandLine& cli, int& exitCode);
void addSynthCommand(CommandLine& cli, int& exitCode);

}  // namespace fmasim
