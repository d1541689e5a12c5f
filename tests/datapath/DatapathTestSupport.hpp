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
#include "TestRandom.hpp"
#include "datapath/DatapathModel.hpp"
#include "datapath/DatapathSpec.hpp"
#include "format/Decode.hpp"
#include "format/Format.hpp"

namespace dptest {

using namespace fmasim;

using testsupport::hex;
using testsupport::Rng;
using testsupport::scaled;
using testsupport::testScale;

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
