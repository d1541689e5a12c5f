#include "LaneStimulus.hpp"

#include <algorithm>

#include "Stimulus.hpp"
#include "format/Decode.hpp"

namespace fmasim {

LaneStimulus::LaneStimulus(const DatapathSpec& spec, std::uint64_t seed)
    : p_(spec.params), cornersA_(cornerCodes(spec.params.a)), cornersB_(cornerCodes(spec.params.b)), rng_(seed) {}

std::uint64_t LaneStimulus::finite(const Format& f) {
  for (;;) {
    const std::uint64_t code = rng_() & f.codeMask();
    if (rng_() % 8 == 0) return f.isFloat() && (rng_() & 1) ? f.signBit() : 0;  // a zero lane now and then
    const ValueClass cls = decode(f, code).cls;
    if (cls != ValueClass::NaN && cls != ValueClass::Infinity) return code;
  }
}

// A normal float code whose exponent field lies within `width` of `center`.
std::uint64_t LaneStimulus::inBand(const Format& f, int center, int width) {
  if (!f.isFloat()) return finite(f);
  const int offset = static_cast<int>(rng_() % static_cast<std::uint64_t>(2 * width + 1)) - width;
  const auto field = static_cast<std::uint64_t>(std::clamp(center + offset, f.minNormalField, f.maxField));
  const std::uint64_t code = (rng_() & 1 ? f.signBit() : 0) | (field << f.manBits) | (rng_() & f.mantMask());
  const ValueClass cls = decode(f, code).cls;
  return cls == ValueClass::NaN || cls == ValueClass::Infinity ? code - 1 : code;  // OCP E4M3's S.1111.111
}

void LaneStimulus::step(LaneCodes& a, LaneCodes& b) {
  const int lanes = p_.lanes;
  const auto corner = static_cast<std::size_t>(steps_++);
  const std::size_t cornerPairs = cornersA_.size() * cornersB_.size();
  const std::uint64_t kind = rng_() % 4;
  const int centerA = p_.a.isFloat() ? static_cast<int>(rng_() % static_cast<std::uint64_t>(p_.a.maxField)) + 1 : 0;
  const int centerB = p_.b.isFloat() ? static_cast<int>(rng_() % static_cast<std::uint64_t>(p_.b.maxField)) + 1 : 0;
  const int width = static_cast<int>(1u << (2 * (rng_() % 3)));  // 1, 4 or 16 binades
  for (int i = 0; i < lanes; ++i) {
    std::uint64_t x = 0, y = 0;
    if (kind == 0 && corner >= cornerPairs) {
      x = inBand(p_.a, centerA, width);
      y = inBand(p_.b, centerB, width);
    } else {
      x = finite(p_.a);
      y = finite(p_.b);
    }
    a.set(i, p_.a.bits, x);
    b.set(i, p_.b.bits, y);
  }
  if (corner < cornerPairs) {
    const int lane = static_cast<int>(corner % static_cast<std::size_t>(lanes));
    a.set(lane, p_.a.bits, cornersA_[corner % cornersA_.size()]);
    b.set(lane, p_.b.bits, cornersB_[corner / cornersA_.size()]);
  } else if (kind == 1) {  // one or two lanes with corner codes
    for (std::uint64_t n = 1 + rng_() % 2; n > 0; --n) {
      const int lane = static_cast<int>(rng_() % static_cast<std::uint64_t>(lanes));
      if (rng_() & 1) a.set(lane, p_.a.bits, cornersA_[rng_() % cornersA_.size()]);
      else b.set(lane, p_.b.bits, cornersB_[rng_() % cornersB_.size()]);
    }
  }
}

}  // namespace fmasim
