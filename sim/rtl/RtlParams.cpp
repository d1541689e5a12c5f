#include "RtlParams.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>

#include "CyclePorts.hpp"
#include "cost/Synthesis.hpp"
#include "format/Arith.hpp"

namespace fmasim {
namespace {

bool unsupported(std::string& error, const std::string& path, const std::string& what) {
  error = path + ": " + what;
  return false;
}

// An IEEE-style float format of at most 64 bits: infinities, NaNs with a quiet bit, subnormals.
bool ieeeStyle(const Format& f) {
  return f.isFloat() && f.nan == NanStyle::Ieee && f.hasInf && f.hasSubnormals && f.isSigned && f.bits <= 64;
}

// cma: the product is rounded by the normalizer's rounder, so its format is one the
// accumulator could be; the operands are floats (the exact product's special path).
bool checkCascaded(const DatapathParams& p, std::string& error) {
  if (!p.a.isFloat() || !p.b.isFloat())
    return unsupported(error, "/datapath/a", "the RTL's cma takes float operands");
  if (p.accumulatorKind != AccumulatorKind::Float)
    return unsupported(error, "/datapath/accumulator/format", "the RTL's cma accumulates into float formats");
  if (!ieeeStyle(*p.productFormat) || p.productFormat->manBits < 2)
    return unsupported(error, "/datapath/product/format",
                       p.productFormat->name + ": the RTL rounds products into IEEE-style formats (infinities, NaNs "
                                               "with a quiet bit and a payload, subnormals)");
  if (p.productRounding.mode == Rounding::Stochastic)
    return unsupported(error, "/datapath/product/rounding", "the RTL rounds products with rne, rtz, rup, rdn or rna");
  return true;
}

bool checkSupported(const DatapathSpec& spec, std::string& error) {
  const DatapathParams& p = spec.params;
  if (p.lanes * std::max(p.a.bits, p.b.bits) > LaneCodes::kMaxBits)
    return unsupported(error, "/datapath/lanes",
                       "the RTL's operand ports carry at most " + std::to_string(LaneCodes::kMaxBits) + " bits (lanes x " +
                           "operand bits), got " + std::to_string(p.lanes) + " x " +
                           std::to_string(std::max(p.a.bits, p.b.bits)));
  for (const auto& [format, path] : {std::pair{&p.a, "/datapath/a"}, std::pair{&p.b, "/datapath/b"}}) {
    if (format->isFloat() && (!format->isSigned || !format->hasZero || format->minNormalField != 1))
      return unsupported(error, path, format->name + ": the RTL takes signed float operands with a zero");
    if (format->bits > 32) return unsupported(error, path, format->name + ": the RTL takes operands of at most 32 bits");
  }
  if (p.kind == DatapathKind::Cma && !checkCascaded(p, error)) return false;
  if (p.promotion && !ieeeStyle(spec.resultFormat))
    return unsupported(error, "/datapath/promotion/format",
                       spec.resultFormat.name + ": the RTL promotes into IEEE-style formats (infinities, NaNs with a "
                                                "quiet bit, subnormals) of at most 64 bits");
  if (p.accumulatorKind == AccumulatorKind::Float) {
    const Format& acc = p.accumulator;
    if (!ieeeStyle(acc))
      return unsupported(error, "/datapath/accumulator/format",
                         acc.name + ": the RTL's float accumulators are IEEE-style formats (infinities, NaNs with a "
                                    "quiet bit, subnormals) of at most 64 bits");
  } else if (spec.accumulatorBits > 128) {
    return unsupported(error, "/datapath/accumulator", "the RTL's integer and fixed-point accumulators have at most 128 bits");
  }
  return true;
}

void addFormat(std::vector<RtlParameter>& out, const std::string& prefix, const Format& f) {
  out.push_back({prefix + "BITS", f.bits});
  out.push_back({prefix + "FLOAT", f.isFloat() ? 1 : 0});
  out.push_back({prefix + "SIGNED", f.isSigned ? 1 : 0});
  out.push_back({prefix + "EXP_BITS", f.expBits});
  out.push_back({prefix + "MAN_BITS", f.manBits});
  out.push_back({prefix + "BIAS", f.bias});
  out.push_back({prefix + "EMIN", f.emin});
  out.push_back({prefix + "MIN_NORMAL_FIELD", f.minNormalField});
  out.push_back({prefix + "NAN_STYLE", static_cast<int>(f.nan)});
  out.push_back({prefix + "SUBNORMALS", f.hasSubnormals ? 1 : 0});
  out.push_back({prefix + "FRAC_BITS", f.fracBits});
  out.push_back({prefix + "SIG_BITS", significandFractionBits(f) + 1});
}

// A second rounder's format and rounding (a cma's product, promotion's add): an
// IEEE-style float, so fewer fields than addFormat's.
void addRounder(std::vector<RtlParameter>& out, const std::string& prefix, const Format& f, const RoundingMode& rm) {
  out.push_back({prefix + "BITS", f.bits});
  out.push_back({prefix + "EXP_BITS", f.expBits});
  out.push_back({prefix + "MAN_BITS", f.manBits});
  out.push_back({prefix + "BIAS", f.bias});
  out.push_back({prefix + "EMIN", f.emin});
  out.push_back({prefix + "EMAX", f.emax});
  out.push_back({prefix + "MAX_FIELD", f.maxField});
  out.push_back({prefix + "MAX_MANT", static_cast<std::int64_t>(f.maxFiniteMant)});
  out.push_back({prefix + "ROUNDING", static_cast<int>(rm.mode)});
  out.push_back({prefix + "TININESS_BEFORE", rm.tininess == Tininess::BeforeRounding ? 1 : 0});
  out.push_back({prefix + "OVERFLOW_SATURATE", rm.overflow == OverflowPolicy::Saturate ? 1 : 0});
}

}  // namespace

std::optional<std::vector<RtlParameter>> rtlParameters(const DatapathSpec& spec, std::string& error) {
  if (!checkSupported(spec, error)) return std::nullopt;
  const DatapathParams& p = spec.params;
  const bool floatAcc = p.accumulatorKind == AccumulatorKind::Float;
  const bool windowed = floatAcc && !spec.exactAlignment;
  const bool fusedInWindow = windowed && p.addend == AddendPath::Fused;  // c is one of the adder's terms
  std::vector<RtlParameter> out;
  addFormat(out, "A_", p.a);
  addFormat(out, "B_", p.b);
  out.push_back({"PROD_SIG_BITS", spec.productSigBits});
  out.push_back({"PROD_LSB_EXP_MIN", spec.productLsbExpMin});
  out.push_back({"ALIGN_WINDOW_BITS", spec.alignWindowBits});
  out.push_back({"ADDER_TERMS", fusedInWindow ? spec.adderTerms : p.lanes});
  out.push_back({"ADDER_BITS", spec.adderBits});
  out.push_back({"FLOAT_ACC", floatAcc ? 1 : 0});
  out.push_back({"ACC_BITS", spec.accumulatorBits});
  const int window = spec.normalizeWindowBits;
  const int promotionWindow = spec.promotionWindowBits;
  if (floatAcc) {
    const Format& acc = p.accumulator;
    const RoundingMode& rm = p.outputRounding;
    out.push_back({"ACC_EXP_BITS", acc.expBits});
    out.push_back({"ACC_MAN_BITS", acc.manBits});
    out.push_back({"ACC_BIAS", acc.bias});
    out.push_back({"ACC_EMIN", acc.emin});
    out.push_back({"ACC_EMAX", acc.emax});
    out.push_back({"ACC_MAX_FIELD", acc.maxField});
    out.push_back({"OUT_FRAC_BITS", spec.outputFractionBits});
    out.push_back({"OUT_MAX_MANT", static_cast<std::int64_t>(spec.roundingFormat.maxFiniteMant)});
    out.push_back({"ROUNDING", static_cast<int>(rm.mode)});
    out.push_back({"TININESS_BEFORE", rm.tininess == Tininess::BeforeRounding ? 1 : 0});
    out.push_back({"OVERFLOW_SATURATE", rm.overflow == OverflowPolicy::Saturate ? 1 : 0});
    out.push_back({"RANDOM_BITS", rm.randomBits});
    out.push_back({"LFSR_SEED", p.lfsrSeed});
    out.push_back({"NORM_WINDOW_BITS", window});
    out.push_back({"SUM_LSB_MIN", spec.sumLsbMin});
  } else {
    out.push_back({"INT_SATURATE", p.integerOverflow == IntegerOverflow::Saturate ? 1 : 0});
    out.push_back({"FIXED_CUT", spec.exactAlignment ? 0 : 1});  // fewer fraction bits than the products
    out.push_back({"PROD_EXP_MAX", spec.productExpMax});
  }
  out.push_back({"EXP_W", spec.exponentArithmeticBits});
  const char* stageNames[kUnitCount] = {"ST_MUL", "ST_ALIGN", "ST_ADD", "ST_NORM", "ST_ACC"};
  for (int u = 0; u < kUnitCount; ++u) out.push_back({stageNames[u], p.stages[u]});
  out.push_back({"LATENCY", spec.latency});
  out.push_back({"II", spec.initiationInterval});
  // dot: lanes, the alignment window, the addend's path, the tensor-core options
  out.push_back({"LANES", p.lanes});
  out.push_back({"PROD_FRAC_BITS", spec.productFracBits});
  out.push_back({"WINDOWED", windowed ? 1 : 0});
  out.push_back({"ALIGN_FRAC_BITS", spec.alignFractionBits});
  out.push_back({"TERM_RNE", p.termRounding == TermRounding::NearestEven ? 1 : 0});
  out.push_back({"ADDEND_FUSED", p.addend == AddendPath::Fused ? 1 : 0});
  out.push_back({"ZERO_ADDEND_JOINS", p.zeroAddendExponent ? 1 : 0});
  out.push_back({"ZERO_ADDEND_EXP", p.zeroAddendExponent.value_or(0)});
  out.push_back({"NAN_CANONICAL", p.nanResult == NanResult::Canonical ? 1 : 0});
  out.push_back({"OVERFLOW_INFINITY", p.overflowToInfinity ? 1 : 0});
  // cma: the product format and its rounding
  out.push_back({"CASCADED", p.kind == DatapathKind::Cma ? 1 : 0});
  if (p.kind == DatapathKind::Cma) {
    addRounder(out, "P_", *p.productFormat, p.productRounding);
    out.push_back({"P_WINDOW_BITS", spec.productRoundWindowBits});
  }
  // promotion: the promoted accumulator's format and the add's rounding
  out.push_back({"PROMOTION_STEPS", spec.promotionSteps});
  if (p.promotion) {
    addRounder(out, "PR_", spec.resultFormat, p.promotion->rounding);
    out.push_back({"PR_WINDOW_BITS", promotionWindow});
  }
  out.push_back({"PARTIALS", spec.partialAccumulators});
  out.push_back({"ACC_FRAC_BITS", spec.accumulatorFracBits});
  return out;
}

namespace {

// Every parameter is a 32-bit int (or logic [31:0]): values beyond int's range as
// 32-bit hex (yosys' form, yosysParameterValue, also reads negative ones).
std::string verilatorValue(std::int64_t v) {
  return v <= INT32_MAX ? std::to_string(v) : yosysParameterValue(v);
}

}  // namespace

std::string verilatorParameterArgs(const std::vector<RtlParameter>& params) {
  std::string s;
  for (const RtlParameter& p : params) s += "-G" + p.name + "=" + verilatorValue(p.value) + "\n";
  return s;
}

std::string yosysParameterCommands(const std::vector<RtlParameter>& params) {
  std::string s;
  for (const RtlParameter& p : params) s += "chparam -set " + p.name + " " + yosysParameterValue(p.value) + " mac\n";
  return s;
}

}  // namespace fmasim
