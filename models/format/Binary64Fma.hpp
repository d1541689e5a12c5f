// FmaOp's binary64 fast path: where the formats allow it (binary64Exact), a * b + c
// is computed exactly with the host's binary64 arithmetic and handed to the one
// rounding routine (roundToFormat) as a 53-bit value rounded to odd. Exactness:
//  1. decode: every finite code of a, b, c is a binary64 number (significands of
//     at most 53 bits, exponents inside binary64's normal range);
//  2. p = a * b is exact: sig(a) + sig(b) <= 53 bits, and its exponent range fits;
//  3. s = p + c, err = TwoSum error: p + c = s + err exactly (Knuth/Moller; needs
//     round to nearest and no overflow, which the exponent bounds guarantee);
//  4. v = s rounded to odd by err (Boldo-Melquiond): v is the exact sum truncated
//     to 53 bits with a sticky bit in its LSB, so every bit that rounding into a
//     format of at most 51 bits (plus a guard bit, or plus the stochastic random
//     bits: roundingBits <= 52) reads equals that of the exact sum, and v is
//     inexact exactly when the sum is; binade (tininess, overflow) is preserved.
//  So roundToFormat(v) gives the generic path's code and flags in every mode;
//  NormalRounder does the same for the common case (a normal result, no stochastic
//  rounding) with a few integer operations.
// Contraction cannot change the result (the only product, p, is exact, so
// fma(a, b, c) == p + c), and the CMake target sets -ffp-contract=off anyway.
// Assumption (docs/PERFORMANCE.md): the process runs with the default MXCSR:
// round to nearest, no flush-to-zero or denormals-are-zero, FP exceptions masked.
// NaN and infinity operands take the generic path: the host's NaN rules are not
// SoftFloat's.
#pragma once

#ifdef __FAST_MATH__
#error "the format core's binary64 fast path needs IEEE binary64 arithmetic: do not build it with -ffast-math"
#endif

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "Decode.hpp"
#include "Format.hpp"
#include "Round.hpp"
#include "Value.hpp"

