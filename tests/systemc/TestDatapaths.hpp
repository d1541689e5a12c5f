// The datapaths the SystemC tests run, and random operand streams for them.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "datapath/DatapathModel.hpp"
#include "datapath/DatapathSpec.hpp"

namespace fmasim::test {

// Names of the datapaths whose cycles DatapathModel::cycles states, for TEST_P.
const std::vector<std::string>& datapathNames();
// Those, and "fp8_dot2_separate_interleave" (see its test).
DatapathSpec datapath(const std::string& name);

// One dot product's operands: K codes of a and b and, for MX-scaled datapaths, scales.
struct DotOperands {
  std::vector<std::uint64_t> a, b;
  std::vector<std::int32_t> scaleExp;
};

// Random finite codes, with an infinite or NaN code once in a while (rare enough that
// most dot products stay finite).
DotOperands randomDot(const DatapathSpec& spec, std::size_t k, std::mt19937_64& rng);

// What the functional engine gives for one dot product.
struct Expected {
  AccumulatorValue value;
  std::uint8_t flags = 0;
  std::int64_t steps = 0;
};

// The functional engine on the same dot product, the last step padded with zeros.
Expected functional(DatapathModel& model, const DatapathSpec& spec, const DotOperands& x);

}  // namespace fmasim::test
