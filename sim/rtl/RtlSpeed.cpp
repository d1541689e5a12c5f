#include "RtlSpeed.hpp"

#include <ctime>
#include <random>
#include <vector>

namespace fmasim {

RtlSpeed measureRtlAlone(const DatapathSpec& spec, RtlModel& rtl, std::int64_t cycles, std::uint64_t seed) {
  // Operands drawn before the clock starts: the loop times the model, not the RNG.
  std::mt19937_64 rng(seed);
  std::vector<std::uint64_t> operands(4096);
  for (std::uint64_t& x : operands) x = rng();
  const std::uint64_t maskA = spec.params.a.codeMask(), maskB = spec.params.b.codeMask();
  FmasimRtlPorts ports{};
  ports.rst = 1;
  rtl.cycle(ports);
  ports.rst = 0;
  ports.in_valid = 1;
  RtlSpeed speed;
  std::size_t next = 0;
  const std::clock_t start = std::clock();
  for (std::int64_t c = 0; c < cycles; ++c) {
    const bool accepted = ports.in_ready != 0;  // in_ready of the cycle before: registered
    ports.in_a = operands[next] & maskA;
    ports.in_b = (operands[next] >> 32) & maskB;
    rtl.cycle(ports);
    if (accepted) {
      ++speed.steps;
      next = (next + 1) % operands.size();
    }
  }
  speed.cpuSeconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  speed.cycles = cycles;
  return speed;
}

}  // namespace fmasim
