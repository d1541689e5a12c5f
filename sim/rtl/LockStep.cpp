#include "LockStep.hpp"

#include <cinttypes>
#include <algorithm>
#include <cmath>
#include <vector>

#include "format/Decode.hpp"

namespace fmasim {

LockStep::LockStep(const DatapathSpec& spec, RtlModel& rtl, std::int64_t maxMismatches, std::string vcdPath)
    : spec_(spec), systemcSide_(spec), rtl_(rtl), maxMismatches_(maxMismatches), vcdPath_(std::move(vcdPath)) {}

bool LockStep::cycle(const CycleInputs& in) {
  systemc_ = systemcSide_.cycle(in);
  ports_.rst = in.rst;
  ports_.in_valid = in.inValid;
  ports_.in_finish = in.inFinish;
  ports_.load_valid = in.load;
  in.a.copyTo(ports_.in_a);
  in.b.copyTo(ports_.in_b);
  ports_.load_value[0] = static_cast<std::uint64_t>(in.loadValue);
  ports_.load_value[1] = static_cast<std::uint64_t>(in.loadValue >> 64);
  rtl_.cycle(ports_);
  const CycleOutputs rtl{ports_.in_ready != 0, ports_.out_valid != 0, ports_.out_flags,
                         (static_cast<u128>(ports_.out_result[1]) << 64) | ports_.out_result[0]};
  VcdCycle& row = history_[static_cast<std::size_t>(cycle_) % kHistory];
  row = {cycle_, in, systemc_, rtl};
  ++cycle_;
  if (rtl == systemc_) return true;
  report(row);
  if (mismatches_++ == 0 && !vcdPath_.empty()) writeVcd();
  return mismatches_ < maxMismatches_;
}

// A port's lane codes in hex, lane 0 first: 0x12 (one lane), [0x12 0x00 ...] (several).
std::string LockStep::lanesHex(const LaneCodes& codes, const Format& f) const {
  std::string s = spec_.params.lanes > 1 ? "[" : "";
  char text[24];
  for (int i = 0; i < spec_.params.lanes; ++i) {
    std::snprintf(text, sizeof text, "%s0x%" PRIx64, i > 0 ? " " : "", codes.get(i, f.bits));
    s += text;
  }
  return spec_.params.lanes > 1 ? s + "]" : s;
}

// An accumulator code of float format f as hex and as a number (integer and fixed
// point: the two's complement value times 2^-fraction bits, as the C++ model reads it out).
std::string LockStep::describe(u128 result, const Format& f) const {
  char text[96];
  if (spec_.params.accumulatorKind != AccumulatorKind::Float) {
    const int shift = 128 - spec_.accumulatorBits;
    const i128 v = static_cast<i128>(result << shift) >> shift;
    const auto hi = static_cast<std::uint64_t>(result >> 64), lo = static_cast<std::uint64_t>(result);
    char hex[40];
    if (hi != 0) std::snprintf(hex, sizeof hex, "0x%" PRIx64 "%016" PRIx64, hi, lo);
    else std::snprintf(hex, sizeof hex, "0x%" PRIx64, lo);
    std::snprintf(text, sizeof text, "%s (%.17g)", hex, std::ldexp(static_cast<double>(v), -spec_.accumulatorFracBits));
    return text;
  }
  const Decoded d = decode(f, static_cast<std::uint64_t>(result));
  double v = 0;
  switch (d.cls) {
    case ValueClass::NaN: v = NAN; break;
    case ValueClass::Infinity: v = INFINITY; break;
    case ValueClass::Zero: v = 0; break;
    case ValueClass::Finite: v = std::ldexp(static_cast<double>(d.sig), d.exp); break;
  }
  std::snprintf(text, sizeof text, "0x%" PRIx64 " (%s%.17g)", static_cast<std::uint64_t>(result), d.sign ? "-" : "", v);
  return text;
}

void LockStep::report(const VcdCycle& row) const {
  const auto side = [&](const char* name, const CycleOutputs& o) {
    std::printf("  %-8s in_ready=%d out_valid=%d out_result=%s out_flags=0x%02x\n", name, o.inReady, o.outValid,
                describe(o.result, spec_.resultFormat).c_str(), o.flags);
  };
  std::printf("MISMATCH at cycle %" PRId64 ": inputs rst=%d in_valid=%d in_finish=%d a=%s b=%s load_valid=%d load_value=%s\n",
              row.cycle, row.in.rst, row.in.inValid, row.in.inFinish, lanesHex(row.in.a, spec_.params.a).c_str(),
              lanesHex(row.in.b, spec_.params.b).c_str(), row.in.load, describe(row.in.loadValue, spec_.params.accumulator).c_str());
  side("systemc", row.systemc);
  side("rtl", row.rtl);
  // The steps whose results could have landed by now: accepted within the last
  // latency + II cycles (the accepting cycle's in_ready is the cycle before's).
  const std::int64_t window = std::min<std::int64_t>(spec_.latency + spec_.initiationInterval, kHistory - 2);
  for (std::int64_t c = std::max<std::int64_t>(row.cycle - window, 1); c <= row.cycle; ++c) {
    const VcdCycle& r = history_[static_cast<std::size_t>(c) % kHistory];
    const VcdCycle& before = history_[static_cast<std::size_t>(c - 1) % kHistory];
    if (r.in.inValid && before.systemc.inReady)
      std::printf("  step accepted at cycle %" PRId64 ": a=%s b=%s\n", c, lanesHex(r.in.a, spec_.params.a).c_str(),
                  lanesHex(r.in.b, spec_.params.b).c_str());
  }
}

void LockStep::writeVcd() const {
  std::vector<VcdCycle> rows;
  const std::int64_t first = cycle_ > static_cast<std::int64_t>(kHistory) ? cycle_ - static_cast<std::int64_t>(kHistory) : 0;
  for (std::int64_t c = first; c < cycle_; ++c) rows.push_back(history_[static_cast<std::size_t>(c) % kHistory]);
  const VcdWidths widths{spec_.params.lanes * spec_.params.a.bits, spec_.params.lanes * spec_.params.b.bits,
                         spec_.accumulatorBits,
                         spec_.promotionSteps > 0 ? spec_.resultFormat.bits : spec_.accumulatorBits};
  std::string error;
  if (writeMismatchVcd(vcdPath_, rows, widths, error))
    std::printf("  waveform of the %zu cycles up to the mismatch: %s\n", rows.size(), vcdPath_.c_str());
  else
    std::printf("  %s\n", error.c_str());
}

}  // namespace fmasim
