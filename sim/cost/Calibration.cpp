#include "Calibration.hpp"

#include <filesystem>
#include <functional>

#include "Liberty.hpp"
#include "ScratchDir.hpp"
#include "cost/Components.hpp"

namespace fmasim {
namespace {

struct Block {
  std::string module;
  std::vector<std::pair<std::string, long long>> parameters;
  std::function<GateCount()> model;  // the cost model's count for the block
  std::optional<Cell> fits;          // the primitive this block calibrates
};

std::vector<Block> blocks() {
  const Architecture arrayRipple{};
  return {
      {"cal_register", {{"W", 32}}, [] { return registerBits(32); }, Cell::Flop},
      {"cal_inverter", {{"W", 32}}, [] { return cells(Cell::Inv, 32); }, Cell::Inv},
      {"cal_negate", {{"W", 32}}, [] { return conditionalNegate(32); }, Cell::Xor2},
      {"cal_and", {{"W", 32}}, [] { return cells(Cell::And2, 32); }, Cell::And2},
      {"cal_incrementer", {{"W", 32}}, [] { return incrementer(32); }, Cell::HalfAdder},
      {"cal_adder", {{"W", 32}}, [] { return carryPropagateAdder(32, AdderArchitecture::Ripple); }, Cell::FullAdder},
      {"cal_shifter", {{"W", 32}, {"S", 5}}, [] { return shifter(32, 31); }, Cell::Mux2},
      {"cal_adder", {{"W", 12}}, [] { return carryPropagateAdder(12, AdderArchitecture::Ripple); }, std::nullopt},
      {"cal_shifter", {{"W", 64}, {"S", 6}}, [] { return shifter(64, 63); }, std::nullopt},
      {"cal_multiplier", {{"M", 4}, {"N", 4}}, [=] { return significandMultiplier(4, 4, arrayRipple); }, std::nullopt},
      {"cal_multiplier", {{"M", 8}, {"N", 8}}, [=] { return significandMultiplier(8, 8, arrayRipple); }, std::nullopt},
      {"cal_multiplier", {{"M", 11}, {"N", 11}}, [=] { return significandMultiplier(11, 11, arrayRipple); }, std::nullopt},
      {"cal_multiplier", {{"M", 24}, {"N", 24}}, [=] { return significandMultiplier(24, 24, arrayRipple); }, std::nullopt},
      {"cal_or_reduce", {{"W", 32}}, [] { return orReduce(32); }, std::nullopt},
      {"cal_lzc", {{"W", 32}}, [] { return leadingZeroCounter(32); }, std::nullopt},
  };
}

std::string describe(const Block& b) {
  std::string s = b.module;
  for (const auto& [name, value] : b.parameters) s += " " + name + "=" + std::to_string(value);
  return s;
}

}  // namespace

std::optional<Calibration> calibrate(const std::string& rtlDir, const std::string& liberty, const Technology& base,
                                     std::string& error) {
  Calibration cal;
  Technology& t = cal.technology;
  t = base;
  std::string plainLiberty;
  std::optional<LibertyFacts> facts;
  ScratchDir scratch;  // holds a decompressed copy of the library
  if (!liberty.empty()) {
    facts = readLiberty(liberty, scratch.path().string(), plainLiberty, error);
    if (!facts) return std::nullopt;
    t.name = std::filesystem::path(liberty).stem().stem().string();
    t.source = "fmasim calibrate --liberty " + liberty + " (1 GE = " + facts->nand2 + ")";
    t.um2PerGE = facts->nand2Area;
    if (facts->nominalVoltage > 0) t.voltage = facts->nominalVoltage;
    // A toggling gate drives about two inputs plus local wire (half an input more).
    if (facts->nand2InputFf > 0) t.switchedFfPerGE = 2.5 * facts->nand2InputFf;
    if (facts->nand2LeakageNw > 0) t.leakageNwPerGE = facts->nand2LeakageNw;
  } else {
    t.name = "generic-" + base.name;
    t.source = "fmasim calibrate: yosys generic gates weighted by NanGate 45 nm X1 areas; physical numbers of " +
               base.name;
  }
  for (const Block& b : blocks()) {
    SynthesisJob job{{(std::filesystem::path(rtlDir) / "calibration" / (b.module + ".sv")).string()},
                     b.module, b.parameters, plainLiberty, {}, false};
    auto s = synthesize(job, error);
    if (!s) return std::nullopt;
    const double ge = liberty.empty() ? s->whole->genericGE : s->whole->libertyArea / t.um2PerGE;
    const GateCount model = b.model();
    if (b.fits) {
      GateCount others = model;
      others[*b.fits] = 0;
      t.cellGE[*b.fits] = (ge - t.ge(others)) / model[*b.fits];
    }
    cal.blocks.push_back({describe(b), b.fits.has_value(), ge, t.ge(model)});
  }
  return cal;
}

}  // namespace fmasim