namespace fmasim {

namespace binary64 {
inline constexpr int kPrecision = 53;
inline constexpr int kMantissaBits = 52;
inline constexpr int kBias = 1023;
inline constexpr int kEmin = -1022;
inline constexpr int kEmax = 1023;
inline constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;
inline constexpr std::uint64_t kMantissaMask = (std::uint64_t{1} << kMantissaBits) - 1;
}  // namespace binary64

// The exact binary64 value of a decoded code (a NaN stands for both NaN and the
// "generic path" signal; infinities stay infinite). Needs the value in range.
inline double toBinary64(const Decoded& d) {
  switch (d.cls) {
    case ValueClass::Zero: return d.sign ? -0.0 : 0.0;
    case ValueClass::Finite: {
      const double magnitude = std::ldexp(static_cast<double>(d.sig), d.exp);
      return d.sign ? -magnitude : magnitude;
    }
    case ValueClass::Infinity: return d.sign ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    case ValueClass::NaN: break;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

// Whether the format is IEEE binary32 with a shorter mantissa (fp32, tf32, bf16):
// its code shifted to 32 bits is the binary32 code of the same value.
inline bool isTruncatedBinary32(const Format& f) {
  return f.isFloat() && f.expBits == 8 && f.bias == 127 && f.manBits <= 23 && f.hasInf && f.nan == NanStyle::Ieee &&
         f.hasSubnormals && f.isSigned && f.hasZero;
}

// decode() straight to binary64, for one float format whose values all are binary64
// numbers: a table for codes of at most 8 bits, the FPU's binary32 -> binary64
// conversion for truncated binary32 formats, field arithmetic for the others.
class Binary64Decoder {
 public:
  explicit Binary64Decoder(const Format& f)
      : fields_(f),
        binary32Shift_(23 - f.manBits),
        signShift_(64 - f.bits),
        mantissaShift_(binary64::kMantissaBits - f.manBits),
        rebias_(static_cast<std::uint64_t>(binary64::kBias - f.bias) << binary64::kMantissaBits) {
    if (f.bits <= Decoder::kTableBits) {
      source_ = Source::Table;
      table_.resize(std::size_t{1} << f.bits);
      tableMask_ = f.codeMask();
      for (std::uint64_t code = 0; code < table_.size(); ++code) table_[code] = toBinary64(decode(f, code));
    } else if (isTruncatedBinary32(f)) {
      source_ = Source::Binary32;
    }
  }

  enum class Source : std::uint8_t { Table, Binary32, Fields };
  Source source() const { return source_; }

  // Codes must fit the format (as for Decoder).
  double operator()(std::uint64_t code) const {
    switch (source_) {
      case Source::Table: return decodeAs<Source::Table>(code);
      case Source::Binary32: return decodeAs<Source::Binary32>(code);
      case Source::Fields: break;
    }
    return decodeAs<Source::Fields>(code);
  }

  // operator() for an op that knows the source (Binary64Fma::Shape).
  template <Source S>
  double decodeAs(std::uint64_t code) const {
    if constexpr (S == Source::Table) {
      return table_[code & tableMask_];
    } else if constexpr (S == Source::Binary32) {
      return std::bit_cast<float>(static_cast<std::uint32_t>(code << binary32Shift_));
    } else {
      const int field = static_cast<int>((code >> fields_.manBits) & fields_.fieldMask);
      if (static_cast<unsigned>(field - fields_.minNormalField) >= static_cast<unsigned>(fields_.normalFields))
        return other(code);
      // A normal number: the exponent field and mantissa move up to binary64's
      // places as one block, the bias changes by adding the difference.
      const std::uint64_t magnitude = ((code & fields_.magnitudeMask) << mantissaShift_) + rebias_;
      return std::bit_cast<double>(magnitude | ((code & fields_.signBit) << signShift_));
    }
  }

 private:
  [[gnu::noinline]] double other(std::uint64_t code) const { return toBinary64(decodeFloatOther(fields_, code)); }

  Source source_ = Source::Fields;
  FloatFields fields_;
  int binary32Shift_, signShift_, mantissaShift_;
  std::uint64_t rebias_;
  std::uint64_t tableMask_ = 0;
  std::vector<double> table_;
};

// The sum p + c rounded to odd (v), with the terms kept for the sign of an exact
// zero. Not finite when an operand is Inf or NaN (v is then meaningless).
struct OddSum {
  double v, p, c;
  bool finite;
};

// s = RN(p + c) and the TwoSum error err (p + c = s + err), then s rounded to odd:
// when err != 0 the exact sum lies strictly between s and its neighbour toward err;
// s is kept when its significand is odd, else that neighbour (one step up in
// magnitude when err has s's sign, down otherwise) is taken. No branches: whether
// a sum is exact, and which way it rounded, is data.
inline OddSum oddSum(double p, double c) {
  const double s = p + c;
  const double cPart = s - p;
  const double err = (p - (s - cPart)) + (c - cPart);
  const auto sBits = std::bit_cast<std::uint64_t>(s), errBits = std::bit_cast<std::uint64_t>(err);
  const auto inexact = static_cast<std::uint64_t>((errBits << 1) != 0);
  const std::uint64_t move = inexact & ~sBits & 1;
  const std::uint64_t down = (sBits ^ errBits) >> 63;  // err's sign is not s's
  const std::uint64_t step = move - ((move & down) << 1);  // +1, -1 (wrapping) or 0
  return {std::bit_cast<double>(sBits + step), p, c, std::isfinite(s)};
}

// v as the Unrounded value roundToFormat takes. A zero is an exact zero sum: its sign
// is the terms' common sign, else + (- when rounding down), as IEEE 754 has it.
inline UnroundedIn<std::uint64_t> toUnrounded(const OddSum& sum, bool roundingDown) {
  const auto bits = std::bit_cast<std::uint64_t>(sum.v);
  const bool sign = (bits & binary64::kSignBit) != 0;
  const auto field = static_cast<std::int32_t>((bits >> binary64::kMantissaBits) & 0x7FF);
  if (field == 0) [[unlikely]]  // only zero: a non-zero sum is a binary64 normal number (binary64Exact)
    return {std::signbit(sum.p) == std::signbit(sum.c) ? std::signbit(sum.p) : roundingDown, 0, 0};
  return {sign, field - binary64::kBias - binary64::kMantissaBits, (bits & binary64::kMantissaMask) | (binary64::kMantissaMask + 1)};
}

// Whether a * b + c into `out` may take the binary64 path (see the top of this file).
inline bool binary64Exact(const Format& a, const Format& b, const Format& c, const Format& out, const RoundingMode& rm) {
  if (!a.isFloat() || !b.isFloat() || !c.isFloat() || !out.isFloat()) return false;
  const auto lsb = [](const Format& f) { return f.emin - f.manBits; };  // of the smallest non-zero value
  const int productTop = a.emax + b.emax + 2, addendTop = c.emax + 1;  // |p| < 2^productTop, |c| < 2^addendTop
  // TwoSum's intermediate values stay below twice the largest of |p|, |c|, |s| (< 2^(top+1)).
  return a.manBits + b.manBits + 2 <= binary64::kPrecision && c.manBits + 1 <= binary64::kPrecision &&
         lsb(a) + lsb(b) >= binary64::kEmin && lsb(c) >= binary64::kEmin &&
         std::max(productTop, addendTop) + 2 <= binary64::kEmax && roundingBits(out, rm) <= binary64::kPrecision - 1;
}

// Rounds v, a binary64 number, into a float format the common way: v in the
// format's normal range, any deterministic mode. The significand is cut with the
// mode's rounding constant added first (the classic carry trick: a round-up
// carries into the exponent field, as in hardware), so there is no branch on data.
// Everything else (zero, tiny, overflowing, negative into unsigned, stochastic
// rounding, outputs whose range exceeds binary64's) is left to roundToFormat.
class NormalRounder {
 public:
  NormalRounder(const Format& out, const RoundingMode& rm)
      : shift_(binary64::kMantissaBits - out.manBits),
        // The output's normal range must lie inside binary64's for the rebiasing.
        applies_(rm.mode != Rounding::Stochastic && out.emin >= binary64::kEmin && out.emax < binary64::kEmax),
        rangeMask_(out.isSigned ? ~binary64::kSignBit : ~std::uint64_t{0}),
        low_(static_cast<std::uint64_t>(binary64::kBias + out.emin) << binary64::kMantissaBits),
        span_((static_cast<std::uint64_t>(binary64::kBias + out.emax + 1) << binary64::kMantissaBits) - low_),
        rebias_(static_cast<std::uint64_t>(binary64::kBias - out.bias) << binary64::kMantissaBits),
        lostMask_((std::uint64_t{1} << shift_) - 1),
        oddMask_(rm.mode == Rounding::NearestEven ? 1 : 0),
        maxMagnitude_(floatMaxFiniteMagnitude(out)),
        signShift_(out.bits - 1) {
    const std::uint64_t half = std::uint64_t{1} << (shift_ - 1);
    switch (rm.mode) {
      case Rounding::NearestEven: addPositive_ = addNegative_ = half - 1; break;  // + the kept LSB
      case Rounding::NearestAway: addPositive_ = addNegative_ = half; break;
      case Rounding::TowardZero: addPositive_ = addNegative_ = 0; break;
      case Rounding::Up: addPositive_ = lostMask_; addNegative_ = 0; break;
      case Rounding::Down: addPositive_ = 0; addNegative_ = lostMask_; break;
      case Rounding::Stochastic: addPositive_ = addNegative_ = 0; break;  // not applied
    }
  }

  // False when v is not the common case; then r is untouched.
  bool round(double v, Result& r) const {
    const auto bits = std::bit_cast<std::uint64_t>(v);
    if (!applies_ || (bits & rangeMask_) - low_ >= span_) return false;
    const std::uint64_t sign = bits >> 63;
    // The exponent field rebiased to the format's, the mantissa still 52 bits wide.
    const std::uint64_t rebased = (bits & ~binary64::kSignBit) - rebias_;
    const std::uint64_t add = (sign ? addNegative_ : addPositive_) + ((rebased >> shift_) & oddMask_);
    const std::uint64_t magnitude = (rebased + add) >> shift_;
    if (magnitude > maxMagnitude_) return false;  // overflow
    r = {(sign << signShift_) | magnitude, static_cast<std::uint8_t>((rebased & lostMask_) != 0)};
    return true;
  }

 private:
  int shift_;
  bool applies_;
  std::uint64_t rangeMask_, low_, span_, rebias_, lostMask_, oddMask_, maxMagnitude_;
  int signShift_;
  std::uint64_t addPositive_ = 0, addNegative_ = 0;
};

// a * b + c for the formats of one FmaOp, on the binary64 path.
class Binary64Fma {
 public:
  Binary64Fma(const Format& a, const Format& b, const Format& c, const Format& out, const RoundingMode& rm)
      : a_(a), b_(b), c_(c), shape_(shapeOf(a_, b_, c_)), rounder_(out, rm) {}

  // The exact sum rounded to odd (the product and the sum of finite operands are
  // always finite here, so a non-finite sum means an Inf or NaN operand).
  OddSum sum(std::uint64_t a, std::uint64_t b, std::uint64_t c) const {
    using S = Binary64Decoder::Source;
    switch (shape_) {
      case Shape::Fp8Mac: return sumAs<S::Table, S::Table, S::Binary32>(a, b, c);
      case Shape::Binary32s: return sumAs<S::Binary32, S::Binary32, S::Binary32>(a, b, c);
      case Shape::Fields: return sumAs<S::Fields, S::Fields, S::Fields>(a, b, c);
      case Shape::Mixed: break;
    }
    return oddSum(a_(a) * b_(b), c_(c));
  }

  Result round(const OddSum& sum, const Format& out, const RoundingMode& rm, std::uint32_t random) const {
    Result r;
    if (rounder_.round(sum.v, r)) [[likely]] return r;
    return roundOther(sum.v, sum.p, sum.c, out, rm, random);
  }

 private:
  // Decoder combinations worth their own inlined code (the rest dispatch per operand).
  enum class Shape : std::uint8_t { Fp8Mac, Binary32s, Fields, Mixed };

  static Shape shapeOf(const Binary64Decoder& a, const Binary64Decoder& b, const Binary64Decoder& c) {
    using S = Binary64Decoder::Source;
    if (a.source() == S::Table && b.source() == S::Table && c.source() == S::Binary32) return Shape::Fp8Mac;
    if (a.source() == S::Binary32 && b.source() == S::Binary32 && c.source() == S::Binary32) return Shape::Binary32s;
    if (a.source() == S::Fields && b.source() == S::Fields && c.source() == S::Fields) return Shape::Fields;
    return Shape::Mixed;
  }

  template <Binary64Decoder::Source A, Binary64Decoder::Source B, Binary64Decoder::Source C>
  OddSum sumAs(std::uint64_t a, std::uint64_t b, std::uint64_t c) const {
    return oddSum(a_.decodeAs<A>(a) * b_.decodeAs<B>(b), c_.decodeAs<C>(c));
  }

  // (The sum's parts by value: they stay in registers on the common path.)
  [[gnu::noinline]] static Result roundOther(double v, double p, double c, const Format& out, const RoundingMode& rm,
                                             std::uint32_t random) {
    return roundToFormat(out, toUnrounded({v, p, c, true}, rm.mode == Rounding::Down), rm, random);
  }

  Binary64Decoder a_, b_, c_;
  Shape shape_;
  NormalRounder rounder_;
};

}  // namespace fmasim
