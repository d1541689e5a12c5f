// Switching activity of a datapath's signals: for each signal (a bit vector between or
// inside the units) the toggles from one step to the next, i.e. the Hamming distance
// of its value in consecutive steps. DatapathModel's counting step routine (chosen
// once, in its constructor, when it is given a UnitActivity) records every signal of
// every step; the plain routines never touch it. The energy model (models/cost)
// turns the toggle rates into energy.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "DatapathSpec.hpp"
#include "format/Wide.hpp"

namespace fmasim {

enum class Signal : std::uint8_t {
  OperandA,     // operand codes into the multiplier, one per lane
  OperandB,
  Product,      // the multiplier's output per lane: sign, exponent, significand
  AlignedTerm,  // the aligner's outputs: one two's complement term per adder input
  Sum,          // the adder's output
  Rounded,      // the normalizer's output: the rounded code (float accumulators)
  Accumulator,  // the accumulator registers, one per partial accumulator
  // Promotion (counted per promotion add, not per step): the unit's word added, and
  // the promoted register.
  PromotionInput,
  Promoted,
};
inline constexpr int kSignalCount = 9;
const char* signalName(Signal s);

class UnitActivity {
 public:
  explicit UnitActivity(const DatapathSpec& spec);

  // Forgets the counts and the previous values (all signals start at zero).
  void clear();

  // The value of copy `slot` (lane, term or partial) of signal s in this step;
  // bits above the signal's width are ignored.
  void record(Signal s, std::size_t slot, u128 value) {
    Track& t = tracks_[static_cast<std::size_t>(s)];
    u128& last = last_[t.first + slot];
    const u128 v = value & t.mask;
    const u128 changed = v ^ last;
    t.toggles += std::popcount(static_cast<std::uint64_t>(changed)) + std::popcount(static_cast<std::uint64_t>(changed >> 64));
    last = v;
  }
  // Steps the counts cover (DatapathModel counts them).
  void countStep() { ++steps_; }
  // One promotion add: `unitWord` (of the accumulator format) added into the promoted
  // register, which then holds `promoted` (of the promotion format).
  void recordPromotion(std::uint64_t unitWord, std::uint64_t promoted) {
    ++promotions_;
    record(Signal::PromotionInput, 0, unitWord);
    record(Signal::Promoted, 0, promoted);
  }

  std::int64_t toggles(Signal s) const { return tracks_[static_cast<std::size_t>(s)].toggles; }
  // Bits of the signal over all its copies (lanes, terms, partials).
  int bits(Signal s) const { return tracks_[static_cast<std::size_t>(s)].width * tracks_[static_cast<std::size_t>(s)].copies; }
  std::int64_t steps() const { return steps_; }
  std::int64_t promotions() const { return promotions_; }

  // Toggles per bit per step of a set of signals (0 before any step).
  double rate(std::span<const Signal> signals) const { return rate(signals, steps_); }
  // Toggles per bit per event (a step, or a promotion add for the promotion signals).
  double rate(std::span<const Signal> signals, std::int64_t events) const;

  // The signals at the boundary of a unit (inputs and outputs), whose mean toggle
  // rate is the unit's activity; and the signal its registers hold.
  static std::vector<Signal> unitSignals(const DatapathSpec& spec, Unit u);
  static Signal registeredSignal(const DatapathSpec& spec, Unit u);
  // The promotion adder's boundary: the word added and the promoted register.
  static constexpr std::array<Signal, 2> kPromotionSignals{Signal::PromotionInput, Signal::Promoted};

  // The multiplier's output as one bit vector: sign, exponent, significand.
  static u128 packProduct(const DatapathSpec& spec, bool sign, std::int32_t exponent, u128 significand) {
    const int sigBits = spec.productSigBits, expBits = spec.exponentBits;
    const u128 expField = static_cast<u128>(static_cast<std::uint32_t>(exponent)) & ((u128{1} << expBits) - 1);
    return (significand & ((u128{1} << sigBits) - 1)) | (expField << sigBits) | (u128{sign} << (sigBits + expBits));
  }

 private:
  struct Track {
    std::size_t first = 0;  // index of copy 0 in last_
    int copies = 0;
    int width = 0;
    u128 mask = 0;
    std::int64_t toggles = 0;
  };
  std::array<Track, kSignalCount> tracks_{};
  std::vector<u128> last_;
  std::int64_t steps_ = 0;
  std::int64_t promotions_ = 0;
};

}  // namespace fmasim
