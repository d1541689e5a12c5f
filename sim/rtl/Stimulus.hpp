// What the lock-step drives: accumulator states that every operand pair is checked
// against (special values and both overflow edges first, then seeded random ones),
// and the corner codes of an operand format.
#pragma once

#include <cstdint>
#include <vector>

#include "datapath/DatapathSpec.hpp"
#include "format/Wide.hpp"

namespace fmasim {

// The special codes of a format: zeros, the smallest and largest subnormals, the
// smallest normal, one, the largest finite values, infinities and NaNs (quiet and
// signaling, with a payload), each with both signs; integers: 0, +-1, the bounds.
std::vector<std::uint64_t> cornerCodes(const Format& f);

// `count` accumulator codes (at least all special ones): the corners of the
// accumulator, the values next to both overflow edges (for integer and fixed-point
// accumulators, where the largest product just wraps or saturates; two's complement,
// accumulatorBits wide), then random values: for floats with exponents in the
// products' range, so that sums round and cancel; for integer and fixed point of
// random bit lengths, so that small and large ones both occur.
std::vector<u128> accumulatorStates(const DatapathSpec& spec, int count, std::uint64_t seed);

}  // namespace fmasim
