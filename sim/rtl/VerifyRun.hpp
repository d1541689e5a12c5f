// The stimulus schedule of `fmasim verify`: blocks of steps, one per accumulator
// state. A block resets both sides; then each operand pair gets its own check: the
// accumulator is loaded with the state, the step enters, and its result is awaited;
// the block ends with a stream of back-to-back steps (the feedback stall at work) and
// the finish that raises out_valid. With interleaved partial accumulators, short
// finished streams from the loaded state follow, each ending in its reductions; with a
// workload, a dot product of the workload from +0, streamed the same way. With
// promotion the state is loaded before each group of 2 x promotionSteps checked
// steps (a load restarts promotion), so each group promotes twice.
#pragma once

#include <cstdint>
#include <string>

#include "Coverage.hpp"
#include "LockStep.hpp"
#include "workload/Workload.hpp"

namespace fmasim {

struct VerifyPlan {
  bool exhaustive = false;      // every (a, b) code pair per state
  std::int64_t pairsPerState = 0;  // otherwise: corner pairs first, then seeded random ones
  int states = 16;
  std::uint64_t seed = 1;
  const Workload* workload = nullptr;  // the config's: one dot-product stream per block
};

struct VerifyOutcome {
  std::int64_t steps = 0;   // checked steps (vectors)
  std::int64_t cycles = 0;
  int states = 0;           // accumulator states checked (the corners may exceed the plan's count)
  std::int64_t streams = 0;     // interleaved: finished streams ending in reductions
  std::int64_t reductions = 0;  // ... and the reductions p0 + pj they ran
  bool stalled = false;     // out_valid never rose after a block's finish
  std::int64_t workloadStreams = 0;  // dot products of the workload streamed
  std::int64_t promotions = 0;  // promotion: adds into the promoted accumulator the steps crossed
};

VerifyOutcome runVerify(const DatapathSpec& spec, const VerifyPlan& plan, LockStep& lockStep, Coverage& coverage);

}  // namespace fmasim
