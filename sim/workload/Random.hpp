// Deterministic random numbers for generated workloads. std::mt19937_64's output is
// fixed by the standard; the distributions' transforms are written here (std's
// distributions are implementation-defined), so a seed gives the same data with any
// standard library. The one platform dependence left is std::log (sqrt is exact by
// IEEE 754): libms that round log differently in the last bit change a few values by
// an ulp.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <random>

namespace fmasim {

// A seed for one independent stream, derived from a base seed and a path of
// identifiers (operand, dot product, page): nearby paths give unrelated streams.
std::uint64_t deriveSeed(std::uint64_t seed, std::initializer_list<std::uint64_t> path);

class Sampler {
 public:
  explicit Sampler(std::uint64_t seed) : engine_(seed) {}

  double uniform();       // [0, 1)
  double normal();        // standard normal (Marsaglia's polar method)
  double laplace();       // standard Laplace: density exp(-|x|) / 2

 private:
  std::mt19937_64 engine_;
  double spareNormal_ = 0.0;  // the polar method makes normals in pairs
  bool hasSpare_ = false;
};

}  // namespace fmasim
