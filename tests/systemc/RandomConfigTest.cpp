// The two engines agree on random configurations: each seed draws a valid datapath
// (RandomDatapath), and the SystemC pipeline and the functional engine run the same
// short seeded dot products; values, flags, cycles and latency must be equal. One seed per
// test, so each builds its pipeline in a process of its own.
#include <gtest/gtest.h>

#include <random>

#include "EnginesAgree.hpp"
#include "RandomDatapath.hpp"

namespace fmasim::test {
namespace {

constexpr std::uint64_t kConfigs = 160;

class RandomConfig : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(RandomConfig, EnginesAgree) {
  const DatapathSpec spec = randomDatapath(GetParam());
  SCOPED_TRACE(spec.params.name);
  SystemCEngine engine(spec);
  std::mt19937_64 rng(GetParam() * 7919 + 1);
  // No step, one padded step, more steps than partial accumulators, and longer streams.
  const auto lanes = static_cast<std::size_t>(spec.params.lanes);
  const auto partials = static_cast<std::size_t>(spec.partialAccumulators);
  expectEnginesAgree(spec, engine, {0, 1, partials * lanes + 1, 1 + rng() % 100, 1 + rng() % 400}, rng);
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomConfig, ::testing::Range(std::uint64_t{0}, kConfigs));

}  // namespace
}  // namespace fmasim::test
