// An independent, slow reference of one datapath step, written from docs/DATAPATH.md
// and not from models/datapath. It reads only the user's choices (DatapathParams),
// never the derived DatapathSpec, and computes with exact MPFR numbers: operands
// through the test tree's own MPFR decoder (tests/reference), exact products,
// the aligner's cut at 2^(R-F) as an exact truncation or round-to-even, an exact
// sum, and a rounding into the accumulator format with P fraction bits written here
// by neighbour search (the quantum, the two neighbours, the mode's choice).
#pragma once

#include <mpfr.h>

#include <cstdint>
#include <span>
#include <vector>

#include "Reference.hpp"
#include "datapath/DatapathSpec.hpp"

namespace dpref {

using fmasim::DatapathParams;
using fmasim::Format;
using fmasim::Result;
using fmasim::RoundingMode;
using fmaref::Big;

__extension__ using i128 = __int128;

inline constexpr mpfr_prec_t kExactPrec = 2048;  // every value of a step is exact at this precision

// One term as the aligner sees it: its exact value and its alignment exponent.
struct RefTerm {
  Big value{kExactPrec};
  bool isZero = true;
  bool sign = false;  // the sign of the value (of the zero for a zero)
  long alignExp = 0;
};

// The alignment exponent of a finite operand of format f (exponent of its
// significand in [1, 2); emin for subnormals; bits-1-frac for integers).
long alignExponent(const Format& f, const fmaref::RefValue& v);

// Rounds a non-zero exact value into the float accumulator format `acc` keeping P
// fraction bits (stored in acc's container), with the mode, tininess and overflow
// policy of rm. Stochastic: round up iff floor(f * 2^R) + (random mod 2^R) >= 2^R.
// overflowToInfinity: an overflow gives infinity whatever the mode (tensor cores).
Result roundToAccumulator(const Format& acc, int P, mpfr_srcptr x, const RoundingMode& rm, std::uint32_t random,
                          bool overflowToInfinity = false);

// Both neighbours of x (toward zero and away from zero) at P bits, as codes of acc
// (rounding modes RTZ and "away"), for stochastic-rounding checks.
void neighbours(const Format& acc, int P, mpfr_srcptr x, std::uint64_t& towardZero, std::uint64_t& awayFromZero);

// The exact value the normalizer rounds in a float step with finite operands and a
// finite accumulator: returns false when the step takes the special path. `isZero`
// and `zeroSign` describe an exactly zero sum; `cutFlags` are the aligner's flags.
struct Unrounded {
  Big value{kExactPrec};
  bool isZero = false;
  bool zeroSign = false;
  bool anyNonZeroTerm = false;  // some product or the addend was not zero
  std::uint8_t cutFlags = 0;
};

// The aligner + adder of a float step over the given product terms and the addend
// c (fused: cut with the products; separate or exact: added exactly afterwards).
void alignAndSum(const DatapathParams& p, std::span<const RefTerm> products, const RefTerm& c, Unrounded& out);

// One float-accumulator step of datapath `p` (a NaN result is the canonical NaN,
// positive with all mantissa bits set, when p.nanResult says so) (kind fma, mac, dot with a float
// accumulator; cma with its product rounding): lanes codes a, b; accumulator code c.
Result floatStep(const DatapathParams& p, std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                 std::uint64_t c, std::uint32_t random = 0, Unrounded* exact = nullptr);

// The reduction of two float partial accumulators, p0 + pj, through the same aligner
// (pj as the one term, p0 as the addend) and rounder.
Result floatReduce(const DatapathParams& p, std::uint64_t p0, std::uint64_t pj, std::uint32_t random = 0);

// The effective fraction bits of the float accumulator (precision_bits).
int outputFractionBits(const DatapathParams& p);

// Integer and fixed-point accumulators: one product cut to the accumulator's
// fraction bits (toward zero or to nearest even per term_rounding), as an integer
// in units of 2^-fracBits; `cut` is set when bits were dropped.
i128 fixedTerm(const DatapathParams& p, int fracBits, const Format& fa, std::uint64_t a, const Format& fb,
               std::uint64_t b, bool& cut, bool& invalid);

// acc + sum reduced into `width` bits by wrap-around or saturation; overflow set when out of range.
i128 fixedReduce(i128 v, int width, bool saturate, bool& overflow);

// Exact value of an i128 in units of 2^-fracBits.
void fixedToMpfr(i128 v, int fracBits, mpfr_ptr out);

}  // namespace dpref
