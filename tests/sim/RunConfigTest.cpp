// Config loading: every shipped config is valid, and each kind of bad input gives
// one error naming the source, the JSON path and what is allowed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "config/RunConfig.hpp"

namespace fmasim {
namespace {

std::string errorOf(const std::string& json) {
  std::string error;
  const auto c = parseRunConfig(json, "test.json", "", error);
  EXPECT_FALSE(c.has_value()) << json;
  return error;
}

TEST(RunConfig, EveryShippedConfigLoads) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(FMASIM_CONFIGS_DIR)) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
    std::string error;
    const auto c = loadRunConfig(entry.path().string(), error);
    ASSERT_TRUE(c.has_value()) << error;
    EXPECT_EQ(c->name + ".json", entry.path().filename().string());
    ++count;
  }
  EXPECT_GE(count, 9);
}

TEST(RunConfig, ReadsEveryField) {
  std::string error;
  const auto c = parseRunConfig(R"({
    "name": "x",
    "datapath": {"kind": "dot", "a": "fp8_e4m3", "b": "fp8_e5m2", "lanes": 8,
                 "alignment": {"fraction_bits": 13, "term_rounding": "rne", "addend": "separate"},
                 "accumulator": {"format": "fp32", "rounding": "rtz", "precision_bits": 13, "overflow": "saturate",
                                 "tininess": "before"},
                 "pipeline": {"multiplier": 2, "aligner": 1, "adder": 0, "normalizer": 3, "accumulator": 0},
                 "feedback": "interleave"},
    "workload": {"length": 100, "count": 3, "seed": 7, "a": {"distribution": "laplace", "scale": 2},
                 "scaling": {"kind": "per-block", "block_size": 16, "margin_bits": 2}}})",
                                "t.json", "", error);
  ASSERT_TRUE(c) << error;
  const DatapathParams& p = c->spec.params;
  EXPECT_EQ(p.kind, DatapathKind::Dot);
  EXPECT_EQ(p.a.name, "fp8_e4m3");
  EXPECT_EQ(p.b.name, "fp8_e5m2");
  EXPECT_EQ(p.lanes, 8);
  EXPECT_EQ(*p.alignFractionBits, 13);
  EXPECT_EQ(p.termRounding, TermRounding::NearestEven);
  EXPECT_EQ(p.addend, AddendPath::Separate);
  EXPECT_EQ(p.outputRounding.mode, Rounding::TowardZero);
  EXPECT_EQ(p.outputRounding.overflow, OverflowPolicy::Saturate);
  EXPECT_EQ(p.outputRounding.tininess, Tininess::BeforeRounding);
  EXPECT_EQ(c->spec.outputFractionBits, 13);
  EXPECT_EQ(p.stages[0], 2);
  EXPECT_EQ(p.stages[3], 3);
  EXPECT_EQ(p.hazard, FeedbackHazard::Interleave);
  // separate addend: the loop is the normalizer's 3 registers plus the accumulator's
  EXPECT_EQ(c->spec.feedbackLatency, 4);
  EXPECT_EQ(c->workload.length, 100);
  EXPECT_EQ(c->workload.count, 3);
  EXPECT_EQ(c->workload.seed, 7u);
  EXPECT_EQ(c->workload.a.kind, DistributionKind::Laplace);
  EXPECT_EQ(c->workload.b.kind, DistributionKind::Laplace);  // b defaults to a
  EXPECT_EQ(c->workload.scaling.kind, ScalingKind::PerBlock);
  EXPECT_EQ(c->workload.scaling.blockSize, 16);
  EXPECT_EQ(c->workload.scaling.marginBits, 2);
}

TEST(RunConfig, ErrorsNameTheFileThePathAndWhatIsAllowed) {
  const std::string base = R"("a": "fp8_e4m3", "accumulator": {"format": "fp32"})";
  EXPECT_EQ(errorOf("{\"datapath\": {\"kind\": \"mac\", " + base + ", \"lane\": 2}}"),
            "test.json: /datapath/lane: unknown field; allowed: kind, a, b, lanes, product, alignment, accumulator, "
            "promotion, pipeline, feedback, comment");
  EXPECT_EQ(errorOf("{\"datapath\": {\"kind\": \"fmac\", " + base + "}}"),
            "test.json: /datapath/kind: got \"fmac\"; allowed: \"fma\", \"cma\", \"mac\", \"dot\"");
  EXPECT_EQ(errorOf(R"({"datapath": {"kind": "mac", "a": "fp8_e4m3", "accumulator": {"format": "fp32"},
                        "pipeline": {"adder": "2"}}})"),
            "test.json: /datapath/pipeline/adder: must be an integer, got \"2\"");
  EXPECT_NE(errorOf(R"({"datapath": {"kind": "mac", "a": "fp9", "accumulator": {"format": "fp32"}}})")
                .find("test.json: /datapath/a: unknown format 'fp9'; allowed: fp64"),
            std::string::npos);
  EXPECT_EQ(errorOf(R"({"datapath": {"kind": "mac", "a": "fp8_e4m3", "accumulator": {"format": "fp32",
                        "precision_bits": 30}}})"),
            "test.json: /datapath/accumulator/precision_bits: must be 1..23 for fp32, got 30");
  EXPECT_EQ(errorOf(R"({"datapath": {"kind": "mac", "a": "fp8_e4m3", "lanes": 4, "accumulator": {"format": "fp32"}}})"),
            "test.json: /datapath/lanes: only a dot datapath has several lanes");
  EXPECT_NE(errorOf(R"({"datapath": {"kind": "dot", "lanes": 4, "a": "bf16", "accumulator": {"format": "fp32"}}})")
                .find("test.json: /datapath/alignment/fraction_bits: exact alignment of 4 products of bf16 x bf16 "
                      "needs a 525-bit adder"),
            std::string::npos);
  EXPECT_EQ(errorOf(R"({"datapath": {"kind": "mac", "a": "fp8_e4m3", "accumulator": {"format": "int32"}}})"),
            "test.json: /datapath/accumulator/format: an integer accumulator needs integer or fixed-point operands; "
            "use \"fixed\" for floats");
  EXPECT_EQ(errorOf(R"({"datapath": {"kind": "mac", "a": "fp8_e4m3", "accumulator": {"format": "fp32"}},
                        "workload": {"length": 0}})"),
            "test.json: /workload/length: must be 1..1099511627776, got 0");
  EXPECT_EQ(errorOf(R"({"datapath": {"kind": "mac", "a": "fp8_e4m3"}})"),
            "test.json: /datapath/accumulator: missing; e.g. {\"format\": \"fp32\"}");
  EXPECT_EQ(errorOf("{\"datapath\": [1]}"), "test.json: /datapath: must be an object, got [1]");
  EXPECT_EQ(errorOf("{\"datapath\": ").rfind("test.json: not valid JSON: ", 0), 0u);
}

TEST(RunConfig, MissingFileIsAnError) {
  std::string error;
  EXPECT_FALSE(loadRunConfig("/nonexistent/config.json", error));
  EXPECT_EQ(error, "/nonexistent/config.json: cannot open the file");
}

}  // namespace
}  // namespace fmasim
