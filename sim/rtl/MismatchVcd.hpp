// A VCD of both sides of the lock-step over the cycles before a mismatch: the
// inputs, and each side's in_ready, out_valid, out_result and out_flags.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "CyclePorts.hpp"

namespace fmasim {

struct VcdCycle {
  std::int64_t cycle = 0;
  CycleInputs in;
  CycleOutputs systemc, rtl;
};

struct VcdWidths {
  int a = 8, b = 8, accumulator = 32;
  int result = 32;  // out_result: the accumulator's, or with promotion the promoted format's
};

// False with `error` when the file cannot be written.
bool writeMismatchVcd(const std::string& path, std::span<const VcdCycle> cycles, const VcdWidths& widths,
                      std::string& error);

}  // namespace fmasim
