// Differential check of the format core against this machine's FPU: fp32 fma, add,
// mul, fp64 -> fp32 conversion, fp64 fma (the 128-bit significand window) and
// fp32 x fp32 + fp64 -> fp64 (the widest use of the 64-bit window), under the four
// IEEE rounding modes, comparing result codes and IEEE flags. A quick guard for performance work on the core (the
// MPFR suite in tests/format is the thorough one). Compiled with -frounding-math.
// Only the FPU's reference runs under the mode being checked: the core itself needs
// the default mode (its binary64 fast path computes with the FPU, see Binary64Fma.hpp).
//   usage: fmasim_hwcheck [cases per operation and mode]
#include <algorithm>
#include <bit>
#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>

#include "format/Arith.hpp"

namespace {

using namespace fmasim;

struct Mode {
  int fenv;
  Rounding rounding;
  const char* name;
};

constexpr Mode kModes[] = {{FE_TONEAREST, Rounding::NearestEven, "rne"},
                           {FE_TOWARDZERO, Rounding::TowardZero, "rtz"},
                           {FE_UPWARD, Rounding::Up, "up"},
                           {FE_DOWNWARD, Rounding::Down, "down"}};

std::uint8_t hardwareFlags() {
  const int e = std::fetestexcept(FE_ALL_EXCEPT);
  std::uint8_t f = 0;
  if (e & FE_INEXACT) f |= flag::inexact;
  if (e & FE_UNDERFLOW) f |= flag::underflow;
  if (e & FE_OVERFLOW) f |= flag::overflow;
  if (e & FE_DIVBYZERO) f |= flag::infinite;
  if (e & FE_INVALID) f |= flag::invalid;
  return f;
}

// Operand generator mixing raw bit patterns (every class, including NaN and
// subnormals) with values whose exponents are close, so that sums align and cancel.
class Fp32Source {
 public:
  explicit Fp32Source(std::uint64_t seed) : rng_(seed) {}
  std::uint32_t any() { return static_cast<std::uint32_t>(rng_()); }
  std::uint32_t near(int exponent) {
    const int field = std::clamp(exponent + 127, 0, 254);
    return (static_cast<std::uint32_t>(rng_() & 1) << 31) | (static_cast<std::uint32_t>(field) << 23) |
           (static_cast<std::uint32_t>(rng_()) & 0x7FFFFFu);
  }
  int exponent(int range) { return static_cast<int>(rng_() % (2 * range + 1)) - range; }
  bool coin() { return rng_() & 1; }

