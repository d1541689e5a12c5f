// Synthesis with yosys 0.23: a module of rtl/ with parameters, mapped either to
// yosys' generic gates (converted to gate equivalents with the weights of
// genericGateGE) or to the cells of a Liberty library (area from `stat -liberty`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fmasim {

struct SynthesisJob {
  std::vector<std::string> files;  // SystemVerilog sources
  std::string top;
  std::vector<std::pair<std::string, long long>> parameters;
  std::string liberty;             // empty: generic gates
};

struct Synthesized {
  std::map<std::string, double> cells;  // cell type -> count
  double genericGE = 0;                 // generic gates: weighted cell count
  double libertyArea = 0;               // Liberty: chip area in the library's unit (um^2)
};

// GE of one yosys generic gate ($_NAND_ = 1), from NanGate 45 nm X1 cell areas.
double genericGateGE(const std::string& type);

std::optional<Synthesized> synthesize(const SynthesisJob& job, std::string& error);

}  // namespace fmasim
