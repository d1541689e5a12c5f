#include "DatapathSpec.hpp"

#include <algorithm>
#include <bit>
#include <cstdlib>

namespace fmasim {
namespace {

// The widest two's complement value the functional units hold in one register.
constexpr int kMaxAdderBits = 126;  // sign + 125 magnitude bits: exactSum's 128-bit window
constexpr int kMaxFixedBits = 116;  // leaves the adder tree room for 1024 lanes
constexpr int kMaxStages = 8;
constexpr int kMaxLanes = 1024;

bool fail(std::string& error, const std::string& path, const std::string& message) {
  error = path + ": " + message;
  return false;
}

int sigFracBits(const Format& f) { return significandFractionBits(f); }
int alignExpMin(const Format& f) { return f.isFloat() ? f.emin : f.bits - 1 - f.fracBits; }
int alignExpMax(const Format& f) { return f.isFloat() ? f.emax : f.bits - 1 - f.fracBits; }

int ceilLog2(int n) { return n <= 1 ? 0 : std::bit_width(static_cast<unsigned>(n - 1)); }

int precisionBits(const Format& f) { return f.isFloat() ? f.manBits + 1 : f.bits; }

bool deriveMultiplier(const DatapathParams& p, DatapathSpec& s, std::string& error) {
  if (p.kind == DatapathKind::Cma) {
    if (!p.productFormat) return fail(error, "/datapath/product/format", "a cma datapath needs the product's format");
    const Format& f = *p.productFormat;
    if (!f.isFloat()) return fail(error, "/datapath/product/format", "the product format must be a float format");
    s.productSigBits = f.manBits + 1;
    s.productFracBits = f.manBits;
    s.productExpMin = f.emin;
    s.productExpMax = f.emax;
    s.productLsbExpMin = f.emin - f.manBits;
    return true;
  }
  s.productSigBits = sigFracBits(p.a) + 1 + sigFracBits(p.b) + 1;
  s.productFracBits = sigFracBits(p.a) + sigFracBits(p.b);
  s.productExpMin = alignExpMin(p.a) + alignExpMin(p.b);
  s.productExpMax = alignExpMax(p.a) + alignExpMax(p.b);
  s.productLsbExpMin = s.productExpMin - s.productFracBits;
  return true;
}

bool deriveAligner(const DatapathParams& p, DatapathSpec& s, std::string& error) {
  const bool fusedAddend = p.addend == AddendPath::Fused && p.accumulatorKind == AccumulatorKind::Float;
  s.adderTerms = p.lanes + (fusedAddend ? 1 : 0);
  s.exactAlignment = !p.alignFractionBits.has_value();
  if (p.zeroAddendExponent && !(fusedAddend && p.alignFractionBits))
    return fail(error, "/datapath/alignment/zero_addend_exponent",
                "only a fused addend in a finite window (fraction_bits, a float accumulator) has a reference to join");
  if (p.accumulatorKind != AccumulatorKind::Float) {
    // Products are shifted straight to the accumulator's binary point (Kulisch).
    if (p.alignFractionBits)
      return fail(error, "/datapath/alignment/fraction_bits",
                  "integer and fixed-point accumulators align to their own fraction bits; remove fraction_bits");
    s.exactAlignment = s.accumulatorFracBits >= -s.productLsbExpMin;
    s.alignFractionBits = s.accumulatorFracBits;
    s.alignIntegerBits = s.accumulatorBits - s.accumulatorFracBits;
    // A term holds the largest product at the binary point, with its sign, even where
    // the accumulator is narrower: the overflow is the accumulator's to detect.
    const int termBits = s.productExpMax - s.productFracBits + s.productSigBits + s.accumulatorFracBits + 1;
    s.alignWindowBits = std::max(s.accumulatorBits, termBits);
    s.alignShiftMax = s.productExpMax - s.productExpMin;
    s.adderBits = s.alignWindowBits + ceilLog2(s.adderTerms);
  } else if (!s.exactAlignment) {
    const int f = *p.alignFractionBits;
    if (p.zeroAddendExponent && (*p.zeroAddendExponent < -16382 || *p.zeroAddendExponent > 16383))
      return fail(error, "/datapath/alignment/zero_addend_exponent",
                  "must be -16382..16383, got " + std::to_string(*p.zeroAddendExponent));
    if (f < 0 || f > 120) return fail(error, "/datapath/alignment/fraction_bits", "must be 0..120, got " + std::to_string(f));
    s.alignFractionBits = f;
    // A product's significand is below 4, plus the sign; a term rounded to nearest can
    // reach 4 itself.
    s.alignIntegerBits = p.termRounding == TermRounding::NearestEven ? 4 : 3;
    s.alignWindowBits = f + s.alignIntegerBits;
    s.alignShiftMax = f + 2;  // a term further below the reference is entirely cut off (or rounds to 0 or 1)
    s.adderBits = s.alignWindowBits + ceilLog2(s.adderTerms);
  } else if (p.lanes == 1) {
    // One product needs no common window: it stays as it is, a signed significand
    // product. The accumulator meets it in the normalizer's window. Interleaved
    // partials are reduced as terms here: then a term holds an accumulator significand.
    const int termSigBits = std::max(s.productSigBits, p.hazard == FeedbackHazard::Interleave ? precisionBits(p.accumulator) : 0);
    s.alignFractionBits = s.productFracBits;
    s.alignIntegerBits = s.productSigBits - s.productFracBits + 1;
    s.alignWindowBits = termSigBits + 1;
    s.alignShiftMax = 0;
    s.adderBits = s.alignWindowBits;
  } else {
    // Exact alignment of several products: a fixed window over the whole product
    // range (Kulisch), so no product bit is ever shifted out.
    s.alignFractionBits = -s.productLsbExpMin;
    s.alignIntegerBits = s.productExpMax + 3;
    s.alignWindowBits = s.productExpMax + 3 - s.productLsbExpMin;
    s.alignShiftMax = s.productExpMax - s.productExpMin;
    s.adderBits = s.alignWindowBits + ceilLog2(p.lanes);
    if (s.adderBits > kMaxAdderBits)
      return fail(error, "/datapath/alignment/fraction_bits",
                  "exact alignment of " + std::to_string(p.lanes) + " products of " + p.a.name + " x " + p.b.name +
                      " needs a " + std::to_string(s.adderBits) + "-bit adder; at most " +
                      std::to_string(kMaxAdderBits) + " are supported: set fraction_bits");
  }
  if (s.adderBits > kMaxAdderBits)
    return fail(error, "/datapath/alignment/fraction_bits",
                "the adder would need " + std::to_string(s.adderBits) + " bits; at most " +
                    std::to_string(kMaxAdderBits) + " are supported");
  return true;
}

// The accumulator format with only `fractionBits` mantissa bits kept, same exponent
// range: what the rounder rounds to before the result is stored.
Format reducedPrecision(const Format& f, int fractionBits) {
  Format r = f;
  r.manBits = fractionBits;
  r.maxFiniteMant = f.maxFiniteMant >> (f.manBits - fractionBits);
  r.bits = f.bits - (f.manBits - fractionBits);
  r.name = f.name + "_p" + std::to_string(fractionBits);
  return r;
}

bool deriveAccumulator(const DatapathParams& p, DatapathSpec& s, std::string& error) {
  switch (p.accumulatorKind) {
    case AccumulatorKind::Float: {
      const Format& acc = p.accumulator;
      if (!acc.isFloat()) return fail(error, "/datapath/accumulator/format", "expected a float format");
      const int pBits = p.outputFractionBits.value_or(acc.manBits);
      const int minBits = acc.nan == NanStyle::Ieee ? 1 : 0;
      if (pBits < minBits || pBits > acc.manBits)
        return fail(error, "/datapath/accumulator/precision_bits",
                    "must be " + std::to_string(minBits) + ".." + std::to_string(acc.manBits) + " for " + acc.name +
                        ", got " + std::to_string(pBits));
      s.outputFractionBits = pBits;
      s.roundingFormat = reducedPrecision(acc, pBits);
      s.accumulatorBits = acc.bits;
      if (p.nanResult == NanResult::Canonical && acc.nan != NanStyle::Ieee)
        return fail(error, "/datapath/accumulator/nan",
                    "\"canonical\" needs an IEEE-style accumulator format (with infinities and NaNs); " + acc.name +
                        " has none");
      if (p.overflowToInfinity && !acc.hasInf)
        return fail(error, "/datapath/accumulator/overflow",
                    "\"infinity\" needs an accumulator format with infinities; " + acc.name + " has none");
      return true;
    }
    case AccumulatorKind::Integer: {
      const Format& acc = p.accumulator;
      if (acc.isFloat()) return fail(error, "/datapath/accumulator/format", "expected an integer format");
      if (p.a.isFloat() || p.b.isFloat())
        return fail(error, "/datapath/accumulator/format",
                    "an integer accumulator needs integer or fixed-point operands; use \"fixed\" for floats");
      if (p.a.fracBits + p.b.fracBits != acc.fracBits)
        return fail(error, "/datapath/accumulator/format",
                    "products of " + p.a.name + " x " + p.b.name + " have " + std::to_string(p.a.fracBits + p.b.fracBits) +
                        " fraction bits but " + acc.name + " has " + std::to_string(acc.fracBits));
      s.accumulatorBits = acc.bits;
      s.accumulatorFracBits = acc.fracBits;
      return true;
    }
    case AccumulatorKind::Fixed: {
      const int exactFrac = -s.productLsbExpMin;
      const int frac = p.fixedFractionBits.value_or(exactFrac);
      // Integer bits: the largest product (below 2^(productExpMax + 2)), headroom, sign.
      const int exactWidth = s.productExpMax + 2 + p.headroomBits + 1 + frac;
      const int width = p.fixedWidth.value_or(exactWidth);
      if (p.headroomBits < 0 || p.headroomBits > 64)
        return fail(error, "/datapath/accumulator/headroom_bits", "must be 0..64, got " + std::to_string(p.headroomBits));
      if (frac < -64 || frac > 126)
        return fail(error, "/datapath/accumulator/fraction_bits", "must be -64..126, got " + std::to_string(frac));
      if (width < 2 || width > kMaxFixedBits)
        return fail(error, p.fixedWidth ? "/datapath/accumulator/width" : "/datapath/accumulator",
                    "a fixed-point accumulator of " + std::to_string(width) + " bits" +
                        (p.fixedWidth ? "" : " (exact for " + p.a.name + " x " + p.b.name + ")") +
                        " is not supported; allowed: 2.." + std::to_string(kMaxFixedBits) + " bits");
      const int treeBits = s.productExpMax + 3 + frac + ceilLog2(p.lanes);
      if (treeBits > kMaxAdderBits)
        return fail(error, "/datapath/accumulator/fraction_bits",
                    "the sum of " + std::to_string(p.lanes) + " products of " + p.a.name + " x " + p.b.name +
                        " aligned to " + std::to_string(frac) + " fraction bits needs " + std::to_string(treeBits) +
                        " bits; at most " +
                        std::to_string(kMaxAdderBits) + " are supported");
      s.accumulatorBits = width;
      s.accumulatorFracBits = frac;
      return true;
    }
  }
  return true;
}

bool derivePromotion(const DatapathParams& p, DatapathSpec& s, std::string& error) {
  s.resultFormat = p.accumulator;
  if (!p.promotion) return true;
  const PromotionParams& pr = *p.promotion;
  if (p.accumulatorKind != AccumulatorKind::Float)
    return fail(error, "/datapath/promotion", "only a float accumulator is promoted");
  if (!pr.format.isFloat()) return fail(error, "/datapath/promotion/format", "must be a float format");
  if (pr.interval < p.lanes || pr.interval % p.lanes != 0)
    return fail(error, "/datapath/promotion/interval",
                "must be a positive multiple of lanes (" + std::to_string(p.lanes) + "), got " +
                    std::to_string(pr.interval));
  if (pr.rounding.mode == Rounding::Stochastic)
    return fail(error, "/datapath/promotion/rounding", "allowed: rne, rtz, rup, rdn, rna");
  if (s.partialAccumulators != 1)
    return fail(error, "/datapath/feedback",
                "promotion drains one accumulator; use \"stall\" (interleaving keeps " +
                    std::to_string(s.partialAccumulators) + " partials)");
  s.promotionSteps = pr.interval / p.lanes;
  s.resultFormat = pr.format;
  return true;
}

// A rounder's window: the wider of its terms (a sum of sumBits, an addend of addendBits
// significand bits), two bits above it and one for the jam; and the bits rounding reads
// below the leading one, with a guard bit.
int rounderWindowBits(int sumBits, int addendBits, const Format& out, const RoundingMode& rm) {
  return std::max(std::max(sumBits, addendBits) + 3, roundingBits(out, rm) + 4);
}

void deriveRounderWindows(const DatapathParams& p, DatapathSpec& s) {
  if (p.accumulatorKind == AccumulatorKind::Float) {
    s.normalizeWindowBits = rounderWindowBits(s.adderBits, precisionBits(p.accumulator), s.roundingFormat,
                                              p.outputRounding);
    // A product's lowest bit or a reduction's partial; in a window, the lowest
    // reference (a product's or the accumulator's exponent) less the fraction bits.
    const int accLowest = p.accumulator.emin - p.accumulator.manBits;
    s.sumLsbMin = s.exactAlignment
                      ? std::min(s.productLsbExpMin, accLowest)
                      : std::min(s.productLsbExpMin + s.productFracBits, p.accumulator.emin) - s.alignFractionBits;
  }
  if (p.kind == DatapathKind::Cma) {
    // The exact product, unsigned significands multiplied, alone.
    const int exactBits = sigFracBits(p.a) + 1 + sigFracBits(p.b) + 1;
    s.productRoundWindowBits = rounderWindowBits(exactBits, 0, *p.productFormat, p.productRounding);
  }
  if (p.promotion)  // the unit's word as a signed sum, the promoted register as the addend
    s.promotionWindowBits = rounderWindowBits(precisionBits(p.accumulator) + 1, precisionBits(s.resultFormat),
                                              s.resultFormat, p.promotion->rounding);
}

// The lowest weight an exact product reaches (a cma rounds it into the product
// format, whose lowest weight productLsbExpMin is then).
int exactProductLsbMagnitude(const DatapathParams& p) {
  const auto lowest = [](const Format& f) { return f.isFloat() ? std::abs(f.emin - f.manBits) : f.fracBits; };
  return lowest(p.a) + lowest(p.b);
}

// Two's complement bits that hold every integer in [lo, hi].
int signedBits(int lo, int hi) {
  int bits = 1;
  while (lo < -(1 << (bits - 1)) || hi > (1 << (bits - 1)) - 1) ++bits;
  return bits;
}

// Exponents range from the lowest product (or accumulator) bit to two above the
// largest product or accumulator value (the carries of the [1, 4) product and of the sum).
void deriveExponentBits(const DatapathParams& p, DatapathSpec& s) {
  s.productExponentBits = signedBits(s.productLsbExpMin, s.productExpMax);
  int lo = s.productLsbExpMin, hi = s.productExpMax + 2;
  if (p.accumulatorKind == AccumulatorKind::Float) {
    lo = std::min(lo, p.accumulator.emin - p.accumulator.manBits);
    hi = std::max(hi, p.accumulator.emax + 2);
  }
  s.exponentBits = signedBits(lo, hi);
}

// Signed width of the exponent arithmetic: every weight a term, the sum, the window
// and the rounding position can take, with room for their differences (the rounders'
// shift budgets, distances between terms).
void deriveExponentArithmeticBits(const DatapathParams& p, DatapathSpec& s) {
  // A float's weights, from its lowest bit to its largest biased exponent.
  const auto floatRange = [](const Format& f) { return std::max(std::abs(f.emin - f.manBits), std::abs(f.emax) + f.bias); };
  // Integer and fixed point: a product's shift to the binary point, below accumulatorBits.
  // With promotion the promoted format's weights too (resultFormat is the accumulator's otherwise).
  const int accumulator = p.accumulatorKind == AccumulatorKind::Float
                              ? std::max(floatRange(p.accumulator), floatRange(s.resultFormat))
                              : s.accumulatorBits;
  const int window = std::max(s.normalizeWindowBits, s.promotionWindowBits);
  const int widest = std::max({std::abs(s.productLsbExpMin), std::abs(s.productExpMax), accumulator,
                               std::abs(p.zeroAddendExponent.value_or(0)), exactProductLsbMagnitude(p)}) +
                     4 * window;
  s.exponentArithmeticBits = std::bit_width(static_cast<unsigned>(widest)) + 2;
}

void derivePipeline(const DatapathParams& p, DatapathSpec& s) {
  int total = 0;
  for (int n : p.stages) total += n;
  s.latency = total + 1;  // plus the accumulator register
  const auto st = [&](Unit u) { return p.stages[static_cast<int>(u)]; };
  // The registers on the loop from the accumulator's output back to its input.
  int loop = 1 + st(Unit::Accumulator);
  if (p.accumulatorKind == AccumulatorKind::Float) {
    loop += st(Unit::Normalizer);
    if (p.addend == AddendPath::Fused) loop += st(Unit::Aligner) + st(Unit::Adder);
  }
  s.feedbackLatency = loop;
  // A reduction's partial pj enters as a term: with a separate addend it passes the
  // aligner and adder before it meets p0 in the normalizer.
  const bool separate = p.accumulatorKind == AccumulatorKind::Float && p.addend == AddendPath::Separate;
  s.reductionLatency = loop + (separate ? st(Unit::Aligner) + st(Unit::Adder) : 0);
  s.partialAccumulators = p.hazard == FeedbackHazard::Interleave ? loop : 1;
  s.initiationInterval = p.hazard == FeedbackHazard::Stall ? loop : 1;
}

}  // namespace

const char* unitName(Unit u) {
  switch (u) {
    case Unit::Multiplier: return "multiplier";
    case Unit::Aligner: return "aligner";
    case Unit::Adder: return "adder";
    case Unit::Normalizer: return "normalizer";
    case Unit::Accumulator: return "accumulator";
  }
  return "?";
}

std::optional<DatapathSpec> deriveDatapathSpec(const DatapathParams& params, std::string& error) {
  DatapathSpec s;
  s.params = params;
  const DatapathParams& p = s.params;
  if (p.lanes < 1 || p.lanes > kMaxLanes) {
    fail(error, "/datapath/lanes", "must be 1.." + std::to_string(kMaxLanes) + ", got " + std::to_string(p.lanes));
    return std::nullopt;
  }
  if (p.kind != DatapathKind::Dot && p.lanes != 1) {
    fail(error, "/datapath/lanes", "only a dot datapath has several lanes");
    return std::nullopt;
  }
  if (p.kind == DatapathKind::Fma && (p.alignFractionBits || p.accumulatorKind != AccumulatorKind::Float)) {
    fail(error, "/datapath", "an fma rounds once into a float format: no alignment.fraction_bits, a float accumulator");
    return std::nullopt;
  }
  for (int u = 0; u < kUnitCount; ++u) {
    if (p.stages[u] < 0 || p.stages[u] > kMaxStages) {
      fail(error, std::string("/datapath/pipeline/") + unitName(static_cast<Unit>(u)),
           "must be 0.." + std::to_string(kMaxStages) + ", got " + std::to_string(p.stages[u]));
      return std::nullopt;
    }
  }
  if (!deriveMultiplier(p, s, error) || !deriveAccumulator(p, s, error) || !deriveAligner(p, s, error))
    return std::nullopt;
  deriveExponentBits(p, s);
  derivePipeline(p, s);
  if (!derivePromotion(p, s, error)) return std::nullopt;
  deriveRounderWindows(p, s);
  deriveExponentArithmeticBits(p, s);
  return s;
}

}  // namespace fmasim
