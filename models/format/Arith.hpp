// Scalar operations with a single rounding: fma (mixed formats), mul, add,
// convert. All of them are one routine, mulAdd, over decoded operands: the product
// is exact, the sum is exact up to a jammed sticky bit, and roundToFormat rounds once.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "Binary64Fma.hpp"
#include "Decode.hpp"
#include "Format.hpp"
#include "Round.hpp"
#include "Value.hpp"

namespace fmasim {

// Exact sum of two signed terms in a window of N = 64 or 128 bits. Both terms are
// left-aligned with their MSB at bit N-3 so the smaller one can be shifted right
// with jamming. With terms of at most N-3 bits, bits are lost only when the exponents
// differ by 2 or more; then the sum keeps its MSB at bit N-4 or above, and rounding
// stays exact as long as it reads at most N-4 bits below that MSB (the result's
// precision plus a guard bit, or plus the stochastic random bits): windowFits.
// The operand order and the add/subtract choice are bit operations, not branches
// (see swapIf).
template <class Sig>
inline UnroundedIn<Sig> exactSum(UnroundedIn<Sig> x, UnroundedIn<Sig> y, bool roundingDown) {
  if (x.sig == 0 && y.sig == 0) return {x.sign == y.sign ? x.sign : roundingDown, 0, 0};
  if (y.sig == 0) return x;
  if (x.sig == 0) return y;
  constexpr int kTop = kWindowBits<Sig> - 2;
  const int sx = kTop - bitLength(x.sig), sy = kTop - bitLength(y.sig);
  Sig big = x.sig << sx, small = y.sig << sy;
  std::int32_t exp = x.exp - sx, smallExp = y.exp - sy;
  const bool yLarger = exp < smallExp;
  swapIf(yLarger, big, small);
  swapIf(yLarger, exp, smallExp);
  small = shiftRightJam(small, exp - smallExp);
  const bool bigSign = x.sign != (yLarger && x.sign != y.sign);
  // big + small or big - small in two's complement (both are below 2^(N-2), so the
  // top bit of the result is its sign), then the magnitude: small wins only when the
  // exponents are equal.
  const Sig subtract = Sig{0} - static_cast<Sig>(x.sign != y.sign);  // all ones or zero
  const Sig signedSum = big + ((small ^ subtract) - subtract);
  const Sig smallWins = Sig{0} - (signedSum >> (kWindowBits<Sig> - 1));  // all ones or zero
  const Sig sum = (signedSum ^ smallWins) - smallWins;
  if (sum == 0) return {roundingDown, 0, 0};  // exact cancellation: +0 except rounding down
  return {bigSign != (smallWins != 0), exp, sum};
}

// Whether mulAdd's exact arithmetic fits a window of kWindowBits<Sig> bits (see
// exactSum): products and addends of at most N-3 bits, rounding reading at most N-4.
template <class Sig>
inline bool windowFits(int productBits, int addendBits, int roundingBits) {
  constexpr int n = kWindowBits<Sig>;
  return productBits <= n - 3 && addendBits <= n - 3 && roundingBits <= n - 4;
}

// Bits of the largest significand a code of f decodes to.
inline int significandBits(const Format& f) { return f.isFloat() ? f.manBits + 1 : f.bits; }

// A NaN operand's result in format `out`, carrying its sign and payload.
inline Result propagatedNaN(const Format& out, const Decoded& nan, const RoundingMode& rm) {
  if (!out.isFloat()) return integerInvalid(out, nan.sign, true, rm);
  const std::uint8_t flags = (nan.signaling || !out.hasNaN()) ? flag::invalid : 0;
  return {nanCode(out, nan.sign, nan.nanPayload), flags};
}

inline Result invalidResult(const Format& out, const RoundingMode& rm) {
  if (!out.isFloat()) return integerInvalid(out, true, true, rm);
  return {defaultNaNCode(out), flag::invalid};
}

// An infinite result in `out`; formats without infinity follow the overflow policy
// (max finite), or give NaN where the policy is IEEE and a NaN exists (OCP E4M3).
inline Result infiniteResult(const Format& out, bool negative, const RoundingMode& rm) {
  if (!out.isFloat()) return integerInvalid(out, negative, false, rm);
  if (negative && !out.isSigned) return {defaultNaNCode(out), flag::invalid};
  if (out.hasInf) return {floatInfinityCode(out, negative), 0};
  if (rm.overflow == OverflowPolicy::Saturate || !out.hasNaN())
    return {floatMaxFiniteCode(out, negative), flag::overflow | flag::inexact};
  return {nanCode(out, negative, 0), flag::invalid};
}

// a * b (+ c) when an operand is infinite or NaN. NaN and invalid cases follow
// Berkeley SoftFloat's 8086-SSE specialization (as s_mulAddF32.c orders them).
inline Result mulAddSpecial(const Decoded& a, const Decoded& b, const Decoded* c, const Format& out,
                            const RoundingMode& rm) {
  const bool cNaN = c != nullptr && c->isNaN();
  const bool cSignaling = cNaN && c->signaling;
  if (a.isNaN() || b.isNaN()) {
    Result r = propagatedNaN(out, a.isNaN() ? a : b, rm);
    if (a.signaling || b.signaling || cSignaling) r.flags |= flag::invalid;
    return r;
  }
  const bool productSign = a.sign != b.sign;
  const bool productInf = a.isInf() || b.isInf();
  const bool productZero = a.isZero() || b.isZero();
  if (productInf && productZero) return invalidResult(out, rm);  // also when c is a quiet NaN
  if (cNaN) return propagatedNaN(out, *c, rm);
  if (productInf) {
    if (c != nullptr && c->isInf() && c->sign != productSign) return invalidResult(out, rm);
    return infiniteResult(out, productSign, rm);
  }
  return infiniteResult(out, c->sign, rm);  // only c is infinite
}

static_assert(ValueClass::Zero < ValueClass::Finite && ValueClass::Finite < ValueClass::Infinity &&
              ValueClass::Infinity < ValueClass::NaN);

// a * b (+ c when c is given), rounded once into `out`, computed in the window Sig
// (u128 always fits; std::uint64_t where windowFits<std::uint64_t> says so).
template <class Sig = u128>
inline Result mulAdd(const Decoded& a, const Decoded& b, const Decoded* c, const Format& out,
                     const RoundingMode& rm, std::uint32_t random) {
  // Zero and Finite are the smallest classes, so one comparison finds any Inf or NaN.
  if (std::max({a.cls, b.cls, c != nullptr ? c->cls : ValueClass::Zero}) >= ValueClass::Infinity) [[unlikely]]
    return mulAddSpecial(a, b, c, out, rm);
  const UnroundedIn<Sig> product{a.sign != b.sign, a.exp + b.exp, static_cast<Sig>(static_cast<Sig>(a.sig) * b.sig)};
  if (c == nullptr) return roundToFormat(out, product, rm, random);
  const UnroundedIn<Sig> addend{c->sign, c->exp, c->sig};
  return roundToFormat(out, exactSum(product, addend, rm.mode == Rounding::Down), rm, random);
}

inline constexpr Decoded kDecodedOne{ValueClass::Finite, false, false, 0, 1, 0};

// mulAdd in the 64-bit window when the op's formats fit it (decided once per op).
inline Result mulAddIn(bool narrowWindow, const Decoded& a, const Decoded& b, const Decoded* c, const Format& out,
                       const RoundingMode& rm, std::uint32_t random) {
  return narrowWindow ? mulAdd<std::uint64_t>(a, b, c, out, rm, random) : mulAdd<u128>(a, b, c, out, rm, random);
}

// The operations with their formats bound once, as a hardware unit is built once:
// decoders, and the window the exact arithmetic needs (FmaOp also the binary64
// path, Binary64Fma.hpp, where it is exact).
// (Each op declares narrow_ (FmaOp also binary64_) first: they are initialised from
// the formats before those move.)
class FmaOp {
 public:
  FmaOp(Format a, Format b, Format c, Format out, RoundingMode rm)
      : narrow_(windowFits<std::uint64_t>(significandBits(a) + significandBits(b), significandBits(c),
                                          roundingBits(out, rm))),
        binary64_(binary64Exact(a, b, c, out, rm) ? std::optional<Binary64Fma>(std::in_place, a, b, c, out, rm)
                                                  : std::nullopt),
        a_(std::move(a)), b_(std::move(b)), c_(std::move(c)), out_(std::move(out)), rm_(rm) {}
  Result operator()(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint32_t random = 0) const {
    if (binary64_) {
      const OddSum sum = binary64_->sum(a, b, c);
      if (sum.finite) [[likely]] return binary64_->round(sum, out_, rm_, random);
    }
    const Decoded dc = c_(c);
    return mulAddIn(narrow_, a_(a), b_(b), &dc, out_, rm_, random);
  }

