// Berkeley SoftFloat's mulAdd on the same operand arrays as FormatBench.cpp, so one
// run shows the ratio. Built only when FMASIM_SOFTFLOAT_ROOT names a SoftFloat tree.
#include <benchmark/benchmark.h>

extern "C" {
#include <softfloat.h>
}

#include "Operands.hpp"

namespace fmasim::bench {
namespace {

void softfloatF16MulAdd(benchmark::State& state, Pattern pattern) {
  softfloat_roundingMode = softfloat_round_near_even;
  const std::vector<Triple> triples = makeTriples(kFp16, pattern);
  for (auto _ : state)
    for (const Triple& t : triples) {
      const float16_t a{static_cast<std::uint16_t>(t.a)}, b{static_cast<std::uint16_t>(t.b)},
          c{static_cast<std::uint16_t>(t.c)};
      benchmark::DoNotOptimize(f16_mulAdd(a, b, c));
    }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(triples.size()));
}

void softfloatF32MulAdd(benchmark::State& state, Pattern pattern) {
  softfloat_roundingMode = softfloat_round_near_even;
  const std::vector<Triple> triples = makeTriples(kFp32, pattern);
  for (auto _ : state)
    for (const Triple& t : triples) {
      const float32_t a{static_cast<std::uint32_t>(t.a)}, b{static_cast<std::uint32_t>(t.b)},
          c{static_cast<std::uint32_t>(t.c)};
      benchmark::DoNotOptimize(f32_mulAdd(a, b, c));
    }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(triples.size()));
}

BENCHMARK_CAPTURE(softfloatF16MulAdd, random, Pattern::Random);
BENCHMARK_CAPTURE(softfloatF16MulAdd, repeated, Pattern::Repeated);
BENCHMARK_CAPTURE(softfloatF32MulAdd, random, Pattern::Random);
BENCHMARK_CAPTURE(softfloatF32MulAdd, repeated, Pattern::Repeated);

}  // namespace
}  // namespace fmasim::bench
