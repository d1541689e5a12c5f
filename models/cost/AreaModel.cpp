#include "AreaModel.hpp"

#include <algorithm>

namespace fmasim {
namespace {

// Flags travel with the result: inexact, underflow, overflow, infinite, invalid.
constexpr int kFlagBits = 5;
// Payload bits of a NaN (below the quiet bit): only formats with IEEE NaNs have them.
int nanPayloadBits(const Format& f) { return f.isFloat() && f.nan == NanStyle::Ieee ? std::max(f.manBits - 1, 0) : 0; }

// What a step carries for the special path beside its value (registered with it in
// every stage up to the normalizer): with a float accumulator whether it is special,
// a NaN (its sign), a signaling NaN, inf * 0, infinite (its sign), and the first
// operand NaN's payload as far as the accumulator's mantissa keeps it (NaNs propagate
// their payload); with an integer one, only invalid.
// After the multiplier a final reduction's pj joins, with the accumulator's payload.
int specialPathBits(const DatapathSpec& s, bool afterMultiplier = false) {
  const DatapathParams& p = s.params;
  if (p.accumulatorKind != AccumulatorKind::Float) return 1;
  int payload = std::max(nanPayloadBits(p.a), nanPayloadBits(p.b));
  if (afterMultiplier && s.partialAccumulators > 1) payload = nanPayloadBits(p.accumulator);
  return 7 + std::min(nanPayloadBits(p.accumulator), payload);
}

int stages(const DatapathSpec& s, Unit u) { return s.params.stages[static_cast<int>(u)]; }

class PartList {
 public:
  explicit PartList(Unit u) { area_.unit = u; }
  void add(std::string name, const GateCount& g, double times = 1) {
    if (times > 0 && g.n != GateCount{}.n) area_.parts.push_back({std::move(name), times * g});
  }
  UnitArea take() { return std::move(area_); }

