// Energy follows the data, as Torng measured in 45 nm silicon (WCAE 2023; anchors.md):
// small-magnitude integers and sparse (zero-heavy) operands cost clearly less than
// random bits in integer MACs, and float MACs change much less with magnitude.
// Every number comes from running the operand streams through the counting engine.
#include <bit>
#include <cstdio>
#include <memory>
#include <utility>

#include "EnergyTestSupport.hpp"
#include "TestRandom.hpp"
#include "format/Decode.hpp"

namespace energytest {
namespace {

constexpr std::int64_t kSteps = 4096;

enum class Data { Random, Small, Sparse };
const char* dataName(Data d) { return d == Data::Random ? "random" : d == Data::Small ? "small" : "sparse"; }

// Codes of format f. Integers: random bits; small magnitudes (the low quarter of the
// bits, non-negative, as Torng's); sparse (3 in 4 zero, the rest random). Floats are
// drawn as values uniform in [-2^top, 2^top] are spread over binades (binade top-1-k
// with probability 2^-(k+1); random sign and mantissa): random with top = 4 (random
// codes of a wide format would overflow the accumulator, which then stops switching),
// small with top = -1 (Torng's [-0.5, 0.5]); or sparse.
std::function<std::uint64_t()> stream(const Format& f, Data d, std::uint64_t seed) {
  auto rng = std::make_shared<testsupport::Rng>(seed);
  const auto uniformBelow = [f, rng](int top) {
    return [f, rng, top] {
      if (!f.isFloat()) return rng->next() & f.codeMask();
      for (;;) {
        const int binade = top - 1 - std::countr_zero(rng->next() | (std::uint64_t{1} << 40));
        const int field = binade + f.bias;
        if (field < f.minNormalField || field > f.maxField) continue;
        const std::uint64_t code = (rng->next() & (f.signBit() | f.mantMask())) |
                                   (static_cast<std::uint64_t>(field) << f.manBits);
        if (decode(f, code).cls == ValueClass::Finite) return code;
      }
    };
  };
  const auto random = uniformBelow(4);
  switch (d) {
    case Data::Random: return random;
    case Data::Sparse: return [rng, random] { return rng->next() % 4 == 0 ? random() : 0; };
    case Data::Small:
      if (!f.isFloat()) return [f, rng] { return rng->next() & ((std::uint64_t{1} << (f.bits / 4)) - 1); };
      return uniformBelow(-1);
  }
  return random;
}

struct Costs {
  double random, small, sparse;       // pJ per MAC, whole datapath
  double mulRandom, mulSmall;         // pJ per MAC, the multiplier alone
};

Costs costsOf(const DatapathSpec& spec, const char* label) {
  const Technology t = technology("nangate45");
  Costs c{};
  for (Data d : {Data::Random, Data::Small, Data::Sparse}) {
    const EnergyEstimate e = streamEnergy(spec, t, kSteps, stream(spec.params.a, d, 1 + static_cast<int>(d)));
    const double mul = e.pjPerMac(e.units[0]);
    std::printf("%-22s %-7s %8.4f pJ/MAC (multiplier %8.4f)\n", label, dataName(d), e.pjPerMac(), mul);
    if (d == Data::Random) c.random = e.pjPerMac(), c.mulRandom = mul;
    if (d == Data::Small) c.small = e.pjPerMac(), c.mulSmall = mul;
    if (d == Data::Sparse) c.sparse = e.pjPerMac();
  }
  return c;
}

TEST(DataDependence, SmallAndSparseIntegersCostClearlyLess) {
  const Costs int8 = costsOf(macSpec("int8", "int32", AccumulatorKind::Integer), "int8 -> int32");
  const Costs int32 = costsOf(macSpec("int32", "", AccumulatorKind::Fixed), "int32 -> fixed (exact)");
  for (const Costs& c : {int8, int32}) {
    EXPECT_LT(c.small, 0.6 * c.random);
    EXPECT_LT(c.sparse, 0.6 * c.random);
    // Torng: the multiplier gains most (9x and 4.1x against 3x and 2.8x for adds).
    EXPECT_LT(c.mulSmall / c.mulRandom, c.small / c.random);
  }
}

TEST(DataDependence, FloatMacsChangeLessWithMagnitude) {
  const Costs int8 = costsOf(macSpec("int8", "int32", AccumulatorKind::Integer), "int8 -> int32");
  for (const auto& [in, acc] : {std::pair{"fp8_e4m3", "fp32"}, std::pair{"bf16", "fp32"}, std::pair{"fp16", "fp16"}}) {
    const Costs f = costsOf(macSpec(in, acc, AccumulatorKind::Float), in);
    EXPECT_GT(f.small / f.random, 0.75) << in;  // Torng: bfloat16 fadd 0.91 of random
    EXPECT_LT(f.small / f.random, 1.25) << in;
    EXPECT_GT(f.small / f.random, int8.small / int8.random + 0.25) << in;
    EXPECT_LT(f.sparse, f.random) << in;  // zeros still switch less
  }
}

}  // namespace
}  // namespace energytest
