// The cost model's formulas against yosys: the primitive cells are fitted on blocks
// that contain one primitive each; the check blocks (multipliers of several sizes, a
// wider shifter, a shorter adder, an OR tree, a leading-zero counter) were not
// fitted, so their model/synthesis ratio tests the formulas.
#include <gtest/gtest.h>

#include <filesystem>

#include "config/TechnologyConfig.hpp"
#include "cost/Calibration.hpp"

namespace fmasim {
namespace {

Technology base() {
  std::string error;
  auto t = loadTechnology("nangate45", error);
  EXPECT_TRUE(t) << error;
  return *t;
}

void expectChecksWithin(const Calibration& cal, double tolerance, std::initializer_list<std::string_view> exempt) {
  int checks = 0;
  for (const BlockResult& b : cal.blocks) {
    ASSERT_GT(b.synthesizedGE, 0) << b.block;
    if (b.fitted) {
      EXPECT_NEAR(b.modelGE / b.synthesizedGE, 1.0, 1e-9) << b.block;  // fitted exactly
      continue;
    }
    bool skip = false;
    for (auto e : exempt) skip = skip || b.block.starts_with(e);
    if (skip) continue;
    ++checks;
    EXPECT_NEAR(b.modelGE / b.synthesizedGE, 1.0, tolerance)
        << b.block << ": model " << b.modelGE << " GE, synthesis " << b.synthesizedGE << " GE";
  }
  EXPECT_GE(checks, 6);
}

TEST(Calibration, GenericGatesCheckBlocksWithinTwentyPercent) {
  std::string error;
  auto cal = calibrate(FMASIM_RTL_DIR, "", base(), error);
  ASSERT_TRUE(cal) << error;
  expectChecksWithin(*cal, 0.20, {});
  // The fitted full adder of yosys' generic gates is larger than a library FA cell.
  EXPECT_GT(cal->technology.cellGE[Cell::FullAdder], cal->technology.cellGE[Cell::HalfAdder]);
}

TEST(Calibration, Sky130CheckBlocksWithinTwentyFivePercent) {
  const std::string lib = std::string(FMASIM_SHARED_DIR) + "/liberty/sky130_fd_sc_hd__tt_025C_1v80.lib.gz";
  if (!std::filesystem::exists(lib)) GTEST_SKIP() << "no " << lib << " (../shared is not beside this clone)";
  std::string error;
  auto cal = calibrate(FMASIM_RTL_DIR, lib, base(), error);
  ASSERT_TRUE(cal) << error;
  // sky130 has 3- and 4-input OR cells, which a tree of 2-input gates does not model.
  expectChecksWithin(*cal, 0.25, {"cal_or_reduce"});
  EXPECT_NEAR(cal->technology.um2PerGE, 3.7536, 1e-3);  // sky130_fd_sc_hd__nand2_1
  EXPECT_NEAR(cal->technology.voltage, 1.8, 1e-9);
}

TEST(Calibration, MissingLibertyIsAnError) {
  std::string error;
  EXPECT_FALSE(calibrate(FMASIM_RTL_DIR, "/nonexistent/x.lib", base(), error));
  EXPECT_NE(error.find("/nonexistent/x.lib"), std::string::npos) << error;
}

}  // namespace
}  // namespace fmasim
