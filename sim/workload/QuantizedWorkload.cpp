#include "QuantizedWorkload.hpp"

#include <algorithm>

namespace fmasim {
namespace {

// One operand's share of a chunk: buffers reused from chunk to chunk.
class OperandChunk {
 public:
  OperandChunk(const QuantizedOperand& operand, std::int64_t index, std::int64_t chunkLength)
      : operand_(operand),
        reader_(operand.source->open(index)),
        scale_(operand.scale(index)),
        real_(static_cast<std::size_t>(chunkLength)),
        codes_(real_.size()),
        exponents_(real_.size()) {}

  void fill(std::size_t n) {
    reader_->read(std::span(real_).first(n));
    operand_.quantizer.quantize(real(n), scale_, std::span(codes_).first(n), std::span(exponents_).first(n));
  }

  std::span<const double> real(std::size_t n) const { return std::span(real_).first(n); }
  std::span<const std::uint64_t> codes(std::size_t n) const { return std::span(codes_).first(n); }
  std::span<const std::int32_t> exponents(std::size_t n) const { return std::span(exponents_).first(n); }

 private:
  const QuantizedOperand& operand_;
  std::unique_ptr<VectorReader> reader_;
  double scale_;
  std::vector<double> real_;
  std::vector<std::uint64_t> codes_;
  std::vector<std::int32_t> exponents_;
};

}  // namespace

void QuantizedWorkload::forEachChunk(std::int64_t index, const std::function<void(const Chunk&)>& visit) const {
  const std::int64_t chunkLength = std::min(chunkLength_, length());
  OperandChunk a(a_, index, chunkLength), b(b_, index, chunkLength);
  for (std::int64_t first = 0; first < length(); first += chunkLength) {
    const auto n = static_cast<std::size_t>(std::min(chunkLength, length() - first));
    a.fill(n);
    b.fill(n);
    visit(Chunk{a.codes(n), b.codes(n), a.exponents(n), b.exponents(n), a.real(n), b.real(n)});
  }
}

}  // namespace fmasim
