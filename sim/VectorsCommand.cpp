#include "Commands.hpp"
namespace fmasim {
void addVectorsCommand(CLI::App& app, int& exitCode) { (void)app; (void)exitCode; }
}  // namespace fmasim
