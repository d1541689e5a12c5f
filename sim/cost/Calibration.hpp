// Calibration of the cost model's primitive cells against synthesis: each primitive
// has a reference block in rtl/calibration built from it alone (a ripple of full
// adders, a row of flip-flops, ...); synthesizing the block and dividing by the
// model's count of that primitive gives the primitive's cost in that technology.
// Check blocks (multipliers, a leading-zero counter) are not fitted: they test the
// model's formulas against synthesis.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "Synthesis.hpp"
#include "cost/Technology.hpp"

namespace fmasim {

struct BlockResult {
  std::string block;        // e.g. "cal_adder W=32"
  bool fitted = false;      // used to fit a primitive (else a check)
  double synthesizedGE = 0;
  double modelGE = 0;       // with the calibrated cell costs
};

struct Calibration {
  Technology technology;
  std::vector<BlockResult> blocks;
};

// `rtlDir` holds calibration/*.sv. Without a Liberty file, yosys' generic gates are
// weighted by genericGateGE and the physical numbers (area per GE, capacitance,
// voltage) come from `base`; with one, from the library's NAND2 cell.
std::optional<Calibration> calibrate(const std::string& rtlDir, const std::string& liberty, const Technology& base,
                                     std::string& error);

}  // namespace fmasim
