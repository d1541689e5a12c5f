// Shared by the tensor-core tests: loading a preset, the reference of a whole dot
// product (the MPFR step of tests/datapath chained, with promotion written here from
// DeepSeek-V3's description), and operand generators aimed at the aligner's cut.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "DatapathTestSupport.hpp"
#include "ReferenceDatapath.hpp"
#include "config/RunConfig.hpp"

namespace tctest {

using namespace dptest;

inline RunConfig loadPreset(const std::string& name) {
  std::string error;
  auto c = loadRunConfig(std::string(FMASIM_CONFIGS_DIR) + "/tensorcores/" + name + ".json", error);
  if (!c) throw std::runtime_error(error);
  return std::move(*c);
}

// The reference of a chain of steps: each step's rounded result the next one's
// addend; with promotion, every interval/lanes steps the unit's value is added into
// the promoted accumulator (one rounding) and the unit restarts from +0.
class ReferenceChain {
 public:
  explicit ReferenceChain(const DatapathParams& p) : p_(p) {}

  void step(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    const Result r = dpref::floatStep(p_, a, b, unit_);
    flags_ |= r.flags;
    unit_ = r.code;
    if (!p_.promotion) return;
    if (++since_ * p_.lanes < p_.promotion->interval) return;
    const Result sum = promote();
    flags_ |= sum.flags;
    promoted_ = sum.code;
    unit_ = 0;
    since_ = 0;
  }

  // The final value and every flag raised (the last promotion's too).
  Result result() const {
    if (!p_.promotion) return {unit_, flags_};
    if (since_ == 0) return {promoted_, flags_};
    const Result sum = promote();
    return {sum.code, static_cast<std::uint8_t>(flags_ | sum.flags)};
  }

 private:
  Result promote() const {
    const PromotionParams& pr = *p_.promotion;
    Result r = fmaref::refAdd(p_.accumulator, unit_, pr.format, promoted_, pr.format, pr.rounding);
    fmaref::RefValue v;
    fmaref::refDecode(pr.format, r.code, v);
    if (p_.nanResult == NanResult::Canonical && v.isNaN())
      r.code = pr.format.codeMask() >> 1;  // positive, every exponent and mantissa bit set
    return r;
  }

  DatapathParams p_;
  std::uint64_t unit_ = 0, promoted_ = 0;
  int since_ = 0;
  std::uint8_t flags_ = 0;
};

// Operands of one step, shaped by a profile: uniform codes, a narrow band with random
// signs (cancellation), one large term over small ones (wide spread), subnormal
// products, terms just above and below the F-bit cut, zeros, and special values.
inline void shapedStep(const DatapathParams& p, Rng& rng, std::vector<std::uint64_t>& a,
                       std::vector<std::uint64_t>& b) {
  const Format &fa = p.a, &fb = p.b;
  const auto lanes = static_cast<std::size_t>(p.lanes);
  a.resize(lanes);
  b.resize(lanes);
  const long ca = rng.range(1, maxFiniteField(fa)), cb = rng.range(1, maxFiniteField(fb));
  const long F = p.alignFractionBits.value_or(0);
  const int profile = static_cast<int>(rng.below(7));
  for (std::size_t i = 0; i < lanes; ++i) {
    switch (profile) {
      case 0:
        a[i] = randomFinite(rng, fa), b[i] = randomFinite(rng, fb);
        break;
      case 1:
        a[i] = codeWithField(rng, fa, ca, ca), b[i] = codeWithField(rng, fb, cb, cb);
        break;
      case 2:
        a[i] = i == 0 ? codeWithField(rng, fa, maxFiniteField(fa) - 1, maxFiniteField(fa))
                      : codeWithField(rng, fa, 0, ca / 2);
        b[i] = codeWithField(rng, fb, 0, maxFiniteField(fb));
        break;
      case 3:
        a[i] = codeWithField(rng, fa, 0, 1), b[i] = codeWithField(rng, fb, 0, 2);
        break;
      case 4: {  // lane 0 sets the reference; the others land F +- 3 binades below it
        if (i == 0) {
          a[i] = codeWithField(rng, fa, ca, ca), b[i] = codeWithField(rng, fb, cb, cb);
          break;
        }
        const long k = rng.range(0, F + 3);
        a[i] = codeWithField(rng, fa, ca - k, ca - k);
        b[i] = codeWithField(rng, fb, cb - (F - k) + rng.range(-3, 3), cb - (F - k) + rng.range(-3, 3));
        break;
      }
      case 5:
        a[i] = rng.chance(0.5) ? 0 : randomFinite(rng, fa), b[i] = rng.chance(0.5) ? fb.signBit() : randomFinite(rng, fb);
        break;
      default:
        a[i] = randomOrSpecial(rng, fa, 0.05), b[i] = randomOrSpecial(rng, fb, 0.05);
        break;
    }
  }
}

}  // namespace tctest
