// A seeded generator of valid datapath configurations: every choice a config can
// make (kind, formats, lanes, alignment window and term rounding, fused or separate
// addend, float/integer/fixed accumulator, precision and rounding mode incl.
// stochastic, overflow, pipeline stages, stall or interleave), drawn at random and
// kept only when deriveDatapathSpec accepts it.
#pragma once

#include <cstdint>
#include <string>

#include "datapath/DatapathSpec.hpp"

namespace fmasim::test {

// The same seed gives the same spec; the spec's params.name describes it.
DatapathSpec randomDatapath(std::uint64_t seed);

}  // namespace fmasim::test
