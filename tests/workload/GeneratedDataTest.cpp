// Generated data: deterministic per seed, independent per operand and per dot
// product, streamable, and distributed as asked (moments within statistical tolerance).
#include <cmath>
#include <numeric>

#include "WorkloadTestSupport.hpp"

namespace fmatest {
namespace {

WorkloadSpec spec(std::int64_t count, std::int64_t length, std::uint64_t seed = 7) {
  WorkloadSpec s;
  s.count = count;
  s.length = length;
  s.seed = seed;
  s.scaling.kind = ScalingKind::None;
  s.b.kind = DistributionKind::Laplace;
  return s;
}

TEST(GeneratedData, SameSeedGivesSameData) {
  const auto w1 = build(spec(3, 5000)), w2 = build(spec(3, 5000));
  for (std::int64_t i = 0; i < 3; ++i) {
    const DotData d1 = visitAll(*w1, i), d2 = visitAll(*w2, i);
    EXPECT_EQ(d1.realA, d2.realA);
    EXPECT_EQ(d1.realB, d2.realB);
    EXPECT_EQ(d1.codeA, d2.codeA);
  }
}

TEST(GeneratedData, DifferentSeedsOperandsAndDotProductsDiffer) {
  const auto w1 = build(spec(2, 1000, 1)), w2 = build(spec(2, 1000, 2));
  WorkloadSpec same = spec(2, 1000, 1);
  same.b = same.a;  // a and b from the same distribution must still differ
  const auto w3 = build(same);
  const DotData d10 = visitAll(*w1, 0), d11 = visitAll(*w1, 1), d20 = visitAll(*w2, 0), d30 = visitAll(*w3, 0);
  EXPECT_NE(d10.realA, d20.realA);
  EXPECT_NE(d10.realA, d11.realA);
  EXPECT_NE(d30.realA, d30.realB);
}

TEST(GeneratedData, DotProductRegeneratesAlone) {
  const auto all = build(spec(8, 9000)), alone = build(spec(8, 9000));
  std::vector<DotData> visited;
  for (std::int64_t i = 0; i <= 5; ++i) visited.push_back(visitAll(*all, i));
  const DotData five = visitAll(*alone, 5);
  EXPECT_EQ(five.realA, visited[5].realA);
  EXPECT_EQ(five.realB, visited[5].realB);
  EXPECT_EQ(visitAll(*alone, 5).realA, five.realA);  // visiting twice changes nothing
}

TEST(GeneratedData, DataDoNotDependOnCountOrChunking) {
  WorkloadSpec blocks = spec(2, 10000);
  blocks.count = 6;
  blocks.scaling = {ScalingKind::PerBlock, 48};  // chunks of 4080, not 4096
  const DotData plain = visitAll(*build(spec(2, 10000)), 1), blocked = visitAll(*build(blocks), 1);
  EXPECT_EQ(plain.realA, blocked.realA);
  EXPECT_EQ(plain.realB, blocked.realB);
}

struct Moments {
  double mean = 0, variance = 0, kurtosis = 0;
};

Moments momentsOf(const std::vector<double>& x) {
  Moments m;
  const double n = static_cast<double>(x.size());
  m.mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  double m2 = 0, m4 = 0;
  for (const double v : x) {
    const double d2 = (v - m.mean) * (v - m.mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  m.variance = m2 / n;
  m.kurtosis = (m4 / n) / (m.variance * m.variance);
  return m;
}

// One million elements of operand a (over 4 dot products).
std::vector<double> sampleA(const Distribution& d) {
  WorkloadSpec s = spec(4, 250000);
  s.a = d;
  const auto w = build(s, "fp64", "fp64");
  std::vector<double> x;
  for (std::int64_t i = 0; i < 4; ++i) {
    const DotData data = visitAll(*w, i);
    x.insert(x.end(), data.realA.begin(), data.realA.end());
  }
  return x;
}

// Tolerances are about 5 standard errors of each estimate at n = 10^6.
TEST(GeneratedData, NormalMoments) {
  const Moments m = momentsOf(sampleA({.kind = DistributionKind::Normal, .mean = 0.5, .scale = 2.0}));
  EXPECT_NEAR(m.mean, 0.5, 0.01);
  EXPECT_NEAR(m.variance, 4.0, 0.03);
  EXPECT_NEAR(m.kurtosis, 3.0, 0.05);
}

TEST(GeneratedData, LaplaceMoments) {
  const Moments m = momentsOf(sampleA({.kind = DistributionKind::Laplace, .mean = -1.0, .scale = 1.5}));
  EXPECT_NEAR(m.mean, -1.0, 0.011);
  EXPECT_NEAR(m.variance, 2 * 1.5 * 1.5, 0.06);
  EXPECT_NEAR(m.kurtosis, 6.0, 0.3);
}

TEST(GeneratedData, UniformMomentsAndRange) {
  const std::vector<double> x = sampleA({.kind = DistributionKind::Uniform, .low = -3.0, .high = 5.0});
  const Moments m = momentsOf(x);
  EXPECT_NEAR(m.mean, 1.0, 0.012);
  EXPECT_NEAR(m.variance, 64.0 / 12.0, 0.025);
  EXPECT_NEAR(m.kurtosis, 1.8, 0.012);
  EXPECT_GE(*std::min_element(x.begin(), x.end()), -3.0);
  EXPECT_LT(*std::max_element(x.begin(), x.end()), 5.0);
}

TEST(GeneratedData, OutlierFraction) {
  const double fraction = 0.01, scale = 100.0;
  const std::vector<double> x = sampleA(
      {.kind = DistributionKind::NormalWithOutliers, .scale = 1.0, .outlierFraction = fraction, .outlierScale = scale});
  // Beyond 6: practically never a plain N(0,1) element; an outlier when |z| > 6 / scale.
  const auto beyond = std::count_if(x.begin(), x.end(), [](double v) { return std::fabs(v) > 6.0; });
  const double expected = fraction * std::erfc(6.0 / scale / std::sqrt(2.0));
  EXPECT_NEAR(static_cast<double>(beyond) / static_cast<double>(x.size()), expected, 5e-4);
  // The rest is still about a unit normal (the few small outliers add ~0.005 to the variance).
  std::vector<double> inliers;
  std::copy_if(x.begin(), x.end(), std::back_inserter(inliers), [](double v) { return std::fabs(v) <= 6.0; });
  EXPECT_NEAR(momentsOf(inliers).variance, 1.0, 0.02);
}

TEST(GeneratedData, Constant) {
  const std::vector<double> x = sampleA({.kind = DistributionKind::Constant, .value = -0.75});
  EXPECT_TRUE(std::all_of(x.begin(), x.end(), [](double v) { return v == -0.75; }));
}

}  // namespace
}  // namespace fmatest
