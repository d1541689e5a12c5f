// Cuts one dot product of a workload into datapath steps of `lanes` operand pairs,
// the last one padded with zero codes: what every engine driver feeds its engine.
#pragma once

#include <cstdint>
#include <vector>

#include "workload/Workload.hpp"

namespace fmasim {

class StepFeed {
 public:
  // perBlock: the workload has block scales (else step() gets a null scale pointer,
  // so the engine's specialised step routines apply).
  StepFeed(std::size_t lanes, bool perBlock) : lanes_(lanes), a_(lanes), b_(lanes), scale_(lanes), perBlock_(perBlock) {}

  // Calls element(chunk, i, laneScale) for every element of dot product `index`, and
  // step(a, b, scales) whenever `lanes` elements are gathered.
  template <class Element, class Step>
  void run(const Workload& workload, std::int64_t index, Element&& element, Step&& step) {
    const std::int32_t* scales = perBlock_ ? scale_.data() : nullptr;
    std::size_t fill = 0;
    workload.forEachChunk(index, [&](const Chunk& c) {
      for (std::size_t i = 0; i < c.codeA.size(); ++i) {
        a_[fill] = c.codeA[i];
        b_[fill] = c.codeB[i];
        scale_[fill] = c.scaleExpA[i] + c.scaleExpB[i];
        element(c, i, scale_[fill]);
        if (++fill == lanes_) {
          step(a_.data(), b_.data(), scales);
          fill = 0;
        }
      }
    });
    if (fill != 0) {  // the last step's unused lanes multiply zeros
      for (std::size_t i = fill; i < lanes_; ++i) a_[i] = b_[i] = 0, scale_[i] = 0;
      step(a_.data(), b_.data(), scales);
    }
  }

 private:
  std::size_t lanes_;
  std::vector<std::uint64_t> a_, b_;
  std::vector<std::int32_t> scale_;
  bool perBlock_;
};

}  // namespace fmasim
