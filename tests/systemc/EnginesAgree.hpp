// The check both engine tests make: dot products of the given lengths through the
// SystemC pipeline and the functional engine give the same value, flags and steps,
// and the pipeline takes the cycles and latency the spec states.
#pragma once

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "TestDatapaths.hpp"
#include "systemc/SystemCEngine.hpp"

namespace fmasim::test {

inline void expectEnginesAgree(const DatapathSpec& spec, SystemCEngine& engine, const std::vector<std::size_t>& lengths,
                               std::mt19937_64& rng) {
  DatapathModel model(spec);
  for (std::size_t k : lengths) {
    const DotOperands x = randomDot(spec, k, rng);
    const Expected want = functional(model, spec, x);
    const SystemCDotResult got = engine.run(x.a, x.b);
    SCOPED_TRACE("K=" + std::to_string(k));
    EXPECT_EQ(got.value.code, want.value.code);
    EXPECT_TRUE(got.value.fixed == want.value.fixed);
    EXPECT_EQ(got.flags, want.flags);
    EXPECT_EQ(got.steps, want.steps);
    EXPECT_EQ(got.cycles, DatapathModel::cycles(spec, want.steps));
    if (want.steps > 0) {
      EXPECT_EQ(got.latency, spec.latency);
    }
  }
}

}  // namespace fmasim::test
