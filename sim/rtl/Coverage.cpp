#include "Coverage.hpp"

namespace fmasim {
namespace {

const char* const kClassNames[] = {"-inf", "-normal", "-subnormal", "-0", "+0", "+subnormal", "+normal", "+inf",
                                   "sNaN", "qNaN"};
const char* const kCaseNames[] = {"exact", "inexact", "rounded toward 0", "rounded away from 0", "tie (RNE != RNA)",
                                  "underflow", "overflow", "invalid"};

int classIndex(const Decoder& d, std::uint64_t code) { return static_cast<int>(classify(d.format(), code)); }

// A fixed-point accumulator's value as +0, -normal or +normal (the classes above).
int fixedClassIndex(u128 code, int bits) {
  if (code == 0) return 4;
  return (code >> (bits - 1)) & 1 ? 1 : 6;
}

std::string histogram(const char* label, const std::int64_t* counts, const char* const* names, int n) {
  std::string s = std::string("  ") + label + ":";
  for (int i = 0; i < n; ++i)
    if (counts[i] != 0) s += std::string(" ") + names[i] + " " + std::to_string(counts[i]) + ",";
  if (s.back() == ',') s.pop_back();
  return s + "\n";
}

}  // namespace

Coverage::Coverage(const DatapathSpec& spec) : spec_(spec), decodeA_(spec.params.a), decodeB_(spec.params.b) {
  const DatapathParams& p = spec.params;
  if (p.accumulatorKind != AccumulatorKind::Fixed) decodeAcc_.emplace(p.accumulator);
  // The format core's fma is the step only for one product aligned exactly.
  if (p.accumulatorKind != AccumulatorKind::Float || spec.outputFractionBits != p.accumulator.manBits ||
      p.lanes != 1 || !spec.exactAlignment || p.kind == DatapathKind::Cma)
    return;
  const auto op = [&](Rounding mode) {
    RoundingMode rm = p.outputRounding;
    rm.mode = mode;
    return FmaOp(p.a, p.b, p.accumulator, p.accumulator, rm);
  };
  towardZero_.emplace(op(Rounding::TowardZero));
  nearestEven_.emplace(op(Rounding::NearestEven));
  nearestAway_.emplace(op(Rounding::NearestAway));
}

void Coverage::add(const LaneCodes& a, const LaneCodes& b, u128 c, u128 result, std::uint8_t flags) {
  for (int i = 0; i < spec_.params.lanes; ++i) {
    ++a_[static_cast<std::size_t>(classIndex(decodeA_, a.get(i, spec_.params.a.bits)))];
    ++b_[static_cast<std::size_t>(classIndex(decodeB_, b.get(i, spec_.params.b.bits)))];
  }
  ++c_[static_cast<std::size_t>(decodeAcc_ ? classIndex(*decodeAcc_, static_cast<std::uint64_t>(c))
                                            : fixedClassIndex(c, spec_.accumulatorBits))];
  if (flags & flag::underflow) ++cases_[Underflow];
  if (flags & flag::overflow) ++cases_[Overflow];
  if (flags & flag::invalid) ++cases_[Invalid];
  if (!(flags & flag::inexact)) {
    ++cases_[Exact];
    return;
  }
  ++cases_[Inexact];
  if (!towardZero_) return;
  const std::uint64_t a0 = a.get(0, spec_.params.a.bits), b0 = b.get(0, spec_.params.b.bits);
  const auto code = static_cast<std::uint64_t>(c);
  ++cases_[(*towardZero_)(a0, b0, code).code == result ? TowardZero : AwayFromZero];
  if ((*nearestEven_)(a0, b0, code).code != (*nearestAway_)(a0, b0, code).code) ++cases_[Tie];
}

std::string Coverage::summary() const {
  std::string s = spec_.params.lanes > 1 ? "coverage (lanes for a and b, steps for the rest):\n" : "coverage (steps):\n";
  s += histogram("a", a_.data(), kClassNames, kClasses);
  s += histogram("b", b_.data(), kClassNames, kClasses);
  s += histogram("accumulator", c_.data(), kClassNames, kClasses);
  s += histogram("results", cases_.data(), kCaseNames, kCases);
  return s;
}

}  // namespace fmasim
