// Energy of the work a dot product does besides its steps: the final reduction of
// interleaved partial accumulators and the promotion adds (docs/COST_MODEL.md,
// "Energy per operation"). The expected values are derived here from the units'
// per-step energies, the areas and the counts DATAPATH.md gives, not read back from
// the reduction and promotion numbers the model reports.
#include <algorithm>
#include <bit>
#include <cstdio>

#include "EnergyTestSupport.hpp"
#include "TestRandom.hpp"
#include "config/RunConfig.hpp"
#include "cost/WorkloadEnergy.hpp"

namespace energytest {
namespace {

RunConfig loadConfig(const std::string& path) {
  std::string error;
  const auto config = loadRunConfig(path, error);
  if (!config) throw std::runtime_error(error);
  return *config;
}

DatapathSpec derive(const DatapathParams& p) {
  std::string error;
  const auto spec = deriveDatapathSpec(p, error);
  if (!spec) throw std::runtime_error(error);
  return *spec;
}

// The config with another datapath and dot products of `length`, its energy counted
// over `macs` products.
EnergyEstimate energyOf(RunConfig config, const DatapathParams& params, std::int64_t length, std::int64_t macs) {
  config.spec = derive(params);
  config.workload.length = length;
  config.workload.count = std::max<std::int64_t>(1, macs / length);
  std::string error;
  const auto e = workloadEnergy(config, unitAreas(config.spec, {}), technology("nangate45"), macs, error);
  if (!e) throw std::runtime_error(error);
  return *e;
}

double dynamicFj(const UnitEnergy& u) { return u.logicFj + u.registerDataFj; }
const UnitEnergy& unit(const EnergyEstimate& e, Unit u) { return e.units[static_cast<std::size_t>(u)]; }

// The per-step energy of a datapath as it was before reductions and promotions were
// charged, recomputed here from the counted toggles: per unit the boundary signals
// of docs/COST_MODEL.md's table (a fused float accumulator, or an integer one).
double perStepFormulaFj(const DatapathSpec& spec, const Technology& t, const UnitActivity& activity, Unit u,
                        double cyclesPerStep) {
  const bool floatAcc = spec.params.accumulatorKind == AccumulatorKind::Float;
  std::vector<Signal> boundary;
  Signal held = Signal::Accumulator;
  switch (u) {
    case Unit::Multiplier:
      boundary = {Signal::OperandA, Signal::OperandB, Signal::Product};
      held = Signal::Product;
      break;
    case Unit::Aligner:
      boundary = {Signal::Product, Signal::AlignedTerm};
      if (floatAcc) boundary.push_back(Signal::Accumulator);  // the fused addend
      held = Signal::AlignedTerm;
      break;
    case Unit::Adder:
      boundary = {Signal::AlignedTerm, Signal::Sum};
      held = Signal::Sum;
      break;
    case Unit::Normalizer:
      if (floatAcc) boundary = {Signal::Sum, Signal::Rounded};
      held = floatAcc ? Signal::Rounded : Signal::Sum;
      break;
    case Unit::Accumulator:
      boundary = {floatAcc ? Signal::Rounded : Signal::Sum, Signal::Accumulator};
      break;
  }
  const auto rateOf = [&](const std::vector<Signal>& signals) {
    double toggles = 0, bits = 0;
    for (Signal s : signals) toggles += static_cast<double>(activity.toggles(s)), bits += activity.bits(s);
    return bits == 0 ? 0 : toggles / (bits * static_cast<double>(activity.steps()));
  };
  const GateCount cells = unitAreas(spec, {})[static_cast<std::size_t>(u)].total();
  const double flops = cells[Cell::Flop], flopGE = flops * t.cellGE[Cell::Flop];
  const double e = t.femtojoulesPerToggle();
  return rateOf(boundary) * (t.ge(cells) - flopGE) * e + rateOf({held}) * flopGE * e + flops * 2 * e * cyclesPerStep +
         t.ge(cells) * t.leakageNwPerGE * cyclesPerStep / t.clockGHz * 1e-3;
}

// Without promotion and with one partial accumulator nothing changes: a dot product
// costs its steps, each the sum of the units' per-step energies.
TEST(ReductionPromotionEnergy, WithoutPromotionOrPartialsADotProductCostsItsStepsAsBefore) {
  const Technology t = technology("nangate45");
  const RunConfig promoted = loadConfig(std::string(FMASIM_RTL_TEST_CONFIGS_DIR) + "/fp8_e4m3_dot4_fp16_promoted.json");
  DatapathParams plain = promoted.spec.params;
  plain.promotion.reset();
  for (const DatapathSpec& spec : {derive(plain), macSpec("int8", "int32", AccumulatorKind::Integer, 1, {1, 0, 1, 0, 1})}) {
    ASSERT_EQ(spec.partialAccumulators, 1);
    testsupport::Rng rng(11);
    const std::int64_t steps = 3000;
    // Random 8-bit codes below 2 in magnitude (FP8: the top exponent bit clear), so
    // that the FP16 accumulator does not overflow and stop switching.
    const UnitActivity activity = countActivity(spec, steps, [&] { return rng.next() & 0xBF; });
    const std::int64_t cycles = DatapathModel::cycles(spec, steps);
    const EnergyEstimate e = estimateEnergy(spec, unitAreas(spec, {}), t, activity, steps, cycles, steps * spec.params.lanes);
    EXPECT_EQ(e.reductionsPerDot, 0);
    EXPECT_EQ(e.promotionsPerDot, 0);
    double expectedFj = 0;
    for (const UnitEnergy& u : e.units) {
      const double stepFj = perStepFormulaFj(spec, t, activity, u.unit, static_cast<double>(cycles) / steps);
      EXPECT_DOUBLE_EQ(e.fjPerDot(u), stepFj * steps) << unitName(u.unit);
      EXPECT_EQ(u.reductionFj, 0);
      EXPECT_EQ(u.promotionFj, 0);
      expectedFj += stepFj * steps;
    }
    EXPECT_DOUBLE_EQ(e.pjPerDot(), expectedFj / 1000);
  }
}

// An interleaved FP8 -> FP32 MAC (configs/fp8_e4m3_fp32.json, four partials) on short
// dot products, where the reductions weigh: each of the min(steps, L) - 1 reductions
// passes aligner, adder, normalizer and the accumulator register once (DATAPATH.md).
TEST(ReductionPromotionEnergy, InterleavedPartialsPayTheirFinalReductions) {
  const RunConfig config = loadConfig(std::string(FMASIM_CONFIGS_DIR) + "/fp8_e4m3_fp32.json");
  const DatapathParams interleaved = config.spec.params;
  ASSERT_EQ(interleaved.hazard, FeedbackHazard::Interleave);
  DatapathParams stalled = interleaved;
  stalled.hazard = FeedbackHazard::Stall;
  const int loop = config.spec.feedbackLatency;
  ASSERT_GT(loop, 2);
  for (const std::int64_t length : {std::int64_t{2}, std::int64_t{16}, config.workload.length}) {
    const EnergyEstimate x = energyOf(config, interleaved, length, 16384);
    const EnergyEstimate y = energyOf(config, stalled, length, 16384);
    const std::int64_t reductions = std::min<std::int64_t>(length, loop) - 1;
    EXPECT_EQ(x.reductionsPerDot, reductions) << length;
    EXPECT_EQ(y.reductionsPerDot, 0) << length;
    // The steps as before, plus a pass of each unit on the reduction path per reduction.
    // The interleaved units are wider than the twin's (a term holds a partial, the
    // special path its NaN payload): the twin's energies are scaled by the GE ratio.
    const auto xAreas = unitAreas(derive(interleaved), {}), yAreas = unitAreas(derive(stalled), {});
    const Technology t = technology("nangate45");
    const auto twinFj = [&](Unit u) {
      const auto i = static_cast<std::size_t>(u);
      return dynamicFj(unit(y, u)) * t.ge(xAreas[i].total()) / t.ge(yAreas[i].total());
    };
    double stepsFj = 0, passFj = 0, twinPassFj = 0;
    for (const UnitEnergy& u : x.units) stepsFj += u.stepFj() * static_cast<double>(length);
    for (Unit u : {Unit::Aligner, Unit::Adder, Unit::Normalizer, Unit::Accumulator}) {
      passFj += dynamicFj(unit(x, u));
      twinPassFj += twinFj(u);
    }
    const double reductionFj = x.fjPerDot() - stepsFj;
    EXPECT_NEAR(reductionFj, static_cast<double>(reductions) * passFj, 1e-9 * x.fjPerDot()) << length;
    EXPECT_DOUBLE_EQ(x.fjPerDot(unit(x, Unit::Multiplier)), unit(x, Unit::Multiplier).stepFj() * static_cast<double>(length));
    // Against the stall twin: the multiplier sees the same operands; the reductions
    // cost about what the twin's units spend on one step each (priced at the twin's
    // own activity; interleaving raises the per-step activity a little, up to 1.3x at
    // K = 4096, as consecutive steps come from different partials).
    EXPECT_DOUBLE_EQ(dynamicFj(unit(x, Unit::Multiplier)), dynamicFj(unit(y, Unit::Multiplier)));
    const double twinReductionFj = static_cast<double>(reductions) * twinPassFj;
    EXPECT_GT(reductionFj, 0.75 * twinReductionFj) << length;
    EXPECT_LT(reductionFj, 1.5 * twinReductionFj) << length;
    std::printf("K %4lld: %lld reductions %8.1f fJ (stall twin's units, one step each: %8.1f fJ); pJ per dot %.3f "
                "(steps only %.3f)\n",
                static_cast<long long>(length), static_cast<long long>(reductions), reductionFj, twinReductionFj,
                x.pjPerDot(), stepsFj / 1000);
  }
}

// The promotion signals' toggles are the Hamming distances of the words added and of
// the promoted sums, computed here with host floats: four lanes of 1.0 x 1.0, two
// steps per promotion, so every add is 8.0 (FP16) and the promoted FP32 register
// holds 8, 16, 24, ...
TEST(ReductionPromotionEnergy, PromotionTogglesAreThoseOfTheWordsAddedAndThePromotedSums) {
  const RunConfig config = loadConfig(std::string(FMASIM_RTL_TEST_CONFIGS_DIR) + "/fp8_e4m3_dot4_fp16_promoted.json");
  ASSERT_EQ(config.spec.promotionSteps, 2);
  const std::uint64_t one = 0x38;  // 1.0 in FP8 E4M3
  const int adds = 40;
  const UnitActivity activity = countActivity(config.spec, 2 * adds, [&] { return one; });
  EXPECT_EQ(activity.promotions(), adds);
  EXPECT_EQ(activity.toggles(Signal::PromotionInput), std::popcount(0x4800u));  // 8.0 in FP16, from 0 once
  std::int64_t promotedToggles = 0;
  std::uint32_t last = 0;
  for (int k = 1; k <= adds; ++k) {
    const auto code = std::bit_cast<std::uint32_t>(8.0f * static_cast<float>(k));
    promotedToggles += std::popcount(code ^ last);
    last = code;
  }
  EXPECT_EQ(activity.toggles(Signal::Promoted), promotedToggles);
}

// Promotion (tests/rtl/configs/fp8_e4m3_dot4_fp16_promoted.json, FP16 unit into FP32)
// at intervals of 8, 16 and 32 products: 512, 256, 128 adds per dot product of 4096.
// The accumulator's energy grows with 1/interval: halving the interval twice adds
// twice as much the first time as the second, at a rate per add the promotion
// adder's size bounds; the other units do not pay for promotions.
TEST(ReductionPromotionEnergy, PromotionAddsCostTheAccumulatorInProportionToOneOverTheInterval) {
  const Technology t = technology("nangate45");
  const RunConfig config = loadConfig(std::string(FMASIM_RTL_TEST_CONFIGS_DIR) + "/fp8_e4m3_dot4_fp16_promoted.json");
  const std::int64_t length = config.workload.length, lanes = config.spec.params.lanes;
  std::vector<double> accumulatorFj;
  double promotionLogicGE = 0;
  for (const int interval : {8, 16, 32}) {
    DatapathParams p = config.spec.params;
    p.promotion->interval = interval;
    const EnergyEstimate e = energyOf(config, p, length, 16384);
    const std::int64_t steps = length / lanes, stepsPerAdd = interval / lanes;
    EXPECT_EQ(e.promotionsPerDot, (steps + stepsPerAdd - 1) / stepsPerAdd) << interval;
    for (const UnitEnergy& u : e.units) {
      if (u.unit == Unit::Accumulator) continue;
      EXPECT_DOUBLE_EQ(e.fjPerDot(u), u.stepFj() * static_cast<double>(steps)) << unitName(u.unit);
    }
    accumulatorFj.push_back(e.fjPerDot(unit(e, Unit::Accumulator)));
    const UnitArea area = unitAreas(derive(p), {})[static_cast<std::size_t>(Unit::Accumulator)];
    const auto part = std::find_if(area.parts.begin(), area.parts.end(),
                                   [](const CostPart& c) { return c.name == "promotion adder"; });
    ASSERT_NE(part, area.parts.end());
    promotionLogicGE = t.ge(part->cells) - part->cells[Cell::Flop] * t.cellGE[Cell::Flop];
    std::printf("interval %2d: %lld promotion adds, accumulator %.1f pJ per dot product, %.4f pJ per MAC in all\n",
                interval, static_cast<long long>(e.promotionsPerDot), accumulatorFj.back() / 1000, e.pjPerMac());
  }
  const double first = accumulatorFj[0] - accumulatorFj[1], second = accumulatorFj[1] - accumulatorFj[2];
  ASSERT_GT(second, 0);
  EXPECT_NEAR(first / second, 2, 0.4);
  // Per add: at least a tenth and at most all of the adder's logic switching once.
  const double perAddFj = (accumulatorFj[0] - accumulatorFj[2]) / (512 - 128);
  EXPECT_GT(perAddFj, 0.1 * promotionLogicGE * t.femtojoulesPerToggle());
  EXPECT_LT(perAddFj, promotionLogicGE * t.femtojoulesPerToggle());
}

}  // namespace
}  // namespace energytest
