#include "RtlParams.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>

#include "cost/Synthesis.hpp"
#include "format/Arith.hpp"

namespace fmasim {
namespace {

bool unsupported(std::string& error, const std::string& path, const std::string& what) {
  error = path + ": " + what;
  return false;
}

bool checkSupported(const DatapathSpec& spec, std::string& error) {
  const DatapathParams& p = spec.params;
  if (p.kind != DatapathKind::Mac && p.kind != DatapathKind::Fma)
    return unsupported(error, "/datapath/kind", "the RTL builds mac and fma datapaths so far (cma and dot are not yet)");
  if (p.hazard != FeedbackHazard::Stall)
    return unsupported(error, "/datapath/feedback",
                       "the RTL supports \"stall\" so far (interleaved partial accumulators are not yet)");
  if (p.accumulatorKind == AccumulatorKind::Fixed)
    return unsupported(error, "/datapath/accumulator/format",
                       "the RTL supports float and integer accumulators so far (fixed point is not yet)");
  for (const auto& [format, path] : {std::pair{&p.a, "/datapath/a"}, std::pair{&p.b, "/datapath/b"}}) {
    if (format->isFloat() && (!format->isSigned || !format->hasZero || format->minNormalField != 1))
      return unsupported(error, path, format->name + ": the RTL takes signed float operands with a zero");
    if (format->bits > 32) return unsupported(error, path, format->name + ": the RTL takes operands of at most 32 bits");
  }
  if (p.accumulatorKind == AccumulatorKind::Float) {
    const Format& acc = p.accumulator;
    if (p.alignFractionBits)
      return unsupported(error, "/datapath/alignment/fraction_bits",
                         "the RTL aligns exactly so far: remove fraction_bits (truncating windows are not yet)");
    if (p.addend != AddendPath::Fused)
      return unsupported(error, "/datapath/alignment/addend", "the RTL supports \"fused\" so far");
    if (acc.nan != NanStyle::Ieee || !acc.hasInf || !acc.hasSubnormals || !acc.isSigned || acc.bits > 64)
      return unsupported(error, "/datapath/accumulator/format",
                         acc.name + ": the RTL's float accumulators are IEEE-style formats (infinities, NaNs with a "
                                    "quiet bit, subnormals) of at most 64 bits");
  } else if (spec.accumulatorBits > 64) {
    return unsupported(error, "/datapath/accumulator/format", "the RTL's integer accumulators have at most 64 bits");
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

// The normalizer's exact-sum window: both terms and then the bits rounding reads, as
// windowFits (format/Arith.hpp) requires of the C++ window.
int normalizerWindowBits(const DatapathSpec& spec) {
  const Format& acc = spec.params.accumulator;
  return std::max(std::max(spec.adderBits, significandBits(acc)) + 3,
                  roundingBits(spec.roundingFormat, spec.params.outputRounding) + 4);
}

// Signed width of the exponent arithmetic: every weight a term, the sum, the window
// and the rounding position can take, with room for their differences.
int exponentWidth(const DatapathSpec& spec, int window) {
  const Format& acc = spec.params.accumulator;
  const int widest = std::max({std::abs(spec.productLsbExpMin), std::abs(spec.productExpMax), std::abs(acc.emin - acc.manBits),
                               std::abs(acc.emax) + acc.bias}) + 4 * window;
  return std::bit_width(static_cast<unsigned>(widest)) + 2;
}

}  // namespace

std::optional<std::vector<RtlParameter>> rtlParameters(const DatapathSpec& spec, std::string& error) {
  if (!checkSupported(spec, error)) return std::nullopt;
  const DatapathParams& p = spec.params;
  const bool floatAcc = p.accumulatorKind == AccumulatorKind::Float;
  std::vector<RtlParameter> out;
  addFormat(out, "A_", p.a);
  addFormat(out, "B_", p.b);
  out.push_back({"PROD_SIG_BITS", spec.productSigBits});
  out.push_back({"PROD_LSB_EXP_MIN", spec.productLsbExpMin});
  out.push_back({"ALIGN_WINDOW_BITS", spec.alignWindowBits});
  out.push_back({"ADDER_TERMS", p.lanes});
  out.push_back({"ADDER_BITS", spec.adderBits});
  out.push_back({"FLOAT_ACC", floatAcc ? 1 : 0});
  out.push_back({"ACC_BITS", spec.accumulatorBits});
  const int window = floatAcc ? normalizerWindowBits(spec) : 0;
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
  } else {
    out.push_back({"INT_SATURATE", p.integerOverflow == IntegerOverflow::Saturate ? 1 : 0});
  }
  out.push_back({"EXP_W", exponentWidth(spec, window)});
  const char* stageNames[kUnitCount] = {"ST_MUL", "ST_ALIGN", "ST_ADD", "ST_NORM", "ST_ACC"};
  for (int u = 0; u < kUnitCount; ++u) out.push_back({stageNames[u], p.stages[u]});
  out.push_back({"LATENCY", spec.latency});
  out.push_back({"II", spec.initiationInterval});
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