 private:
  bool narrow_;
  std::optional<Binary64Fma> binary64_;
  Decoder a_, b_, c_;
  Format out_;
  RoundingMode rm_;
};

class MulOp {
 public:
  MulOp(Format a, Format b, Format out, RoundingMode rm)
      : narrow_(windowFits<std::uint64_t>(significandBits(a) + significandBits(b), 0, roundingBits(out, rm))),
        a_(std::move(a)), b_(std::move(b)), out_(std::move(out)), rm_(rm) {}
  Result operator()(std::uint64_t a, std::uint64_t b, std::uint32_t random = 0) const {
    return mulAddIn(narrow_, a_(a), b_(b), nullptr, out_, rm_, random);
  }

 private:
  bool narrow_;
  Decoder a_, b_;
  Format out_;
  RoundingMode rm_;
};

// a + b as a * 1 + b.
class AddOp {
 public:
  AddOp(Format a, Format b, Format out, RoundingMode rm)
      : narrow_(windowFits<std::uint64_t>(significandBits(a) + 1, significandBits(b), roundingBits(out, rm))),
        a_(std::move(a)), b_(std::move(b)), out_(std::move(out)), rm_(rm) {}
  Result operator()(std::uint64_t a, std::uint64_t b, std::uint32_t random = 0) const {
    const Decoded db = b_(b);
    return mulAddIn(narrow_, a_(a), kDecodedOne, &db, out_, rm_, random);
  }

 private:
  bool narrow_;
  Decoder a_, b_;
  Format out_;
  RoundingMode rm_;
};

// Conversion as a * 1.
class ConvertOp {
 public:
  ConvertOp(Format in, Format out, RoundingMode rm)
      : narrow_(windowFits<std::uint64_t>(significandBits(in) + 1, 0, roundingBits(out, rm))),
        in_(std::move(in)), out_(std::move(out)), rm_(rm) {}
  Result operator()(std::uint64_t a, std::uint32_t random = 0) const {
    return mulAddIn(narrow_, in_(a), kDecodedOne, nullptr, out_, rm_, random);
  }

 private:
  bool narrow_;
  Decoder in_;
  Format out_;
  RoundingMode rm_;
};

}  // namespace fmasim