 private:
  UnitArea area_;
};

// Decoding a float operand: exponent field all zeros / all ones, mantissa zero.
GateCount operandDecode(const Format& f) {
  if (!f.isFloat()) return {};
  return orReduce(f.expBits) + orReduce(f.expBits) + orReduce(f.manBits);
}

// A leading-zero count and normalization shift in one (rtl/mac_normalizer.sv): per
// shift level a zero test of the top 2^k bits, a row of muxes and a compare of the
// count so far against the shift the exponent allows (at level k only the count's bits
// from k up are known: a compare of levels - k bits); then the exponent less the count.
GateCount normalizeShifter(int bits, int exponentBits, AdderArchitecture adder) {
  const int levels = ceilLog2(bits);
  GateCount g = shifter(bits, bits - 1) + cells(Cell::And2, (1 << levels) - 1);
  for (int k = 0; k < levels; ++k) g += magnitudeComparator(levels - k, adder);
  return g + carryPropagateAdder(levels + 1, adder) + incrementer(exponentBits - levels - 1);
}

// A right shift whose lost bits are ORed into the lowest bit.
GateCount jamShifter(int bits) { return shifter(bits, bits) + orReduce(bits); }

// One float rounder as rtl/mac_normalizer.sv builds it (the normalizer, a cma's product
// rounding, the promotion add): the exact sum of a signed sum and an optional addend in
// a window of `window` bits, then one normalization and rounding at a fixed bit.
struct Rounder {
  int sumBits = 0;
  int window = 0;
  const Format* addend = nullptr;  // joins here: decoded, aligned and added
  Format out;                      // the rounded format (its kept fraction bits)
  RoundingMode rounding;
  bool sumBelowWindow = false;  // the sum's lowest bit can lie below the window
  int exponentBits = 0;
  int resultBits = 0;  // the code written, with its special values
  bool canonicalNan = false;  // every NaN result is the canonical one
};

void addRounder(PartList& u, const Rounder& r, AdderArchitecture adder, const std::string& prefix = "") {
  const int w = r.window, e = r.exponentBits, p = r.out.manBits;
  u.add(prefix + "sum magnitude", negate(r.sumBits));
  if (r.sumBelowWindow) u.add(prefix + "sum right shift", jamShifter(w));
  if (r.addend) {
    // The sum's leading one to the window's top (its exponent at least emin); the
    // addend placed by its exponent; the smaller shifted right and added.
    u.add(prefix + "sum normalization", normalizeShifter(w, e, adder));
    u.add(prefix + "addend decode", operandDecode(*r.addend));
    u.add(prefix + "alignment", magnitudeComparator(e, adder) + carryPropagateAdder(e, adder) +
                                    multiplexer(2, 2 * w) + jamShifter(w));
    // big + or - small (the carry-in completes the negate), then the magnitude.
    u.add(prefix + "addend adder", conditionalNegate(w + 1) + carryPropagateAdder(w + 1, adder) + negate(w));
  }
  u.add(prefix + "normalization", normalizeShifter(w, e, adder));
  // Round, guard and sticky bits at fixed positions, the increment of p + 1 bits; the
  // stochastic carry of the random bits; after-rounding tininess rounds one bit lower.
  // Toward zero nothing rounds up: the bits below are only inexact.
  GateCount rounding = orReduce(w - p - 2);
  const bool roundsUp = r.rounding.mode != Rounding::TowardZero;
  if (roundsUp) rounding += incrementer(p + 1) + cells(Cell::And2, 4);
  const bool stochastic = r.rounding.mode == Rounding::Stochastic;
  if (stochastic) rounding += carryPropagateAdder(r.rounding.randomBits, adder);
  if (roundsUp && r.rounding.tininess == Tininess::AfterRounding) {
    rounding += orReduce(p + 1) + orReduce(w - p - 3) + cells(Cell::And2, 4);
    if (stochastic) rounding += carryPropagateAdder(r.rounding.randomBits, adder);
  }
  u.add(prefix + "rounding", rounding);
  u.add(prefix + "exponent update", carryPropagateAdder(e, adder) + incrementer(e));
  // Comparisons with constants (the largest exponent, the largest finite magnitude):
  // one gate per bit.
  u.add(prefix + "overflow and underflow", cells(Cell::And2, 2 * e + p + 1));
  // A NaN or infinity is mostly constant bits: a gate per result bit, a mux for the
  // NaN's sign and payload (none when every NaN is the canonical one); the flags.
  u.add(prefix + "special values", cells(Cell::And2, r.resultBits + 4 * kFlagBits) +
                                       multiplexer(2, r.canonicalNan ? 0 : 1 + nanPayloadBits(r.out)));
}

// The lowest weight of a float format's code.
int lowestWeight(const Format& f) { return f.isFloat() ? f.emin - f.manBits : -f.fracBits; }

// Whether a sum whose lowest bit weighs lsbMin can lie below a rounder's window into a
// format of smallest exponent emin (rtl/mac_normalizer.sv, X_RIGHT).
bool sumBelowWindow(int lsbMin, int emin, int window, bool addend) {
  return lsbMin < emin - (addend ? window - 3 : window - 1);
}

UnitArea multiplier(const DatapathSpec& s, const Architecture& arch) {
  const DatapathParams& p = s.params;
  PartList u(Unit::Multiplier);
  const int lanes = p.lanes;
  const int aBits = significandFractionBits(p.a) + 1, bBits = significandFractionBits(p.b) + 1;
  u.add("significand multiplier", significandMultiplier(aBits, bBits, arch), lanes);
  if (p.a.isFloat() || p.b.isFloat()) {
    u.add("exponent adder", carryPropagateAdder(s.productExponentBits, arch.adder), lanes);
    u.add("operand decode", operandDecode(p.a) + operandDecode(p.b), lanes);
    if (p.accumulatorKind == AccumulatorKind::Float) {
      // The special path's flags from the two operands' classes (non-finite, NaN,
      // signaling, inf * 0, infinite) and the choice of the first NaN's sign and payload.
      const int payload = std::max(nanPayloadBits(p.a), nanPayloadBits(p.b));
      u.add("special cases", cells(Cell::And2, 8) + multiplexer(2, 1 + payload), lanes);
    }
  }
  u.add("sign", cells(Cell::Xor2, 1), lanes);
  if (p.kind == DatapathKind::Cma) {
    // Rounding the exact product into its format: a rounder without an addend.
    Rounder r;
    r.sumBits = aBits + bBits + 1;
    r.window = s.productRoundWindowBits;
    r.out = *p.productFormat;
    r.rounding = p.productRounding;
    r.sumBelowWindow = sumBelowWindow(lowestWeight(p.a) + lowestWeight(p.b), r.out.emin, r.window, false);
    r.exponentBits = s.exponentArithmeticBits;
    r.resultBits = r.out.bits;
    addRounder(u, r, arch.adder, "product ");
  }
  u.add("pipeline registers", registerBits(lanes * (s.productSigBits + s.exponentBits + 1) + specialPathBits(s)),
        stages(s, Unit::Multiplier));
  return u.take();
}

// With exact alignment a float accumulator is not aligned with the products: it is
// added to their sum in the normalizer (docs/DATAPATH.md, unit 4), and the value read
// with the step travels there through the aligner's and adder's registers.
bool addendJoinsInNormalizer(const DatapathSpec& s) {
  return s.params.accumulatorKind == AccumulatorKind::Float &&
         (s.params.addend == AddendPath::Separate || s.exactAlignment);
}

// The terms the adder sums: the lanes' products, and a fused addend unless it
// joins in the normalizer.
int adderTermCount(const DatapathSpec& s) { return addendJoinsInNormalizer(s) ? s.params.lanes : s.adderTerms; }

// What the aligner's and adder's registers carry beside the terms and their exponent:
// the special path and, for a float accumulator, the sign of a zero sum and the
// accumulator read with the step when it joins in the normalizer.
int carriedBits(const DatapathSpec& s) {
  const bool floatAcc = s.params.accumulatorKind == AccumulatorKind::Float;
  const bool addend = addendJoinsInNormalizer(s) && s.params.addend == AddendPath::Fused;
  return specialPathBits(s, true) + (floatAcc ? 1 : 0) + (addend ? s.accumulatorBits : 0);
}

UnitArea aligner(const DatapathSpec& s, const Architecture& arch) {
  const DatapathParams& p = s.params;
  PartList u(Unit::Aligner);
  const int terms = adderTermCount(s);  // an addend joining in the normalizer is not aligned here
  const bool floatProducts = p.a.isFloat() || p.b.isFloat();
  int termBits = s.alignWindowBits;
  // The multiplier's product is a magnitude and a sign: each term enters the adder in
  // two's complement, negated with its own +1 (the RTL's `-x`).
  if (p.accumulatorKind != AccumulatorKind::Float) {
    // All integer products share one exponent; float products shift into the
    // fixed-point accumulator's position (the shift from their exponent, only as wide
    // as the shift range). An integer product is negated at its own width and
    // sign-extended.
    // The placed magnitude spans the product's bits and its shift range; above them the
    // term is the sign's extension.
    int placedBits = s.productSigBits + 1;
    if (floatProducts) {
      const int shiftBits = ceilLog2(s.alignShiftMax + 1);
      u.add("shift amounts", carryPropagateAdder(shiftBits, arch.adder), terms);
      u.add("shifter", placementShifter(s.productSigBits, s.alignWindowBits, s.alignShiftMax), terms);
      placedBits = std::min(s.alignWindowBits, s.productSigBits + s.alignShiftMax + 1);
    }
    u.add("negate", negate(placedBits), terms);
  } else if (s.exactAlignment && p.lanes == 1) {
    // One product stays put (the addend is aligned to it in the normalizer): only its
    // sign is applied; a zero product (the negate's prefix OR tells) takes the lowest
    // exponent, and the accumulator's all-ones exponent (infinity or NaN) is found here.
    // A final reduction's pj (interleaved partials) is the term instead: decoded, its
    // significand signed, selected.
    u.add("negate", negate(s.productSigBits + 1));
    u.add("zero product", cells(Cell::And2, 1 + s.exponentBits));  // the negate's prefix OR, one gate more
    u.add("accumulator not finite", orReduce(p.accumulator.expBits));
    if (s.partialAccumulators > 1)
      u.add("reduction term", operandDecode(p.accumulator) + negate(significandFractionBits(p.accumulator) + 2) +
                                  multiplexer(2, s.alignWindowBits));
  } else {
    u.add("reference exponent", maxSelect(terms, s.exponentBits, arch.adder));
    u.add("shift amounts", carryPropagateAdder(s.exponentBits, arch.adder), terms);
    u.add("shifters", shifter(s.alignWindowBits, s.alignShiftMax), terms);
    // The cut (rtl/mac_term_cut.sv): the shift clamped at the window, the mask of the
    // bits cut (a thermometer code of the shift), and their OR for inexact.
    u.add("cut", magnitudeComparator(s.exponentBits, arch.adder) +
                     multiplexer(2, ceilLog2(s.alignWindowBits + 1)) + cells(Cell::And2, 3 * s.alignWindowBits),
          terms);
    u.add("negate", negate(s.alignWindowBits), terms);
    if (p.termRounding == TermRounding::NearestEven)
      u.add("term rounding", orReduce(s.productSigBits) + incrementer(s.alignWindowBits), terms);
  }
  // Registered: each term (an integer product's sign extension is one flop's copies),
  // and a float step's exponent (integer and fixed-point terms sit at the binary point).
  if (p.accumulatorKind != AccumulatorKind::Float && !floatProducts) termBits = s.productSigBits + 1;
  const int exponent = p.accumulatorKind == AccumulatorKind::Float ? s.exponentBits : 0;
  u.add("pipeline registers", registerBits(terms * termBits + exponent + carriedBits(s)), stages(s, Unit::Aligner));
  return u.take();
}

UnitArea adder(const DatapathSpec& s, const Architecture& arch) {
  PartList u(Unit::Adder);
  const int terms = adderTermCount(s);
  // Each term is alignWindowBits wide, sign-extended; the tree's carries grow into the
  // adder's top bits, where only its last rows reach.
  u.add("carry-save tree", carrySaveTree(terms, s.alignWindowBits));
  if (terms >= 2) u.add("carry-propagate adder", carryPropagateAdder(s.adderBits, arch.adder));
  u.add("pipeline registers", registerBits(s.adderBits + s.exponentBits + carriedBits(s)), stages(s, Unit::Adder));
  return u.take();
}

UnitArea normalizer(const DatapathSpec& s, const Architecture& arch) {
  const DatapathParams& p = s.params;
  PartList u(Unit::Normalizer);
  if (p.accumulatorKind != AccumulatorKind::Float) {
    // Nothing to round: the stage's registers carry the sum and invalid to the accumulator.
    u.add("pipeline registers", registerBits(s.adderBits + 1), stages(s, Unit::Normalizer));
    return u.take();
  }
  const bool addend = addendJoinsInNormalizer(s);
  Rounder r;
  r.sumBits = s.adderBits;
  r.window = s.normalizeWindowBits;
  r.addend = addend ? &p.accumulator : nullptr;
  r.out = s.roundingFormat;
  r.rounding = p.outputRounding;
  r.sumBelowWindow = sumBelowWindow(s.sumLsbMin, p.accumulator.emin, r.window, addend);
  r.exponentBits = s.exponentArithmeticBits;
  r.resultBits = s.accumulatorBits;
  r.canonicalNan = p.nanResult == NanResult::Canonical;
  addRounder(u, r, arch.adder);
  if (p.outputRounding.mode == Rounding::Stochastic)
    u.add("stochastic source", registerBits(32) + cells(Cell::Xor2, 3));
  u.add("pipeline registers", registerBits(s.accumulatorBits + kFlagBits), stages(s, Unit::Normalizer));
  return u.take();
}

UnitArea accumulator(const DatapathSpec& s, const Architecture& arch) {
  const DatapathParams& p = s.params;
  PartList u(Unit::Accumulator);
  u.add("accumulator registers", registerBits(s.accumulatorBits * s.partialAccumulators + kFlagBits));
  // Starting a dot product from a given value (a bias, a previous tile's sum): the
  // load port's mux on each accumulator bit.
  u.add("load", multiplexer(2, s.accumulatorBits * s.partialAccumulators));
  // The loop's read of the step's partial and the final reduction's read of pj.
  if (s.partialAccumulators > 1)
    u.add("partial reads", multiplexer(s.partialAccumulators, s.accumulatorBits), 2);
  if (p.accumulatorKind != AccumulatorKind::Float) {
    u.add("accumulate adder", carryPropagateAdder(s.accumulatorBits, arch.adder));
    if (p.integerOverflow == IntegerOverflow::Saturate)
      u.add("saturation", multiplexer(2, s.accumulatorBits) + cells(Cell::Xor2, 2));
  }
  if (s.promotionSteps > 0) {
    // rtl/mac_promotion.sv: the word written (or loaded) decoded and added to the
    // promoted register by a rounder of the promotion format; the promoted register,
    // the result register and the count of writes.
    const Format& f = s.resultFormat;
    const int count = ceilLog2(s.promotionSteps + 1);
    PartList promotion(Unit::Accumulator);
    promotion.add("word", multiplexer(2, s.accumulatorBits) + operandDecode(p.accumulator));
    Rounder r;
    r.sumBits = p.accumulator.manBits + 2;
    r.window = s.promotionWindowBits;
    r.addend = &f;
    r.out = f;
    r.rounding = p.promotion->rounding;
    r.sumBelowWindow = sumBelowWindow(lowestWeight(p.accumulator), f.emin, r.window, true);
    r.exponentBits = s.exponentArithmeticBits;
    r.resultBits = f.bits;
    addRounder(promotion, r, arch.adder);
    promotion.add("registers", registerBits(2 * f.bits + kFlagBits + count) + incrementer(count) +
                                   multiplexer(2, s.accumulatorBits));
    // One part: the energy model charges its logic on promotion adds only.
    u.add("promotion adder", promotion.take().total());
  }
  u.add("pipeline registers", registerBits(s.accumulatorBits), stages(s, Unit::Accumulator));
  return u.take();
}

}  // namespace

GateCount UnitArea::total() const {
  GateCount g;
  for (const CostPart& part : parts) g += part.cells;
  return g;
}

std::array<UnitArea, kUnitCount> unitAreas(const DatapathSpec& spec, const Architecture& arch) {
  return {multiplier(spec, arch), aligner(spec, arch), adder(spec, arch), normalizer(spec, arch),
          accumulator(spec, arch)};
}

}  // namespace fmasim
