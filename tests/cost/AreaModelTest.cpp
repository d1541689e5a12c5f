// Properties the area model must have whatever its constants: what grows with what,
// and that a unit's area is the sum of its parts. Absolute numbers are checked
// against synthesis in CalibrationTest.
#include <gtest/gtest.h>

#include "config/RunConfig.hpp"
#include "config/TechnologyConfig.hpp"
#include "cost/AreaModel.hpp"

namespace fmasim {
namespace {

DatapathSpec specOf(const std::string& config) {
  std::string error;
  auto c = loadRunConfig(std::string(FMASIM_CONFIGS_DIR) + "/" + config + ".json", error);
  EXPECT_TRUE(c) << error;
  return c->spec;
}

DatapathSpec derived(DatapathParams p) {
  std::string error;
  auto s = deriveDatapathSpec(p, error);
  EXPECT_TRUE(s) << error;
  return *s;
}

Technology tech() {
  std::string error;
  return *loadTechnology("generic45", error);
}

double unitGE(const DatapathSpec& s, Unit u, const Architecture& arch = {}) {
  return tech().ge(unitAreas(s, arch)[static_cast<int>(u)].total());
}

double partGE(const DatapathSpec& s, Unit u, const std::string& part) {
  double ge = 0;
  const auto units = unitAreas(s, {});
  for (const CostPart& p : units[static_cast<int>(u)].parts)
    if (p.name == part) ge += tech().ge(p.cells);
  return ge;
}

TEST(AreaModel, EveryConfigHasAMultiplierAnAccumulatorAndNoEmptyPart) {
  for (const char* name : {"int8_int32", "fp8_e4m3_fp32", "fp8_e5m2_fp32", "fp8_e4m3_fp16", "fp8_e4m3_kulisch",
                           "bf16_fp32", "fp16_fp16", "fp32_fp32", "fp8_e4m3_dot4"}) {
    const auto units = unitAreas(specOf(name), {});
    EXPECT_GT(tech().ge(units[0].total()), 0) << name;
    EXPECT_GT(tech().ge(units[4].total()), 0) << name;
    for (const UnitArea& u : units)
      for (const CostPart& p : u.parts) EXPECT_GT(tech().ge(p.cells), 0) << name << " " << p.name;
  }
}

TEST(AreaModel, IntegerAccumulatorNeedsNoNormalizer) {
  EXPECT_EQ(unitGE(specOf("int8_int32"), Unit::Normalizer), 0);
  EXPECT_GT(unitGE(specOf("fp8_e4m3_fp32"), Unit::Normalizer), 0);
}

TEST(AreaModel, WiderSignificandsCostMoreMultiplier) {
  const double fp8 = partGE(specOf("fp8_e4m3_fp32"), Unit::Multiplier, "significand multiplier");
  const double bf16 = partGE(specOf("bf16_fp32"), Unit::Multiplier, "significand multiplier");
  const double fp32 = partGE(specOf("fp32_fp32"), Unit::Multiplier, "significand multiplier");
  EXPECT_LT(fp8, bf16);
  EXPECT_LT(bf16, fp32);
  // A 24 x 24 array has (24/8)^2 = 9 times the cells of an 8 x 8 one, to first order.
  EXPECT_GT(fp32 / bf16, 6.0);
}

TEST(AreaModel, LanesMultiplyTheMultipliers) {
  DatapathSpec dot4 = specOf("fp8_e4m3_dot4");
  DatapathParams p = dot4.params;
  p.lanes = 8;
  const DatapathSpec dot8 = derived(p);
  EXPECT_NEAR(partGE(dot8, Unit::Multiplier, "significand multiplier"),
              2 * partGE(dot4, Unit::Multiplier, "significand multiplier"), 1e-9);
  EXPECT_GT(unitGE(dot8, Unit::Aligner), 1.7 * unitGE(dot4, Unit::Aligner));
  EXPECT_GT(unitGE(dot8, Unit::Adder), unitGE(dot4, Unit::Adder));
}

TEST(AreaModel, ExactFixedAccumulatorIsWiderThanInt32) {
  EXPECT_GT(partGE(specOf("fp8_e4m3_kulisch"), Unit::Accumulator, "accumulator registers"),
            partGE(specOf("int8_int32"), Unit::Accumulator, "accumulator registers"));
}

TEST(AreaModel, InterleavedPartialsAddRegistersAndASelect) {
  DatapathParams p = specOf("fp8_e4m3_fp32").params;
  p.hazard = FeedbackHazard::Stall;
  const DatapathSpec stall = derived(p);
  p.hazard = FeedbackHazard::Interleave;
  const DatapathSpec interleave = derived(p);
  ASSERT_GT(interleave.partialAccumulators, 1);
  EXPECT_GT(partGE(interleave, Unit::Accumulator, "accumulator registers"),
            partGE(stall, Unit::Accumulator, "accumulator registers"));
  EXPECT_GT(partGE(interleave, Unit::Accumulator, "partial reads"), 0);
  EXPECT_EQ(partGE(stall, Unit::Accumulator, "partial reads"), 0);
}

TEST(AreaModel, PipelineStagesAddRegistersOnly) {
  DatapathParams p = specOf("fp8_e4m3_fp32").params;
  p.stages = {0, 0, 0, 0, 0};
  const DatapathSpec flat = derived(p);
  p.stages = {2, 0, 0, 0, 0};
  const DatapathSpec deep = derived(p);
  EXPECT_EQ(partGE(flat, Unit::Multiplier, "pipeline registers"), 0);
  EXPECT_GT(partGE(deep, Unit::Multiplier, "pipeline registers"), 0);
  EXPECT_NEAR(unitGE(deep, Unit::Multiplier) - partGE(deep, Unit::Multiplier, "pipeline registers"),
              unitGE(flat, Unit::Multiplier), 1e-9);
}

TEST(AreaModel, StochasticRoundingAddsItsSource) {
  DatapathParams p = specOf("fp8_e4m3_fp32").params;
  p.outputRounding.mode = Rounding::Stochastic;
  EXPECT_GT(partGE(derived(p), Unit::Normalizer, "stochastic source"), 0);
  EXPECT_EQ(partGE(specOf("fp8_e4m3_fp32"), Unit::Normalizer, "stochastic source"), 0);
}

TEST(AreaModel, BoothAndPrefixChangeTheMultiplierAndAdders) {
  const DatapathSpec s = specOf("fp32_fp32");
  const double array = unitGE(s, Unit::Multiplier, {MultiplierArchitecture::Array, AdderArchitecture::Ripple});
  const double booth = unitGE(s, Unit::Multiplier, {MultiplierArchitecture::Booth4, AdderArchitecture::Ripple});
  EXPECT_NE(array, booth);
  // One product: the addend's add is the normalizer's (it joins there with exact alignment).
  EXPECT_GT(unitGE(s, Unit::Normalizer, {MultiplierArchitecture::Array, AdderArchitecture::Prefix}),
            unitGE(s, Unit::Normalizer, {MultiplierArchitecture::Array, AdderArchitecture::Ripple}));
}

TEST(AreaModel, PromotionAddsAFloatAdderOfThePromotionFormat) {
  EXPECT_GT(partGE(specOf("tensorcores/h100_fp8_fp32_promoted"), Unit::Accumulator, "promotion adder"), 0);
  EXPECT_EQ(partGE(specOf("tensorcores/h100_fp8_fp32"), Unit::Accumulator, "promotion adder"), 0);
}

}  // namespace
}  // namespace fmasim
