// The presets of configs/tensorcores: their parameters are the published ones, each
// runs bit for bit as the independent MPFR reference chain on random and adversarial
// steps (cancellation, wide spreads, subnormal products, terms straddling the F-bit
// cut, zeros, specials), and the SystemC engine agrees with the functional one.
#include <gtest/gtest.h>

#include "TensorCoreSupport.hpp"
#include "systemc/SystemCEngine.hpp"

namespace tctest {
namespace {

struct Published {
  const char* preset;
  const char* a;
  int k;  // products per fused step (lanes)
  int F;
  const char* out;
  int P;
  Rounding rounding;
};

// From the issue's list (MMA-Sim, Fasi et al., DeepSeek-V3), not from the configs.
const Published kPublished[] = {
    {"v100_fp16_fp32", "fp16", 4, 23, "fp32", 23, Rounding::TowardZero},
    {"a100_fp16_fp32", "fp16", 8, 24, "fp32", 23, Rounding::TowardZero},  // k = 16 as two k = 8 steps
    {"h100_fp16_fp32", "fp16", 16, 25, "fp32", 23, Rounding::TowardZero},
    {"h100_bf16_fp32", "bf16", 16, 25, "fp32", 23, Rounding::TowardZero},
    {"h100_fp8_fp32", "fp8_e4m3", 32, 13, "fp32", 13, Rounding::TowardZero},
    {"h100_fp8_e5m2_fp32", "fp8_e5m2", 32, 13, "fp32", 13, Rounding::TowardZero},
    {"h100_fp8_fp16", "fp8_e4m3", 32, 13, "fp16", 10, Rounding::NearestEven},
    {"h100_fp8_fp32_promoted", "fp8_e4m3", 32, 13, "fp32", 13, Rounding::TowardZero},
    {"b200_fp8_fp32", "fp8_e4m3", 32, 25, "fp32", 23, Rounding::TowardZero},
};

void PrintTo(const Published& p, std::ostream* os) { *os << p.preset; }

class PresetTest : public ::testing::TestWithParam<Published> {};

TEST_P(PresetTest, HasThePublishedParameters) {
  const Published& w = GetParam();
  const RunConfig c = loadPreset(w.preset);
  const DatapathParams& p = c.spec.params;
  EXPECT_EQ(p.kind, DatapathKind::Dot);
  EXPECT_EQ(p.a.name, w.a);
  EXPECT_EQ(p.b.name, w.a);
  EXPECT_EQ(p.lanes, w.k);
  ASSERT_TRUE(p.alignFractionBits.has_value());
  EXPECT_EQ(*p.alignFractionBits, w.F);
  EXPECT_EQ(p.termRounding, TermRounding::Truncate);
  EXPECT_EQ(p.addend, AddendPath::Fused);
  EXPECT_EQ(p.zeroAddendExponent, std::optional<int>(-126));  // MMA-Sim: a zero's exponent is -126
  EXPECT_EQ(p.accumulator.name, w.out);
  EXPECT_EQ(c.spec.outputFractionBits, w.P);
  EXPECT_EQ(p.outputRounding.mode, w.rounding);
  EXPECT_EQ(p.nanResult, NanResult::Canonical);
  EXPECT_TRUE(p.overflowToInfinity);
  EXPECT_EQ(p.promotion.has_value(), std::string(w.preset).ends_with("_promoted"));
  if (p.promotion) {
    EXPECT_EQ(p.promotion->interval, 128);  // DeepSeek-V3's N_C
    EXPECT_EQ(p.promotion->format.name, "fp32");
    EXPECT_EQ(p.promotion->rounding.mode, Rounding::NearestEven);
  }
}

// Chains of 1..9 steps from +0, each step's result checked against the reference.
TEST_P(PresetTest, MatchesTheReferenceStepByStep) {
  const RunConfig c = loadPreset(GetParam().preset);
  const DatapathParams& p = c.spec.params;
  DatapathModel model(c.spec);
  Rng rng(0x7C0DE + static_cast<std::uint64_t>(p.lanes) * 31 + static_cast<std::uint64_t>(*p.alignFractionBits));
  std::vector<std::uint64_t> a, b;
  const long chains = scaled(120);
  for (long chain = 0; chain < chains; ++chain) {
    model.reset();
    ReferenceChain ref(p);
    const long steps = rng.range(1, 9);
    for (long s = 0; s < steps; ++s) {
      shapedStep(p, rng, a, b);
      model.step(a.data(), b.data(), nullptr);
      ref.step(a, b);
      const Result want = ref.result();
      const std::uint64_t got = model.finish().code;
      ASSERT_EQ(hex(got), hex(want.code)) << p.name << " chain " << chain << " step " << s;
      ASSERT_EQ(int{model.flags()}, int{want.flags}) << p.name << " chain " << chain << " step " << s;
    }
  }
}

// Special values as the papers report them: any NaN gives the canonical NaN,
// inf * 0 and opposite infinities give it too, else the infinity; overflow gives
// infinity even when rounding toward zero.
TEST_P(PresetTest, SpecialValuesAsNvidiaTensorCores) {
  const RunConfig c = loadPreset(GetParam().preset);
  const DatapathParams& p = c.spec.params;
  const Format& out = c.spec.resultFormat;
  const std::uint64_t canonical = out.codeMask() >> 1;
  const std::uint64_t inf = canonical & ~out.mantMask();
  const auto lanes = static_cast<std::size_t>(p.lanes);
  const std::uint64_t one = static_cast<std::uint64_t>(p.a.bias) << p.a.manBits;  // 1.0
  const auto run = [&](std::uint64_t a0, std::uint64_t b0, std::uint64_t a1, std::uint64_t b1) {
    std::vector<std::uint64_t> a(lanes, 0), b(lanes, 0);
    a[0] = a0, b[0] = b0, a[lanes - 1] = a1, b[lanes - 1] = b1;
    DatapathModel m(c.spec);
    m.step(a.data(), b.data(), nullptr);
    return m.finish().code;
  };
  const auto specials = specialCodes(p.a);
  std::uint64_t nanIn = 0, infIn = 0;
  bool haveNaN = false, haveInf = false;
  for (std::uint64_t s : specials) {
    const Decoded d = decode(p.a, s);
    if (d.isNaN() && !haveNaN) nanIn = s, haveNaN = true;
    if (d.isInf() && !d.sign && !haveInf) infIn = s, haveInf = true;
  }
  ASSERT_TRUE(haveNaN);
  EXPECT_EQ(hex(run(nanIn | p.a.signBit(), one, one, one)), hex(canonical)) << "a negative NaN input";
  if (haveInf) {
    EXPECT_EQ(hex(run(infIn, 0, one, one)), hex(canonical)) << "inf * 0";
    EXPECT_EQ(hex(run(infIn, one, infIn | p.a.signBit(), one)), hex(canonical)) << "inf - inf";
    EXPECT_EQ(hex(run(infIn, one, one, one)), hex(inf)) << "+inf";
  }
}

INSTANTIATE_TEST_SUITE_P(Presets, PresetTest, ::testing::ValuesIn(kPublished),
                         [](const auto& i) { return std::string(i.param.preset); });

// The SystemC engine gives the same values, flags and cycles as the functional one,
// on a dot product that mixes the adversarial profiles with special values and,
// for the promoted preset, crosses several promotions.
class PresetEnginesTest : public ::testing::TestWithParam<const char*> {};

TEST_P(PresetEnginesTest, SystemCAgreesWithFunctional) {
  const RunConfig c = loadPreset(GetParam());
  const DatapathParams& p = c.spec.params;
  Rng rng(99);
  SystemCEngine engine(c.spec);
  DatapathModel model(c.spec);
  std::vector<std::uint64_t> a, b, stepA, stepB;
  for (int dot = 0; dot < 12; ++dot) {
    a.clear(), b.clear();
    const long steps = rng.range(1, 11);
    for (long s = 0; s < steps; ++s) {
      shapedStep(p, rng, stepA, stepB);
      a.insert(a.end(), stepA.begin(), stepA.end());
      b.insert(b.end(), stepB.begin(), stepB.end());
    }
    model.reset();
    for (std::size_t k = 0; k < a.size(); k += stepA.size()) model.step(&a[k], &b[k], nullptr);
    const AccumulatorValue want = model.finish();
    const SystemCDotResult got = engine.run(a, b);
    ASSERT_EQ(hex(got.value.code), hex(want.code)) << GetParam() << " dot " << dot;
    ASSERT_EQ(int{got.flags}, int{model.flags()}) << GetParam() << " dot " << dot;
    ASSERT_EQ(got.cycles, DatapathModel::cycles(c.spec, steps)) << GetParam() << " dot " << dot;
  }
}

INSTANTIATE_TEST_SUITE_P(Presets, PresetEnginesTest,
                         ::testing::Values("v100_fp16_fp32", "a100_fp16_fp32", "h100_fp8_fp32", "h100_fp8_fp16",
                                           "h100_fp8_fp32_promoted"),
                         [](const auto& i) { return std::string(i.param); });

// c = +0 joins the reference exponent as 2^-126 (MMA-Sim). BF16 products 2^-140 and
// -2^-160: against -126 the window ends at 2^-151, so -2^-160 is cut to 0 and the
// result is 2^-140 (FP32 subnormal 0x200); were c left out, the reference -140 keeps
// it and rounding toward zero gives 2^-140 - 2^-149 (0x1FF).
TEST(ZeroAddend, JoinsTheReferenceAtMinus126) {
  const RunConfig c = loadPreset("h100_bf16_fp32");
  std::vector<std::uint64_t> a(16, 0), b(16, 0);
  a[0] = b[0] = 0x1C80;  // 2^-70
  a[1] = 0x9780;         // -2^-80
  b[1] = 0x1780;         // 2^-80
  DatapathModel m(c.spec);
  m.step(a.data(), b.data(), nullptr);
  EXPECT_EQ(hex(m.finish().code), hex(0x200));
  EXPECT_EQ(hex(dpref::floatStep(c.spec.params, a, b, 0).code), hex(0x200));
  DatapathParams without = c.spec.params;
  without.zeroAddendExponent.reset();
  DatapathModel w(derive(without));
  w.step(a.data(), b.data(), nullptr);
  EXPECT_EQ(hex(w.finish().code), hex(0x1FF));
  EXPECT_EQ(hex(dpref::floatStep(without, a, b, 0).code), hex(0x1FF));
}

// The new fields are validated with their JSON path.
TEST(PresetFields, BadValuesNameTheirPath) {
  const auto error = [](const std::string& datapath) {
    std::string e;
    const auto c = parseRunConfig(R"({"datapath": )" + datapath + "}", "t.json", "", e);
    EXPECT_FALSE(c.has_value()) << datapath;
    return e;
  };
  const std::string dot = R"("kind": "dot", "a": "fp8_e4m3", "lanes": 32, "alignment": {"fraction_bits": 13})";
  EXPECT_NE(error("{" + dot + R"(, "accumulator": {"format": "fp32"}, "promotion": {"interval": 100}})")
                .find("t.json: /datapath/promotion/interval: must be a positive multiple of lanes (32)"),
            std::string::npos);
  EXPECT_NE(error("{" + dot + R"(, "accumulator": {"format": "fp32"}, "promotion": {"interval": 128}, "feedback": "interleave"})")
                .find("/datapath/feedback: promotion drains one accumulator"),
            std::string::npos);
  EXPECT_NE(error("{" + dot + R"(, "accumulator": {"format": "fp32", "nan": "quiet"}})").find("/datapath/accumulator/nan"),
            std::string::npos);
  EXPECT_NE(error("{" + dot + R"(, "accumulator": {"format": "fp8_e4m3", "nan": "canonical"}})")
                .find("/datapath/accumulator/nan: \"canonical\" needs an IEEE-style accumulator"),
            std::string::npos);
  EXPECT_NE(error("{" + dot + R"(, "accumulator": {"format": "fixed", "overflow": "infinity"}})")
                .find("/datapath/accumulator/overflow"),
            std::string::npos);
  EXPECT_NE(error("{" + dot + R"(, "accumulator": {"format": "fp32"}, "promotion": {"format": "fp32"}})")
                .find("/datapath/promotion/interval: missing"),
            std::string::npos);
  EXPECT_NE(error(R"({"kind": "dot", "a": "fp8_e4m3", "lanes": 32, "alignment": {"zero_addend_exponent": -126}, )"
                  R"("accumulator": {"format": "fp32"}})")
                .find("/datapath/alignment/zero_addend_exponent: only a fused addend in a finite window"),
            std::string::npos);
  std::string e;
  EXPECT_FALSE(parseRunConfig(R"({"compare": "x.json", "datapath": {"kind": "mac", "a": "fp16", "accumulator": {"format": "fp32"}}})",
                              "t.json", "", e));
  EXPECT_NE(e.find("t.json: /compare: must be an array of config file names"), std::string::npos) << e;
}

}  // namespace
}  // namespace tctest
