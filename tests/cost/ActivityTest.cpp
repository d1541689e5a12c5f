// The counting step routine: exact toggle counts on hand-built operand streams, whose
// Hamming distances the tests compute themselves, and the same results as the plain
// (specialised) step routines.
#include <bit>

#include "EnergyTestSupport.hpp"
#include "TestRandom.hpp"

namespace energytest {
namespace {

int popcount(std::uint64_t x) { return std::popcount(x); }

// The int8 MAC into a wrapping int32 the tests recompute on their own.
DatapathSpec int8Mac() { return macSpec("int8", "int32", AccumulatorKind::Integer); }

TEST(Activity, OperandAndAccumulatorTogglesAreTheHammingDistancesOfTheStream) {
  const DatapathSpec spec = int8Mac();
  testsupport::Rng rng(7);
  std::vector<std::uint64_t> codes(2 * 2000);
  for (auto& c : codes) c = rng.next() & 0xFF;
  std::size_t at = 0;
  const UnitActivity activity = countActivity(spec, 2000, [&] { return codes[at++]; });

  std::int64_t togglesA = 0, togglesB = 0, togglesAcc = 0;
  std::uint64_t lastA = 0, lastB = 0;
  std::uint32_t acc = 0;
  for (std::size_t s = 0; s < 2000; ++s) {
    const std::uint64_t a = codes[2 * s], b = codes[2 * s + 1];
    togglesA += popcount(a ^ lastA);
    togglesB += popcount(b ^ lastB);
    lastA = a, lastB = b;
    const auto product = static_cast<std::int32_t>(static_cast<std::int8_t>(a)) * static_cast<std::int8_t>(b);
    const std::uint32_t next = acc + static_cast<std::uint32_t>(product);  // int32 wrap-around
    togglesAcc += popcount(next ^ acc);
    acc = next;
  }
  EXPECT_EQ(activity.steps(), 2000);
  EXPECT_EQ(activity.toggles(Signal::OperandA), togglesA);
  EXPECT_EQ(activity.toggles(Signal::OperandB), togglesB);
  EXPECT_EQ(activity.toggles(Signal::Accumulator), togglesAcc);
  EXPECT_EQ(activity.bits(Signal::OperandA), 8);
  EXPECT_EQ(activity.bits(Signal::Accumulator), 32);
}

TEST(Activity, ConstantOperandsToggleNothingAfterTheFirstStep) {
  for (const DatapathSpec& spec : {int8Mac(), macSpec("fp8_e4m3", "fp32", AccumulatorKind::Float),
                                   macSpec("fp8_e4m3", "fp32", AccumulatorKind::Float, 4)}) {
    std::uint64_t x = 0x35;
    UnitActivity first = countActivity(spec, 1, [&] { return x; });
    UnitActivity many = countActivity(spec, 500, [&] { return x; });
    for (Signal s : {Signal::OperandA, Signal::OperandB, Signal::Product})
      EXPECT_EQ(many.toggles(s), first.toggles(s)) << signalName(s) << " lanes " << spec.params.lanes;
    EXPECT_EQ(first.toggles(Signal::OperandA), popcount(0x35) * spec.params.lanes);
    // With b = 0 the products and the accumulator stay zero too: after the first step
    // (whose product exponent leaves reset) no signal toggles.
    std::uint64_t flip = 0;
    const auto xThenZero = [&] { return (flip ^= 1) ? x : 0; };
    flip = 0;
    const UnitActivity zeroOne = countActivity(spec, 1, xThenZero);
    flip = 0;
    const UnitActivity zeroMany = countActivity(spec, 500, xThenZero);
    for (Signal s : {Signal::OperandA, Signal::OperandB, Signal::Product, Signal::AlignedTerm, Signal::Sum,
                     Signal::Rounded, Signal::Accumulator})
      EXPECT_EQ(zeroMany.toggles(s), zeroOne.toggles(s)) << signalName(s) << " lanes " << spec.params.lanes;
    EXPECT_EQ(zeroMany.toggles(Signal::OperandB), 0);
    EXPECT_EQ(zeroMany.toggles(Signal::Accumulator), 0);
  }
}

TEST(Activity, AlternatingComplementsToggleEveryOperandBit) {
  for (const DatapathSpec& spec : {int8Mac(), macSpec("fp8_e4m3", "fp32", AccumulatorKind::Float, 4),
                                   macSpec("int8", "int32", AccumulatorKind::Integer, 8)}) {
    const std::uint64_t x = 0x35;  // and ~x = 0xCA: both finite e4m3 codes
    std::int64_t n = 0;
    const auto lanes = spec.params.lanes;
    // Lane operands a = b: x in even steps, ~x in odd ones.
    const UnitActivity activity =
        countActivity(spec, 100, [&] { return ((n++ / (2 * lanes)) % 2 == 0) ? x : (~x & 0xFF); });
    // Step 0 from the reset zeros: popcount(x); each later step all 8 bits.
    const std::int64_t expected = lanes * (popcount(x) + 99 * 8);
    EXPECT_EQ(activity.toggles(Signal::OperandA), expected) << lanes;
    EXPECT_EQ(activity.toggles(Signal::OperandB), expected) << lanes;
    EXPECT_DOUBLE_EQ(activity.rate(std::vector<Signal>{Signal::OperandA}),
                     static_cast<double>(expected) / (8.0 * lanes * 100));
  }
}

TEST(Activity, InterleavedPartialsToggleAgainstTheirOwnLastValue) {
  DatapathParams p = int8Mac().params;
  p.stages = {0, 0, 0, 0, 2};
  p.hazard = FeedbackHazard::Interleave;
  std::string error;
  const DatapathSpec spec = *deriveDatapathSpec(p, error);
  ASSERT_GT(spec.partialAccumulators, 1) << error;
  const auto partials = static_cast<std::size_t>(spec.partialAccumulators);
  // a = 1 every step, b = step number + 1: partial j holds the sum of its own b's.
  std::int64_t n = 0;
  const UnitActivity activity = countActivity(spec, 60, [&] { return (n++ % 2 == 0) ? 1 : static_cast<std::uint64_t>(n / 2); });
  std::vector<std::uint32_t> acc(partials, 0);
  std::int64_t expected = 0;
  for (std::uint32_t s = 0; s < 60; ++s) {
    std::uint32_t& a = acc[s % partials];
    const std::uint32_t next = a + s + 1;
    expected += popcount(next ^ a);
    a = next;
  }
  EXPECT_EQ(activity.toggles(Signal::Accumulator), expected);
  EXPECT_EQ(activity.bits(Signal::Accumulator), 32 * spec.partialAccumulators);
}

// Counting must not change a single result bit or flag: same finish() and flags as
// the plain model (which takes the specialised routines where they apply).
TEST(Activity, CountingStepGivesThePlainStepsResults) {
  struct Case {
    const char* in;
    const char* acc;
    AccumulatorKind kind;
    int lanes;
  };
  for (const Case& c : {Case{"int8", "int32", AccumulatorKind::Integer, 1}, Case{"int8", "int32", AccumulatorKind::Integer, 4},
                        Case{"fp8_e4m3", "fp32", AccumulatorKind::Float, 1}, Case{"fp8_e5m2", "fp16", AccumulatorKind::Float, 1},
                        Case{"fp8_e4m3", "fp32", AccumulatorKind::Float, 4}, Case{"fp16", "fp16", AccumulatorKind::Float, 1},
                        Case{"fp8_e4m3", "", AccumulatorKind::Fixed, 2}}) {
    const DatapathSpec spec = macSpec(c.in, c.acc, c.kind, c.lanes);
    UnitActivity activity(spec);
    DatapathModel plain(spec), counting(spec, &activity);
    testsupport::Rng rng(11);
    const auto lanes = static_cast<std::size_t>(c.lanes);
    std::vector<std::uint64_t> a(lanes), b(lanes);
    for (int dot = 0; dot < 20; ++dot) {
      plain.reset();
      counting.reset();
      for (int s = 0; s < 64; ++s) {
        for (std::size_t i = 0; i < lanes; ++i) a[i] = rng.next() & spec.params.a.codeMask(), b[i] = rng.next() & spec.params.b.codeMask();
        plain.step(a.data(), b.data(), nullptr);
        counting.step(a.data(), b.data(), nullptr);
      }
      const AccumulatorValue x = plain.finish(), y = counting.finish();
      EXPECT_EQ(x, y) << c.in << " -> " << c.acc << " lanes " << c.lanes << " dot " << dot;
      EXPECT_EQ(plain.flags(), counting.flags()) << c.in << " -> " << c.acc;
    }
    EXPECT_EQ(counting.stepPath(), DatapathModel::StepPath::Units);
    EXPECT_EQ(activity.steps(), 20 * 64);
  }
}

}  // namespace
}  // namespace energytest
