// The datapaths the SystemC tests run, and random operand streams for them.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "datapath/DatapathSpec.hpp"

namespace fmasim::test {

// Names of the datapaths below, for TEST_P instantiation.
const std::vector<std::string>& datapathNames();
DatapathSpec datapath(const std::string& name);

// One dot product's operands: K codes of a and b and, for MX-scaled datapaths, scales.
struct DotOperands {
  std::vector<std::uint64_t> a, b;
  std::vector<std::int32_t> scaleExp;
};

// Random finite codes, with an infinite or NaN code once in a while (rare enough that
// most dot products stay finite).
DotOperands randomDot(const DatapathSpec& spec, std::size_t k, std::mt19937_64& rng);

}  // namespace fmasim::test
