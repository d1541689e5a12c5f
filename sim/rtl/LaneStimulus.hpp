// Operand lanes for the lock-step of a datapath with several lanes, where exhaustive
// pairs are out of reach: corner-heavy seeded random steps. The run starts with every
// corner pair of the operand formats (one per step, in lane i mod lanes, the other
// lanes finite random, across the accumulator states); then, per step, one of: a few lanes with corner
// codes (NaN, infinities, zeros, extremes) among random ones; lanes whose exponents
// lie in a narrow band (sums that cancel and terms cut partly by the alignment
// window); uniformly random finite codes. Random lanes are zero now and then.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "CyclePorts.hpp"
#include "datapath/DatapathSpec.hpp"

namespace fmasim {

class LaneStimulus {
 public:
  LaneStimulus(const DatapathSpec& spec, std::uint64_t seed);

  // The next step's lanes.
  void step(LaneCodes& a, LaneCodes& b);

 private:
  std::uint64_t finite(const Format& f);
  std::uint64_t inBand(const Format& f, int center, int width);

  const DatapathParams& p_;
  std::vector<std::uint64_t> cornersA_, cornersB_;
  std::mt19937_64 rng_;
  std::int64_t steps_ = 0;
};

}  // namespace fmasim
