// Invalid workload settings give one-line errors; chunks stay within the chunk
// length whatever K; memory does not grow with K.
#include <gmock/gmock.h>
#include <sys/resource.h>

#include "WorkloadTestSupport.hpp"

namespace fmatest {
namespace {

using ::testing::HasSubstr;

TEST(WorkloadSpecErrors, Sizes) {
  WorkloadSpec s;
  s.length = 0;
  EXPECT_EQ(errorOf(s), "workload: length and count must be at least 1 (got 0 and 16)");
  s.length = 10;
  s.count = -1;
  EXPECT_EQ(errorOf(s), "workload: length and count must be at least 1 (got 10 and -1)");
}

TEST(WorkloadSpecErrors, BlockSize) {
  WorkloadSpec s;
  s.scaling = {ScalingKind::PerBlock, 0};
  EXPECT_EQ(errorOf(s), "workload: block size 0 not supported; allowed: 1..4096");
  s.scaling.blockSize = 4097;
  EXPECT_EQ(errorOf(s), "workload: block size 4097 not supported; allowed: 1..4096");
}

TEST(WorkloadSpecErrors, Distributions) {
  WorkloadSpec s;
  s.b = {.kind = DistributionKind::Uniform, .low = 2, .high = 1};
  EXPECT_THAT(errorOf(s), HasSubstr("workload: distribution of b: low and high"));
  s.b = {};
  s.a = {.kind = DistributionKind::Normal, .scale = -1};
  EXPECT_THAT(errorOf(s), HasSubstr("workload: distribution of a: "));
  s.a = {.kind = DistributionKind::Laplace, .mean = NAN};
  EXPECT_THAT(errorOf(s), HasSubstr("workload: distribution of a: "));
  s.a = {.kind = DistributionKind::NormalWithOutliers, .outlierFraction = 1.5};
  EXPECT_THAT(errorOf(s), HasSubstr("workload: distribution of a: outlier fraction"));
  s.a = {.kind = DistributionKind::Constant, .value = INFINITY};
  EXPECT_THAT(errorOf(s), HasSubstr("workload: distribution of a: value"));
}

void expectChunks(const Workload& w, std::size_t chunkLength) {
  std::size_t total = 0;
  std::vector<std::size_t> lengths;
  w.forEachChunk(0, [&](const Chunk& c) {
    lengths.push_back(c.codeA.size());
    total += c.codeA.size();
    for (const std::size_t size : {c.codeB.size(), c.scaleExpA.size(), c.scaleExpB.size(), c.realA.size(), c.realB.size()})
      ASSERT_EQ(size, c.codeA.size());
  });
  EXPECT_EQ(total, static_cast<std::size_t>(w.length()));
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    ASSERT_LE(lengths[i], static_cast<std::size_t>(kMaxChunkLength));
    if (i + 1 < lengths.size()) {
      ASSERT_EQ(lengths[i], chunkLength) << "only the last chunk may be short";
    }
  }
}

TEST(Streaming, ChunksNeverExceedTheChunkLength) {
  WorkloadSpec s;
  s.count = 1;
  s.length = 1000000;
  expectChunks(*build(s), 4096);
  s.scaling = {ScalingKind::PerBlock, 48};  // chunks of whole blocks: 85 * 48
  expectChunks(*build(s), 4080);
  s.scaling = {ScalingKind::PerBlock, 4096};
  s.length = 5;
  expectChunks(*build(s), 5);
}

long peakResidentKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Ten million elements per operand would take 160 MB held at once as doubles and
// codes; streaming needs a few chunks.
TEST(Streaming, MemoryDoesNotGrowWithLength) {
  WorkloadSpec s;
  s.count = 1;
  s.length = 10000000;
  s.scaling.kind = ScalingKind::PerChannel;
  const long before = peakResidentKilobytes();
  const auto w = build(s, "fp8_e4m3", "fp8_e4m3");
  std::int64_t seen = 0;
  w->forEachChunk(0, [&](const Chunk& c) { seen += static_cast<std::int64_t>(c.codeA.size()); });
  EXPECT_EQ(seen, s.length);
  EXPECT_LT(peakResidentKilobytes() - before, 16 * 1024);
}

}  // namespace
}  // namespace fmatest
