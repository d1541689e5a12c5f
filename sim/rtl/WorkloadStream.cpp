#include "WorkloadStream.hpp"

namespace fmasim {

std::vector<LaneStep> workloadSteps(const Workload& workload, const DatapathParams& p, std::int64_t index,
                                    std::int64_t maxSteps) {
  std::vector<LaneStep> steps;
  std::int64_t element = 0;
  const std::int64_t maxElements = maxSteps * p.lanes;
  workload.forEachChunk(index % workload.count(), [&](const Chunk& chunk) {
    for (std::size_t k = 0; k < chunk.codeA.size() && element < maxElements; ++k, ++element) {
      const int lane = static_cast<int>(element % p.lanes);
      if (lane == 0) steps.emplace_back();  // zero codes: the padding of a last, partial step
      steps.back().first.set(lane, p.a.bits, chunk.codeA[k]);
      steps.back().second.set(lane, p.b.bits, chunk.codeB[k]);
    }
  });
  return steps;
}

}  // namespace fmasim
