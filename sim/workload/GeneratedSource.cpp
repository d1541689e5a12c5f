#include "GeneratedSource.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "Random.hpp"

namespace fmasim {
namespace {

void drawPage(const Distribution& d, Sampler& s, std::span<double> out) {
  switch (d.kind) {
    case DistributionKind::Normal:
      for (double& x : out) x = d.mean + d.scale * s.normal();
      return;
    case DistributionKind::Laplace:
      for (double& x : out) x = d.mean + d.scale * s.laplace();
      return;
    case DistributionKind::Uniform:
      for (double& x : out) x = d.low + (d.high - d.low) * s.uniform();
      return;
    case DistributionKind::NormalWithOutliers:
      for (double& x : out) {
        x = d.mean + d.scale * s.normal();
        if (s.uniform() < d.outlierFraction) x *= d.outlierScale;
      }
      return;
    case DistributionKind::Constant:
      std::fill(out.begin(), out.end(), d.value);
      return;
  }
}

class GeneratedReader final : public VectorReader {
 public:
  GeneratedReader(const Distribution& d, std::uint64_t vectorSeed, std::int64_t length)
      : distribution_(d), vectorSeed_(vectorSeed), length_(length) {}

  void read(std::span<double> out) override {
    while (!out.empty()) {
      if (used_ == page_.size()) nextPage();
      const std::size_t n = std::min(out.size(), page_.size() - used_);
      std::copy_n(page_.begin() + static_cast<std::ptrdiff_t>(used_), n, out.begin());
      used_ += n;
      out = out.subspan(n);
    }
  }

 private:
  void nextPage() {
    const std::int64_t first = pageNumber_ * kPageLength;
    // Reading past the end is a caller's bug; a page of one element keeps read() finite.
    page_.resize(static_cast<std::size_t>(std::clamp<std::int64_t>(length_ - first, 1, kPageLength)));
    Sampler sampler(deriveSeed(vectorSeed_, {static_cast<std::uint64_t>(pageNumber_)}));
    drawPage(distribution_, sampler, page_);
    ++pageNumber_;
    used_ = 0;
  }

  Distribution distribution_;
  std::uint64_t vectorSeed_;
  std::int64_t length_;
  std::int64_t pageNumber_ = 0;
  std::vector<double> page_;
  std::size_t used_ = 0;
};

class GeneratedSource final : public RealSource {
 public:
  GeneratedSource(const Distribution& d, std::uint64_t seed, std::uint64_t stream, std::int64_t count,
                  std::int64_t length)
      : distribution_(d), seed_(seed), stream_(stream), count_(count), length_(length) {}

  std::int64_t count() const override { return count_; }
  std::int64_t length() const override { return length_; }
  std::unique_ptr<VectorReader> open(std::int64_t index) const override {
    return std::make_unique<GeneratedReader>(distribution_,
                                             deriveSeed(seed_, {stream_, static_cast<std::uint64_t>(index)}), length_);
  }

 private:
  Distribution distribution_;
  std::uint64_t seed_, stream_;
  std::int64_t count_, length_;
};

}  // namespace

std::unique_ptr<RealSource> makeGeneratedSource(const Distribution& d, std::uint64_t seed, std::uint64_t stream,
                                                std::int64_t count, std::int64_t length) {
  return std::make_unique<GeneratedSource>(d, seed, stream, count, length);
}

}  // namespace fmasim
