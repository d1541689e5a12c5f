// makeWorkload: checks the spec, opens or sets up the two sources, and computes the
// real scales (a first pass over the data) before any chunk is quantized.
#include <algorithm>
#include <cmath>
#include <string>

#include "GeneratedSource.hpp"
#include "QuantizedWorkload.hpp"
#include "TensorFile.hpp"
#include "Workload.hpp"

namespace fmasim {
namespace {

// The problem with a distribution's parameters, or "".
std::string checkDistribution(const Distribution& d) {
  const auto notFinite = [](std::initializer_list<double> xs) {
    return std::any_of(xs.begin(), xs.end(), [](double x) { return !std::isfinite(x); });
  };
  switch (d.kind) {
    case DistributionKind::Normal:
    case DistributionKind::Laplace:
    case DistributionKind::NormalWithOutliers:
      if (notFinite({d.mean, d.scale}) || d.scale < 0.0) return "mean must be finite and scale finite and >= 0";
      if (d.kind == DistributionKind::NormalWithOutliers &&
          (!(d.outlierFraction >= 0.0 && d.outlierFraction <= 1.0) || !std::isfinite(d.outlierScale)))
        return "outlier fraction must be in [0, 1] and outlier scale finite";
      return "";
    case DistributionKind::Uniform:
      if (notFinite({d.low, d.high}) || d.low > d.high) return "low and high must be finite with low <= high";
      return "";
    case DistributionKind::Constant:
      return std::isfinite(d.value) ? "" : "value must be finite";
  }
  return "";
}

// Both sources, generated or from files; null and `error` set on bad input.
bool makeSources(const WorkloadSpec& spec, std::unique_ptr<RealSource>& a, std::unique_ptr<RealSource>& b,
                 std::string& error) {
  if (spec.fileA.empty() != spec.fileB.empty()) {
    error = "workload: give both operand files or neither";
    return false;
  }
  if (!spec.fileA.empty()) {
    std::unique_ptr<TensorFile> fileA = openTensorFile(spec.fileA, error);
    if (!fileA) return false;
    std::unique_ptr<TensorFile> fileB = openTensorFile(spec.fileB, error);
    if (!fileB) return false;
    if (fileA->count() != fileB->count() || fileA->length() != fileB->length()) {
      error = spec.fileA + " and " + spec.fileB + " have different shapes (" + fileA->shapeText() + " vs " +
              fileB->shapeText() + ")";
      return false;
    }
    a = std::move(fileA);
    b = std::move(fileB);
    return true;
  }
  if (spec.length < 1 || spec.count < 1) {
    error = "workload: length and count must be at least 1 (got " + std::to_string(spec.length) + " and " +
            std::to_string(spec.count) + ")";
    return false;
  }
  for (const auto& [name, d] : {std::pair{"a", &spec.a}, std::pair{"b", &spec.b}}) {
    const std::string problem = checkDistribution(*d);
    if (!problem.empty()) {
      error = std::string("workload: distribution of ") + name + ": " + problem;
      return false;
    }
  }
  a = makeGeneratedSource(spec.a, spec.seed, 0, spec.count, spec.length);
  b = makeGeneratedSource(spec.b, spec.seed, 1, spec.count, spec.length);
  return true;
}

// The absolute maximum of each vector, read in chunks.
std::vector<double> vectorAbsmax(const RealSource& source) {
  std::vector<double> absmax(static_cast<std::size_t>(source.count()), 0.0);
  std::vector<double> chunk(static_cast<std::size_t>(std::min(source.length(), kMaxChunkLength)));
  for (std::int64_t index = 0; index < source.count(); ++index) {
    const std::unique_ptr<VectorReader> reader = source.open(index);
    double& m = absmax[static_cast<std::size_t>(index)];
    for (std::int64_t first = 0; first < source.length(); first += kMaxChunkLength) {
      const std::span<double> part =
          std::span(chunk).first(static_cast<std::size_t>(std::min(kMaxChunkLength, source.length() - first)));
      reader->read(part);
      for (const double x : part) m = std::max(m, std::fabs(x));
    }
  }
  return absmax;
}

std::vector<double> realScales(const RealSource& source, const Format& f, const Scaling& scaling) {
  if (scaling.kind != ScalingKind::PerTensor && scaling.kind != ScalingKind::PerChannel) return {1.0};
  std::vector<double> absmax = vectorAbsmax(source);
  if (scaling.kind == ScalingKind::PerTensor)
    return {absmaxScale(f, *std::max_element(absmax.begin(), absmax.end()), scaling.marginBits)};
  for (double& x : absmax) x = absmaxScale(f, x, scaling.marginBits);
  return absmax;
}

}  // namespace

std::unique_ptr<Workload> makeWorkload(const WorkloadSpec& spec, const Format& fa, const Format& fb,
                                       std::string& error) {
  const Scaling& scaling = spec.scaling;
  if (scaling.kind == ScalingKind::PerBlock && (scaling.blockSize < 1 || scaling.blockSize > kMaxChunkLength)) {
    error = "workload: block size " + std::to_string(scaling.blockSize) + " not supported; allowed: 1.." +
            std::to_string(kMaxChunkLength);
    return nullptr;
  }
  std::unique_ptr<RealSource> a, b;
  if (!makeSources(spec, a, b, error)) return nullptr;
  std::vector<double> scalesA = realScales(*a, fa, scaling);
  std::vector<double> scalesB = realScales(*b, fb, scaling);
  const std::int64_t chunkLength =
      scaling.kind == ScalingKind::PerBlock ? kMaxChunkLength / scaling.blockSize * scaling.blockSize : kMaxChunkLength;
  return std::make_unique<QuantizedWorkload>(QuantizedOperand{std::move(a), Quantizer(fa, scaling), std::move(scalesA)},
                                             QuantizedOperand{std::move(b), Quantizer(fb, scaling), std::move(scalesB)},
                                             chunkLength);
}

}  // namespace fmasim
