// Shared helpers of the format tests: the runtime scale, a deterministic RNG, a
// mismatch collector that prints the first few failures, and the rounding settings.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "Reference.hpp"
#include "TestRandom.hpp"
#include "format/Format.hpp"
#include "format/Value.hpp"

namespace fmatest {

using fmasim::Format;
using fmasim::OverflowPolicy;
using fmasim::Result;
using fmasim::Rounding;
using fmasim::RoundingMode;
using fmasim::Tininess;

using testsupport::hex;
using testsupport::Rng;
using testsupport::scaled;
using testsupport::testScale;

inline std::string describe(const RoundingMode& rm) {
  std::string s = fmaref::modeName(rm.mode);
  s += rm.tininess == Tininess::AfterRounding ? "/after" : "/before";
  s += rm.overflow == OverflowPolicy::Ieee ? "/ieee" : "/sat";
  return s;
}

inline std::string describe(const Result& r) { return "{code " + hex(r.code) + ", flags " + std::to_string(r.flags) + "}"; }

// Counts mismatches; reports the first few in full and the total at the end.
class Mismatches {
 public:
  explicit Mismatches(std::string what, int show = 8) : what_(std::move(what)), show_(show) {}
  ~Mismatches() { EXPECT_EQ(count_, 0) << count_ << " mismatches of " << checked_ << " in " << what_; }
  Mismatches(const Mismatches&) = delete;
  Mismatches& operator=(const Mismatches&) = delete;

  template <typename Describe>
  bool check(bool ok, Describe&& describeCase) {
    ++checked_;
    if (ok) return true;
    if (count_++ < show_) ADD_FAILURE() << what_ << ": " << describeCase();
    return false;
  }
  // Core result vs reference result.
  template <typename Describe>
  bool same(const Result& core, const Result& ref, Describe&& describeCase) {
    return check(core.code == ref.code && core.flags == ref.flags,
                 [&] { return describeCase() + ": core " + describe(core) + ", reference " + describe(ref); });
  }
  long count() const { return count_; }
  long checked() const { return checked_; }

