// Format: one descriptor for every number format fmasim knows (floats of any
// exponent/mantissa split, integers, fixed point), with every derived limit
// computed once by the factory functions so that no other code recomputes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmasim {

enum class FormatKind : std::uint8_t { Float, Integer };

// How a float format spends its codes on NaN.
enum class NanStyle : std::uint8_t {
  Ieee,           // all-ones exponent, non-zero mantissa; mantissa MSB = quiet bit
  SingleAllOnes,  // only S.1..1.1..1 (OCP E4M3, E8M0 0xFF)
  Fnuz,           // only the negative-zero code 1.0..0 (no -0)
  None,           // no NaN at all (FP6, FP4)
};

// The parameters an architect chooses for a float format; everything else derives.
struct FloatParams {
  int expBits = 0;
  int manBits = 0;
  int bias = 0;
  bool hasInf = false;
  NanStyle nan = NanStyle::Ieee;
  bool hasSubnormals = true;
  bool isSigned = true;
  bool hasZero = true;  // false only for scale formats such as E8M0
};

struct IntegerParams {
  int bits = 0;
  bool isSigned = true;
  int fracBits = 0;        // fixed point: value = code * 2^-fracBits
  bool symmetric = false;  // most negative code unused (OCP MXINT8)
};

struct Format {
  std::string name;
  FormatKind kind = FormatKind::Float;
  int bits = 0;  // storage width of a code
  bool isSigned = true;

  // Float formats.
  int expBits = 0;
  int manBits = 0;
  int bias = 0;
  bool hasInf = false;
  NanStyle nan = NanStyle::None;
  bool hasSubnormals = false;
  bool hasZero = true;
  int minNormalField = 1;  // exponent field of the smallest normal number
  int maxField = 0;        // exponent field of the largest finite number
  std::uint64_t maxFiniteMant = 0;  // mantissa field of the largest finite number
  int emin = 0;  // unbiased exponent of the smallest normal number
  int emax = 0;  // unbiased exponent of the largest finite number

  // Integer and fixed-point formats.
  int fracBits = 0;
  bool symmetric = false;
  std::int64_t minInt = 0;  // smallest code value as an integer
  std::int64_t maxInt = 0;  // largest code value as an integer

  std::uint64_t codeMask() const { return bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1; }
  std::uint64_t signBit() const { return isSigned ? std::uint64_t{1} << (bits - 1) : 0; }
  std::uint64_t mantMask() const { return (std::uint64_t{1} << manBits) - 1; }
  bool isFloat() const { return kind == FormatKind::Float; }
  bool hasNaN() const { return nan != NanStyle::None; }
};

// Factories validate the parameters; on failure they return nullopt and set `error`
// to one sentence naming the bad parameter and what is allowed.
std::optional<Format> makeFloatFormat(std::string name, const FloatParams& p, std::string& error);
std::optional<Format> makeIntegerFormat(std::string name, const IntegerParams& p, std::string& error);

// Built-in formats by name (fp32, bf16, fp8_e4m3, int8, q3.4, ...). Fixed point is
// q<m>.<n>: a sign bit, m integer bits and n fraction bits (ARM's Q notation).
std::optional<Format> formatByName(std::string_view name);
const std::vector<std::string>& builtinFormatNames();

// Largest finite magnitude and smallest magnitudes as text-free numbers for reports.
double maxFiniteValue(const Format& f);

}  // namespace fmasim
