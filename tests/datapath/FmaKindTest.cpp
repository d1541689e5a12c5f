// Kinds fma and cma against the format core's single-rounding operations (FmaOp,
// MulOp, AddOp: verified against MPFR and TestFloat), and interleaved partial
// accumulators against chains of them.
#include <gtest/gtest.h>

#include <array>

#include "DatapathTestSupport.hpp"
#include "ReferenceDatapath.hpp"
#include "format/Arith.hpp"

namespace dptest {
namespace {

struct FmaCase {
  const char* a;
  const char* b;
  const char* acc;
  Rounding rounding;
  Tininess tininess = Tininess::AfterRounding;
};

std::string caseName(const FmaCase& c) {
  static const char* modes[] = {"rne", "rtz", "rup", "rdn", "rna", "sr"};
  std::string s = std::string(c.a) + "x" + c.b + "_" + c.acc + "_" + modes[static_cast<int>(c.rounding)];
  if (c.tininess == Tininess::BeforeRounding) s += "_before";
  return s;
}

DatapathParams fmaParams(const FmaCase& c) {
  DatapathParams p;
  p.name = caseName(c);
  p.kind = DatapathKind::Fma;
  p.a = fmt(c.a);
  p.b = fmt(c.b);
  p.lanes = 1;
  p.accumulatorKind = AccumulatorKind::Float;
  p.accumulator = fmt(c.acc);
  p.outputRounding = mode(c.rounding, c.tininess);
  return p;
}

// Operands of one step: random codes (specials at their natural rate and injected),
// or a product that nearly cancels the previous one (a negated, b nudged).
void nextOperands(Rng& rng, const Format& fa, const Format& fb, std::uint64_t& a, std::uint64_t& b) {
  const int kind = static_cast<int>(rng.below(10));
  if (kind < 3 && a != 0) {  // near-cancellation of the previous product
    a ^= fa.signBit();
    const std::uint64_t nudge = rng.below(5);
    const std::uint64_t candidate = rng.chance(0.5) ? b + nudge : b - nudge;
    if (isFiniteCode(fb, candidate & fb.codeMask())) b = candidate & fb.codeMask();
    return;
  }
  if (kind < 6) {  // moderate exponents
    a = codeWithField(rng, fa, fa.bias - 4, fa.bias + 4);
    b = codeWithField(rng, fb, fb.bias - 4, fb.bias + 4);
    return;
  }
  a = randomOrSpecial(rng, fa, 0.08);
  b = randomOrSpecial(rng, fb, 0.08);
}

class FmaKind : public ::testing::TestWithParam<FmaCase> {};

TEST_P(FmaKind, EveryStepEqualsCoreFma) {
  const FmaCase& c = GetParam();
  const DatapathParams p = fmaParams(c);
  const DatapathSpec spec = derive(p);
  const FmaOp op(p.a, p.b, p.accumulator, p.accumulator, p.outputRounding);
  Rng rng(0xF3A0 + static_cast<std::uint64_t>(c.rounding) * 131 + p.a.bits * 7 + p.accumulator.bits);
  int failures = 0;
  const long chains = scaled(20000);
  for (long n = 0; n < chains && failures < 10; ++n) {
    DatapathModel model(spec);
    std::uint64_t acc = 0, a = 0, b = 0;
    std::uint8_t flags = 0;
    const long length = rng.range(1, 6);
    for (long s = 0; s < length; ++s) {
      nextOperands(rng, p.a, p.b, a, b);
      model.step(&a, &b, nullptr);
      const std::uint64_t before = acc;
      const Result r = op(a, b, acc);
      acc = r.code;
      flags |= r.flags;
      const AccumulatorValue got = model.finish();
      if (got.code != acc || model.flags() != flags) {
        ++failures;
        ADD_FAILURE() << caseName(c) << " chain " << n << " step " << s << ": a=" << hex(a) << " b=" << hex(b)
                      << " c=" << hex(before) << " -> model " << hex(got.code) << " flags " << int(model.flags())
                      << ", core fma " << hex(acc) << " flags " << int(flags);
        break;
      }
    }
  }
}

TEST_P(FmaKind, DotProductOf4096StepsEqualsFmaChain) {
  const FmaCase& c = GetParam();
  const DatapathParams p = fmaParams(c);
  const DatapathSpec spec = derive(p);
  const FmaOp op(p.a, p.b, p.accumulator, p.accumulator, p.outputRounding);
  Rng rng(0xD07 + static_cast<std::uint64_t>(c.rounding));
  for (int trial = 0; trial < 3; ++trial) {
    DatapathModel model(spec);
    std::uint64_t acc = 0;
    std::uint8_t flags = 0;
    int mismatchAt = -1;
    for (int s = 0; s < 4096; ++s) {
      // trial 0: moderate magnitudes; 1: wide; 2: with specials now and then
      std::uint64_t a = 0, b = 0;
      if (trial == 0) {
        a = codeWithField(rng, p.a, p.a.bias - 3, p.a.bias + 3);
        b = codeWithField(rng, p.b, p.b.bias - 3, p.b.bias + 3);
      } else if (trial == 1) {
        a = randomFinite(rng, p.a);
        b = randomFinite(rng, p.b);
      } else {
        a = randomOrSpecial(rng, p.a, 0.002);
        b = codeWithField(rng, p.b, p.b.bias - 3, p.b.bias + 3);
      }
      model.step(&a, &b, nullptr);
      const Result r = op(a, b, acc);
      acc = r.code;
      flags |= r.flags;
      if (mismatchAt < 0 && model.finish().code != acc) mismatchAt = s;
    }
    EXPECT_EQ(mismatchAt, -1) << caseName(c) << " trial " << trial;
    EXPECT_EQ(hex(model.finish().code), hex(acc)) << caseName(c) << " trial " << trial;
    EXPECT_EQ(int(model.flags()), int(flags)) << caseName(c) << " trial " << trial;
    EXPECT_EQ(model.steps(), 4096);
  }
}

// Every pair of special and boundary codes with every special accumulator value
// reachable from a fresh model (via a first step c = x * 1).
TEST_P(FmaKind, SpecialOperandsEqualCoreFma) {
  const FmaCase& c = GetParam();
  const DatapathParams p = fmaParams(c);
  const DatapathSpec spec = derive(p);
  const FmaOp op(p.a, p.b, p.accumulator, p.accumulator, p.outputRounding);
  const auto sa = specialCodes(p.a), sb = specialCodes(p.b);
  for (std::uint64_t a : sa)
    for (std::uint64_t b : sb) {
      DatapathModel model(spec);
      model.step(&a, &b, nullptr);
      const Result r = op(a, b, 0);
      EXPECT_EQ(hex(model.finish().code), hex(r.code)) << caseName(c) << " a=" << hex(a) << " b=" << hex(b);
      EXPECT_EQ(int(model.flags()), int(r.flags)) << caseName(c) << " a=" << hex(a) << " b=" << hex(b);
      // A second step of the same operands: now the accumulator holds the first result.
      model.step(&a, &b, nullptr);
      const Result r2 = op(a, b, r.code);
      EXPECT_EQ(hex(model.finish().code), hex(r2.code)) << caseName(c) << " twice a=" << hex(a) << " b=" << hex(b);
      EXPECT_EQ(int(model.flags()), int(r.flags | r2.flags)) << caseName(c) << " twice";
    }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, FmaKind,
    ::testing::Values(FmaCase{"fp8_e4m3", "fp8_e4m3", "fp32", Rounding::NearestEven},
                      FmaCase{"fp8_e4m3", "fp8_e4m3", "fp32", Rounding::Down},
                      FmaCase{"bf16", "bf16", "fp32", Rounding::NearestEven},
                      FmaCase{"bf16", "bf16", "fp32", Rounding::Up},
                      FmaCase{"fp16", "fp16", "fp16", Rounding::NearestEven},
                      FmaCase{"fp16", "fp16", "fp16", Rounding::TowardZero},
                      FmaCase{"fp16", "fp16", "fp16", Rounding::NearestAway},
                      FmaCase{"fp16", "fp16", "fp16", Rounding::NearestEven, Tininess::BeforeRounding},
                      FmaCase{"fp32", "fp32", "fp32", Rounding::NearestEven},
                      FmaCase{"fp32", "fp32", "fp32", Rounding::Down}),
    [](const ::testing::TestParamInfo<FmaCase>& pi) { return caseName(pi.param); });

// ---- cma: the product rounded into its own format first, then the add ----

struct CmaCase {
  const char* a;
  const char* product;
  const char* acc;
  Rounding productRounding;
  Rounding outputRounding;
};

class CmaKind : public ::testing::TestWithParam<CmaCase> {};

TEST_P(CmaKind, EqualsCoreMulThenAdd) {
  const CmaCase& c = GetParam();
  DatapathParams p;
  p.kind = DatapathKind::Cma;
  p.a = p.b = fmt(c.a);
  p.productFormat = fmt(c.product);
  p.productRounding = mode(c.productRounding);
  p.accumulator = fmt(c.acc);
  p.outputRounding = mode(c.outputRounding);
  const DatapathSpec spec = derive(p);
  const MulOp mul(p.a, p.b, *p.productFormat, p.productRounding);
  const AddOp add(*p.productFormat, p.accumulator, p.accumulator, p.outputRounding);
  Rng rng(0xC3A + static_cast<std::uint64_t>(c.productRounding) * 17 + static_cast<std::uint64_t>(c.outputRounding));
  int failures = 0;
  for (long n = 0; n < scaled(20000) && failures < 10; ++n) {
    DatapathModel model(spec);
    std::uint64_t acc = 0, a = 0, b = 0;
    std::uint8_t flags = 0;
    const long length = rng.range(1, 6);
    for (long s = 0; s < length; ++s) {
      nextOperands(rng, p.a, p.b, a, b);
      model.step(&a, &b, nullptr);
      const Result prod = mul(a, b);
      const Result sum = add(prod.code, acc);
      const std::uint64_t before = acc;
      acc = sum.code;
      flags |= prod.flags | sum.flags;
      const AccumulatorValue got = model.finish();
      if (got.code != acc || model.flags() != flags) {
        ++failures;
        ADD_FAILURE() << c.a << "->" << c.product << "+" << c.acc << " chain " << n << " step " << s
                      << ": a=" << hex(a) << " b=" << hex(b) << " c=" << hex(before) << " product " << hex(prod.code)
                      << " -> model " << hex(got.code) << " flags " << int(model.flags()) << ", mul+add " << hex(acc)
                      << " flags " << int(flags);
        break;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, CmaKind,
                         ::testing::Values(CmaCase{"bf16", "bf16", "fp32", Rounding::TowardZero, Rounding::NearestEven},
                                           CmaCase{"fp16", "fp16", "fp32", Rounding::NearestEven, Rounding::Up},
                                           CmaCase{"fp16", "bf16", "fp32", Rounding::NearestEven, Rounding::Down},
                                           CmaCase{"bf16", "fp16", "fp16", Rounding::NearestEven, Rounding::NearestEven},
                                           CmaCase{"fp8_e5m2", "fp16", "fp32", Rounding::Up, Rounding::NearestEven}),
                         [](const ::testing::TestParamInfo<CmaCase>& pi) {
                           return std::string(pi.param.a) + "_" + pi.param.product + "_" + pi.param.acc + "_" +
                                  std::to_string(int(pi.param.productRounding)) +
                                  std::to_string(int(pi.param.outputRounding));
                         });

// ---- interleaved partial accumulators ----

DatapathParams interleavedFma(FeedbackHazard hazard) {
  DatapathParams p = fmaParams(FmaCase{"bf16", "bf16", "fp32", Rounding::NearestEven});
  p.stages = {1, 0, 1, 1, 0};  // multiplier, aligner, adder, normalizer, accumulator
  p.hazard = hazard;
  return p;
}

TEST(Interleave, FmaPartialsReduceInOrder) {
  const DatapathParams p = interleavedFma(FeedbackHazard::Interleave);
  const DatapathSpec spec = derive(p);
  // The loop of a fused float addend: accumulator register (1) + accumulator stages (0)
  // + normalizer (1) + aligner (0) + adder (1).
  ASSERT_EQ(spec.feedbackLatency, 3);
  ASSERT_EQ(spec.partialAccumulators, 3);
  const FmaOp op(p.a, p.b, p.accumulator, p.accumulator, p.outputRounding);
  const AddOp add(p.accumulator, p.accumulator, p.accumulator, p.outputRounding);
  Rng rng(0x1417);
  for (long steps : {1L, 2L, 3L, 4L, 5L, 7L, 100L, 1000L, 4097L}) {
    for (int trial = 0; trial < 20; ++trial) {
      DatapathModel model(spec);
      std::array<std::uint64_t, 3> partial{0, 0, 0};
      std::uint8_t flags = 0;
      for (long i = 0; i < steps; ++i) {
        std::uint64_t a = trial % 2 ? randomFinite(rng, p.a) : codeWithField(rng, p.a, p.a.bias - 6, p.a.bias + 6);
        std::uint64_t b = codeWithField(rng, p.b, p.b.bias - 6, p.b.bias + 6);
        model.step(&a, &b, nullptr);
        auto& part = partial[static_cast<std::size_t>(i % 3)];
        const Result r = op(a, b, part);
        part = r.code;
        flags |= r.flags;
      }
      const Result r01 = add(partial[0], partial[1]);
      const Result r012 = add(r01.code, partial[2]);
      flags |= r01.flags | r012.flags;
      const AccumulatorValue got = model.finish();
      ASSERT_EQ(hex(got.code), hex(r012.code)) << "steps " << steps << " trial " << trial;
      ASSERT_EQ(int(model.flags()), int(flags)) << "steps " << steps << " trial " << trial;
    }
  }
}

TEST(Interleave, StallGivesThePlainChain) {
  const DatapathParams p = interleavedFma(FeedbackHazard::Stall);
  const DatapathSpec spec = derive(p);
  ASSERT_EQ(spec.feedbackLatency, 3);
  ASSERT_EQ(spec.partialAccumulators, 1);
  const FmaOp op(p.a, p.b, p.accumulator, p.accumulator, p.outputRounding);
  Rng rng(0x57A11);
  for (int trial = 0; trial < 20; ++trial) {
    DatapathModel model(spec);
    std::uint64_t acc = 0;
    std::uint8_t flags = 0;
    for (int i = 0; i < 1000; ++i) {
      std::uint64_t a = randomFinite(rng, p.a), b = codeWithField(rng, p.b, p.b.bias - 6, p.b.bias + 6);
      model.step(&a, &b, nullptr);
      const Result r = op(a, b, acc);
      acc = r.code;
      flags |= r.flags;
    }
    ASSERT_EQ(hex(model.finish().code), hex(acc));
    ASSERT_EQ(int(model.flags()), int(flags));
  }
}

// A windowed dot datapath interleaved: the partials by the reference step, the
// reduction p0 + p1, then + p2, by the reference's reduction through the same window.
TEST(Interleave, WindowedDotPartialsReduceInOrder) {
  for (AddendPath addend : {AddendPath::Fused, AddendPath::Separate}) {
    DatapathParams p;
    p.kind = DatapathKind::Dot;
    p.a = p.b = fmt("fp8_e4m3");
    p.lanes = 16;
    p.alignFractionBits = 13;
    p.addend = addend;
    p.accumulator = fmt("fp32");
    p.outputFractionBits = 13;
    p.outputRounding = mode(Rounding::TowardZero);
    p.stages = addend == AddendPath::Fused ? std::array<int, kUnitCount>{1, 0, 1, 1, 0}
                                           : std::array<int, kUnitCount>{1, 1, 1, 1, 1};
    p.hazard = FeedbackHazard::Interleave;
    const DatapathSpec spec = derive(p);
    // Fused: 1 + acc 0 + normalizer 1 + aligner 0 + adder 1; separate: 1 + acc 1 + normalizer 1.
    ASSERT_EQ(spec.feedbackLatency, 3);
    Rng rng(0x1D07 + static_cast<std::uint64_t>(addend));
    for (long steps : {1L, 2L, 3L, 5L, 50L}) {
      for (int trial = 0; trial < scaled(10); ++trial) {
        DatapathModel model(spec);
        std::array<std::uint64_t, 3> partial{0, 0, 0};
        std::uint8_t flags = 0;
        std::vector<std::uint64_t> a(16), b(16);
        for (long i = 0; i < steps; ++i) {
          for (int l = 0; l < 16; ++l) {
            a[l] = randomFinite(rng, p.a);
            b[l] = randomFinite(rng, p.b);
          }
          model.step(a.data(), b.data(), nullptr);
          auto& part = partial[static_cast<std::size_t>(i % 3)];
          const Result r = dpref::floatStep(p, a, b, part);
          part = r.code;
          flags |= r.flags;
        }
        const Result r01 = dpref::floatReduce(p, partial[0], partial[1]);
        const Result r012 = dpref::floatReduce(p, r01.code, partial[2]);
        flags |= r01.flags | r012.flags;
        const AccumulatorValue got = model.finish();
        ASSERT_EQ(hex(got.code), hex(r012.code)) << "steps " << steps << " trial " << trial;
        ASSERT_EQ(int(model.flags()), int(flags)) << "steps " << steps << " trial " << trial;
      }
    }
  }
}

}  // namespace
}  // namespace dptest
