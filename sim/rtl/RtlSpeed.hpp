// The Verilated RTL alone, for its speed: `cycles` clock cycles of back-to-back steps
// of random operands (the input held until in_ready takes it), no comparison.
#pragma once

#include <cstdint>

#include "CyclePorts.hpp"
#include "RtlModel.hpp"
#include "datapath/DatapathSpec.hpp"

namespace fmasim {

struct RtlSpeed {
  std::int64_t cycles = 0, steps = 0;
  double cpuSeconds = 0;
};

RtlSpeed measureRtlAlone(const DatapathSpec& spec, RtlModel& rtl, std::int64_t cycles, std::uint64_t seed);

}  // namespace fmasim
