#include "Format.hpp"

#include <charconv>
#include <cmath>

namespace fmasim {
namespace {

// Limits that keep every exact product and sum inside the 128-bit window of the
// arithmetic (see Arith.cpp): significands of at most 53 bits, integers of at most 32.
constexpr int kMaxManBits = 52;
constexpr int kMaxExpBits = 11;
constexpr int kMaxIntegerBits = 32;

bool fail(std::string& error, std::string message) {
  error = std::move(message);
  return false;
}

bool checkFloat(const FloatParams& p, std::string& error) {
  if (p.expBits < 1 || p.expBits > kMaxExpBits)
    return fail(error, "exponent_bits must be between 1 and " + std::to_string(kMaxExpBits) +
                           ", got " + std::to_string(p.expBits));
  if (p.manBits < 0 || p.manBits > kMaxManBits)
    return fail(error, "mantissa_bits must be between 0 and " + std::to_string(kMaxManBits) +
                           ", got " + std::to_string(p.manBits));
  const int totalBits = p.expBits + p.manBits + (p.isSigned ? 1 : 0);
  if (totalBits > 64) return fail(error, "a float format may have at most 64 bits");
  const int fieldMax = (1 << p.expBits) - 1;
  if (p.bias < -fieldMax || p.bias > 2 * fieldMax)
    return fail(error, "bias " + std::to_string(p.bias) + " is outside [" + std::to_string(-fieldMax) +
                           ", " + std::to_string(2 * fieldMax) + "]");
  if (p.hasInf && p.nan != NanStyle::Ieee)
    return fail(error, "infinities need nan = \"ieee\" (they share the all-ones exponent)");
  if (p.nan == NanStyle::Ieee && p.manBits < 1)
    return fail(error, "nan = \"ieee\" needs at least 1 mantissa bit");
  if (p.nan == NanStyle::Ieee && p.expBits < 2)
    return fail(error, "nan = \"ieee\" needs at least 2 exponent bits");
  if (p.nan == NanStyle::Fnuz && !p.isSigned)
    return fail(error, "nan = \"fnuz\" uses the negative-zero code and needs a sign bit");
  if (!p.hasZero && (p.hasSubnormals || p.isSigned))
    return fail(error, "a format without zero must be unsigned and have no subnormals");
  if (p.nan == NanStyle::SingleAllOnes && p.manBits == 0 && p.expBits < 2)
    return fail(error, "nan = \"single-all-ones\" with 0 mantissa bits needs at least 2 exponent bits");
  return true;
}

}  // namespace

std::optional<Format> makeFloatFormat(std::string name, const FloatParams& p, std::string& error) {
  if (!checkFloat(p, error)) return std::nullopt;
  Format f;
  f.name = std::move(name);
  f.kind = FormatKind::Float;
  f.isSigned = p.isSigned;
  f.bits = p.expBits + p.manBits + (p.isSigned ? 1 : 0);
  f.expBits = p.expBits;
  f.manBits = p.manBits;
  f.bias = p.bias;
  f.hasInf = p.hasInf;
  f.nan = p.nan;
  f.hasSubnormals = p.hasSubnormals;
  f.hasZero = p.hasZero;
  // Exponent field 0 holds zero and subnormals, unless the format has no zero.
  f.minNormalField = p.hasZero ? 1 : 0;
  const int allOnes = (1 << p.expBits) - 1;
  const std::uint64_t mantAllOnes = f.mantMask();
  switch (p.nan) {
    case NanStyle::Ieee:
      f.maxField = allOnes - 1;
      f.maxFiniteMant = mantAllOnes;
      break;
    case NanStyle::SingleAllOnes:
      f.maxField = p.manBits == 0 ? allOnes - 1 : allOnes;
      f.maxFiniteMant = p.manBits == 0 ? 0 : mantAllOnes - 1;
      break;
    case NanStyle::Fnuz:
    case NanStyle::None:
      f.maxField = allOnes;
      f.maxFiniteMant = mantAllOnes;
      break;
  }
  f.emin = f.minNormalField - p.bias;
  f.emax = f.maxField - p.bias;
  if (f.maxField < f.minNormalField) {
    error = "the format has no normal numbers: widen exponent_bits";
    return std::nullopt;
  }
  return f;
}

std::optional<Format> makeIntegerFormat(std::string name, const IntegerParams& p, std::string& error) {
  if (p.bits < 2 || p.bits > kMaxIntegerBits) {
    error = "integer and fixed-point formats must have 2 to " + std::to_string(kMaxIntegerBits) +
            " bits, got " + std::to_string(p.bits);
    return std::nullopt;
  }
  if (p.fracBits < 0 || p.fracBits > 64) {
    error = "fraction bits must be between 0 and 64, got " + std::to_string(p.fracBits);
    return std::nullopt;
  }
  if (p.symmetric && !p.isSigned) {
    error = "only signed formats can be symmetric";
    return std::nullopt;
  }
  Format f;
  f.name = std::move(name);
  f.kind = FormatKind::Integer;
  f.bits = p.bits;
  f.isSigned = p.isSigned;
  f.fracBits = p.fracBits;
  f.symmetric = p.symmetric;
  if (p.isSigned) {
    f.maxInt = (std::int64_t{1} << (p.bits - 1)) - 1;
    f.minInt = p.symmetric ? -f.maxInt : -f.maxInt - 1;
  } else {
    f.maxInt = (std::int64_t{1} << p.bits) - 1;
    f.minInt = 0;
  }
  return f;
}

namespace {

struct NamedFloat {
  const char* name;
  FloatParams params;
};

constexpr FloatParams ieee(int e, int m) {
  return FloatParams{e, m, (1 << (e - 1)) - 1, true, NanStyle::Ieee, true, true, true};
}
constexpr FloatParams finite(int e, int m, int bias, NanStyle nan) {
  return FloatParams{e, m, bias, false, nan, true, true, true};
}

const NamedFloat kFloats[] = {
    {"fp64", ieee(11, 52)},
    {"fp32", ieee(8, 23)},
    {"tf32", ieee(8, 10)},
    {"fp16", ieee(5, 10)},
    {"bf16", ieee(8, 7)},
    {"fp8_e5m2", ieee(5, 2)},
    {"fp8_e4m3", finite(4, 3, 7, NanStyle::SingleAllOnes)},
    {"fp8_e5m2fnuz", finite(5, 2, 16, NanStyle::Fnuz)},
    {"fp8_e4m3fnuz", finite(4, 3, 8, NanStyle::Fnuz)},
    {"fp6_e3m2", finite(3, 2, 3, NanStyle::None)},
    {"fp6_e2m3", finite(2, 3, 1, NanStyle::None)},
    {"fp4_e2m1", finite(2, 1, 1, NanStyle::None)},
    {"e8m0", FloatParams{8, 0, 127, false, NanStyle::SingleAllOnes, false, false, false}},
};

struct NamedInteger {
  const char* name;
  IntegerParams params;
};

const NamedInteger kIntegers[] = {
    {"int4", {4, true, 0, false}},   {"int8", {8, true, 0, false}},   {"int16", {16, true, 0, false}},
    {"int32", {32, true, 0, false}}, {"uint8", {8, false, 0, false}}, {"mxint8", {8, true, 6, true}},
};

// q<m>.<n>: sign + m integer bits + n fraction bits.
std::optional<Format> parseFixedPoint(std::string_view name) {
  if (name.size() < 4 || name[0] != 'q') return std::nullopt;
  const auto dot = name.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  int m = -1, n = -1;
  const auto mPart = name.substr(1, dot - 1), nPart = name.substr(dot + 1);
  auto [mEnd, mErr] = std::from_chars(mPart.data(), mPart.data() + mPart.size(), m);
  auto [nEnd, nErr] = std::from_chars(nPart.data(), nPart.data() + nPart.size(), n);
  if (mErr != std::errc{} || nErr != std::errc{} || mEnd != mPart.data() + mPart.size() ||
      nEnd != nPart.data() + nPart.size() || mPart.empty() || nPart.empty())
    return std::nullopt;
  std::string error;
  return makeIntegerFormat(std::string(name), IntegerParams{1 + m + n, true, n, false}, error);
}

}  // namespace

std::optional<Format> formatByName(std::string_view name) {
  std::string error;
  for (const auto& f : kFloats)
    if (name == f.name) return makeFloatFormat(f.name, f.params, error);
  for (const auto& i : kIntegers)
    if (name == i.name) return makeIntegerFormat(i.name, i.params, error);
  return parseFixedPoint(name);
}

const std::vector<std::string>& builtinFormatNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& f : kFloats) v.emplace_back(f.name);
    for (const auto& i : kIntegers) v.emplace_back(i.name);
    return v;
  }();
  return names;
}

double maxFiniteValue(const Format& f) {
  if (!f.isFloat()) return std::ldexp(static_cast<double>(f.maxInt), -f.fracBits);
  const double sig = 1.0 + std::ldexp(static_cast<double>(f.maxFiniteMant), -f.manBits);
  return std::ldexp(sig, f.emax);
}

}  // namespace fmasim
