// Promotion (DeepSeek-V3, section 3.3.2): every N_C products the dot unit's partial
// result is added into a separate, wider accumulator (FP32 on CUDA cores, one
// rounding per add) and the unit's accumulator restarts from +0. One implementation
// for both engines: the functional engine calls it after each step, the SystemC
// register file when it writes a step's result.
#pragma once

#include <cstdint>

#include "DatapathSpec.hpp"
#include "UnitActivity.hpp"
#include "format/Decode.hpp"

namespace fmasim {

class PromotedAccumulator {
 public:
  // With an activity, each add records its input word and the promoted register's
  // new value (the counting engine; a branch per promotion add, not per step).
  explicit PromotedAccumulator(const DatapathSpec& spec, UnitActivity* activity = nullptr);

  bool enabled() const { return steps_ > 0; }
  void reset() { promoted_ = 0, sinceLast_ = 0; }

  // After a step that left `unitCode` in the unit's accumulator: the code the unit
  // continues with (+0 right after a promotion, else unitCode). Raises the add's flags.
  std::uint64_t afterStep(std::uint64_t unitCode, std::uint8_t& flags);

  // The final value: the promoted sum plus what the unit holds (nothing to add when
  // that is +0, as right after a promotion: promoted + (+0) is promoted exactly, with
  // no flags, in every rounding mode). Leaves the state alone (an activity records
  // the add). A function of the two codes alone, so a unit word set from outside (the
  // RTL's load port) counts too.
  Result result(std::uint64_t unitCode) const;

  std::uint64_t promoted() const { return promoted_; }

 private:
  // The add, recorded into the activity when there is one.
  Result add(std::uint64_t unitCode) const;

  int steps_;  // steps between promotions; 0: none
  PromotionParams params_;
  NanResult nanResult_;
  Decoder decodeUnit_, decodePromoted_;
  UnitActivity* activity_;  // counting engine only; an observer, not state
  std::uint64_t promoted_ = 0;  // +0 in the promotion format
  int sinceLast_ = 0;           // steps since the last promotion
};

}  // namespace fmasim
