// An independent, slow reference for the format core, written from the rules in
// formats.md and the project's chosen semantics, on MPFR. It reads only the
// parameters of a Format (bit widths, bias, NaN style, ...) and never calls the
// core's decode, rounding or arithmetic: it is the specification written a second way.
#pragma once

#include <mpfr.h>

#include <cstdint>
#include <string>

#include "format/Format.hpp"
#include "format/Value.hpp"

namespace fmaref {

using fmasim::Format;
using fmasim::Result;
using fmasim::RoundingMode;

// An owned mpfr_t.
class Big {
 public:
  explicit Big(mpfr_prec_t prec = 128) { mpfr_init2(v_, prec); }
  ~Big() { mpfr_clear(v_); }
  Big(const Big&) = delete;
  Big& operator=(const Big&) = delete;
  mpfr_ptr get() { return v_; }
  mpfr_srcptr get() const { return v_; }

 private:
  mpfr_t v_;
};

enum class Class { Zero, Subnormal, Normal, Infinity, QuietNaN, SignalingNaN };

struct RefValue {
  Class cls = Class::Zero;
  bool sign = false;
  // A NaN as SoftFloat's "common NaN": the mantissa field left-justified in 64
  // bits (quiet bit at bit 63); 0 for the NaNs of formats that have no payload.
  std::uint64_t nanBits = 0;
  Big value{192};  // exact signed value when finite; signed zero when Zero

  bool isNaN() const { return cls == Class::QuietNaN || cls == Class::SignalingNaN; }
  bool isInf() const { return cls == Class::Infinity; }
  bool isZero() const { return cls == Class::Zero; }
  bool isFinite() const { return !isNaN() && !isInf(); }
};

// Value and class of a code, from its bit fields.
void refDecode(const Format& f, std::uint64_t code, RefValue& out);

// Derived limits, computed from the parameters.
int refEmin(const Format& f);                                 // exponent of the smallest normal
std::uint64_t refMaxFiniteCode(const Format& f, bool negative);  // floats and integers
void refMaxFinite(const Format& f, mpfr_ptr out);             // its magnitude

// Rounds the exact value x (any sign; a zero keeps its sign) into format f.
Result refRound(const Format& f, mpfr_srcptr x, const RoundingMode& rm, std::uint32_t random = 0);

// The top randomBits discarded bits t of the last stochastic rounding refRound made
// (0 when exact or not stochastic): it rounds up iff t + random >= 2^randomBits, so
// tests can pick the random numbers on both sides of that threshold.
std::uint64_t refLastStochasticTop();

// The special-value results.
Result refNaNResult(const Format& out, bool sign, std::uint64_t nanBits, bool signalingInput,
                    const RoundingMode& rm);
Result refDefaultNaN(const Format& out, const RoundingMode& rm);
Result refInfinity(const Format& out, bool negative, const RoundingMode& rm);
Result refZero(const Format& out, bool negative);

// The operations, each rounded once.
Result refConvert(const Format& in, std::uint64_t a, const Format& out, const RoundingMode& rm,
                  std::uint32_t random = 0);
Result refMul(const Format& fa, std::uint64_t a, const Format& fb, std::uint64_t b, const Format& out,
              const RoundingMode& rm, std::uint32_t random = 0);
Result refAdd(const Format& fa, std::uint64_t a, const Format& fb, std::uint64_t b, const Format& out,
              const RoundingMode& rm, std::uint32_t random = 0);
Result refFma(const Format& fa, std::uint64_t a, const Format& fb, std::uint64_t b, const Format& fc,
              std::uint64_t c, const Format& out, const RoundingMode& rm, std::uint32_t random = 0);

std::string toString(mpfr_srcptr x);
const char* modeName(fmasim::Rounding r);

}  // namespace fmaref
