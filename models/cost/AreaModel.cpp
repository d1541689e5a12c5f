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
int specialPathBits(const DatapathSpec& s) {
  const DatapathParams& p = s.params;
  if (p.accumulatorKind != AccumulatorKind::Float) return 1;
  return 7 + std::min(nanPayloadBits(p.accumulator), std::max(nanPayloadBits(p.a), nanPayloadBits(p.b)));
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

UnitArea multiplier(const DatapathSpec& s, const Architecture& arch) {
  const DatapathParams& p = s.params;
  PartList u(Unit::Multiplier);
  const int lanes = p.lanes;
  const int aBits = significandFractionBits(p.a) + 1, bBits = significandFractionBits(p.b) + 1;
  u.add("significand multiplier", significandMultiplier(aBits, bBits, arch), lanes);
  if (p.a.isFloat() || p.b.isFloat()) {
    u.add("exponent adder", carryPropagateAdder(s.exponentBits, arch.adder), lanes);
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
    // Rounding the product into its format: a one-bit normalization, the rounding
    // increment and the exponent's carry.
    u.add("product rounding",
          multiplexer(2, s.productSigBits) + incrementer(s.productSigBits) + incrementer(s.exponentBits), lanes);
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
  return specialPathBits(s) + (floatAcc ? 1 : 0) + (addend ? s.accumulatorBits : 0);
}

UnitArea aligner(const DatapathSpec& s, const Architecture& arch) {
  const DatapathParams& p = s.params;
  PartList u(Unit::Aligner);
  const int terms = s.adderTerms;
  const bool floatProducts = p.a.isFloat() || p.b.isFloat();
  int termBits = s.alignWindowBits;
  if (p.accumulatorKind != AccumulatorKind::Float) {
    // All integer products share one exponent; float products shift into the
    // fixed-point accumulator's position. The multiplier's product is a magnitude
    // and a sign: it enters the accumulator in two's complement.
    if (floatProducts) u.add("shifter", shifter(s.alignWindowBits, s.alignShiftMax), terms);
    u.add("negate", conditionalNegate(s.alignWindowBits), terms);
  } else if (s.exactAlignment && p.lanes == 1) {
    // One product stays put (the addend is aligned to it in the normalizer): only its
    // sign is applied, and its register holds the signed product (the window's upper
    // bits are copies of its sign).
    termBits = s.productSigBits + 1;
    u.add("negate", conditionalNegate(termBits));
  } else {
    u.add("reference exponent", maxSelect(terms, s.exponentBits, arch.adder));
    u.add("shift amounts", carryPropagateAdder(s.exponentBits, arch.adder), terms);
    u.add("shifters", shifter(s.alignWindowBits, s.alignShiftMax), terms);
    u.add("negate", conditionalNegate(s.alignWindowBits), terms);
    if (p.termRounding == TermRounding::NearestEven)
      u.add("term rounding", orReduce(s.productSigBits) + incrementer(s.alignWindowBits), terms);
  }
  u.add("pipeline registers", registerBits(terms * termBits + s.exponentBits + carriedBits(s)),
        stages(s, Unit::Aligner));
  return u.take();
}

UnitArea adder(const DatapathSpec& s, const Architecture& arch) {
  PartList u(Unit::Adder);
  const int terms = adderTermCount(s);
  u.add("carry-save tree", carrySaveTree(terms, s.adderBits));
  if (terms >= 2) u.add("carry-propagate adder", carryPropagateAdder(s.adderBits, arch.adder));
  u.add("pipeline registers", registerBits(s.adderBits + s.exponentBits + carriedBits(s)), stages(s, Unit::Adder));
  return u.take();
}

UnitArea normalizer(const DatapathSpec& s, const Architecture& arch) {
  const DatapathParams& p = s.params;
  PartList u(Unit::Normalizer);
  if (p.accumulatorKind != AccumulatorKind::Float) return u.take();
  const int w = s.adderBits;
  if (addendJoinsInNormalizer(s)) {
    // The accumulator meets the adder's sum here: its decode, alignment and add.
    u.add("addend decode", operandDecode(p.accumulator));
    u.add("addend alignment", maxSelect(2, s.exponentBits, arch.adder) + shifter(w, w));
    u.add("addend adder", carryPropagateAdder(w, arch.adder));
  }
  u.add("absolute value", conditionalNegate(w) + incrementer(w));
  u.add("leading-zero counter", leadingZeroCounter(w));
  u.add("normalization shifter", shifter(w, s.normalizeShiftMax));
  u.add("sticky", orReduce(w - s.outputFractionBits - 2));
  u.add("rounding incrementer", incrementer(s.outputFractionBits + 1));
  if (p.outputRounding.mode == Rounding::Stochastic)
    u.add("stochastic source", registerBits(32) + cells(Cell::Xor2, 3) +
                                   carryPropagateAdder(p.outputRounding.randomBits, arch.adder));
  u.add("exponent update", carryPropagateAdder(s.exponentBits, arch.adder) + incrementer(s.exponentBits));
  u.add("overflow and underflow", 2.0 * magnitudeComparator(s.exponentBits, arch.adder));
  u.add("special values", multiplexer(3, s.accumulatorBits) + cells(Cell::And2, 4 * kFlagBits));
  u.add("pipeline registers", registerBits(s.accumulatorBits + kFlagBits), stages(s, Unit::Normalizer));
  return u.take();
}

UnitArea accumulator(const DatapathSpec& s, const Architecture& arch) {
  const DatapathParams& p = s.params;
  PartList u(Unit::Accumulator);
  u.add("accumulator registers", registerBits(s.accumulatorBits * s.partialAccumulators + kFlagBits));
  if (s.partialAccumulators > 1) u.add("partial select", multiplexer(s.partialAccumulators, s.accumulatorBits));
  if (p.accumulatorKind != AccumulatorKind::Float) {
    u.add("accumulate adder", carryPropagateAdder(s.accumulatorBits, arch.adder));
    if (p.integerOverflow == IntegerOverflow::Saturate)
      u.add("saturation", multiplexer(2, s.accumulatorBits) + cells(Cell::Xor2, 2));
  }
  if (s.promotionSteps > 0) {
    // A float adder of the promotion format beside the unit (DeepSeek-V3's FP32
    // accumulation on the CUDA cores): swap, align, add, normalize, round, register.
    const Format& f = s.resultFormat;
    const int prec = f.manBits + 1, w = prec + 3, e = f.expBits + 2;
    u.add("promotion adder", magnitudeComparator(e, arch.adder) + multiplexer(2, 2 * prec) + shifter(w, w) +
                                 carryPropagateAdder(w, arch.adder) + leadingZeroCounter(w) + shifter(w, w) +
                                 incrementer(prec + 1) + carryPropagateAdder(e, arch.adder) + registerBits(f.bits));
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
