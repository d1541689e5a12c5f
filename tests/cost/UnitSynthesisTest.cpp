// The area model against yosys' generic-gate synthesis of each config's RTL: every
// unit's model GE within 25 % of its synthesis (units synthesized apart), the total
// within 15 % of the units' sum and, for a few configs, within 25 % of the whole mac
// flattened. One yosys run per config (a test of its own).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
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

// A config, and whether the whole mac is synthesized too (flattened, abc maps every
// unit as one netlist: most of the time, 5x the units' for a 32-lane dot).
struct SynthesisCase {
  std::string path;
  bool wholeToo = false;
};

void PrintTo(const SynthesisCase& c, std::ostream* os) { *os << c.path << (c.wholeToo ? " and the whole mac" : ""); }

class UnitSynthesisCheck : public ::testing::TestWithParam<SynthesisCase> {};

TEST_P(UnitSynthesisCheck, ModelWithinToleranceOfEachUnit) {
  std::string error;
  const auto config = loadRunConfig(GetParam().path, error);
  ASSERT_TRUE(config) << error;
  ASSERT_TRUE(rtlParameters(config->spec, error)) << "the RTL does not build this config: " << error;
  const auto tech = loadTechnology("generic45", error);
  ASSERT_TRUE(tech) << error;
  const auto check = synthesizeUnits(config->spec, *tech, FMASIM_RTL_DIR, "", GetParam().wholeToo, error);
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
  ASSERT_EQ(check->wholeGE.has_value(), GetParam().wholeToo);
  if (check->wholeGE) expectAgreement("whole", check->modelGE, *check->wholeGE, kWholeTolerance);
}

// Every datapath config of configs/ (not the schema, the technologies or the format
// definitions), and a stalling FP8 -> FP16 stochastic MAC of tests/rtl (the LFSR). The
// whole mac too for a few small ones of each kind: INT8, the default interleaved FP8 ->
// FP32 MAC, FP16 -> FP16 and the windowed FP8 dot4.
std::vector<SynthesisCase> cases() {
  const std::filesystem::path dir = FMASIM_CONFIGS_DIR;
  std::vector<SynthesisCase> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const std::filesystem::path& p = entry.path();
    const std::string folder = p.parent_path().filename().string();
    if (p.extension() != ".json" || p.filename() == "schema.json" || folder == "tech" || folder == "formats")
      continue;
    out.push_back({p.string()});
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.path < y.path; });
  out.push_back({std::string(FMASIM_RTL_TEST_CONFIGS_DIR) + "/fp8_e5m2_fp16_stochastic.json"});
  for (const char* name : {"int8_int32", "fp8_e4m3_fp32", "fp16_fp16", "fp8_e4m3_dot4"})
    for (SynthesisCase& c : out)
      if (c.path == (dir / name).string() + ".json") c.wholeToo = true;
  return out;
}

// Test names: the config's path under its folder, "/" as "_" (configs/cost_study/x.json
// -> cost_study_x).
std::string caseName(const ::testing::TestParamInfo<SynthesisCase>& param) {
  const std::filesystem::path p = param.param.path;
  std::string folder = p.parent_path().filename().string();
  std::string name = folder == "configs" ? "" : folder + "_";
  name += p.stem().string();
  return name;
}

INSTANTIATE_TEST_SUITE_P(Configs, UnitSynthesisCheck, ::testing::ValuesIn(cases()), caseName);

}  // namespace
}  // namespace fmasim
