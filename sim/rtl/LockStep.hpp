// The lock-step harness: every cycle, the same inputs into the SystemC model and the
// Verilated RTL, then every output and valid bit of both compared. A mismatch is
// printed (cycle, inputs, both outputs as hex and as numbers) and, the first time,
// the cycles before it and the cycle itself are written to a VCD of both sides.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

#include "CyclePorts.hpp"
#include "MismatchVcd.hpp"
#include "RtlModel.hpp"
#include "SystemCSide.hpp"

namespace fmasim {

class LockStep {
 public:
  LockStep(const DatapathSpec& spec, RtlModel& rtl, std::int64_t maxMismatches, std::string vcdPath);

  // One cycle on both sides; false once maxMismatches mismatches have been seen.
  bool cycle(const CycleInputs& in);

  const CycleOutputs& outputs() const { return systemc_; }  // this cycle's (both sides agree unless mismatched)
  std::int64_t cycles() const { return cycle_; }
  std::int64_t mismatches() const { return mismatches_; }

 private:
  static constexpr std::size_t kHistory = 64;  // cycles kept for the VCD

  void report(const VcdCycle& row) const;
  void writeVcd() const;
  std::string describe(u128 result, const Format& f) const;
  std::string lanesHex(const LaneCodes& codes, const Format& f) const;

  const DatapathSpec& spec_;
  SystemCSide systemcSide_;
  RtlModel& rtl_;
  std::int64_t maxMismatches_;
  std::string vcdPath_;
  FmasimRtlPorts ports_{};
  CycleOutputs systemc_;
  std::int64_t cycle_ = 0;
  std::int64_t mismatches_ = 0;
  std::array<VcdCycle, kHistory> history_{};  // ring, indexed by cycle % kHistory
};

}  // namespace fmasim
