// One clock cycle of the mac interface as both sides of the lock-step see it: the
// inputs the harness drives and the outputs it compares (all of them, every cycle).
#pragma once

#include <cstdint>

#include "format/Wide.hpp"

namespace fmasim {

struct CycleInputs {
  bool rst = false, inValid = false, inFinish = false, load = false;
  std::uint64_t a = 0, b = 0;
  u128 loadValue = 0;  // the accumulator code (integer, fixed point: two's complement, ACC_BITS wide)
};

struct CycleOutputs {
  bool inReady = false, outValid = false;
  std::uint8_t flags = 0;
  u128 result = 0;  // the accumulator: a float code, or ACC_BITS of two's complement
  bool operator==(const CycleOutputs&) const = default;
};

}  // namespace fmasim