 private:
  std::string what_;
  int show_;
  long count_ = 0;
  long checked_ = 0;
};

// Custom formats the built-in list lacks: no subnormals, unsigned, and wide
// significands at the edge of the core's 64-bit arithmetic window.
inline std::optional<Format> customFormat(std::string_view name) {
  using fmasim::FloatParams;
  using fmasim::NanStyle;
  struct Custom {
    const char* name;
    FloatParams p;
  };
  static const Custom kCustom[] = {
      {"e4m3_nosub", FloatParams{4, 3, 7, false, NanStyle::SingleAllOnes, false, true, true}},
      {"e5m2_nosub", FloatParams{5, 2, 15, true, NanStyle::Ieee, false, true, true}},
      {"fp16_nosub", FloatParams{5, 10, 15, true, NanStyle::Ieee, false, true, true}},
      {"ue4m4", FloatParams{4, 4, 7, true, NanStyle::Ieee, true, false, true}},
      {"e8m29", FloatParams{8, 29, 127, true, NanStyle::Ieee, true, true, true}},
      {"e8m30", FloatParams{8, 30, 127, true, NanStyle::Ieee, true, true, true}},
      {"e9m40", FloatParams{9, 40, 255, true, NanStyle::Ieee, true, true, true}},
      // Each side of the binary64 path's limits (Binary64PathTest.cpp).
      {"e8m25", FloatParams{8, 25, 127, true, NanStyle::Ieee, true, true, true}},
      {"e8m26", FloatParams{8, 26, 127, true, NanStyle::Ieee, true, true, true}},
      {"e8m50", FloatParams{8, 50, 127, true, NanStyle::Ieee, true, true, true}},
      {"e8m51", FloatParams{8, 51, 127, true, NanStyle::Ieee, true, true, true}},
      {"e8m52", FloatParams{8, 52, 127, true, NanStyle::Ieee, true, true, true}},
      {"e9m12b500", FloatParams{9, 12, 500, true, NanStyle::Ieee, true, true, true}},
      {"e9m13b500", FloatParams{9, 13, 500, true, NanStyle::Ieee, true, true, true}},
      {"e9m10b0", FloatParams{9, 10, 0, true, NanStyle::Ieee, true, true, true}},
      {"e9m10b1", FloatParams{9, 10, 1, true, NanStyle::Ieee, true, true, true}},
      {"e10m20b1", FloatParams{10, 20, 1, true, NanStyle::Ieee, true, true, true}},
      {"e10m20b2", FloatParams{10, 20, 2, true, NanStyle::Ieee, true, true, true}},
      {"e5m10_ocp", FloatParams{5, 10, 15, false, NanStyle::SingleAllOnes, true, true, true}},
      {"e11m20b2000", FloatParams{11, 20, 2000, true, NanStyle::Ieee, true, true, true}},
  };
  for (const auto& c : kCustom) {
    if (name != c.name) continue;
    std::string error;
    return fmasim::makeFloatFormat(c.name, c.p, error);
  }
  return std::nullopt;
}

// How often the reference results raise each flag: the generators must keep
// producing the cases that matter (exact, tiny, overflowing, invalid results).
struct FlagStats {
  long n = 0, exact = 0, inexact = 0, underflow = 0, overflow = 0, invalid = 0;
  void add(const Result& r) {
    ++n;
    exact += r.flags == 0;
    inexact += (r.flags & fmasim::flag::inexact) != 0;
    underflow += (r.flags & fmasim::flag::underflow) != 0;
    overflow += (r.flags & fmasim::flag::overflow) != 0;
    invalid += (r.flags & fmasim::flag::invalid) != 0;
  }
  // Each listed kind in at least `fraction` of the cases.
  void expectAtLeast(double fraction, bool wantUnderflow, bool wantOverflow, bool wantInvalid) const {
    const auto enough = [&](long k) { return static_cast<double>(k) >= fraction * static_cast<double>(n); };
    EXPECT_TRUE(enough(exact)) << "exact " << exact << " of " << n;
    EXPECT_TRUE(enough(inexact)) << "inexact " << inexact << " of " << n;
    if (wantUnderflow) {
      EXPECT_TRUE(enough(underflow)) << "underflow " << underflow << " of " << n;
    }
    if (wantOverflow) {
      EXPECT_TRUE(enough(overflow)) << "overflow " << overflow << " of " << n;
    }
    if (wantInvalid) {
      EXPECT_TRUE(enough(invalid)) << "invalid " << invalid << " of " << n;
    }
  }
};

// A random number for stochastic rounding right at the threshold of a rounding whose
// top discarded bits are t: r = 2^R - t rounds up, one less does not. Bits above R
// are random (the core must ignore them).
inline std::uint32_t thresholdRandom(const RoundingMode& rm, std::uint64_t t, Rng& rng) {
  const std::uint64_t r = (std::uint64_t{1} << rm.randomBits) - t - (rng.chance(0.5) ? 1 : 0);
  const std::uint64_t mask = (std::uint64_t{1} << rm.randomBits) - 1;
  return static_cast<std::uint32_t>((r & mask) | (rng.next() & ~mask));
}

inline Format fmt(const char* name) {
  if (auto c = customFormat(name)) return *c;
  auto f = fmasim::formatByName(name);
  if (!f) {
    ADD_FAILURE() << "unknown format " << name;
    return Format{};
  }
  return *f;
}

inline const std::vector<Rounding>& deterministicModes() {
  static const std::vector<Rounding> modes{Rounding::NearestEven, Rounding::TowardZero, Rounding::Up,
                                           Rounding::Down, Rounding::NearestAway};
  return modes;
}

// Every deterministic mode x both tininess rules x both overflow policies.
inline std::vector<RoundingMode> allSettings() {
  std::vector<RoundingMode> v;
  for (Rounding m : deterministicModes())
    for (Tininess t : {Tininess::AfterRounding, Tininess::BeforeRounding})
      for (OverflowPolicy o : {OverflowPolicy::Ieee, OverflowPolicy::Saturate}) v.push_back(RoundingMode{m, t, o, 8});
  return v;
}

}  // namespace fmatest

#include "format/Decode.hpp"

namespace fmatest {

// The value of a core-decoded finite/zero code as an mpfr number (test glue only).
inline void coreValue(const fmasim::Decoded& d, mpfr_ptr out) {
  if (d.cls != fmasim::ValueClass::Finite) {
    mpfr_set_zero(out, d.sign ? -1 : 1);
    return;
  }
  mpfr_set_ui(out, d.sig, MPFR_RNDN);
  mpfr_mul_2si(out, out, d.exp, MPFR_RNDN);
  if (d.sign) mpfr_neg(out, out, MPFR_RNDN);
}

}  // namespace fmatest
