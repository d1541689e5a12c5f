// Single-core throughput of the format core: items/s is fma (or convert) ops/s.
#include <benchmark/benchmark.h>

#include "Operands.hpp"
#include "format/Arith.hpp"

namespace fmasim::bench {
namespace {

void fma(benchmark::State& state, const Workload& w, Pattern pattern) {
  const FmaOp op(builtin(w.a), builtin(w.b), builtin(w.c), builtin(w.out), RoundingMode{});
  const std::vector<Triple> triples = makeTriples(w, pattern);
  for (auto _ : state)
    for (const Triple& t : triples) benchmark::DoNotOptimize(op(t.a, t.b, t.c));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(triples.size()));
}

void convertFp32ToFp8E4m3(benchmark::State& state) {
  const Format in = builtin("fp32"), out = builtin("fp8_e4m3");
  const ConvertOp op(in, out, RoundingMode{});
  const std::vector<std::uint64_t> codes = makeConvertInputs(in, out);
  for (auto _ : state)
    for (const std::uint64_t code : codes) benchmark::DoNotOptimize(op(code));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(codes.size()));
}

BENCHMARK_CAPTURE(fma, fp8_e4m3_x_fp32_random, kFp8E4m3, Pattern::Random);
BENCHMARK_CAPTURE(fma, fp8_e4m3_x_fp32_repeated, kFp8E4m3, Pattern::Repeated);
BENCHMARK_CAPTURE(fma, fp8_e5m2_x_fp32_random, kFp8E5m2, Pattern::Random);
BENCHMARK_CAPTURE(fma, fp8_e5m2_x_fp32_repeated, kFp8E5m2, Pattern::Repeated);
BENCHMARK_CAPTURE(fma, bf16_x_fp32_random, kBf16, Pattern::Random);
BENCHMARK_CAPTURE(fma, bf16_x_fp32_repeated, kBf16, Pattern::Repeated);
BENCHMARK_CAPTURE(fma, fp16_random, kFp16, Pattern::Random);
BENCHMARK_CAPTURE(fma, fp16_repeated, kFp16, Pattern::Repeated);
BENCHMARK_CAPTURE(fma, fp32_random, kFp32, Pattern::Random);
BENCHMARK_CAPTURE(fma, fp32_repeated, kFp32, Pattern::Repeated);
BENCHMARK(convertFp32ToFp8E4m3);

}  // namespace
}  // namespace fmasim::bench
