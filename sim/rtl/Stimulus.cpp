#include "Stimulus.hpp"

#include <algorithm>
#include <random>

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

void addUnique(std::vector<std::uint64_t>& codes, std::uint64_t c) {
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

std::vector<std::uint64_t> accumulatorStates(const DatapathSpec& spec, int count, std::uint64_t seed) {
  const Format& acc = spec.params.accumulator;
  std::vector<std::uint64_t> states;
  for (std::uint64_t c : cornerCodes(acc)) addUnique(states, c);
  std::mt19937_64 rng(seed);
  if (acc.isFloat()) {
    // Products lie in [2^productExpMin, 2^(productExpMax + 2)): states around them
    // round the product's low bits away, cancel it, or absorb it.
    const int lo = spec.productLsbExpMin, hi = spec.productExpMax + acc.manBits + 2;
    while (static_cast<int>(states.size()) < count) addUnique(states, randomFloatState(acc, lo, hi, rng));
  } else {
    const std::int64_t maxProduct = std::int64_t{1} << (spec.productSigBits - 2);
    const auto code = [&](std::int64_t v) { return static_cast<std::uint64_t>(v) & acc.codeMask(); };
    addUnique(states, code(acc.maxInt - maxProduct + 1));  // the largest product still overflows
    addUnique(states, code(acc.minInt + maxProduct - 1));
    while (static_cast<int>(states.size()) < count) addUnique(states, rng() & acc.codeMask());
  }
  return states;
}

}  // namespace fmasim
