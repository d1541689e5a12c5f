#include "IntegerMacStep.hpp"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <limits>

#include "format/Decode.hpp"

namespace fmasim {
namespace {

// Bits of the largest magnitude in the table (the sign not counted).
int magnitudeBits(const std::array<IntegerMacStep::Operand, 256>& table) {
  std::uint64_t m = 0;
  for (const auto& x : table) m = std::max(m, static_cast<std::uint64_t>(std::llabs(x.value)));
  return static_cast<int>(std::bit_width(m));
}

// The lowest exponent of a finite code of f (the unit its table counts in).
std::int32_t minExponent(const std::array<Decoded, 256>& codes) {
  std::int32_t e = std::numeric_limits<std::int32_t>::max();
  for (const Decoded& d : codes)
    if (d.cls == ValueClass::Finite) e = std::min(e, d.exp);
  return e == std::numeric_limits<std::int32_t>::max() ? 0 : e;
}

// One table entry: the value in units of 2^minExp, or false when it needs more than 62 bits.
bool fillEntry(const Decoded& d, std::int32_t minExp, IntegerMacStep::Operand& entry) {
  entry.invalid = d.cls == ValueClass::Infinity || d.cls == ValueClass::NaN;
  if (d.cls != ValueClass::Finite) return true;
  const int up = d.exp - minExp;
  if (std::bit_width(d.sig) + up > 62) return false;
  const auto magnitude = static_cast<std::int64_t>(d.sig << up);
  entry.value = d.sign ? -magnitude : magnitude;
  return true;
}

}  // namespace

std::optional<IntegerMacStep> IntegerMacStep::make(const DatapathSpec& spec) {
  const DatapathParams& p = spec.params;
  if (p.accumulatorKind == AccumulatorKind::Float || p.kind == DatapathKind::Cma) return std::nullopt;
  if (p.a.bits > 8 || p.b.bits > 8 || spec.accumulatorBits > 62) return std::nullopt;
  std::array<Decoded, 256> da{}, db{};
  for (std::uint64_t code = 0; code < 256; ++code) {  // as Decoder reads them: the format's low bits
    da[code] = decode(p.a, code & p.a.codeMask());
    db[code] = decode(p.b, code & p.b.codeMask());
  }
  const std::int32_t minA = minExponent(da), minB = minExponent(db);
  // Every product bit must land at or above the accumulator's lsb (nothing cut).
  const int shift = minA + minB + spec.accumulatorFracBits;
  if (shift < 0 || shift > 62) return std::nullopt;
  IntegerMacStep s;
  for (std::size_t code = 0; code < 256; ++code)
    if (!fillEntry(da[code], minA, s.a_[code]) || !fillEntry(db[code], minB, s.b_[code])) return std::nullopt;
  // The step's sum, shifted to the accumulator's lsb, plus the accumulator: within int64.
  const int laneBits = std::bit_width(static_cast<unsigned>(p.lanes - 1));
  if (magnitudeBits(s.a_) + magnitudeBits(s.b_) + laneBits + shift > 61) return std::nullopt;
  const int w = spec.accumulatorBits;
  s.lanes_ = p.lanes;
  s.shift_ = shift;
  s.max_ = (std::int64_t{1} << (w - 1)) - 1;
  s.min_ = -s.max_ - 1;
  s.mask_ = (std::uint64_t{1} << w) - 1;
  s.signBit_ = std::uint64_t{1} << (w - 1);
  s.saturate_ = p.integerOverflow == IntegerOverflow::Saturate;
  return s;
}

}  // namespace fmasim
