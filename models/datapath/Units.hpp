// The five datapath units as pure functions over the widths of a DatapathSpec:
// multiplier, aligner, adder, normalizer/rounder, accumulator. The functional engine
// calls them in a loop; the SystemC modules wrap the same functions with registers.
#pragma once

#include <cstdint>
#include <limits>
#include <span>

#include "DatapathSpec.hpp"
#include "format/Arith.hpp"

namespace fmasim {

__extension__ using i128 = __int128;  // GCC/Clang built-in; __extension__ keeps -Wpedantic quiet

// A product or an addend as the aligner receives it: (-1)^sign * sig * 2^lsbExp, with
// alignExp the exponent of its unnormalized significand (a product's is in [1, 4)).
struct Term {
  ValueClass cls = ValueClass::Zero;  // a cma product can round to infinity or NaN
  bool sign = false;
  std::int32_t alignExp = 0;
  std::int32_t lsbExp = 0;
  u128 sig = 0;  // 0: the term is zero
  std::uint64_t nanPayload = 0;  // a NaN cma product's payload (Decoded::nanPayload)
};

// Multiplier: the exact product of two finite operands, with the operands' block
// scale exponents (OCP MX) added to its exponent. A cma datapath rounds the product
// into its product format here and raises that rounding's flags.
Term multiply(const DatapathSpec& spec, const Decoded& a, const Decoded& b, std::int32_t scaleExp,
              std::uint8_t& flags);

// The addend (the accumulator's value) as a term, and a term as a value again.
Term addendTerm(const Format& f, const Decoded& c);
Decoded termValue(const Term& t);

// The result of a step with an infinite or NaN operand: sum of a[i] * b[i] plus c,
// by SoftFloat's 8086-SSE rules generalized to several products (for one product,
// exactly the core's fma): the first NaN among a0, b0, a1, b1, ... (invalid if any
// operand signals); else inf * 0 is invalid; else a NaN c; else infinities of both
// signs are invalid, and one sign gives that infinity.
Result specialSum(std::span<const Decoded> a, std::span<const Decoded> b, const Decoded& c, const Format& out,
                  const RoundingMode& rm);

// Aligner: the reference exponent of one step (the largest alignExp among non-zero
// terms; the lowest int32 when all are zero), the weight of the lowest kept bit for
// that reference, and one term cut to that weight as a two's complement integer.
inline constexpr std::int32_t kNoReference = std::numeric_limits<std::int32_t>::min();
std::int32_t alignmentReference(std::span<const Term> terms);
std::int32_t alignedLsb(const DatapathSpec& spec, std::int32_t reference);
// Bits cut below lsb raise inexact.
i128 alignTerm(const DatapathSpec& spec, const Term& t, std::int32_t lsb, std::uint8_t& flags);

// Adder: the exact sum of the aligned terms.
i128 addTerms(std::span<const i128> aligned);

// Normalizer/rounder (float accumulators): the adder's sum (weight 2^lsb), plus a
// separate addend when the config adds it after the tree, rounded once into the
// accumulator format with the configured output precision.
Result normalizeRound(const DatapathSpec& spec, i128 sum, std::int32_t lsb, bool zeroSign, const Term* separateAddend,
                      std::uint32_t random);

// Rounds an exact or jammed value as the normalizer does, for the exact paths.
Result roundOutput(const DatapathSpec& spec, const Unrounded& value, std::uint32_t random);

// Accumulator (integer and fixed point): adds the step's sum (weight 2^lsb, which
// must equal the accumulator's) with wrap-around or saturation at accumulatorBits.
i128 accumulateFixed(const DatapathSpec& spec, i128 acc, i128 sum, std::uint8_t& flags);

}  // namespace fmasim
