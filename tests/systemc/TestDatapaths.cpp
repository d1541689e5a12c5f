#include "TestDatapaths.hpp"

#include <stdexcept>

#include "format/Decode.hpp"

namespace fmasim::test {
namespace {

Format format(const char* name) {
  auto f = formatByName(name);
  if (!f) throw std::invalid_argument(std::string("unknown format ") + name);
  return *f;
}

DatapathParams params(const std::string& name) {
  DatapathParams p;
  p.name = name;
  if (name == "fp8_fp32_mac_stall" || name == "fp8_fp32_mac_interleave") {
    p.kind = DatapathKind::Mac;
    p.a = p.b = format("fp8_e4m3");
    p.accumulator = format("fp32");
    p.stages = {1, 1, 1, 1, 1};
    p.hazard = name.ends_with("stall") ? FeedbackHazard::Stall : FeedbackHazard::Interleave;
  } else if (name == "int8_int32_dot4_wrap") {
    p.kind = DatapathKind::Dot;
    p.lanes = 4;
    p.a = p.b = format("int8");
    p.accumulatorKind = AccumulatorKind::Integer;
    p.accumulator = format("int32");
    p.integerOverflow = IntegerOverflow::Wrap;
    p.stages = {1, 1, 1, 0, 1};
    p.hazard = FeedbackHazard::Interleave;
  } else if (name == "fp8_kulisch_dot8") {
    p.kind = DatapathKind::Dot;
    p.lanes = 8;
    p.a = p.b = format("fp8_e4m3");
    p.accumulatorKind = AccumulatorKind::Fixed;
    p.stages = {1, 1, 1, 1, 1};
    p.hazard = FeedbackHazard::Interleave;
  } else if (name == "bf16_fp32_fma") {
    p.kind = DatapathKind::Fma;
    p.a = p.b = format("bf16");
    p.accumulator = format("fp32");
    p.stages = {1, 0, 1, 1, 0};
    p.hazard = FeedbackHazard::Stall;
  } else if (name == "fp8_dot4_f23_truncate") {
    p.kind = DatapathKind::Dot;
    p.lanes = 4;
    p.a = p.b = format("fp8_e4m3");
    p.accumulator = format("fp32");
    p.alignFractionBits = 23;
    p.termRounding = TermRounding::Truncate;
    p.outputFractionBits = 23;
    p.stages = {2, 1, 1, 1, 0};
    p.hazard = FeedbackHazard::Interleave;
  } else if (name == "fp16_cma_separate") {
    p.kind = DatapathKind::Cma;
    p.a = p.b = format("fp16");
    p.productFormat = format("fp16");
    p.accumulator = format("fp32");
    p.addend = AddendPath::Separate;
    p.stages = {1, 1, 0, 1, 0};
    p.hazard = FeedbackHazard::Stall;
  } else if (name == "fp8_dot2_separate_interleave") {
    p.kind = DatapathKind::Dot;
    p.lanes = 2;
    p.a = p.b = format("fp8_e4m3");
    p.accumulator = format("fp32");
    p.alignFractionBits = 10;
    p.addend = AddendPath::Separate;
    p.stages = {1, 1, 1, 1, 1};
    p.hazard = FeedbackHazard::Interleave;
  } else if (name == "fp8_fp16_stochastic_loop1") {
    p.kind = DatapathKind::Mac;
    p.a = p.b = format("fp8_e4m3");
    p.accumulator = format("fp16");
    p.outputRounding.mode = Rounding::Stochastic;
    p.stages = {1, 0, 0, 0, 0};  // a one-cycle loop: a step every cycle, a combinational rounder
    p.hazard = FeedbackHazard::Stall;
  } else if (name == "fp8_fp16_stochastic") {
    p.kind = DatapathKind::Mac;
    p.a = p.b = format("fp8_e4m3");
    p.accumulator = format("fp16");
    p.outputRounding.mode = Rounding::Stochastic;
    p.outputRounding.randomBits = 8;
    p.lfsrSeed = 0x1234567u;
    p.stages = {1, 1, 1, 0, 1};  // a combinational rounder: its LFSR advances at the edge
    p.hazard = FeedbackHazard::Interleave;
  } else {
    throw std::invalid_argument("unknown test datapath " + name);
  }
  return p;
}

}  // namespace

const std::vector<std::string>& datapathNames() {
  static const std::vector<std::string> names{
      "fp8_fp32_mac_stall", "fp8_fp32_mac_interleave", "int8_int32_dot4_wrap", "fp8_kulisch_dot8",
      "bf16_fp32_fma",      "fp8_dot4_f23_truncate",   "fp16_cma_separate",    "fp8_fp16_stochastic",
      "fp8_fp16_stochastic_loop1", "fp8_dot2_separate_interleave",
  };
  return names;
}

DatapathSpec datapath(const std::string& name) {
  std::string error;
  auto spec = deriveDatapathSpec(params(name), error);
  if (!spec) throw std::invalid_argument(name + ": " + error);
  return *spec;
}

DotOperands randomDot(const DatapathSpec& spec, std::size_t k, std::mt19937_64& rng) {
  const Decoder decodeA(spec.params.a), decodeB(spec.params.b);
  const auto draw = [&](const Decoder& d) {
    for (;;) {
      const std::uint64_t code = rng() & d.format().codeMask();
      const ValueClass cls = d(code).cls;
      if ((cls != ValueClass::Infinity && cls != ValueClass::NaN) || rng() % 64 == 0) return code;
    }
  };
  DotOperands x;
  for (std::size_t i = 0; i < k; ++i) {
    x.a.push_back(draw(decodeA));
    x.b.push_back(draw(decodeB));
  }
  return x;
}

Expected functional(DatapathModel& model, const DatapathSpec& spec, const DotOperands& x) {
  const auto lanes = static_cast<std::size_t>(spec.params.lanes);
  const std::size_t steps = (x.a.size() + lanes - 1) / lanes;
  std::vector<std::uint64_t> a(x.a), b(x.b);
  a.resize(steps * lanes, 0);
  b.resize(steps * lanes, 0);
  model.reset();
  for (std::size_t s = 0; s < steps; ++s) model.step(&a[s * lanes], &b[s * lanes], nullptr);
  const AccumulatorValue v = model.finish();
  return {v, model.flags(), static_cast<std::int64_t>(steps)};
}

}  // namespace fmasim::test
