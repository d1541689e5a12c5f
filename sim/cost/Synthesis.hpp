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

// Cells mapped as a module of their own, so the result gives their area apart: those
// of the instances whose hierarchical name matches one of `instances` (yosys
// patterns, matched anywhere in the path: "u_multiplier*" also takes
// g_lane[1].u_multiplier_regs). Grouping happens after flattening and constant
// propagation, so logic an instance's unused outputs or constant inputs make dead
// is gone, as in the flattened design.
struct CellGroup {
  std::string name;  // letters, digits and '_'
  std::vector<std::string> instances;
};

struct SynthesisJob {
  std::vector<std::string> files;  // SystemVerilog sources
  std::string top;
  std::vector<std::pair<std::string, long long>> parameters;
  std::string liberty;             // empty: generic gates
  std::vector<CellGroup> groups;   // empty: the whole design flattened as one
  // With groups, also the whole design flattened: abc then maps one netlist of every
  // unit, which takes most of the time for wide designs (5x the groups' for a 32-lane dot).
  bool wholeToo = false;
};

struct SynthesizedArea {
  std::map<std::string, double> cells;  // cell type -> count
  double genericGE = 0;                 // generic gates: weighted cell count
  double libertyArea = 0;               // Liberty: chip area in the library's unit (um^2)
};

// Each group's part ("" for the cells of none), mapped with the groups kept apart, and
// the whole design flattened (without groups, or with wholeToo): the groups' sum
// exceeds the whole by what optimizing across unit borders saves.
struct Synthesized {
  std::optional<SynthesizedArea> whole;
  std::map<std::string, SynthesizedArea> groups;
};

// A parameter value as chparam reads it: decimal, or 32-bit hex for values beyond a
// 32-bit int and for negative ones (chparam reads no minus sign).
std::string yosysParameterValue(long long v);

// GE of one yosys generic gate ($_NAND_ = 1), from NanGate 45 nm X1 cell areas.
double genericGateGE(const std::string& type);

std::optional<Synthesized> synthesize(const SynthesisJob& job, std::string& error);

}  // namespace fmasim
