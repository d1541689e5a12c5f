// Dot-product streams for the lock-step: the operand codes of one dot product of the
// config's workload (sim/workload), as the steps that feed it to the datapath,
// `lanes` elements a step, the last step padded with zeros. Block scales are left out
// (the RTL has no scale input); both sides see the same codes.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "CyclePorts.hpp"
#include "datapath/DatapathSpec.hpp"
#include "workload/Workload.hpp"

namespace fmasim {

using LaneStep = std::pair<LaneCodes, LaneCodes>;

// The first at most maxSteps steps of dot product `index` (taken modulo the count).
std::vector<LaneStep> workloadSteps(const Workload& workload, const DatapathParams& p, std::int64_t index,
                                    std::int64_t maxSteps);

}  // namespace fmasim
