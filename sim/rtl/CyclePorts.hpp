// One clock cycle of the mac interface as both sides of the lock-step see it: the
// inputs the harness drives and the outputs it compares (all of them, every cycle).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "RtlPluginAbi.h"
#include "format/Wide.hpp"

namespace fmasim {

// A step's operand codes as an operand port carries them: lane i at bits
// [i*bits, (i+1)*bits), in 32-bit words least significant first (Verilator's layout).
struct LaneCodes {
  static constexpr int kMaxBits = FMASIM_RTL_PORT_WORDS * 32;
  std::array<std::uint32_t, FMASIM_RTL_PORT_WORDS> words{};

  // `code` must fit `bits` (at most 32: rtl-params checks the operand formats).
  void set(int lane, int bits, std::uint64_t code) {
    for (int k = 0; k < bits; ++k) {
      const auto bit = static_cast<std::size_t>(lane * bits + k);
      const std::uint32_t mask = std::uint32_t{1} << (bit % 32);
      words[bit / 32] = ((code >> k) & 1) ? words[bit / 32] | mask : words[bit / 32] & ~mask;
    }
  }
  std::uint64_t get(int lane, int bits) const {
    std::uint64_t code = 0;
    for (int k = 0; k < bits; ++k) {
      const auto bit = static_cast<std::size_t>(lane * bits + k);
      code |= static_cast<std::uint64_t>((words[bit / 32] >> (bit % 32)) & 1) << k;
    }
    return code;
  }
  bool operator==(const LaneCodes&) const = default;
  // Copies every word into a port (FMASIM_RTL_PORT_WORDS of them): a fixed size the
  // compiler copies inline, once per cycle; the words above the lanes are zero.
  void copyTo(std::uint32_t* port) const { std::memcpy(port, words.data(), sizeof words); }
};

struct CycleInputs {
  bool rst = false, inValid = false, inFinish = false, load = false;
  LaneCodes a{}, b{};
  u128 loadValue = 0;  // the accumulator code (integer, fixed point: two's complement, ACC_BITS wide)
};

struct CycleOutputs {
  bool inReady = false, outValid = false;
  std::uint8_t flags = 0;
  u128 result = 0;  // the accumulator: a float code, or ACC_BITS of two's complement
  bool operator==(const CycleOutputs&) const = default;
};

}  // namespace fmasim
