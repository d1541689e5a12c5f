// Fixed work for instruction counts, which machine load does not disturb:
//   valgrind --tool=callgrind fmasim_count WORKLOAD PASSES
// runs the 4096 random triples of WORKLOAD (Operands.hpp, as fmasim_bench times
// them) PASSES times. The difference of the totals of two PASSES values divided by
// the extra ops is the instructions per op, setup excluded.
// WORKLOAD: fp8_e4m3, fp8_e5m2, bf16, fp16, fp32 (FmaOp, round to nearest even),
// and, when SoftFloat is linked in, softfloat_f16 and softfloat_f32 (its mulAdd).
#include <cstdio>
#include <cstdlib>
#include <string_view>

#ifdef FMASIM_COUNT_SOFTFLOAT
extern "C" {
#include <softfloat.h>
}
#endif

#include "Operands.hpp"
#include "format/Arith.hpp"

namespace {

using namespace fmasim;
using namespace fmasim::bench;

// Sums the result codes and flags so that no op can be optimised away.
template <class Op>
std::uint64_t run(const std::vector<Triple>& triples, int passes, Op op) {
  std::uint64_t sink = 0;
  for (int p = 0; p < passes; ++p)
    for (const Triple& t : triples) sink += op(t);
  return sink;
}

std::uint64_t runFmaOp(const Workload& w, int passes) {
  const FmaOp op(builtin(w.a), builtin(w.b), builtin(w.c), builtin(w.out), RoundingMode{});
  return run(makeTriples(w, Pattern::Random), passes, [&](const Triple& t) {
    const Result r = op(t.a, t.b, t.c);
    return r.code + r.flags;
  });
}

#ifdef FMASIM_COUNT_SOFTFLOAT
std::uint64_t runSoftFloat(std::string_view name, int passes) {
  softfloat_roundingMode = softfloat_round_near_even;
  if (name == "softfloat_f16")
    return run(makeTriples(kFp16, Pattern::Random), passes, [](const Triple& t) -> std::uint64_t {
      return f16_mulAdd({static_cast<std::uint16_t>(t.a)}, {static_cast<std::uint16_t>(t.b)},
                        {static_cast<std::uint16_t>(t.c)}).v;
    });
  return run(makeTriples(kFp32, Pattern::Random), passes, [](const Triple& t) -> std::uint64_t {
    return f32_mulAdd({static_cast<std::uint32_t>(t.a)}, {static_cast<std::uint32_t>(t.b)},
                      {static_cast<std::uint32_t>(t.c)}).v;
  });
}
#endif

}  // namespace

int main(int argc, char** argv) {
  const std::string_view name = argc > 1 ? argv[1] : "";
  const int passes = argc > 2 ? std::atoi(argv[2]) : 0;
  const struct {
    std::string_view name;
    const Workload& workload;
  } workloads[] = {{"fp8_e4m3", kFp8E4m3}, {"fp8_e5m2", kFp8E5m2}, {"bf16", kBf16}, {"fp16", kFp16}, {"fp32", kFp32}};
  for (const auto& w : workloads)
    if (name == w.name) return std::printf("%llu\n", static_cast<unsigned long long>(runFmaOp(w.workload, passes))) < 0;
#ifdef FMASIM_COUNT_SOFTFLOAT
  if (name == "softfloat_f16" || name == "softfloat_f32")
    return std::printf("%llu\n", static_cast<unsigned long long>(runSoftFloat(name, passes))) < 0;
#endif
  std::fprintf(stderr, "usage: fmasim_count fp8_e4m3|fp8_e5m2|bf16|fp16|fp32%s PASSES\n",
#ifdef FMASIM_COUNT_SOFTFLOAT
               "|softfloat_f16|softfloat_f32"
#else
               ""
#endif
  );
  return 2;
}
