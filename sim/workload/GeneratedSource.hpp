// Real values drawn from a Distribution. Each vector is cut into pages of kPageLength
// elements, each page drawn from its own stream seeded by (seed, stream, vector, page):
// any vector can be regenerated alone, in O(page) memory, and the data do not depend
// on how a consumer chunks its reads.
#pragma once

#include <cstdint>
#include <memory>

#include "RealSource.hpp"
#include "Workload.hpp"

namespace fmasim {

inline constexpr std::int64_t kPageLength = 4096;

// `stream` tells operands apart: sources with the same seed but different streams
// are independent.
std::unique_ptr<RealSource> makeGeneratedSource(const Distribution& d, std::uint64_t seed, std::uint64_t stream,
                                                std::int64_t count, std::int64_t length);

}  // namespace fmasim
