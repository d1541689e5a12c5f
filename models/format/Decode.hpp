// decode(code) -> exact value, and IEEE-style classification of codes.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "Format.hpp"
#include "Value.hpp"

namespace fmasim {

inline Decoded decodeInteger(const Format& f, std::uint64_t code) {
  Decoded d;
  std::int64_t v = static_cast<std::int64_t>(code);
  if (f.isSigned && (code & f.signBit())) v -= static_cast<std::int64_t>(std::uint64_t{1} << f.bits);
  if (v == 0) return d;
  d.cls = ValueClass::Finite;
  d.sign = v < 0;
  d.sig = d.sign ? static_cast<std::uint64_t>(-v) : static_cast<std::uint64_t>(v);
  d.exp = -f.fracBits;
  return d;
}

// The masks and offsets decodeFloat reads, derived from a float format once
// (a Decoder keeps them; one-off decode() calls derive them on the spot).
struct FloatFields {
  explicit FloatFields(const Format& f)
      : manBits(f.manBits),
        minNormalField(f.minNormalField),
        nanField(f.maxField + 1),
        normalFields(f.maxField - f.minNormalField + (f.nan == NanStyle::SingleAllOnes ? 0 : 1)),
        subnormalExp(f.emin - f.manBits),
        normalExpOffset(-f.bias - f.manBits),
        nan(f.nan),
        hasSubnormals(f.hasSubnormals),
        fieldMask((std::uint64_t{1} << f.expBits) - 1),
        mantMask(f.mantMask()),
        signBit(f.signBit()),
        magnitudeMask(f.codeMask() & ~f.signBit()) {}

  int manBits, minNormalField, nanField;  // nanField: the IEEE all-ones exponent field
  // Fields from minNormalField on that hold only normal numbers, whatever the mantissa
  // (the top finite field is left out where it also holds the NaN).
  int normalFields;
  std::int32_t subnormalExp, normalExpOffset;
  NanStyle nan;
  bool hasSubnormals;
  std::uint64_t fieldMask, mantMask, signBit, magnitudeMask;
};

// The codes outside FloatFields::normalFields: zero, subnormals, infinities, NaNs
// and the top field's normals. Out of line, so that the normal path inlines small.
[[gnu::noinline]] inline Decoded decodeFloatOther(const FloatFields& f, std::uint64_t code) {
  const int field = static_cast<int>((code >> f.manBits) & f.fieldMask);
  const std::uint64_t mant = code & f.mantMask;
  Decoded d;
  d.sign = (code & f.signBit) != 0;
  switch (f.nan) {
    case NanStyle::Ieee:
      if (field == f.nanField) {
        if (mant == 0) {
          d.cls = ValueClass::Infinity;
          return d;
        }
        d.cls = ValueClass::NaN;
        const std::uint64_t quiet = std::uint64_t{1} << (f.manBits - 1);
        d.signaling = (mant & quiet) == 0;
        d.nanPayload = f.manBits > 1 ? (mant & (quiet - 1)) << (65 - f.manBits) : 0;
        return d;
      }
      break;
    case NanStyle::SingleAllOnes:
      if ((code & f.magnitudeMask) == f.magnitudeMask) {
        d.cls = ValueClass::NaN;
        return d;
      }
      break;
    case NanStyle::Fnuz:
      if (code == f.signBit) {
        d.cls = ValueClass::NaN;
        d.sign = false;
        return d;
      }
      break;
    case NanStyle::None:
      break;
  }
  if (field < f.minNormalField) {  // zero or subnormal
    if (mant == 0 || !f.hasSubnormals) return d;  // formats without subnormals read them as zero
    d.cls = ValueClass::Finite;
    d.sig = mant;
    d.exp = f.subnormalExp;
    return d;
  }
  d.cls = ValueClass::Finite;
  d.sig = mant | (f.mantMask + 1);
  d.exp = field + f.normalExpOffset;
  return d;
}

inline Decoded decodeFloat(const FloatFields& f, std::uint64_t code) {
  const int field = static_cast<int>((code >> f.manBits) & f.fieldMask);
  // Most codes are normal numbers: settle them with one range check.
  if (static_cast<unsigned>(field - f.minNormalField) >= static_cast<unsigned>(f.normalFields))
    return decodeFloatOther(f, code);
  const std::uint64_t mant = code & f.mantMask;
  return {ValueClass::Finite, (code & f.signBit) != 0, false, field + f.normalExpOffset, mant | (f.mantMask + 1), 0};
}

inline Decoded decodeFloat(const Format& f, std::uint64_t code) { return decodeFloat(FloatFields(f), code); }

inline Decoded decode(const Format& f, std::uint64_t code) {
  return f.isFloat() ? decodeFloat(f, code) : decodeInteger(f, code);
}

// decode() for one format bound once, as a hardware decoder is: formats of at most
// kTableBits bits read a table of all their codes (filled by decode() itself), wider
// float formats keep their FloatFields.
class Decoder {
 public:
  static constexpr int kTableBits = 8;

  explicit Decoder(Format f) : format_(std::move(f)), fields_(format_), codeMask_(format_.codeMask()) {
    if (format_.bits > kTableBits) return;
    table_.resize(std::size_t{1} << format_.bits);
    for (std::uint64_t code = 0; code < table_.size(); ++code) table_[code] = decode(format_, code);
  }

  // Codes must fit the format; the table reads only the format's low bits.
  Decoded operator()(std::uint64_t code) const {
    if (!table_.empty()) return table_[code & codeMask_];
    return format_.isFloat() ? decodeFloat(fields_, code) : decodeInteger(format_, code);
  }

  const Format& format() const { return format_; }

 private:
  Format format_;
  FloatFields fields_;  // unused for integer formats
  std::uint64_t codeMask_;
  std::vector<Decoded> table_;
};

// Classification in the order of RISC-V's fclass.
enum class CodeClass : std::uint8_t {
  NegInf, NegNormal, NegSubnormal, NegZero, PosZero, PosSubnormal, PosNormal, PosInf, SignalingNaN, QuietNaN
};

inline CodeClass classify(const Format& f, std::uint64_t code) {
  const Decoded d = decode(f, code);
  switch (d.cls) {
    case ValueClass::NaN: return d.signaling ? CodeClass::SignalingNaN : CodeClass::QuietNaN;
    case ValueClass::Infinity: return d.sign ? CodeClass::NegInf : CodeClass::PosInf;
    case ValueClass::Zero: return d.sign ? CodeClass::NegZero : CodeClass::PosZero;
    case ValueClass::Finite: break;
  }
  const bool subnormal = f.isFloat() && d.exp + bitLength(d.sig) - 1 < f.emin;
  if (d.sign) return subnormal ? CodeClass::NegSubnormal : CodeClass::NegNormal;
  return subnormal ? CodeClass::PosSubnormal : CodeClass::PosNormal;
}

}  // namespace fmasim
