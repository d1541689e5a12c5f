// DatapathSpec: the one source of truth for a MAC/FMA/dot datapath. It is derived
// once from the user's choices (DatapathParams, read from a JSON config) and holds
// every width the units, the SystemC models, the RTL parameters and the cost model
// need. Nothing else computes a width.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "format/Format.hpp"
#include "format/Round.hpp"
#include "format/Value.hpp"

namespace fmasim {

enum class DatapathKind : std::uint8_t {
  Fma,  // a*b + c, single rounding
  Cma,  // product rounded to a product format first, then the add (cascaded)
  Mac,  // acc <- acc + a*b over a stream
  Dot,  // acc <- acc + sum of N lane products aligned together
};

enum class AccumulatorKind : std::uint8_t {
  Float,    // a float format: the sum is normalized and rounded each step
  Integer,  // two's complement integer (INT32): exact add, wrap or saturate
  Fixed,    // wide fixed point (Kulisch): exact add, wrap or saturate
};

enum class TermRounding : std::uint8_t { Truncate, NearestEven };  // aligned-term bits below the window
enum class AddendPath : std::uint8_t { Fused, Separate };          // c aligned with the products, or added after
enum class IntegerOverflow : std::uint8_t { Wrap, Saturate };
enum class FeedbackHazard : std::uint8_t { Stall, Interleave };
// A NaN result: the first NaN's sign and payload (SoftFloat), or the one canonical
// NaN (positive, all mantissa bits set: 0x7FFFFFFF in FP32), as NVIDIA tensor cores.
enum class NanResult : std::uint8_t { Propagate, Canonical };

// DeepSeek-V3's promotion: every `interval` products the dot unit's result is added
// into a separate accumulator of `format` (one rounding) and the unit restarts at +0.
struct PromotionParams {
  int interval = 0;
  Format format;
  RoundingMode rounding;
};

enum class Unit : std::uint8_t { Multiplier, Aligner, Adder, Normalizer, Accumulator };
inline constexpr int kUnitCount = 5;
const char* unitName(Unit u);

// Fraction bits of an operand's significand as the multiplier sees it: a float's
// mantissa; an integer's magnitude bits (its value is read as sig * 2^(bits-1-frac)
// with sig in [0, 1], so all integer products share one alignment exponent).
inline int significandFractionBits(const Format& f) { return f.isFloat() ? f.manBits : f.bits - 1; }

// What the user chooses; everything else derives.
struct DatapathParams {
  std::string name;
  DatapathKind kind = DatapathKind::Mac;
  Format a, b;
  int lanes = 1;
  // cma: the product's own format and rounding
  std::optional<Format> productFormat;
  RoundingMode productRounding;
  // alignment
  std::optional<int> alignFractionBits;  // nullopt: exact (no bit of any term is dropped)
  TermRounding termRounding = TermRounding::Truncate;
  AddendPath addend = AddendPath::Fused;
  // Fused: the alignment exponent a zero addend takes part in the reference with
  // (MMA-Sim gives c = 0 the exponent -126); nullopt: a zero addend takes no part.
  std::optional<int> zeroAddendExponent;
  // accumulator
  AccumulatorKind accumulatorKind = AccumulatorKind::Float;
  Format accumulator;                       // Float/Integer: the accumulator's format
  RoundingMode outputRounding;              // Float: rounding of each accumulate step
  std::optional<int> outputFractionBits;    // Float: significand bits kept (default: the format's)
  NanResult nanResult = NanResult::Propagate;  // Float: which NaN a NaN result is
  bool overflowToInfinity = false;          // Float: an overflow gives infinity in every rounding mode
  std::optional<PromotionParams> promotion;  // Float: promotion into a wider accumulator
  IntegerOverflow integerOverflow = IntegerOverflow::Wrap;
  std::optional<int> fixedWidth;            // Fixed: total bits (nullopt: exact for the formats)
  std::optional<int> fixedFractionBits;     // Fixed: fraction bits (nullopt: exact)
  int headroomBits = 12;                    // Fixed exact width: carry bits for long sums
  // pipeline: register stages after each unit (the accumulator register itself is not counted)
  std::array<int, kUnitCount> stages{1, 0, 1, 1, 0};
  FeedbackHazard hazard = FeedbackHazard::Stall;
  std::uint32_t lfsrSeed = 1;  // stochastic rounding source of the normalizer
};

struct DatapathSpec {
  DatapathParams params;  // the choices the spec was derived from

  // Multiplier: exact significand product; a product's alignment exponent is
  // ea + eb of its unnormalized significand (in [1, 4) for normal operands).
  int productSigBits = 0;
  int productFracBits = 0;   // fraction bits of the [1, 4) significand product
  int productExpMin = 0;     // alignment exponent of the smallest non-zero product
  int productExpMax = 0;     // alignment exponent of the largest product
  int productLsbExpMin = 0;  // weight of the lowest product bit that can be set
  int productExponentBits = 0;  // a product's exponents, from its lowest bit's weight to its alignment exponent
  int exponentBits = 0;      // signed width of every exponent inside the datapath (products, terms, accumulator)
  int exponentArithmeticBits = 0;  // the rounders' exponent arithmetic, with its shift budgets (the RTL's EXP_W)

  // Aligner: each term keeps alignFractionBits below the largest term's exponent.
  bool exactAlignment = true;
  int alignFractionBits = 0;  // F (exact alignment: what exactness needs)
  int alignIntegerBits = 0;   // bits at and above the reference exponent, incl. sign
  int alignWindowBits = 0;    // width of one aligned two's complement term
  int alignShiftMax = 0;      // beyond this shift a term is entirely below the window

  // Adder: all terms of one step summed exactly.
  int adderTerms = 0;
  int adderBits = 0;

  // Normalizer/rounder (Float): leading-zero count over the adder result, then
  // rounding to outputFractionBits within the accumulator format's exponent range.
  int outputFractionBits = 0;
  Format roundingFormat;  // the accumulator format with outputFractionBits mantissa bits
  // The exact-sum window of each float rounder (the sum, then the bits rounding reads,
  // as windowFits in format/Arith.hpp requires): the normalizer's (0 without a float
  // accumulator), a cma's product rounder's and the promotion add's (0 without them).
  int normalizeWindowBits = 0;
  int sumLsbMin = 0;  // the lowest weight of a non-zero sum's bit 0 (float accumulators)
  int productRoundWindowBits = 0;
  int promotionWindowBits = 0;

  // Promotion: steps between promotions (interval / lanes; 0: none), and the format
  // of the unit's final result (the promotion format, else the accumulator's).
  int promotionSteps = 0;
  Format resultFormat;

  // Accumulator register.
  int accumulatorBits = 0;
  int accumulatorFracBits = 0;  // Integer/Fixed: weight 2^-n of the lowest bit

  // Pipeline and feedback.
  int latency = 0;          // cycles from operands in to the step's result in the accumulator
  int feedbackLatency = 0;  // L: cycles around the accumulate loop
  int reductionLatency = 0;  // cycles of one final p0 + pj reduction (pj must pass the units before the loop)
  int partialAccumulators = 1;
  int initiationInterval = 1;
};

// Derives the spec, or returns nullopt with `error` naming the field (as a JSON path
// such as /datapath/alignment/fraction_bits), the bad value and what is allowed.
std::optional<DatapathSpec> deriveDatapathSpec(const DatapathParams& params, std::string& error);

}  // namespace fmasim