 private:
  std::mt19937_64 rng_;
};

float asFloat(std::uint32_t code) { return std::bit_cast<float>(code); }
std::uint32_t asCode(float x) { return std::bit_cast<std::uint32_t>(x); }
std::uint64_t asCode(double x) { return std::bit_cast<std::uint64_t>(x); }

// Keeps x's computation at this point of the program: the FPU's flags are read
// around it, and the compiler does not know that FP operations touch them.
template <class T>
void pin(T& x) {
  __asm__ __volatile__("" : "+m"(x));
}

// The FPU's result code and flags of compute(operands...) under rounding mode
// `fenv`; the default mode is back in place on return.
template <class Compute, class... Operands>
Result fpu(int fenv, Compute compute, Operands... operands) {
  std::fesetround(fenv);
  std::feclearexcept(FE_ALL_EXCEPT);
  (pin(operands), ...);
  auto value = compute(operands...);
  pin(value);
  const std::uint8_t flags = hardwareFlags();
  std::fesetround(FE_TONEAREST);
  return {asCode(value), flags};
}

constexpr auto kFma = [](auto x, auto y, auto z) { return std::fma(x, y, z); };

bool isNaN(std::uint64_t code, bool fp64) {
  return fp64 ? std::isnan(std::bit_cast<double>(code)) : std::isnan(asFloat(static_cast<std::uint32_t>(code)));
}

struct Tally {
  long cases = 0, failures = 0;
  void check(const char* op, const Mode& m, std::uint64_t a, std::uint64_t b, std::uint64_t c, Result want,
             Result got, bool fp64 = false) {
    ++cases;
    // NaN results: which NaN the FPU picks depends on the instruction form the
    // compiler chose, so only "is a NaN" and the flags are compared.
    const bool bothNaN = isNaN(want.code, fp64) && isNaN(got.code, fp64);
    if ((want.code == got.code || bothNaN) && want.flags == got.flags) return;
    if (++failures <= 20)
      std::printf("%s %s a=%#llx b=%#llx c=%#llx: fpu %#llx flags %#x, fmasim %#llx flags %#x\n", op, m.name,
                  static_cast<unsigned long long>(a), static_cast<unsigned long long>(b),
                  static_cast<unsigned long long>(c), static_cast<unsigned long long>(want.code), want.flags,
                  static_cast<unsigned long long>(got.code), got.flags);
  }
};

void checkMode(const Mode& m, long count, Tally& tally) {
  const Format fp32 = *formatByName("fp32"), fp64 = *formatByName("fp64");
  const RoundingMode rm{m.rounding, Tininess::AfterRounding, OverflowPolicy::Ieee, 8};
  const FmaOp fma(fp32, fp32, fp32, fp32, rm);
  const AddOp add(fp32, fp32, fp32, rm);
  const MulOp mul(fp32, fp32, fp32, rm);
  const ConvertOp narrow(fp64, fp32, rm);
  Fp32Source src(static_cast<std::uint64_t>(m.fenv) + 1);
  std::mt19937_64 rng64(static_cast<std::uint64_t>(m.fenv) + 7);
  for (long i = 0; i < count; ++i) {
    const bool raw = i % 8 == 0;
    const int e = src.exponent(140);
    const std::uint32_t a = raw ? src.any() : src.near(e / 2);
    const std::uint32_t b = raw ? src.any() : src.near(e - e / 2 + src.exponent(2));
    // Every fourth structured case: c close to -(a*b), for massive cancellation.
    std::uint32_t c = raw ? src.any() : src.near(e + src.exponent(30));
    if (!raw && i % 4 == 1)
      c = asCode(-(asFloat(a) * asFloat(b))) ^ static_cast<std::uint32_t>(src.exponent(2) & 3);

    tally.check("fma", m, a, b, c, fpu(m.fenv, kFma, asFloat(a), asFloat(b), asFloat(c)),
                fma(a, b, c));
    tally.check("add", m, a, c, 0, fpu(m.fenv, std::plus{}, asFloat(a), asFloat(c)), add(a, c));
    tally.check("mul", m, a, b, 0, fpu(m.fenv, std::multiplies{}, asFloat(a), asFloat(b)), mul(a, b));

    // fp64 inputs from below fp32's subnormals to above its range, plus raw bits.
    const std::uint64_t d = raw ? rng64()
                                : (rng64() & 0x800FFFFFFFFFFFFFull) |
                                      (static_cast<std::uint64_t>(1023 + src.exponent(160)) << 52);
    tally.check("f64->f32", m, d, 0, 0, fpu(m.fenv, [](double x) { return static_cast<float>(x); }, std::bit_cast<double>(d)),
                narrow(d));
  }
}

// fp64 fma: products of up to 106 bits, so the core takes its 128-bit window.
void checkFp64Fma(const Mode& m, long count, Tally& tally) {
  const Format fp64 = *formatByName("fp64");
  const FmaOp fma(fp64, fp64, fp64, fp64, RoundingMode{m.rounding, Tininess::AfterRounding, OverflowPolicy::Ieee, 8});
  std::mt19937_64 rng(static_cast<std::uint64_t>(m.fenv) + 11);
  auto near = [&](int exponent) {
    return (rng() & 0x800FFFFFFFFFFFFFull) | (static_cast<std::uint64_t>(std::clamp(exponent + 1023, 0, 2046)) << 52);
  };
  auto spread = [&](int range) { return static_cast<int>(rng() % (2 * range + 1)) - range; };
  for (long i = 0; i < count; ++i) {
    const bool raw = i % 8 == 0;
    const int e = spread(1100);
    const std::uint64_t a = raw ? rng() : near(e / 2), b = raw ? rng() : near(e - e / 2);
    std::uint64_t c = raw ? rng() : near(e + spread(110));
    if (!raw && i % 4 == 1)
      c = std::bit_cast<std::uint64_t>(-(std::bit_cast<double>(a) * std::bit_cast<double>(b))) ^ (rng() & 3);
    const Result want =
        fpu(m.fenv, kFma, std::bit_cast<double>(a), std::bit_cast<double>(b), std::bit_cast<double>(c));
    tally.check("fp64 fma", m, a, b, c, want, fma(a, b, c), true);
  }
}

// fp32 x fp32 + fp64 -> fp64: a 48-bit product and a 53-bit addend in the 64-bit
// window, with the widest rounding it allows. fp32 -> fp64 is exact, and so is the
// product in fp64, so the FPU's fp64 fma is the reference. Finite operands only:
// converting a signaling NaN would raise a flag of its own.
void checkMixedFma(const Mode& m, long count, Tally& tally) {
  const Format fp32 = *formatByName("fp32"), fp64 = *formatByName("fp64");
  const FmaOp fma(fp32, fp32, fp64, fp64, RoundingMode{m.rounding, Tininess::AfterRounding, OverflowPolicy::Ieee, 8});
  Fp32Source src(static_cast<std::uint64_t>(m.fenv) + 13);
  std::mt19937_64 rng(static_cast<std::uint64_t>(m.fenv) + 17);
  for (long i = 0; i < count; ++i) {
    const int e = src.exponent(120);
    const std::uint32_t a = src.near(e / 2), b = src.near(e - e / 2);
    const double product = static_cast<double>(asFloat(a)) * static_cast<double>(asFloat(b));
    std::uint64_t c = (rng() & 0x800FFFFFFFFFFFFFull) |
                      (static_cast<std::uint64_t>(std::clamp(1023 + e + src.exponent(60), 1, 2046)) << 52);
    if (i % 4 == 1) c = std::bit_cast<std::uint64_t>(-product) ^ (rng() & 0xFF);  // cancellation
    const Result want =
        fpu(m.fenv, kFma, static_cast<double>(asFloat(a)), static_cast<double>(asFloat(b)), std::bit_cast<double>(c));
    tally.check("fp32*fp32+fp64", m, a, b, c, want, fma(a, b, c), true);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const long count = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  Tally tally;
  for (const Mode& m : kModes) {
    checkMode(m, count, tally);
    checkFp64Fma(m, count, tally);
    checkMixedFma(m, count, tally);
  }
  std::printf("%ld cases, %ld mismatches\n", tally.cases, tally.failures);
  return tally.failures == 0 ? 0 : 1;
}
