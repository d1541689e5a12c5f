// Absolute 45 nm check: the energy and area the model gives (nangate45, counted on
// random operands) for Horowitz's operations (ISSCC 2014, anchors.md), each built as a
// one-unit config in configs/cost_study/horowitz45. Horowitz's energies are at 0.9 V,
// nangate45 is 1.1 V: at equal capacitance switching energy scales as V^2, so the
// model's logic energy is scaled by (0.9 / 1.1)^2. Registers are left out (his
// figures are of the operators). The band is a factor of 2 ("right to first order"),
// except the float multipliers' area: the published ones are 2.5x ours (a fast
// multiplier tree; docs/COST_MODEL.md explains every ratio), so a factor of 3 there;
// and the float adds' energy, 2.1x: ours is the MAC's single-path adder (window-wide
// alignment, full-width leading-zero counts, both operands normalized), and since the
// synthesis cross-check the accumulator's decode and alignment count in the normalizer
// as DATAPATH.md splits the units, so a factor of 2.5 there.
#include <cstdio>

#include "EnergyTestSupport.hpp"
#include "config/RunConfig.hpp"
#include "cost/WorkloadEnergy.hpp"

namespace energytest {
namespace {

struct Published {
  const char* config;
  std::vector<Unit> units;  // the config's units that make up the operation
  double pj;                // Horowitz, 45 nm, 0.9 V
  double um2;               // as reproduced by Kim et al., arXiv:2302.14017
  double areaBand = 2;      // the model's area within this factor
  double energyBand = 2;    // and its energy
};

TEST(Horowitz45, ModelWithinAFactorOfTwoOfThePublishedEnergyAndArea) {
  const Technology t = technology("nangate45");
  const double voltageScale = (0.9 / t.voltage) * (0.9 / t.voltage);
  const std::vector<Published> rows = {
      {"h45_int8_add", {Unit::Accumulator}, 0.03, 36},
      {"h45_int32_add", {Unit::Accumulator}, 0.1, 137},
      {"h45_int8_mul", {Unit::Multiplier}, 0.2, 282},
      {"h45_int32_mul", {Unit::Multiplier}, 3.1, 3495},
      {"h45_fp16", {Unit::Aligner, Unit::Adder, Unit::Normalizer}, 0.4, 1360, 2, 2.5},
      {"h45_fp32", {Unit::Aligner, Unit::Adder, Unit::Normalizer}, 0.9, 4184, 2, 2.5},
      {"h45_fp16", {Unit::Multiplier}, 1.1, 1640, 3},
      {"h45_fp32", {Unit::Multiplier}, 3.7, 7700, 3},
  };
  std::printf("%-14s %-34s %9s %9s %6s %9s %9s %6s\n", "config", "units", "model pJ", "Horowitz", "ratio", "model um2",
              "published", "ratio");
  for (const Published& p : rows) {
    std::string error;
    const auto config = loadRunConfig(std::string(FMASIM_CONFIGS_DIR) + "/cost_study/horowitz45/" + p.config + ".json", error);
    ASSERT_TRUE(config) << error;
    CostReport report{t, {}, {}};
    const auto row = costRow(*config, report, 16384, error);
    ASSERT_TRUE(row) << error;
    double fj = 0, ge = 0;
    std::string names;
    for (Unit u : p.units) {
      const auto i = static_cast<std::size_t>(u);
      fj += row->energy->units[i].logicFj;  // one lane: per step = per operation
      const GateCount cells = row->units[i].total();
      ge += t.ge(cells) - cells[Cell::Flop] * t.cellGE[Cell::Flop];
      names += std::string(names.empty() ? "" : "+") + unitName(u);
    }
    const double pj = fj / 1000 * voltageScale, um2 = ge * t.um2PerGE;
    std::printf("%-14s %-34s %9.3f %9.2f %6.2f %9.0f %9.0f %6.2f\n", p.config, names.c_str(), pj, p.pj, pj / p.pj, um2,
                p.um2, um2 / p.um2);
    EXPECT_GT(pj / p.pj, 1 / p.energyBand) << p.config << " " << names;
    EXPECT_LT(pj / p.pj, p.energyBand) << p.config << " " << names;
    EXPECT_GT(um2 / p.um2, 1 / p.areaBand) << p.config << " " << names;
    EXPECT_LT(um2 / p.um2, p.areaBand) << p.config << " " << names;
  }
}

}  // namespace
}  // namespace energytest
