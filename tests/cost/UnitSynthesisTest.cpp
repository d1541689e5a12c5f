// The area model against yosys' generic-gate synthesis of each config's RTL: every
// unit's model GE within 25 % of its synthesis (units synthesized apart), the total
// within 15 % of the units' sum and within 25 % of the whole mac flattened. One yosys
// run per config (a test of its own).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "config/RunConfig.hpp"
#include "config/TechnologyConfig.hpp"
#include "cost/UnitSynthesis.hpp"
#include "rtl/RtlParams.hpp"

namespace fmasim {
namespace {

constexpr double kUnitTolerance = 0.25, kTotalTolerance = 0.15, kWholeTolerance = 0.25;

void expectAgreement(const std::string& what, double model, double synthesized, double tolerance) {
  EXPECT_NEAR(model / synthesized, 1.0, tolerance) << what << ": model " << model << " GE, synthesis " << synthesized
                                                   << " GE";
}

class UnitSynthesisCheck : public ::testing::TestWithParam<std::string> {};

TEST_P(UnitSynthesisCheck, ModelWithinToleranceOfEachUnit) {
  std::string error;
  const auto config = loadRunConfig(GetParam(), error);
  ASSERT_TRUE(config) << error;
  if (!rtlParameters(config->spec, error)) GTEST_SKIP() << "the RTL does not build this config yet: " << error;
  const auto tech = loadTechnology("generic45", error);
  ASSERT_TRUE(tech) << error;
  const auto check = synthesizeUnits(config->spec, *tech, FMASIM_RTL_DIR, "", error);
  ASSERT_TRUE(check) << error;
  int compared = 0;
  for (const UnitSynthesis& u : check->units) {
    if (!u.modelled || (u.modelGE == 0 && u.synthesizedGE == 0)) continue;  // not modelled, or absent in both
    ASSERT_GT(u.synthesizedGE, 0) << u.name << ": no cells synthesized, model " << u.modelGE << " GE";
    expectAgreement(u.name, u.modelGE, u.synthesizedGE, kUnitTolerance);
    ++compared;
  }
  EXPECT_GE(compared, 3);  // multiplier, aligner, accumulator at least
  // The model is a sum of units: its total against the units synthesized apart, and,
  // more loosely, against the whole mac, where yosys also optimizes across the units'
  // borders (4-16 % smaller on the configs below).
  expectAgreement("total", check->modelGE, check->unitsApartGE, kTotalTolerance);
  expectAgreement("whole", check->modelGE, check->synthesizedGE, kWholeTolerance);
}

// The configs the model is checked against in CI (5-30 s of CPU each): INT8 -> INT32,
// the exact (Kulisch) FP8 MAC, FP8 E3M4 and E4M3 into fixed point, the default
// interleaved FP8 -> FP32 MAC, BF16 -> FP32, FP16 -> FP16, the windowed FP8 dot4 and a
// stalling FP8 -> FP16 stochastic MAC. docs/COST_MODEL.md has every configs/ datapath (`scripts/synth`).
std::vector<std::string> configs() {
  const std::string dir = FMASIM_CONFIGS_DIR;
  return {dir + "/int8_int32.json",
          dir + "/fp8_e4m3_kulisch.json",
          dir + "/cost_study/fp8_e3m4_fixed.json",
          dir + "/cost_study/fp8_e4m3_fixed.json",
          dir + "/fp8_e4m3_fp32.json",
          dir + "/bf16_fp32.json",
          dir + "/fp16_fp16.json",
          dir + "/fp8_e4m3_dot4.json",
          std::string(FMASIM_RTL_TEST_CONFIGS_DIR) + "/fp8_e5m2_fp16_stochastic.json"};
}

INSTANTIATE_TEST_SUITE_P(Configs, UnitSynthesisCheck, ::testing::ValuesIn(configs()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return std::filesystem::path(param.param).stem().string();
                         });

}  // namespace
}  // namespace fmasim
