#include "RtlSpeed.hpp"

#include <ctime>
#include <random>
#include <vector>

namespace fmasim {

RtlSpeed measureRtlAlone(const DatapathSpec& spec, RtlModel& rtl, std::int64_t cycles, std::uint64_t seed) {
  // Operands drawn before the clock starts: the loop times the model, not the RNG.
  std::mt19937_64 rng(seed);
  const DatapathParams& p = spec.params;
  std::vector<std::pair<LaneCodes, LaneCodes>> operands(4096);
  for (auto& [a, b] : operands)
    for (int i = 0; i < p.lanes; ++i) {
      a.set(i, p.a.bits, rng() & p.a.codeMask());
      b.set(i, p.b.bits, rng() & p.b.codeMask());
    }
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
    operands[next].first.copyTo(ports.in_a);
    operands[next].second.copyTo(ports.in_b);
    rtl.cycle(ports);
    if (accepted) {
      ++speed.steps;
      if (++next == operands.size()) next = 0;
    }
  }
  speed.cpuSeconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  speed.cycles = cycles;
  return speed;
}

}  // namespace fmasim
