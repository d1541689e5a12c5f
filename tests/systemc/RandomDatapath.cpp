#include "RandomDatapath.hpp"

#include <array>
#include <random>
#include <stdexcept>

namespace fmasim::test {
namespace {

constexpr std::array kFloatOperands{"fp8_e4m3", "fp8_e5m2", "fp8_e4m3fnuz", "fp6_e2m3", "fp4_e2m1", "bf16", "fp16"};
constexpr std::array kIntegerOperands{"int8", "int4", "uint8", "mxint8"};
constexpr std::array kFloatAccumulators{"fp32", "fp16", "bf16"};
constexpr std::array kProductFormats{"fp16", "bf16", "fp8_e4m3", "fp32"};

class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}
  int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <class T, std::size_t N>
  T pick(const std::array<T, N>& xs) { return xs[static_cast<std::size_t>(range(0, static_cast<int>(N) - 1))]; }
  Format format(const char* name) {
    const auto f = formatByName(name);
    if (!f) throw std::invalid_argument(std::string("unknown format ") + name);
    return *f;
  }
  RoundingMode rounding() {
    RoundingMode m;
    m.mode = static_cast<Rounding>(range(0, 5));
    m.tininess = chance(0.5) ? Tininess::AfterRounding : Tininess::BeforeRounding;
    m.randomBits = range(1, 12);
    return m;
  }
  std::uint32_t word() { return static_cast<std::uint32_t>(rng_()); }

 private:
  std::mt19937_64 rng_;
};

DatapathParams draw(Draw& d) {
  DatapathParams p;
  p.kind = static_cast<DatapathKind>(d.range(0, 3));
  p.lanes = p.kind == DatapathKind::Dot ? 1 << d.range(1, 5) : 1;  // 2..32
  const int accumulator = d.range(0, 7);  // mostly float
  if (accumulator == 0 && p.kind != DatapathKind::Cma) {
    p.accumulatorKind = AccumulatorKind::Integer;
    p.a = d.format(d.pick(kIntegerOperands));
    p.b = p.a;
    p.accumulator = d.format("int32");
  } else if (accumulator == 1 && p.kind != DatapathKind::Cma) {
    p.accumulatorKind = AccumulatorKind::Fixed;
    p.a = d.format(d.pick(kFloatOperands));
    p.b = d.chance(0.7) ? p.a : d.format(d.pick(kFloatOperands));
    if (d.chance(0.5)) {
      p.fixedWidth = d.range(12, 80);
      p.fixedFractionBits = d.range(0, 30);
    }
    p.termRounding = d.chance(0.5) ? TermRounding::Truncate : TermRounding::NearestEven;
  } else {
    p.a = d.format(d.pick(kFloatOperands));
    p.b = d.chance(0.7) ? p.a : d.format(d.pick(kFloatOperands));
    p.accumulator = d.format(d.pick(kFloatAccumulators));
    if (d.chance(0.6)) p.alignFractionBits = d.range(0, 40);
    p.termRounding = d.chance(0.5) ? TermRounding::Truncate : TermRounding::NearestEven;
    p.addend = d.chance(0.7) ? AddendPath::Fused : AddendPath::Separate;
    if (d.chance(0.3)) p.outputFractionBits = d.range(1, p.accumulator.manBits);
  }
  p.integerOverflow = d.chance(0.5) ? IntegerOverflow::Wrap : IntegerOverflow::Saturate;
  p.outputRounding = d.rounding();
  if (p.kind == DatapathKind::Cma) {
    p.productFormat = d.format(d.pick(kProductFormats));
    p.productRounding = d.rounding();
    if (p.productRounding.mode == Rounding::Stochastic) p.productRounding.mode = Rounding::NearestEven;
  }
  for (int& n : p.stages) n = d.range(0, 2);
  p.hazard = d.chance(0.5) ? FeedbackHazard::Stall : FeedbackHazard::Interleave;
  p.lfsrSeed = d.word();
  return p;
}

std::string describe(const DatapathParams& p) {
  static const char* kinds[] = {"fma", "cma", "mac", "dot"};
  static const char* modes[] = {"rne", "rtz", "rup", "rdn", "rna", "sr"};
  std::string s = std::string(kinds[static_cast<int>(p.kind)]) + std::to_string(p.lanes) + " " + p.a.name + "x" +
                  p.b.name + " -> ";
  s += p.accumulatorKind == AccumulatorKind::Fixed ? "fixed" : p.accumulator.name;
  if (p.alignFractionBits) s += " F" + std::to_string(*p.alignFractionBits);
  if (p.outputFractionBits) s += " P" + std::to_string(*p.outputFractionBits);
  s += std::string(" ") + modes[static_cast<int>(p.outputRounding.mode)];
  s += p.addend == AddendPath::Separate ? " separate" : " fused";
  s += " stages";
  for (int n : p.stages) s += std::to_string(n);
  s += p.hazard == FeedbackHazard::Stall ? " stall" : " interleave";
  return s;
}

}  // namespace

DatapathSpec randomDatapath(std::uint64_t seed) {
  Draw d(seed);
  for (;;) {
    DatapathParams p = draw(d);
    std::string error;
    if (auto spec = deriveDatapathSpec(p, error)) {
      spec->params.name = describe(p);
      return *spec;
    }
  }
}

}  // namespace fmasim::test
