// Quantization: every code is the format's nearest value to the scaled real value
// (found by brute force over all codes, ties to the even code, saturating), with
// scales and MX block exponents computed here independently.
#include <tuple>

#include "WorkloadTestSupport.hpp"

namespace fmatest {
namespace {

// All finite values of a format with their codes.
struct CodeTable {
  explicit CodeTable(const Format& f) {
    for (std::uint64_t code = 0; code <= f.codeMask(); ++code) {
      const double v = valueOf(f, code);
      if (std::isfinite(v)) entries.push_back({v, code});
      if (std::isfinite(v)) maxFinite = std::max(maxFinite, v);
    }
  }

  // The nearest value to y, ties to the even code; beyond the range the extreme value.
  double nearest(double y) const {
    double best = NAN, bestDistance = INFINITY;
    for (const auto& [v, code] : entries) {
      const double distance = std::fabs(v - y);
      if (distance < bestDistance || (distance == bestDistance && v != best && (code & 1) == 0)) {
        best = v;
        bestDistance = distance;
      }
    }
    return best;
  }

  std::vector<std::pair<double, std::uint64_t>> entries;
  double maxFinite = 0;
};

double absmax(const std::vector<double>& x) {
  double m = 0;
  for (const double v : x) m = std::max(m, std::fabs(v));
  return m;
}

WorkloadSpec mixedData(ScalingKind kind, double spread) {
  WorkloadSpec s;
  s.count = 3;
  s.length = 5000;  // two chunks
  s.seed = 11;
  s.scaling.kind = kind;
  s.a = {.kind = DistributionKind::Normal, .scale = spread};
  s.b = {.kind = DistributionKind::NormalWithOutliers, .scale = spread / 8, .outlierFraction = 0.02, .outlierScale = 30};
  return s;
}

void expectNearest(const CodeTable& table, const Format& f, const std::vector<double>& real, double scale,
                   const std::vector<std::uint64_t>& codes, const char* operand) {
  ASSERT_EQ(real.size(), codes.size());
  for (std::size_t i = 0; i < real.size(); ++i)
    ASSERT_EQ(valueOf(f, codes[i]), table.nearest(real[i] / scale))
        << operand << "[" << i << "] = " << real[i] << " / " << scale << " into " << f.name;
}

// The margin leaves 2^margin of headroom: the absolute maximum lands on max / 2^margin.
class Quantize : public ::testing::TestWithParam<std::tuple<const char*, ScalingKind, int>> {};

TEST_P(Quantize, CodesAreTheNearestValuesOfTheScaledData) {
  const auto [name, kind, margin] = GetParam();
  const Format f = fmt(name);
  const CodeTable table(f);
  // Unscaled data spread to saturate a few percent of elements.
  WorkloadSpec spec = mixedData(kind, kind == ScalingKind::None ? table.maxFinite / 2 : 1.0);
  spec.scaling.marginBits = margin;
  const auto w = build(spec, name, name);
  const double target = table.maxFinite / std::pow(2.0, kind == ScalingKind::None ? 0 : margin);
  std::vector<DotData> data;
  double tensorMaxA = 0, tensorMaxB = 0;
  for (std::int64_t i = 0; i < w->count(); ++i) {
    data.push_back(visitAll(*w, i));
    tensorMaxA = std::max(tensorMaxA, absmax(data.back().realA));
    tensorMaxB = std::max(tensorMaxB, absmax(data.back().realB));
  }
  for (std::int64_t i = 0; i < w->count(); ++i) {
    const DotData& d = data[static_cast<std::size_t>(i)];
    double scaleA = 1, scaleB = 1;
    if (kind == ScalingKind::PerTensor) {
      scaleA = tensorMaxA / target;
      scaleB = tensorMaxB / target;
    } else if (kind == ScalingKind::PerChannel) {
      scaleA = absmax(d.realA) / target;
      scaleB = absmax(d.realB) / target;
    }
    EXPECT_EQ(w->scaleA(i), scaleA);
    EXPECT_EQ(w->scaleB(i), scaleB);
    expectNearest(table, f, d.realA, scaleA, d.codeA, "a");
    expectNearest(table, f, d.realB, scaleB, d.codeB, "b");
    EXPECT_TRUE(std::all_of(d.expA.begin(), d.expA.end(), [](std::int32_t e) { return e == 0; }));
    EXPECT_TRUE(std::all_of(d.expB.begin(), d.expB.end(), [](std::int32_t e) { return e == 0; }));
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, Quantize,
                         ::testing::Combine(::testing::Values("fp8_e4m3", "int8", "fp4_e2m1"),
                                            ::testing::Values(ScalingKind::None, ScalingKind::PerTensor,
                                                              ScalingKind::PerChannel),
                                            ::testing::Values(0, 3)));

TEST(Quantize, SaturatesAtTheLargestFiniteValue) {
  for (const char* name : {"fp8_e4m3", "int8", "fp4_e2m1"}) {
    const Format f = fmt(name);
    WorkloadSpec s;
    s.count = 1;
    s.length = 10;
    s.scaling.kind = ScalingKind::None;
    s.a = {.kind = DistributionKind::Constant, .value = 1e6};
    s.b = {.kind = DistributionKind::Constant, .value = -1e6};
    const DotData d = visitAll(*build(s, name, name), 0);
    const double largest = CodeTable(f).maxFinite;
    const double smallest = std::string(name) == "int8" ? -128.0 : -largest;
    EXPECT_EQ(valueOf(f, d.codeA[0]), largest) << name;
    EXPECT_EQ(valueOf(f, d.codeB[0]), smallest) << name;
  }
}

// The MX rule, from each format's largest normal exponent written down here.
std::int32_t expectedBlockExponent(const std::string& name, double blockMax, double maxFinite) {
  if (blockMax == 0) return 0;
  int e = 0;
  std::frexp(blockMax, &e);  // blockMax = m * 2^e, m in [0.5, 1): floor(log2) = e - 1
  if (name == "fp8_e4m3") return e - 1 - 8;  // 448 = 1.75 * 2^8
  if (name == "fp4_e2m1") return e - 1 - 2;  // 6 = 1.5 * 2^2
  std::int32_t x = -1100;
  while (std::ldexp(blockMax, -x) > maxFinite) ++x;
  return x;
}

class PerBlock : public ::testing::TestWithParam<std::tuple<const char*, int, int>> {};

TEST_P(PerBlock, ExponentsFollowTheMxRuleAndCodesAreNearest) {
  const auto [name, blockSize, margin] = GetParam();
  const Format f = fmt(name);
  const CodeTable table(f);
  WorkloadSpec s = mixedData(ScalingKind::PerBlock, 3.0);
  s.length = 10000;  // chunks of whole blocks, a partial block at the end
  s.scaling.blockSize = blockSize;
  s.scaling.marginBits = margin;
  const auto w = build(s, name, name);
  for (std::int64_t i = 0; i < w->count(); ++i) {
    const DotData d = visitAll(*w, i);
    EXPECT_EQ(w->scaleA(i), 1.0);
    for (const auto& [real, codes, exps] :
         {std::tie(d.realA, d.codeA, d.expA), std::tie(d.realB, d.codeB, d.expB)}) {
      for (std::size_t first = 0; first < real.size(); first += static_cast<std::size_t>(blockSize)) {
        const std::size_t end = std::min(real.size(), first + static_cast<std::size_t>(blockSize));
        double blockMax = 0;
        for (std::size_t k = first; k < end; ++k) blockMax = std::max(blockMax, std::fabs(real[k]));
        const std::int32_t x = blockMax == 0 ? 0 : expectedBlockExponent(name, blockMax, table.maxFinite) + margin;
        for (std::size_t k = first; k < end; ++k) {
          ASSERT_EQ(exps[k], x) << name << " element " << k;
          ASSERT_EQ(valueOf(f, codes[k]), table.nearest(std::ldexp(real[k], -x))) << name << " element " << k;
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, PerBlock,
                         ::testing::Combine(::testing::Values("fp8_e4m3", "int8", "fp4_e2m1"), ::testing::Values(32, 48),
                                            ::testing::Values(0, 2)));

TEST(Quantize, AllZeroBlockGetsExponentZero) {
  WorkloadSpec s;
  s.count = 1;
  s.length = 64;
  s.scaling = {ScalingKind::PerBlock, 32};
  s.a = {.kind = DistributionKind::Constant, .value = 0.0};
  const DotData d = visitAll(*build(s, "fp8_e4m3", "fp8_e4m3"), 0);
  EXPECT_TRUE(std::all_of(d.expA.begin(), d.expA.end(), [](std::int32_t e) { return e == 0; }));
  EXPECT_TRUE(std::all_of(d.codeA.begin(), d.codeA.end(), [](std::uint64_t c) { return c == 0; }));
}

}  // namespace
}  // namespace fmatest
