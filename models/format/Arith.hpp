// Scalar operations with a single rounding: fma (mixed formats), mul, add,
// convert. All of them are one routine, mulAdd, over decoded operands: the product
// is exact, the sum is exact up to a jammed sticky bit, and roundToFormat rounds once.
#pragma once

#include <cstdint>
#include <utility>

#include "Decode.hpp"
#include "Format.hpp"
#include "Round.hpp"
#include "Value.hpp"

namespace fmasim {

// Exact sum of two signed terms. Both are left-aligned with their MSB at bit 125
// so the smaller one can be shifted right with jamming: whenever bits are lost the
// exponents differ by more than 20, the sum keeps its MSB at bit 124 or above, and
// every rounding position (at most 64 bits below the MSB) stays far above the jam.
// Holds because no exact product has more than 106 bits (53 x 53).
inline Unrounded exactSum(Unrounded x, Unrounded y, bool roundingDown) {
  if (x.sig == 0 && y.sig == 0) return {x.sign == y.sign ? x.sign : roundingDown, 0, 0};
  if (y.sig == 0) return x;
  if (x.sig == 0) return y;
  const int sx = 126 - bitLength(x.sig), sy = 126 - bitLength(y.sig);
  x.sig <<= sx;
  x.exp -= sx;
  y.sig <<= sy;
  y.exp -= sy;
  if (x.exp < y.exp) std::swap(x, y);
  y.sig = shiftRightJam(y.sig, x.exp - y.exp);
  if (x.sign == y.sign) return {x.sign, x.exp, x.sig + y.sig};
  if (x.sig == y.sig) return {roundingDown, 0, 0};  // exact cancellation: +0 except rounding down
  if (x.sig > y.sig) return {x.sign, x.exp, x.sig - y.sig};
  return {y.sign, x.exp, y.sig - x.sig};
}

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

// a * b (+ c when c is given), rounded once into `out`. NaN and invalid cases follow
// Berkeley SoftFloat's 8086-SSE specialization (as s_mulAddF32.c orders them).
inline Result mulAdd(const Decoded& a, const Decoded& b, const Decoded* c, const Format& out,
                     const RoundingMode& rm, std::uint32_t random) {
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
  if (c != nullptr && c->isInf()) return infiniteResult(out, c->sign, rm);

  const Unrounded product{productSign, a.exp + b.exp, static_cast<u128>(a.sig) * b.sig};
  if (c == nullptr) return roundToFormat(out, product, rm, random);
  const Unrounded addend{c->sign, c->exp, c->sig};
  return roundToFormat(out, exactSum(product, addend, rm.mode == Rounding::Down), rm, random);
}

inline constexpr Decoded kDecodedOne{ValueClass::Finite, false, false, 0, 1, 0};

// The operations with their formats bound once, as a hardware unit is built once.
class FmaOp {
 public:
  FmaOp(Format a, Format b, Format c, Format out, RoundingMode rm)
      : a_(std::move(a)), b_(std::move(b)), c_(std::move(c)), out_(std::move(out)), rm_(rm) {}
  Result operator()(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint32_t random = 0) const {
    const Decoded dc = decode(c_, c);
    return mulAdd(decode(a_, a), decode(b_, b), &dc, out_, rm_, random);
  }

 private:
  Format a_, b_, c_, out_;
  RoundingMode rm_;
};

class MulOp {
 public:
  MulOp(Format a, Format b, Format out, RoundingMode rm)
      : a_(std::move(a)), b_(std::move(b)), out_(std::move(out)), rm_(rm) {}
  Result operator()(std::uint64_t a, std::uint64_t b, std::uint32_t random = 0) const {
    return mulAdd(decode(a_, a), decode(b_, b), nullptr, out_, rm_, random);
  }

 private:
  Format a_, b_, out_;
  RoundingMode rm_;
};

class AddOp {
 public:
  AddOp(Format a, Format b, Format out, RoundingMode rm)
      : a_(std::move(a)), b_(std::move(b)), out_(std::move(out)), rm_(rm) {}
  Result operator()(std::uint64_t a, std::uint64_t b, std::uint32_t random = 0) const {
    const Decoded db = decode(b_, b);
    return mulAdd(decode(a_, a), kDecodedOne, &db, out_, rm_, random);
  }

 private:
  Format a_, b_, out_;
  RoundingMode rm_;
};

class ConvertOp {
 public:
  ConvertOp(Format in, Format out, RoundingMode rm) : in_(std::move(in)), out_(std::move(out)), rm_(rm) {}
  Result operator()(std::uint64_t a, std::uint32_t random = 0) const {
    return mulAdd(decode(in_, a), kDecodedOne, nullptr, out_, rm_, random);
  }

 private:
  Format in_, out_;
  RoundingMode rm_;
};

}  // namespace fmasim
