// The area model against yosys' generic-gate synthesis of each config's RTL: every
// unit's model GE within 25 % of its synthesis (units synthesized apart), the total
// within 15 % of the whole mac's. One yosys run per config (a test of its own).
// Where the RTL is larger than the hardware the model describes, for a reason stated
// below, the unit is listed as a known excess: the test then requires the excess to
// be still there, so that the list shrinks when the RTL is improved.
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

constexpr double kUnitTolerance = 0.25, kTotalTolerance = 0.15;

struct KnownExcess {
  std::string scope;  // "float" or "integer" (accumulator kind; not fixed point), or one config's name
  std::string unit;   // a unit, or "total"
  const char* why;
};
// docs/COST_MODEL.md, "Model against synthesis of the RTL", explains each.
const std::vector<KnownExcess> kKnownExcess = {
    {"float", "normalizer",
     "rtl/mac_normalizer.sv finds leading ones by a binary search of variable shifts (three times), normalizes both "
     "the sum and the accumulator before aligning them, and rounds twice at a variable position"},
    {"float", "total", "the normalizer's excess"},
    {"float", "accumulator", "the load port (verification) is a 2:1 mux on every accumulator bit"},
    {"integer", "aligner",
     "the product's magnitude is negated over the whole 32-bit window with its +1 (a carry-in of the accumulate "
     "adder in the model)"},
    {"fp8_e5m2_fp16_stochastic", "aligner",
     "without aligner registers the unit is the product's negate, done with its +1 (a carry-in of the normalizer's "
     "adder in the model), which the normalizer then undoes by taking the absolute value"},
};

const char* kindScope(AccumulatorKind kind) {
  return kind == AccumulatorKind::Float ? "float" : kind == AccumulatorKind::Integer ? "integer" : "fixed";
}

const KnownExcess* knownExcess(const std::string& config, const std::string& unit, AccumulatorKind kind) {
  for (const KnownExcess& k : kKnownExcess)
    if (k.unit == unit && (k.scope == config || k.scope == kindScope(kind))) return &k;
  return nullptr;
}

void expectAgreement(const std::string& config, const std::string& what, double model, double synthesized,
                     double tolerance, AccumulatorKind kind) {
  const double ratio = model / synthesized;
  if (const KnownExcess* k = knownExcess(config, what, kind)) {
    EXPECT_LT(ratio, 1 - tolerance) << what << ": the RTL is no longer larger than the model (model " << model
                                    << " GE, synthesis " << synthesized << " GE): remove it from kKnownExcess ("
                                    << k->why << ")";
    return;
  }
  EXPECT_NEAR(ratio, 1.0, tolerance) << what << ": model " << model << " GE, synthesis " << synthesized << " GE";
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
  const AccumulatorKind kind = config->spec.params.accumulatorKind;
  int compared = 0;
  for (const UnitSynthesis& u : check->units) {
    if (!u.modelled || (u.modelGE == 0 && u.synthesizedGE == 0)) continue;  // not modelled, or absent in both
    ASSERT_GT(u.synthesizedGE, 0) << u.name << ": no cells synthesized, model " << u.modelGE << " GE";
    expectAgreement(config->name, u.name, u.modelGE, u.synthesizedGE, kUnitTolerance, kind);
    ++compared;
  }
  EXPECT_GE(compared, 4);
  expectAgreement(config->name, "total", check->modelGE, check->synthesizedGE, kTotalTolerance, kind);
}

// The configs the model is checked against in CI: an INT32 MAC, the exact (Kulisch) FP8
// MAC and a stalling FP8 -> FP16 stochastic MAC. The other configs/ datapaths (the
// interleaved float MACs, dot4) synthesize for 30 s to over 15 min of CPU each and their
// aligner and adder stand 25-27 % below synthesis since the dot and interleave RTL was
// merged: docs/COST_MODEL.md lists them; `scripts/synth` runs them all.
std::vector<std::string> configs() {
  return {std::string(FMASIM_CONFIGS_DIR) + "/int8_int32.json", std::string(FMASIM_CONFIGS_DIR) + "/fp8_e4m3_kulisch.json",
          std::string(FMASIM_RTL_TEST_CONFIGS_DIR) + "/fp8_e5m2_fp16_stochastic.json"};
}

INSTANTIATE_TEST_SUITE_P(Configs, UnitSynthesisCheck, ::testing::ValuesIn(configs()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return std::filesystem::path(param.param).stem().string();
                         });

}  // namespace
}  // namespace fmasim
