// Workloads for `fmasim run`: dot products of length K over generated or loaded
// real-valued data, quantized into the datapath's operand formats. Streaming: a
// dot product is visited in chunks, so memory does not grow with K.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "format/Format.hpp"

namespace fmasim {

enum class DistributionKind : std::uint8_t { Normal, Laplace, Uniform, NormalWithOutliers, Constant };

struct Distribution {
  DistributionKind kind = DistributionKind::Normal;
  double mean = 0.0;             // normal, laplace, outliers
  double scale = 1.0;            // normal: standard deviation; laplace: b
  double low = -1.0, high = 1.0; // uniform
  double outlierFraction = 0.0;  // outliers: this fraction of elements ...
  double outlierScale = 100.0;   // ... is multiplied by this factor
  double value = 1.0;            // constant
};

// How real values are scaled into an operand format before rounding (RNE, saturating):
// by the absolute maximum of the whole tensor, of each dot product's vector
// ("channel"), or of each block of blockSize elements. Per-tensor and per-channel
// scales are real numbers applied outside the datapath; per-block scales are powers
// of two (as OCP MX's E8M0), applied inside it by the multiplier as exponent offsets.
enum class ScalingKind : std::uint8_t { None, PerTensor, PerChannel, PerBlock };

struct Scaling {
  ScalingKind kind = ScalingKind::PerTensor;
  int blockSize = 32;
  // Headroom, as Transformer Engine's `margin`: the absolute maximum maps to the largest
  // finite value / 2^marginBits (block scales 2^X become 2^(X + marginBits)), so that
  // products and sums stay in range of a narrow accumulator.
  int marginBits = 0;
};

// Where the real values come from: a seeded generator, or tensors in files.
// With files, count and length come from the files' shape (and the distributions
// and seed are unused).
struct WorkloadSpec {
  std::int64_t length = 4096;  // K: elements per dot product
  std::int64_t count = 16;     // number of dot products
  std::uint64_t seed = 1;      // a and b draw from independent streams of it
  Distribution a, b;
  Scaling scaling;
  std::string fileA, fileB;  // .npy (float32/float16, 1-D or 2-D [count, K]) or .csv; empty: generate
};

// Chunks never hold more elements than this (per-block scaling: the largest multiple
// of blockSize that fits, so that chunks start on block boundaries; blockSize <= this).
inline constexpr std::int64_t kMaxChunkLength = 4096;

// One chunk of one dot product: operand codes, the block scale exponents that apply
// to each element (all zero unless per-block scaling), and the real values the codes
// came from (for the exact reference).
struct Chunk {
  std::span<const std::uint64_t> codeA, codeB;
  std::span<const std::int32_t> scaleExpA, scaleExpB;
  std::span<const double> realA, realB;
};

class Workload {
 public:
  virtual ~Workload() = default;
  virtual std::int64_t count() const = 0;
  virtual std::int64_t length() const = 0;
  // The real-valued scales of dot product `index` (1.0 unless per-tensor/per-channel):
  // the datapath's result times scaleA * scaleB estimates the real dot product.
  virtual double scaleA(std::int64_t index) const = 0;
  virtual double scaleB(std::int64_t index) const = 0;
  // Calls visit for each chunk of dot product `index`, in order. Thread-safe; a
  // dot product's data do not depend on which others were visited before.
  // Throws std::runtime_error if a file can no longer be read as it was validated.
  virtual void forEachChunk(std::int64_t index, const std::function<void(const Chunk&)>& visit) const = 0;
};

// Builds the workload for operand formats fa and fb. On bad input (unreadable file,
// wrong dtype or shape, malformed CSV) returns nullptr and sets `error` to one line
// naming the file and the problem.
std::unique_ptr<Workload> makeWorkload(const WorkloadSpec& spec, const Format& fa, const Format& fb, std::string& error);

}  // namespace fmasim
