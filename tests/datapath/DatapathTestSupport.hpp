// Shared helpers of the datapath tests: the runtime scale, a deterministic RNG,
// builders of DatapathParams, and operand generators (random, special, and shaped
// by exponent so that steps cancel, spread or straddle the aligner's cut).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "Reference.hpp"
#include "datapath/DatapathModel.hpp"
#include "datapath/DatapathSpec.hpp"
#include "format/Decode.hpp"
#include "format/Format.hpp"

namespace dptest {

using namespace fmasim;

inline double testScale() {
  static const double scale = [] {
    const char* s = std::getenv("FMASIM_TEST_SCALE");
    if (s == nullptr || *s == '\0') return 1.0;
    const double v = std::atof(s);
    return v > 0 ? v : 1.0;
  }();
  return scale;
}
inline long scaled(long n) {
  const long v = static_cast<long>(static_cast<double>(n) * testScale());
  return v < 1 ? 1 : v;
}

// xoshiro256** seeded through splitmix64.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : s_) {
      seed += 0x9E3779B97F4A7C15ull;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      s = z ^ (z >> 31);
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  long range(long lo, long hi) { return lo + static_cast<long>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

inline std::string hex(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

inline Format fmt(const char* name) {
  const auto f = formatByName(name);
  if (!f) throw std::runtime_error(std::string("unknown format ") + name);
  return *f;
}

inline RoundingMode mode(Rounding r, Tininess t = Tininess::AfterRounding) {
  RoundingMode m;
  m.mode = r;
  m.tininess = t;
  return m;
}

inline DatapathSpec derive(const DatapathParams& p) {
  std::string error;
  const auto s = deriveDatapathSpec(p, error);
  if (!s) throw std::runtime_error("deriveDatapathSpec failed: " + error);
  return *s;
}

// --- operand generators (float formats) ---

inline int maxFiniteField(const Format& f) { return f.nan == NanStyle::Ieee ? (1 << f.expBits) - 2 : (1 << f.expBits) - 1; }

inline bool isFiniteCode(const Format& f, std::uint64_t code) {
  const Decoded d = decode(f, code);
  return d.cls == ValueClass::Zero || d.cls == ValueClass::Finite;
}

// A finite code with exponent field in [lo, hi] (clamped), random sign and mantissa.
inline std::uint64_t codeWithField(Rng& rng, const Format& f, long lo, long hi) {
  const long top = maxFiniteField(f);
  lo = std::max(0L, std::min(lo, top));
  hi = std::max(lo, std::min(hi, top));
  for (;;) {
    const auto field = static_cast<std::uint64_t>(rng.range(lo, hi));
    const std::uint64_t code = (rng.next() & 1 ? f.signBit() : 0) | (field << f.manBits) | (rng.next() & f.mantMask());
    if (isFiniteCode(f, code)) return code;
  }
}

inline std::uint64_t randomFinite(Rng& rng, const Format& f) {
  for (;;) {
    const std::uint64_t code = rng.next() & f.codeMask();
    if (isFiniteCode(f, code)) return code;
  }
}

// Special and boundary codes of an IEEE-style or E4M3-style float format.
inline std::vector<std::uint64_t> specialCodes(const Format& f) {
  std::vector<std::uint64_t> v;
  const std::uint64_t s = f.signBit();
  const int m = f.manBits;
  const auto field = [&](long e) { return static_cast<std::uint64_t>(e) << m; };
  for (std::uint64_t sign : {std::uint64_t{0}, s}) {
    v.push_back(sign);                                              // zero
    v.push_back(sign | 1);                                          // min subnormal
    v.push_back(sign | f.mantMask());                               // max subnormal
    v.push_back(sign | field(1));                                   // min normal
    v.push_back(sign | field(f.bias));                              // 1.0
    v.push_back(sign | field(maxFiniteField(f)) | f.maxFiniteMant);  // max finite
    if (f.nan == NanStyle::Ieee) {
      v.push_back(sign | field(maxFiniteField(f) + 1));                                 // infinity
      v.push_back(sign | field(maxFiniteField(f) + 1) | (std::uint64_t{1} << (m - 1)));  // quiet NaN
      if (m > 1) v.push_back(sign | field(maxFiniteField(f) + 1) | 1);                  // signaling NaN
      if (m > 2) v.push_back(sign | field(maxFiniteField(f) + 1) | (std::uint64_t{1} << (m - 1)) | 2);  // payload
    } else if (f.nan == NanStyle::SingleAllOnes) {
      v.push_back(sign | (f.codeMask() & ~s));  // NaN
    }
  }
  return v;
}

inline std::uint64_t randomOrSpecial(Rng& rng, const Format& f, double specialChance) {
  if (rng.chance(specialChance)) {
    const auto sp = specialCodes(f);
    return sp[rng.below(sp.size())];
  }
  return rng.next() & f.codeMask();
}

}  // namespace dptest
