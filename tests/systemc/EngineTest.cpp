// The SystemC pipeline against the functional engine: the same numbers and flags,
// bit for bit, and the cycle count DatapathModel::cycles states.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "EnginesAgree.hpp"
#include "TestDatapaths.hpp"
#include "datapath/DatapathModel.hpp"
#include "systemc/SystemCEngine.hpp"

namespace fmasim::test {
namespace {

// Lengths that cover no step, one, a partly padded one, fewer steps than partials,
// and long streams.
std::vector<std::size_t> lengths(const DatapathSpec& spec, std::mt19937_64& rng) {
  const auto lanes = static_cast<std::size_t>(spec.params.lanes);
  const auto partials = static_cast<std::size_t>(spec.partialAccumulators);
  std::vector<std::size_t> k{0, 1, lanes, lanes + 1, (partials - 1) * lanes + 1, partials * lanes, 3 * partials * lanes + 2};
  for (int i = 0; i < 16; ++i) k.push_back(1 + rng() % 300);
  return k;
}

class EngineMatchesFunctional : public ::testing::TestWithParam<std::string> {};

TEST_P(EngineMatchesFunctional, RandomStreams) {
  const DatapathSpec spec = datapath(GetParam());
  SystemCEngine engine(spec);
  std::mt19937_64 rng(std::hash<std::string>{}(GetParam()));
  expectEnginesAgree(spec, engine, lengths(spec, rng), rng);
}

INSTANTIATE_TEST_SUITE_P(Datapaths, EngineMatchesFunctional, ::testing::ValuesIn(datapathNames()),
                         [](const auto& param) { return param.param; });

std::vector<std::int64_t> gaps(const std::vector<std::int64_t>& cycles) {
  std::vector<std::int64_t> g;
  for (std::size_t i = 1; i < cycles.size(); ++i) g.push_back(cycles[i] - cycles[i - 1]);
  return g;
}

TEST(Feedback, StallAcceptsOneStepPerLoopLatency) {
  const DatapathSpec spec = datapath("fp8_fp32_mac_stall");
  ASSERT_EQ(spec.feedbackLatency, 5);
  SystemCEngine engine(spec);
  std::mt19937_64 rng(1);
  const DotOperands x = randomDot(spec, 40, rng);
  const SystemCDotResult r = engine.run(x.a, x.b);
  EXPECT_EQ(gaps(r.acceptCycles), std::vector<std::int64_t>(39, 5));
  EXPECT_DOUBLE_EQ(r.initiationInterval, 5.0);
}

TEST(Feedback, InterleaveAcceptsOneStepPerCycle) {
  const DatapathSpec spec = datapath("fp8_fp32_mac_interleave");
  ASSERT_EQ(spec.partialAccumulators, 5);
  SystemCEngine engine(spec);
  std::mt19937_64 rng(2);
  const DotOperands x = randomDot(spec, 40, rng);
  const SystemCDotResult r = engine.run(x.a, x.b);
  EXPECT_EQ(gaps(r.acceptCycles), std::vector<std::int64_t>(39, 1));
}

// Accepting a step one cycle early makes the aligner read the accumulator before the
// previous step's write lands: the hazard is real, so the numbers go wrong.
TEST(Feedback, StallingOneCycleShortReadsAStaleAccumulator) {
  const DatapathSpec spec = datapath("fp8_fp32_mac_stall");
  SystemCEngine::Options options;
  options.stallInterval = spec.feedbackLatency - 1;
  SystemCEngine engine(spec, options);
  DatapathModel model(spec);
  std::mt19937_64 rng(3);
  int wrong = 0;
  for (int i = 0; i < 8; ++i) {
    const DotOperands x = randomDot(spec, 30, rng);
    wrong += engine.run(x.a, x.b).value.code != functional(model, spec, x).value.code;
  }
  EXPECT_GE(wrong, 6);
}

// With a separate addend the accumulator is read at the normalizer, but a reduction's
// second partial is a term: it passes the aligner and adder first, and can only be
// read once written. Each reduction then takes st(aligner) + st(adder) cycles more
// than the loop (the spec's reductionLatency, which DatapathModel::cycles uses).
TEST(Feedback, SeparateAddendReductionsAlsoPassTheAlignerAndAdder) {
  const DatapathSpec spec = datapath("fp8_dot2_separate_interleave");
  const auto& st = spec.params.stages;
  const int extra = st[static_cast<int>(Unit::Aligner)] + st[static_cast<int>(Unit::Adder)];
  ASSERT_GT(extra, 0);
  SystemCEngine engine(spec);
  DatapathModel model(spec);
  std::mt19937_64 rng(5);
  for (std::size_t k : {1, 3, 5, 7, 20, 101}) {
    const DotOperands x = randomDot(spec, k, rng);
    const Expected want = functional(model, spec, x);
    const SystemCDotResult got = engine.run(x.a, x.b);
    SCOPED_TRACE("K=" + std::to_string(k));
    EXPECT_EQ(got.value.code, want.value.code);
    EXPECT_EQ(got.flags, want.flags);
    const std::int64_t reductions = std::min<std::int64_t>(want.steps, spec.partialAccumulators) - 1;
    EXPECT_EQ(got.cycles, DatapathModel::cycles(spec, want.steps));
    EXPECT_EQ(got.cycles, want.steps - 1 + spec.latency + reductions * (spec.feedbackLatency + extra));
  }
}

// A separate addend is read after the aligner: when it turns out to be NaN, the step
// takes the special path and the inexact the aligner raised for it must be dropped.
TEST(Feedback, NaNAccumulatorReadLateDropsTheAlignersFlags) {
  DatapathParams p = datapath("fp8_dot2_separate_interleave").params;
  p.hazard = FeedbackHazard::Stall;
  std::string error;
  const DatapathSpec spec = *deriveDatapathSpec(p, error);
  SystemCEngine engine(spec);
  DatapathModel model(spec);
  // Step 1 makes the accumulator NaN; step 2's products (1 and 2^-18) are 19 binades
  // apart, so the 10-bit window cuts the small one.
  const DotOperands x{{0x7F, 0x00, 0x38, 0x01}, {0x38, 0x00, 0x38, 0x01}, {}};
  const Expected want = functional(model, spec, x);
  ASSERT_EQ(want.flags & flag::inexact, 0);
  const SystemCDotResult got = engine.run(x.a, x.b);
  EXPECT_EQ(got.value.code, want.value.code);
  EXPECT_EQ(got.flags, want.flags);
}

// Steps with equal operands, one per cycle: each is a step of its own (its own
// rounding and random draw), although the input signals do not change.
TEST(Feedback, RepeatedOperandsEveryCycleAreSeparateSteps) {
  const DatapathSpec spec = datapath("fp8_fp16_stochastic_loop1");
  ASSERT_EQ(spec.initiationInterval, 1);
  SystemCEngine engine(spec);
  DatapathModel model(spec);
  const DotOperands x{std::vector<std::uint64_t>(64, 0x3A), std::vector<std::uint64_t>(64, 0x2B), {}};
  const Expected want = functional(model, spec, x);
  const SystemCDotResult got = engine.run(x.a, x.b);
  EXPECT_EQ(got.value.code, want.value.code);
  EXPECT_EQ(got.flags, want.flags);
  EXPECT_EQ(got.cycles, DatapathModel::cycles(spec, want.steps));
}

TEST(Trace, RecordsEveryUnitBoundary) {
  const auto path = std::filesystem::temp_directory_path() / ("fmasim_systemc_trace_" + std::to_string(::getpid()) + ".vcd");
  {
    const DatapathSpec spec = datapath("fp8_dot4_f23_truncate");
    SystemCEngine::Options options;
    options.vcdPath = path.string();
    SystemCEngine engine(spec, options);
    std::mt19937_64 rng(4);
    const DotOperands x = randomDot(spec, 20, rng);
    engine.run(x.a, x.b);
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(path);
  for (const char* boundary : {"issued", "multiplied", "aligned", "summed", "rounded", "written", "reduction"})
    EXPECT_NE(text.str().find("$scope module " + std::string(boundary) + " $end"), std::string::npos) << boundary;
  EXPECT_NE(text.str().find(" in_ready "), std::string::npos);
  EXPECT_NE(text.str().find("$scope module p_0 $end"), std::string::npos);  // the register file
}

}  // namespace
}  // namespace fmasim::test
