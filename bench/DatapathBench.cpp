// Single-core throughput of the functional datapath engine (DatapathModel::step):
// items/s is MACs/s (lanes products per step). Operand codes are pre-generated
// finite random codes of the operand formats.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "datapath/DatapathModel.hpp"
#include "format/Format.hpp"

namespace fmasim::bench {
namespace {

constexpr std::size_t kCodes = 1 << 16;

DatapathSpec makeSpec(DatapathKind kind, const char* in, const char* acc, AccumulatorKind accKind, int lanes,
                      std::optional<int> fractionBits) {
  DatapathParams p;
  p.kind = kind;
  p.a = p.b = *formatByName(in);
  p.accumulator = *formatByName(acc);
  p.accumulatorKind = accKind;
  p.lanes = lanes;
  p.alignFractionBits = fractionBits;
  std::string error;
  return *deriveDatapathSpec(p, error);
}

// Random finite codes of f (NaN and infinity codes redrawn).
std::vector<std::uint64_t> makeCodes(const Format& f, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::vector<std::uint64_t> codes;
  codes.reserve(kCodes);
  while (codes.size() < kCodes) {
    const std::uint64_t code = gen() & f.codeMask();
    const ValueClass cls = decode(f, code).cls;
    if (cls == ValueClass::Zero || cls == ValueClass::Finite) codes.push_back(code);
  }
  return codes;
}

// configs/tensorcores/h100_fp8_fp32.json (and its promoted variant): H100 wgmma FP8,
// k = 32, F = 13, FP32 output with 13 fraction bits toward zero.
DatapathSpec h100Fp8Spec(bool promoted) {
  DatapathParams p;
  p.kind = DatapathKind::Dot;
  p.a = p.b = *formatByName("fp8_e4m3");
  p.accumulator = *formatByName("fp32");
  p.lanes = 32;
  p.alignFractionBits = 13;
  p.zeroAddendExponent = -126;
  p.outputFractionBits = 13;
  p.outputRounding.mode = Rounding::TowardZero;
  p.nanResult = NanResult::Canonical;
  p.overflowToInfinity = true;
  if (promoted) p.promotion = PromotionParams{128, *formatByName("fp32"), RoundingMode{}};
  std::string error;
  return *deriveDatapathSpec(p, error);
}

// counting: the engine with a UnitActivity, so every step takes the counting
// routine (the unit functions plus each unit's toggles) instead of the plain one.
void run(benchmark::State& state, const DatapathSpec& spec, bool counting) {
  UnitActivity activity(spec);
  DatapathModel model(spec, counting ? &activity : nullptr);
  const std::vector<std::uint64_t> a = makeCodes(spec.params.a, 1), b = makeCodes(spec.params.b, 2);
  const auto lanes = static_cast<std::size_t>(spec.params.lanes);
  for (auto _ : state) {
    model.reset();
    for (std::size_t i = 0; i + lanes <= kCodes; i += lanes) model.step(&a[i], &b[i], nullptr);
    benchmark::DoNotOptimize(model.finish());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kCodes / lanes * lanes));
}

void engine(benchmark::State& state, DatapathSpec spec) { run(state, spec, false); }
void counting(benchmark::State& state, DatapathSpec spec) { run(state, spec, true); }

BENCHMARK_CAPTURE(engine, fp8_e4m3_to_fp32_mac,
                  makeSpec(DatapathKind::Mac, "fp8_e4m3", "fp32", AccumulatorKind::Float, 1, std::nullopt));
BENCHMARK_CAPTURE(engine, int8_to_int32_mac,
                  makeSpec(DatapathKind::Mac, "int8", "int32", AccumulatorKind::Integer, 1, std::nullopt));
BENCHMARK_CAPTURE(engine, fp8_e4m3_dot4_f24_to_fp32,
                  makeSpec(DatapathKind::Dot, "fp8_e4m3", "fp32", AccumulatorKind::Float, 4, 24));
BENCHMARK_CAPTURE(engine, fp8_e4m3_dot32_f24_to_fp32,
                  makeSpec(DatapathKind::Dot, "fp8_e4m3", "fp32", AccumulatorKind::Float, 32, 24));
BENCHMARK_CAPTURE(engine, h100_fp8_dot32_f13_to_fp32p13, h100Fp8Spec(false));
BENCHMARK_CAPTURE(engine, h100_fp8_dot32_f13_to_fp32p13_promoted128, h100Fp8Spec(true));
BENCHMARK_CAPTURE(engine, bf16_to_fp32_fma,
                  makeSpec(DatapathKind::Fma, "bf16", "fp32", AccumulatorKind::Float, 1, std::nullopt));

// The activity-counting step routine (fmasim cost's energy) beside the plain ones above.
BENCHMARK_CAPTURE(counting, fp8_e4m3_to_fp32_mac,
                  makeSpec(DatapathKind::Mac, "fp8_e4m3", "fp32", AccumulatorKind::Float, 1, std::nullopt));
BENCHMARK_CAPTURE(counting, int8_to_int32_mac,
                  makeSpec(DatapathKind::Mac, "int8", "int32", AccumulatorKind::Integer, 1, std::nullopt));
BENCHMARK_CAPTURE(counting, fp8_e4m3_dot4_f24_to_fp32,
                  makeSpec(DatapathKind::Dot, "fp8_e4m3", "fp32", AccumulatorKind::Float, 4, 24));
BENCHMARK_CAPTURE(counting, fp8_e4m3_dot32_f24_to_fp32,
                  makeSpec(DatapathKind::Dot, "fp8_e4m3", "fp32", AccumulatorKind::Float, 32, 24));

}  // namespace
}  // namespace fmasim::bench

BENCHMARK_MAIN();
