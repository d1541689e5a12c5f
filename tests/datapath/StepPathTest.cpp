// The functional engine picks a specialised step routine per spec (one fma of the
// format core, or 64-bit integer arithmetic) or the unit functions. For specs on
// each side of every condition, the path chosen is checked, and every step against
// the independent MPFR reference step (tests/datapath/ReferenceDatapath).
#include <gtest/gtest.h>

#include "DatapathTestSupport.hpp"
#include "ReferenceDatapath.hpp"

namespace dptest {
namespace {

using Path = DatapathModel::StepPath;

struct PathCase {
  const char* name;
  DatapathParams params;
  Path expected;
};

DatapathParams floatMac(const char* in, const char* acc, Rounding r) {
  DatapathParams p;
  p.kind = DatapathKind::Mac;
  p.a = p.b = fmt(in);
  p.accumulator = fmt(acc);
  p.outputRounding = mode(r);
  return p;
}

DatapathParams fixedMac(const char* in, int lanes, AccumulatorKind kind) {
  DatapathParams p;
  p.kind = lanes > 1 ? DatapathKind::Dot : DatapathKind::Mac;
  p.lanes = lanes;
  p.a = p.b = fmt(in);
  p.accumulatorKind = kind;
  if (kind == AccumulatorKind::Integer) p.accumulator = fmt("int32");
  return p;
}

template <class F>
DatapathParams with(DatapathParams p, F change) {
  change(p);
  return p;
}

std::vector<PathCase> floatCases() {
  return {
      {"fp8_fp32_exact", floatMac("fp8_e4m3", "fp32", Rounding::NearestEven), Path::Fma},
      {"bf16_fp32_fma_rtz_before",
       with(floatMac("bf16", "fp32", Rounding::TowardZero),
            [](DatapathParams& p) {
              p.kind = DatapathKind::Fma;
              p.outputRounding.tininess = Tininess::BeforeRounding;
            }),
       Path::Fma},
      {"e5m2_fp16_separate_wide_window", with(floatMac("fp8_e5m2", "fp16", Rounding::Up),
                                              [](DatapathParams& p) {
                                                p.addend = AddendPath::Separate;
                                                p.alignFractionBits = 4;  // = the product's fraction bits
                                              }),
       Path::Fma},
      {"e5m2_fp16_separate_narrow_window", with(floatMac("fp8_e5m2", "fp16", Rounding::Up),
                                                [](DatapathParams& p) {
                                                  p.addend = AddendPath::Separate;
                                                  p.alignFractionBits = 3;  // cuts the product's last bit
                                                }),
       Path::Units},
      {"e4m3_fp16_fused_window", with(floatMac("fp8_e4m3", "fp16", Rounding::NearestEven),
                                      [](DatapathParams& p) { p.alignFractionBits = 12; }),
       Path::Units},
      {"fp8_fp32_reduced_precision", with(floatMac("fp8_e4m3", "fp32", Rounding::Down),
                                          [](DatapathParams& p) { p.outputFractionBits = 10; }),
       Path::Units},
      {"fp8_fp32_canonical_nan", with(floatMac("fp8_e5m2", "fp32", Rounding::NearestEven),
                                      [](DatapathParams& p) { p.nanResult = NanResult::Canonical; }),
       Path::Units},
      {"fp8_fp16_overflow_to_infinity", with(floatMac("fp8_e5m2", "fp16", Rounding::TowardZero),
                                             [](DatapathParams& p) { p.overflowToInfinity = true; }),
       Path::Units},
      {"fp8_fp32_cma", with(floatMac("fp8_e4m3", "fp32", Rounding::NearestEven),
                            [](DatapathParams& p) {
                              p.kind = DatapathKind::Cma;
                              p.productFormat = fmt("fp8_e4m3");
                            }),
       Path::Units},
  };
}

std::vector<PathCase> fixedCases() {
  return {
      {"int8_int32_wrap", fixedMac("int8", 1, AccumulatorKind::Integer), Path::Integer64},
      {"int8_int32_dot8_saturate",
       with(fixedMac("int8", 8, AccumulatorKind::Integer),
            [](DatapathParams& p) { p.integerOverflow = IntegerOverflow::Saturate; }),
       Path::Integer64},
      {"int8_fixed20_wrap", with(fixedMac("int8", 4, AccumulatorKind::Fixed),
                                 [](DatapathParams& p) {
                                   p.fixedWidth = 20;
                                   p.fixedFractionBits = 0;
                                 }),
       Path::Integer64},
      {"e4m3_kulisch_dot4", fixedMac("fp8_e4m3", 4, AccumulatorKind::Fixed), Path::Integer64},
      {"e5m2_kulisch_77_bits", fixedMac("fp8_e5m2", 1, AccumulatorKind::Fixed), Path::Units},
      {"e4m3_fixed_cut", with(fixedMac("fp8_e4m3", 2, AccumulatorKind::Fixed),
                              [](DatapathParams& p) {
                                p.fixedWidth = 24;
                                p.fixedFractionBits = 4;  // products below 2^-4 lose bits
                              }),
       Path::Units},
      {"int16_int32", fixedMac("int16", 1, AccumulatorKind::Integer), Path::Units},
  };
}

std::string paramName(const ::testing::TestParamInfo<PathCase>& info) { return info.param.name; }

// Operands: mostly moderate exponents (so sums cancel and round), some over the
// whole format, and a few infinities and NaNs.
std::uint64_t operand(Rng& rng, const Format& f) {
  if (rng.chance(0.03)) return randomOrSpecial(rng, f, 1.0);
  if (!f.isFloat() || rng.chance(0.4)) return randomFinite(rng, f);
  return codeWithField(rng, f, f.bias - 3, f.bias + 3);
}

// The case's spec and a model of it that took the expected path.
class StepPath : public ::testing::TestWithParam<PathCase> {
 protected:
  void SetUp() override { ASSERT_EQ(model.stepPath(), GetParam().expected); }
  const DatapathParams& p = GetParam().params;
  const DatapathSpec spec = derive(p);
  DatapathModel model{spec};
};

class FloatStepPath : public StepPath {};

TEST_P(FloatStepPath, ChosenAndEveryStepEqualsReference) {
  Rng rng(0x57E9 + static_cast<std::uint64_t>(p.a.bits) * 17 + static_cast<std::uint64_t>(GetParam().expected));
  std::uint64_t a = 0, b = 0, acc = 0;
  std::uint8_t flags = 0;
  const long steps = scaled(30000);
  for (long s = 0; s < steps; ++s) {
    if (rng.chance(0.02)) {  // restart the chain: a new accumulation from +0
      model.reset();
      acc = 0;
      flags = 0;
    }
    a = operand(rng, p.a);
    b = operand(rng, p.b);
    model.step(&a, &b, nullptr);
    const Result r = dpref::floatStep(p, std::span(&a, 1), std::span(&b, 1), acc);
    const std::uint64_t before = acc;
    acc = r.code;
    flags |= r.flags;
    const AccumulatorValue got = model.finish();
    ASSERT_TRUE(got.code == acc && model.flags() == flags)
        << GetParam().name << " step " << s << ": " << hex(a) << " * " << hex(b) << " + " << hex(before) << ": model "
        << hex(got.code) << " flags " << int(model.flags()) << ", reference " << hex(acc) << " flags " << int(flags);
  }
}

INSTANTIATE_TEST_SUITE_P(Specs, FloatStepPath, ::testing::ValuesIn(floatCases()), paramName);

class FixedStepPath : public StepPath {};

TEST_P(FixedStepPath, ChosenAndEveryStepEqualsReference) {
  Rng rng(0xF1ED + static_cast<std::uint64_t>(p.lanes) * 31 + static_cast<std::uint64_t>(p.a.bits));
  const auto lanes = static_cast<std::size_t>(p.lanes);
  std::vector<std::uint64_t> a(lanes), b(lanes);
  dpref::i128 acc = 0;
  std::uint8_t flags = 0;
  bool sawOverflow = false;
  const long steps = scaled(30000 / p.lanes);
  for (long s = 0; s < steps; ++s) {
    dpref::i128 sum = 0;
    for (std::size_t i = 0; i < lanes; ++i) {
      a[i] = operand(rng, p.a);
      b[i] = operand(rng, p.b);
      bool cut = false, invalid = false;
      sum += dpref::fixedTerm(p, spec.accumulatorFracBits, p.a, a[i], p.b, b[i], cut, invalid);
      if (cut) flags |= flag::inexact;
      if (invalid) flags |= flag::invalid;
    }
    bool overflow = false;
    acc = dpref::fixedReduce(acc + sum, spec.accumulatorBits, p.integerOverflow == IntegerOverflow::Saturate, overflow);
    if (overflow) flags |= flag::overflow;
    sawOverflow |= overflow;
    model.step(a.data(), b.data(), nullptr);
    const AccumulatorValue got = model.finish();
    ASSERT_TRUE(got.fixed == acc && model.flags() == flags)
        << GetParam().name << " step " << s << ": model " << static_cast<long long>(got.fixed) << " flags "
        << int(model.flags()) << ", reference " << static_cast<long long>(acc) << " flags " << int(flags);
  }
  // The narrow accumulators are meant to wrap or saturate.
  if (testScale() >= 1 && spec.accumulatorBits <= 20) {
    EXPECT_TRUE(sawOverflow);
  }
}

INSTANTIATE_TEST_SUITE_P(Specs, FixedStepPath, ::testing::ValuesIn(fixedCases()), paramName);

}  // namespace
}  // namespace dptest
