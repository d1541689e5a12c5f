// DatapathSpec derivation: widths computed by hand for a few configs, every
// validation error naming its JSON path, and the pipeline's latency, feedback loop
// and cycle count (docs/DATAPATH.md) computed by hand from the stage counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "DatapathTestSupport.hpp"

namespace dptest {
namespace {

DatapathParams dot(const char* a, const char* b, int lanes) {
  DatapathParams p;
  p.kind = lanes == 1 ? DatapathKind::Mac : DatapathKind::Dot;
  p.a = fmt(a);
  p.b = fmt(b);
  p.lanes = lanes;
  p.accumulatorKind = AccumulatorKind::Float;
  p.accumulator = fmt("fp32");
  return p;
}

TEST(SpecDerivation, Fp8E4M3Products) {
  // E4M3: 3 mantissa bits, emin = 1 - 7 = -6, emax = 8 (448 = 1.75 * 2^8).
  DatapathParams p = dot("fp8_e4m3", "fp8_e4m3", 16);
  p.accumulatorKind = AccumulatorKind::Fixed;
  const DatapathSpec s = derive(p);
  EXPECT_EQ(s.productSigBits, 8);       // 4 x 4 bits
  EXPECT_EQ(s.productFracBits, 6);      // 3 + 3
  EXPECT_EQ(s.productExpMin, -12);      // -6 + -6
  EXPECT_EQ(s.productExpMax, 16);       // 8 + 8
  EXPECT_EQ(s.productLsbExpMin, -18);   // 2^-9 * 2^-9
  EXPECT_EQ(s.accumulatorFracBits, 18);
  // Largest product below 2^18: 18 integer bits, 12 headroom, sign, 18 fraction bits.
  EXPECT_EQ(s.accumulatorBits, 18 + 12 + 1 + 18);
  p.headroomBits = 20;
  EXPECT_EQ(derive(p).accumulatorBits, 18 + 20 + 1 + 18);
}

TEST(SpecDerivation, Fp8E5M2AndFp16Products) {
  // E5M2: 2 mantissa bits, emin = -14, emax = 15.
  DatapathParams p = dot("fp8_e5m2", "fp8_e5m2", 32);
  p.accumulatorKind = AccumulatorKind::Fixed;
  DatapathSpec s = derive(p);
  EXPECT_EQ(s.productSigBits, 6);
  EXPECT_EQ(s.productExpMin, -28);
  EXPECT_EQ(s.productExpMax, 30);
  EXPECT_EQ(s.productLsbExpMin, -32);
  EXPECT_EQ(s.accumulatorFracBits, 32);
  EXPECT_EQ(s.accumulatorBits, 32 + 12 + 1 + 32);
  // FP16 x E4M3: 11 x 4 bits, emin -14 + -6, emax 15 + 8, smallest 2^-24 * 2^-9.
  s = derive(dot("fp16", "fp8_e4m3", 4));
  EXPECT_EQ(s.productSigBits, 15);
  EXPECT_EQ(s.productFracBits, 13);
  EXPECT_EQ(s.productExpMin, -20);
  EXPECT_EQ(s.productExpMax, 23);
  EXPECT_EQ(s.productLsbExpMin, -33);
}

TEST(SpecDerivation, IntegerProductsShareOneExponent) {
  DatapathParams p = dot("int8", "int8", 1);
  p.accumulatorKind = AccumulatorKind::Integer;
  p.accumulator = fmt("int32");
  const DatapathSpec s = derive(p);
  // int8 read as sig * 2^7 with sig in [0, 1] (7 fraction bits): products sig * 2^14.
  EXPECT_EQ(s.productSigBits, 16);
  EXPECT_EQ(s.productFracBits, 14);
  EXPECT_EQ(s.productExpMin, 14);
  EXPECT_EQ(s.productExpMax, 14);
  EXPECT_EQ(s.productLsbExpMin, 0);
  EXPECT_EQ(s.accumulatorBits, 32);
  EXPECT_EQ(s.accumulatorFracBits, 0);
}

TEST(SpecDerivation, WindowedAdder) {
  // F = 13: a term < 4 * 2^R kept down to 2^(R-13): 13 + 2 magnitude bits and a sign;
  // 4 products and the fused addend: 5 terms, 3 more bits.
  DatapathParams p = dot("fp16", "fp16", 4);
  p.alignFractionBits = 13;
  DatapathSpec s = derive(p);
  EXPECT_FALSE(s.exactAlignment);
  EXPECT_EQ(s.alignWindowBits, 16);
  EXPECT_EQ(s.adderBits, 19);
  p.addend = AddendPath::Separate;  // 4 terms: 2 more bits
  s = derive(p);
  EXPECT_EQ(s.adderBits, 18);
  p.outputFractionBits = 13;
  s = derive(p);
  EXPECT_EQ(s.outputFractionBits, 13);
  EXPECT_EQ(s.roundingFormat.manBits, 13);
}

// ---- validation errors ----

void expectError(const DatapathParams& p, const std::string& path, const std::string& what) {
  std::string error;
  const auto s = deriveDatapathSpec(p, error);
  EXPECT_FALSE(s.has_value()) << what;
  EXPECT_EQ(error.rfind(path, 0), 0u) << what << ": the error should start with its path, got: " << error;
}

TEST(SpecValidation, LanesOutOfRange) {
  for (int lanes : {0, -1, 1 << 20}) {
    DatapathParams p = dot("fp16", "fp16", 4);
    p.alignFractionBits = 13;
    p.lanes = lanes;
    expectError(p, "/datapath/lanes", "lanes " + std::to_string(lanes));
  }
}

TEST(SpecValidation, SeveralLanesOnlyForDot) {
  for (DatapathKind k : {DatapathKind::Mac, DatapathKind::Fma, DatapathKind::Cma}) {
    DatapathParams p = dot("bf16", "bf16", 4);
    p.kind = k;
    if (k == DatapathKind::Cma) p.productFormat = fmt("bf16");
    expectError(p, "/datapath/lanes", "lanes 4, kind " + std::to_string(int(k)));
  }
}

TEST(SpecValidation, FractionBitsWithIntegerOrFixedAccumulator) {
  DatapathParams p = dot("int8", "int8", 1);
  p.accumulatorKind = AccumulatorKind::Integer;
  p.accumulator = fmt("int32");
  p.alignFractionBits = 8;
  expectError(p, "/datapath/alignment/fraction_bits", "integer accumulator");
  DatapathParams q = dot("fp8_e4m3", "fp8_e4m3", 8);
  q.accumulatorKind = AccumulatorKind::Fixed;
  q.alignFractionBits = 8;
  expectError(q, "/datapath/alignment/fraction_bits", "fixed accumulator");
}

TEST(SpecValidation, PrecisionBitsOutOfRange) {
  for (int bits : {24, 30, -1, 0}) {
    DatapathParams p = dot("bf16", "bf16", 4);
    p.alignFractionBits = 24;
    p.outputFractionBits = bits;
    expectError(p, "/datapath/accumulator/precision_bits", "fp32 precision " + std::to_string(bits));
  }
  DatapathParams p = dot("fp8_e4m3", "fp8_e4m3", 4);
  p.alignFractionBits = 13;
  p.accumulator = fmt("fp16");
  p.outputFractionBits = 11;
  expectError(p, "/datapath/accumulator/precision_bits", "fp16 precision 11");
  for (int bits : {1, 10}) {  // the edges are allowed
    p.outputFractionBits = bits;
    std::string error;
    EXPECT_TRUE(deriveDatapathSpec(p, error).has_value()) << bits << ": " << error;
  }
}

TEST(SpecValidation, IntegerAccumulatorWithFloatOperands) {
  DatapathParams p = dot("fp8_e4m3", "int8", 1);
  p.accumulatorKind = AccumulatorKind::Integer;
  p.accumulator = fmt("int32");
  expectError(p, "/datapath/accumulator/format", "float x int into int32");
  p.a = fmt("bf16");
  p.b = fmt("bf16");
  expectError(p, "/datapath/accumulator/format", "bf16 into int32");
}

TEST(SpecValidation, ExactAlignmentTooWide) {
  // bf16 products span 2^-266 .. 2^256: far beyond a 126-bit adder.
  expectError(dot("bf16", "bf16", 4), "/datapath/alignment/fraction_bits", "bf16 exact");
  expectError(dot("fp32", "fp32", 2), "/datapath/alignment/fraction_bits", "fp32 exact");
  // FP16 products span 2^-48 .. 2^32: 81 bits with sign, fine.
  std::string error;
  EXPECT_TRUE(deriveDatapathSpec(dot("fp16", "fp16", 16), error).has_value()) << error;
}

TEST(SpecValidation, PipelineStageOutOfRange) {
  const char* names[] = {"multiplier", "aligner", "adder", "normalizer", "accumulator"};
  for (int u = 0; u < kUnitCount; ++u)
    for (int bad : {-1, 100}) {
      DatapathParams p = dot("fp16", "fp16", 4);
      p.alignFractionBits = 13;
      p.stages[static_cast<std::size_t>(u)] = bad;
      expectError(p, std::string("/datapath/pipeline/") + names[u], names[u] + std::string(" ") + std::to_string(bad));
    }
}

TEST(SpecValidation, CmaNeedsAProductFormat) {
  DatapathParams p = dot("bf16", "bf16", 1);
  p.kind = DatapathKind::Cma;
  expectError(p, "/datapath/product/format", "cma without product format");
}

// ---- pipeline, feedback and cycles ----

struct PipelineCase {
  const char* name;
  AccumulatorKind acc;
  AddendPath addend;
  std::array<int, kUnitCount> stages;  // multiplier, aligner, adder, normalizer, accumulator
  FeedbackHazard hazard;
  int latency;  // by hand: sum of the stages + 1
  int loop;     // by hand: the registers on the accumulate loop
  int reduction = 0;  // by hand, when not the loop: cycles of one final reduction
};

DatapathParams pipelineParams(const PipelineCase& c) {
  DatapathParams p;
  if (c.acc == AccumulatorKind::Integer) {
    p = dot("int8", "int8", 1);
    p.accumulatorKind = AccumulatorKind::Integer;
    p.accumulator = fmt("int32");
  } else {
    p = dot("fp8_e4m3", "fp8_e4m3", 8);
    p.accumulatorKind = c.acc;
    if (c.acc == AccumulatorKind::Float) p.alignFractionBits = 24;
  }
  p.addend = c.addend;
  p.stages = c.stages;
  p.hazard = c.hazard;
  return p;
}

// cycles = (steps - 1) * II + latency + (min(steps, partials) - 1) * R,
// II = L when stalling, 1 when interleaving; partials = L when interleaving; R = L,
// or more where a reduction's partial passes units outside the loop.
std::int64_t handCycles(const PipelineCase& c, std::int64_t steps) {
  const bool interleave = c.hazard == FeedbackHazard::Interleave;
  const std::int64_t ii = interleave ? 1 : c.loop, partials = interleave ? c.loop : 1;
  return (steps - 1) * ii + c.latency + (std::min(steps, partials) - 1) * (c.reduction ? c.reduction : c.loop);
}

TEST(Pipeline, LatencyLoopAndCycles) {
  const PipelineCase cases[] = {
      // fused float: loop = acc reg 1 + acc 0 + normalizer 1 + aligner 0 + adder 1 = 3
      {"fused_stall", AccumulatorKind::Float, AddendPath::Fused, {1, 0, 1, 1, 0}, FeedbackHazard::Stall, 4, 3},
      {"fused_interleave", AccumulatorKind::Float, AddendPath::Fused, {1, 0, 1, 1, 0}, FeedbackHazard::Interleave, 4, 3},
      // separate float: loop = 1 + acc 1 + normalizer 2 = 4 (aligner 1 and adder 1 are outside);
      // a reduction's partial also passes the aligner and the adder: 4 + 1 + 1 = 6
      {"separate_interleave", AccumulatorKind::Float, AddendPath::Separate, {2, 1, 1, 2, 1}, FeedbackHazard::Interleave,
       8, 4, 6},
      {"separate_stall", AccumulatorKind::Float, AddendPath::Separate, {2, 1, 1, 2, 1}, FeedbackHazard::Stall, 8, 4, 6},
      // fused float, deep: 1 + 2 + 3 + 1 + 2 = 9
      {"fused_deep", AccumulatorKind::Float, AddendPath::Fused, {0, 1, 2, 3, 2}, FeedbackHazard::Interleave, 9, 9},
      // fixed point: only the accumulator's own stages: 1 + 2 = 3
      {"fixed_stall", AccumulatorKind::Fixed, AddendPath::Fused, {1, 2, 1, 0, 2}, FeedbackHazard::Stall, 7, 3},
      {"fixed_interleave", AccumulatorKind::Fixed, AddendPath::Fused, {1, 2, 1, 0, 2}, FeedbackHazard::Interleave, 7, 3},
      // integer, no accumulator stages: loop 1, interleaving has one partial
      {"int_interleave", AccumulatorKind::Integer, AddendPath::Fused, {1, 0, 1, 1, 0}, FeedbackHazard::Interleave, 4, 1},
      {"all_zero", AccumulatorKind::Float, AddendPath::Fused, {0, 0, 0, 0, 0}, FeedbackHazard::Stall, 1, 1},
  };
  for (const PipelineCase& c : cases) {
    const DatapathSpec s = derive(pipelineParams(c));
    EXPECT_EQ(s.latency, c.latency) << c.name;
    EXPECT_EQ(s.feedbackLatency, c.loop) << c.name;
    for (std::int64_t steps : {1, 2, 3, 4, 5, 10, 1000})
      EXPECT_EQ(DatapathModel::cycles(s, steps), handCycles(c, steps)) << c.name << " steps " << steps;
  }
  // Numbers by hand for three of them.
  EXPECT_EQ(DatapathModel::cycles(derive(pipelineParams(cases[0])), 10), 9 * 3 + 4);
  EXPECT_EQ(DatapathModel::cycles(derive(pipelineParams(cases[1])), 10), 9 + 4 + 2 * 3);
  EXPECT_EQ(DatapathModel::cycles(derive(pipelineParams(cases[1])), 2), 1 + 4 + 1 * 3);
  EXPECT_EQ(DatapathModel::cycles(derive(pipelineParams(cases[2])), 100), 99 + 8 + 3 * 6);
  EXPECT_EQ(DatapathModel::cycles(derive(pipelineParams(cases[5])), 5), 4 * 3 + 7);
}

}  // namespace
}  // namespace dptest
