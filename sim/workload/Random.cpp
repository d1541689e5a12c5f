#include "Random.hpp"

#include <cmath>

namespace fmasim {
namespace {

// SplitMix64's finalizer: a bijection that spreads every input bit over the output.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15u;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
  return x ^ (x >> 31);
}

constexpr double kTwoPowMinus53 = 0x1p-53;

}  // namespace

std::uint64_t deriveSeed(std::uint64_t seed, std::initializer_list<std::uint64_t> path) {
  std::uint64_t h = mix(seed);
  for (const std::uint64_t id : path) h = mix(h ^ mix(id));
  return h;
}

double Sampler::uniform() { return static_cast<double>(engine_() >> 11) * kTwoPowMinus53; }

double Sampler::normal() {
  if (hasSpare_) {
    hasSpare_ = false;
    return spareNormal_;
  }
  double u = 0.0, v = 0.0, s = 0.0;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double f = std::sqrt(-2.0 * std::log(s) / s);
  spareNormal_ = v * f;
  hasSpare_ = true;
  return u * f;
}

double Sampler::laplace() {
  // A random sign times an Exp(1) magnitude -ln(u), u in (0, 1]: one draw gives both.
  const std::uint64_t r = engine_();
  const double u = static_cast<double>((r >> 12) + 1) * 0x1p-52;
  const double magnitude = -std::log(u);
  return (r & 1) ? -magnitude : magnitude;
}

}  // namespace fmasim
