#include "Stimulus.hpp"

#include <algorithm>
#include <random>

#include "datapath/Units.hpp"
#include "format/Decode.hpp"
#include "format/Round.hpp"

namespace fmasim {
namespace {

std::vector<std::uint64_t> floatCorners(const Format& f) {
  const std::uint64_t m = f.manBits;
  std::vector<std::uint64_t> magnitudes{0,
                                        1,
                                        f.mantMask(),
                                        static_cast<std::uint64_t>(f.minNormalField) << m,
                                        static_cast<std::uint64_t>(f.bias) << m,
                                        floatMaxFiniteMagnitude(f),
                                        floatMaxFiniteMagnitude(f) - 1};
  if (f.hasInf) magnitudes.push_back(floatInfinityCode(f, false));
  if (f.hasNaN()) magnitudes.push_back(nanCode(f, false, 0));
  if (f.nan == NanStyle::Ieee && f.manBits > 1) {
    magnitudes.push_back(nanCode(f, false, ~std::uint64_t{0}));                           // quiet, full payload
    magnitudes.push_back((static_cast<std::uint64_t>(f.maxField + 1) << m) | 1);          // signaling
    magnitudes.push_back((static_cast<std::uint64_t>(f.maxField + 1) << m) | (f.mantMask() >> 1));  // signaling, payload
  }
  std::vector<std::uint64_t> codes;
  for (std::uint64_t mag : magnitudes) {
    codes.push_back(mag);
    if (f.isSigned) codes.push_back(mag | f.signBit());
  }
  return codes;
}

std::vector<std::uint64_t> integerCorners(const Format& f) {
  const auto code = [&](std::int64_t v) { return static_cast<std::uint64_t>(v) & f.codeMask(); };
  return {code(0), code(1), code(-1), code(f.maxInt), code(f.minInt), code(f.minInt + 1), code(f.maxInt - 1)};
}

template <class Code>
void addUnique(std::vector<Code>& codes, Code c) {
  if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
}

// A random finite accumulator code whose value lies in [2^(lo), 2^(hi+1)).
std::uint64_t randomFloatState(const Format& f, int lo, int hi, std::mt19937_64& rng) {
  const int emin = std::max(lo, f.emin), emax = std::min(hi, f.emax);
  const int e = emin + static_cast<int>(rng() % static_cast<std::uint64_t>(std::max(emax - emin + 1, 1)));
  const std::uint64_t field = static_cast<std::uint64_t>(e + f.bias);
  return (rng() & 1 ? f.signBit() : 0) | (field << f.manBits) | (rng() & f.mantMask());
}

}  // namespace

std::vector<std::uint64_t> cornerCodes(const Format& f) { return f.isFloat() ? floatCorners(f) : integerCorners(f); }

std::vector<u128> accumulatorStates(const DatapathSpec& spec, int count, std::uint64_t seed) {
  std::vector<u128> states;
  std::mt19937_64 rng(seed);
  const Format& acc = spec.params.accumulator;
  if (spec.params.accumulatorKind == AccumulatorKind::Float) {
    for (std::uint64_t c : cornerCodes(acc)) addUnique<u128>(states, c);
    // Products lie in [2^productExpMin, 2^(productExpMax + 2)): states around them
    // round the product's low bits away, cancel it, or absorb it.
    const int lo = spec.productLsbExpMin, hi = spec.productExpMax + acc.manBits + 2;
    while (static_cast<int>(states.size()) < count) addUnique<u128>(states, randomFloatState(acc, lo, hi, rng));
    return states;
  }
  // Two's complement, accumulatorBits wide, in units of 2^-accumulatorFracBits.
  const int bits = spec.accumulatorBits;
  const u128 mask = bits >= 128 ? ~u128{0} : (u128{1} << bits) - 1;
  const i128 max = static_cast<i128>((u128{1} << (bits - 1)) - 1), min = -max - 1;
  const auto code = [&](i128 v) { return static_cast<u128>(v) & mask; };
  // The largest product magnitude among the operands' corners, at the accumulator's weight.
  i128 maxProduct = 0;
  for (std::uint64_t a : cornerCodes(spec.params.a))
    for (std::uint64_t b : cornerCodes(spec.params.b)) {
      const Decoded da = decode(spec.params.a, a), db = decode(spec.params.b, b);
      if (da.cls != ValueClass::Finite || db.cls != ValueClass::Finite) continue;
      const int shift = da.exp + db.exp + spec.accumulatorFracBits;  // >= 0: rtl-params takes exact products only
      maxProduct = std::max(maxProduct, static_cast<i128>(static_cast<u128>(da.sig) * db.sig) << shift);
    }
  for (i128 v : {i128{0}, i128{1}, i128{-1}, max, min, min + 1, max - 1, max - maxProduct + 1, min + maxProduct - 1})
    addUnique(states, code(v));
  while (static_cast<int>(states.size()) < count) {
    const int length = static_cast<int>(rng() % static_cast<std::uint64_t>(bits));
    const u128 magnitude = ((static_cast<u128>(rng()) << 64) | rng()) & ((u128{1} << length) - 1);
    addUnique(states, code(rng() & 1 ? -static_cast<i128>(magnitude) : static_cast<i128>(magnitude)));
  }
  return states;
}

}  // namespace fmasim
