// Operand arrays shared by the fmasim and SoftFloat benchmarks, so both time
// exactly the same codes. Deterministic: every run and every library gets the same arrays.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "format/Decode.hpp"
#include "format/Format.hpp"

namespace fmasim::bench {

// An fma a * b + c with its formats and how wide the operands' exponents range.
struct Workload {
  const char* a;
  const char* b;
  const char* c;
  const char* out;
  int operandExponentRange;  // a and b: unbiased exponent in [-range, range]; 0: any finite code
};

inline constexpr Workload kFp8E4m3{"fp8_e4m3", "fp8_e4m3", "fp32", "fp32", 0};
inline constexpr Workload kFp8E5m2{"fp8_e5m2", "fp8_e5m2", "fp32", "fp32", 0};
inline constexpr Workload kBf16{"bf16", "bf16", "fp32", "fp32", 20};
inline constexpr Workload kFp16{"fp16", "fp16", "fp16", "fp16", 7};  // keeps most products finite
inline constexpr Workload kFp32{"fp32", "fp32", "fp32", "fp32", 30};

// Random: every triple differs (branch predictors see real data).
// Repeated: one typical triple throughout (the best case for the predictors).
enum class Pattern { Random, Repeated };

// Enough triples to defeat branch-history learning, few enough to stay in L1/L2.
inline constexpr std::size_t kTriples = 4096;

// The addend's exponent is the product's +- this much, so sums need real alignment
// shifts in both directions and some of them cancel.
inline constexpr int kAddendExponentSpread = 12;

struct Triple {
  std::uint64_t a = 0, b = 0, c = 0;
};

inline Format builtin(const char* name) {
  auto f = formatByName(name);
  if (!f) throw std::invalid_argument(std::string("unknown format ") + name);
  return *f;
}

// A normal code of f: the exponent is clamped into f's normal range.
inline std::uint64_t normalCode(const Format& f, bool negative, int exponent, std::uint64_t mantissaBits) {
  const int field = std::clamp(exponent + f.bias, f.minNormalField, f.maxField);
  std::uint64_t mant = mantissaBits & f.mantMask();
  if (field == f.maxField) mant = std::min(mant, f.maxFiniteMant);
  return (negative ? f.signBit() : 0) | (static_cast<std::uint64_t>(field) << f.manBits) | mant;
}

// Any code that is zero or finite, uniformly (narrow formats use their whole code space).
inline std::uint64_t anyFiniteCode(const Format& f, std::mt19937_64& rng) {
  for (;;) {
    const std::uint64_t code = rng() & f.codeMask();
    const ValueClass cls = decode(f, code).cls;
    if (cls == ValueClass::Finite || cls == ValueClass::Zero) return code;
  }
}

// floor(log2 |x|) of a decoded value (0 for zero).
inline int magnitudeExponent(const Decoded& d) {
  return d.cls == ValueClass::Finite ? d.exp + bitLength(d.sig) - 1 : 0;
}

inline std::vector<Triple> makeTriples(const Workload& w, Pattern pattern) {
  const Format fa = builtin(w.a), fb = builtin(w.b), fc = builtin(w.c);
  std::mt19937_64 rng(0x5eed);
  std::uniform_int_distribution<int> operandExp(-w.operandExponentRange, w.operandExponentRange);
  std::uniform_int_distribution<int> addendOffset(-kAddendExponentSpread, kAddendExponentSpread);
  auto operand = [&](const Format& f) {
    return w.operandExponentRange == 0 ? anyFiniteCode(f, rng) : normalCode(f, rng() & 1, operandExp(rng), rng());
  };
  std::vector<Triple> triples(kTriples);
  for (Triple& t : triples) {
    t.a = operand(fa);
    t.b = operand(fb);
    const int productExp = magnitudeExponent(decode(fa, t.a)) + magnitudeExponent(decode(fb, t.b));
    t.c = normalCode(fc, rng() & 1, productExp + addendOffset(rng), rng());
  }
  if (pattern == Pattern::Repeated) {
    // The first triple whose operands are all normal numbers, everywhere.
    const auto typical = std::find_if(triples.begin(), triples.end(), [&](const Triple& t) {
      return classify(fa, t.a) == CodeClass::PosNormal || classify(fa, t.a) == CodeClass::NegNormal;
    });
    std::fill(triples.begin(), triples.end(), *typical);
  }
  return triples;
}

// fp32 codes for conversion to an 8-bit format: exponents from below its subnormals
// to above its largest finite value, so rounding, underflow and saturation all occur.
inline std::vector<std::uint64_t> makeConvertInputs(const Format& in, const Format& out) {
  std::mt19937_64 rng(0xc0de);
  std::uniform_int_distribution<int> exponent(out.emin - out.manBits - 2, out.emax + 1);
  std::vector<std::uint64_t> codes(kTriples);
  for (auto& code : codes) code = normalCode(in, rng() & 1, exponent(rng), rng());
  return codes;
}

}  // namespace fmasim::bench
