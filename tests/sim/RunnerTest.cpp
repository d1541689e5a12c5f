// The runner end to end on workloads whose exact answers are known by construction.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "Runner.hpp"

namespace fmasim {
namespace {

RunConfig configOf(const std::string& json) {
  std::string error;
  auto c = parseRunConfig(json, "test.json", "", error);
  EXPECT_TRUE(c.has_value()) << error;
  return c ? *c : RunConfig{};
}

RunResult run(const RunConfig& c) {
  RunResult r;
  std::string error;
  EXPECT_TRUE(runConfig(c, EngineKind::Functional, {}, r, error)) << error;
  return r;
}

TEST(Runner, ConstantDataThroughInt8IsExact) {
  // Every element is 0.5: per-tensor scaling maps it to exactly 127, so neither the
  // quantization nor the INT32 accumulation loses anything: sum = 1000 * 0.25.
  const RunConfig c = configOf(R"({"name": "int8", "datapath": {"kind": "mac", "a": "int8",
      "accumulator": {"format": "int32"}},
      "workload": {"length": 1000, "count": 2, "a": {"distribution": "constant", "value": 0.5}}})");
  const RunResult r = run(c);
  EXPECT_EQ(r.dotProducts, 2);
  EXPECT_EQ(r.macs, 2000);
  EXPECT_LT(r.total.maxRel, 1e-15);
  EXPECT_EQ(r.accumulation.maxAbs, 0.0);
  EXPECT_EQ(r.maxUlp, 0.0);
  EXPECT_EQ(r.flags, 0);
  // latency 1+0+1+1+0 stages + the accumulator register; one step per cycle
  EXPECT_EQ(r.cyclesPerDot, 999 + 4);
}

TEST(Runner, Fp16AccumulatorSwampingIsMeasured) {
  // 4096 additions of 1.0 into FP16: exact up to 2048, after which 2048 + 1 rounds
  // back to 2048 under RNE, so the result is 2048 instead of 4096.
  const RunConfig c = configOf(R"({"name": "fp16", "datapath": {"kind": "mac", "a": "fp8_e4m3",
      "accumulator": {"format": "fp16", "rounding": "rne"}},
      "workload": {"length": 4096, "count": 1, "a": {"distribution": "constant", "value": 1.0},
                   "scaling": {"kind": "none"}}})");
  const RunResult r = run(c);
  EXPECT_EQ(r.quantization.maxAbs, 0.0);
  EXPECT_DOUBLE_EQ(r.accumulation.maxAbs, 2048.0);
  EXPECT_DOUBLE_EQ(r.total.maxRel, 0.5);
  EXPECT_DOUBLE_EQ(r.maxUlp, 2048.0 / 4.0);  // ulp of fp16 at 4096 is 4
  EXPECT_EQ(r.flags, flag::inexact);
}

TEST(Runner, OverflowShowsAsInfiniteError) {
  const RunConfig c = configOf(R"({"name": "fp16", "datapath": {"kind": "mac", "a": "fp8_e4m3",
      "accumulator": {"format": "fp16"}},
      "workload": {"length": 64, "count": 1, "a": {"distribution": "constant", "value": 400},
                   "scaling": {"kind": "none"}}})");
  const RunResult r = run(c);
  EXPECT_TRUE(std::isinf(r.total.maxAbs));
  EXPECT_TRUE(r.flags & flag::overflow);
  EXPECT_LT(r.total.sqnrDb(), 0);
}

TEST(Runner, SameSeedSameResultsOtherSeedOtherResults) {
  const std::string body = R"({"name": "fp8", "datapath": {"kind": "mac", "a": "fp8_e4m3",
      "accumulator": {"format": "fp32"}}, "workload": {"length": 512, "count": 3, "seed": )";
  const RunResult a = run(configOf(body + "5}}")), b = run(configOf(body + "5}}")), c = run(configOf(body + "6}}"));
  EXPECT_EQ(a.total.sumAbs, b.total.sumAbs);
  EXPECT_EQ(a.maxUlp, b.maxUlp);
  EXPECT_NE(a.total.sumAbs, c.total.sumAbs);
}

}  // namespace
}  // namespace fmasim
