// The Workload: real values from two sources (generated or files), quantized chunk by
// chunk into the operand formats.
#pragma once

#include <memory>
#include <vector>

#include "Quantizer.hpp"
#include "RealSource.hpp"
#include "Workload.hpp"

namespace fmasim {

struct QuantizedOperand {
  std::unique_ptr<RealSource> source;
  Quantizer quantizer;
  // Real scales: one per dot product (per-channel) or a single one for all.
  std::vector<double> scales;

  double scale(std::int64_t index) const { return scales.size() == 1 ? scales[0] : scales[static_cast<std::size_t>(index)]; }
};

class QuantizedWorkload final : public Workload {
 public:
  QuantizedWorkload(QuantizedOperand a, QuantizedOperand b, std::int64_t chunkLength)
      : a_(std::move(a)), b_(std::move(b)), chunkLength_(chunkLength) {}

  std::int64_t count() const override { return a_.source->count(); }
  std::int64_t length() const override { return a_.source->length(); }
  double scaleA(std::int64_t index) const override { return a_.scale(index); }
  double scaleB(std::int64_t index) const override { return b_.scale(index); }
  void forEachChunk(std::int64_t index, const std::function<void(const Chunk&)>& visit) const override;

 private:
  QuantizedOperand a_, b_;
  std::int64_t chunkLength_;
};

}  // namespace fmasim
