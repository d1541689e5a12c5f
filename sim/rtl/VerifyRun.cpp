#include "VerifyRun.hpp"

#include <algorithm>
#include <random>
#include <vector>

#include "LaneStimulus.hpp"
#include "ProgressLine.hpp"
#include "Stimulus.hpp"
#include "WorkloadStream.hpp"

namespace fmasim {
namespace {

constexpr int kStreamSteps = 8;               // back-to-back steps closing each block
constexpr std::int64_t kWorkloadSteps = 256;  // then at most this many steps of a workload dot product
// Interleaved partials: finished streams per state, 1 to 2L + 1 steps long, each
// ending in its reductions (p0 + p1, then + p2, ...) of the partials it wrote.
constexpr int kReductionStreams = 32;

class BlockDriver {
 public:
  BlockDriver(const DatapathSpec& spec, LockStep& ls)
      : spec_(spec), ls_(ls), groupSteps_(std::max(1, 2 * spec.promotionSteps)) {}

  bool reset() {
    restart();
    return ls_.cycle(CycleInputs{.rst = true});
  }

  // Presents one step until the (registered) in_ready takes it.
  bool present(const LaneCodes& a, const LaneCodes& b, bool finish) {
    for (;;) {
      const bool accepted = ls_.outputs().inReady;
      if (!ls_.cycle(CycleInputs{.inValid = true, .inFinish = finish, .a = a, .b = b})) return false;
      if (accepted) {
        countPromotion();
        return true;
      }
    }
  }

  bool idle(int cycles) {
    for (int i = 0; i < cycles; ++i)
      if (!ls_.cycle(CycleInputs{})) return false;
    return true;
  }

  // Every partial accumulator takes c (and promotion restarts).
  bool load(u128 c) {
    restart();
    return ls_.cycle(CycleInputs{.load = true, .loadValue = c});
  }

  // One step and its result: false once the lock-step stops. Each step reads c, loaded
  // before it; with promotion c is loaded before each group of 2 x promotionSteps
  // steps, the later ones reading their predecessor's result (a load restarts
  // promotion): the group's first promotion adds into +0, its second into that sum,
  // and every result between them is the promoted sum plus the unit's word.
  bool check(const LaneCodes& a, const LaneCodes& b, u128 c, Coverage& coverage) {
    if (inGroup_ == 0 && !load(c)) return false;
    inGroup_ = (inGroup_ + 1) % groupSteps_;
    if (!present(a, b, false) || !idle(spec_.latency - 1)) return false;
    coverage.add(a, b, c, ls_.outputs().result, ls_.outputs().flags);
    return true;
  }

  // Steps back to back, the last with in_finish, then out_valid awaited; `stalled`
  // when it does not rise within a generous bound (the last step and every reduction).
  bool stream(const std::vector<LaneStep>& steps, bool& stalled) {
    for (std::size_t i = 0; i < steps.size(); ++i)
      if (!present(steps[i].first, steps[i].second, i + 1 == steps.size())) return false;
    const int bound = 2 * spec_.latency + 2 + spec_.partialAccumulators * spec_.reductionLatency;
    for (int i = 0; i < bound; ++i) {
      if (ls_.outputs().outValid) return true;
      if (!ls_.cycle(CycleInputs{})) return false;
    }
    stalled = !ls_.outputs().outValid;
    return !stalled;
  }

  std::int64_t promotions() const { return promotions_; }

 private:
  void restart() { inGroup_ = sincePromotion_ = 0; }
  // The model's rule: every promotionSteps-th step since a reset or load promotes.
  void countPromotion() {
    if (spec_.promotionSteps > 0 && ++sincePromotion_ == spec_.promotionSteps) ++promotions_, sincePromotion_ = 0;
  }

  const DatapathSpec& spec_;
  LockStep& ls_;
  const int groupSteps_;        // checked steps per load of the state
  int inGroup_ = 0;             // of them, done since the last load
  int sincePromotion_ = 0;
  std::int64_t promotions_ = 0;
};

}  // namespace

VerifyOutcome runVerify(const DatapathSpec& spec, const VerifyPlan& plan, LockStep& lockStep, Coverage& coverage) {
  const Format& fa = spec.params.a;
  const Format& fb = spec.params.b;
  const std::vector<u128> states = accumulatorStates(spec, plan.states, plan.seed);
  const std::vector<std::uint64_t> cornersA = cornerCodes(fa), cornersB = cornerCodes(fb);
  std::mt19937_64 rng(plan.seed);
  LaneStimulus laneStimulus(spec, plan.seed);
  BlockDriver driver(spec, lockStep);
  const int bitsA = fa.bits, bitsB = fb.bits;
  LaneCodes a, b;
  VerifyOutcome out;
  out.states = static_cast<int>(states.size());
  const auto finish = [&] {
    out.cycles = lockStep.cycles();
    out.promotions = driver.promotions();
    return out;
  };
  // Operands of the streams: a corner code one time in four, else random.
  const auto streamOperand = [&](const std::vector<std::uint64_t>& corners, const Format& f) {
    return rng() % 4 == 0 ? corners[rng() % corners.size()] : rng() & f.codeMask();
  };
  const auto streamOf = [&](int length) {
    std::vector<LaneStep> steps(static_cast<std::size_t>(length));
    for (LaneStep& step : steps)
      for (int i = 0; i < spec.params.lanes; ++i) {
        step.first.set(i, bitsA, streamOperand(cornersA, fa));
        step.second.set(i, bitsB, streamOperand(cornersB, fb));
      }
    return steps;
  };
  const int partials = spec.partialAccumulators;
  const std::int64_t perState =
      plan.exhaustive ? static_cast<std::int64_t>((fa.codeMask() + 1) * (fb.codeMask() + 1)) : plan.pairsPerState;
  ProgressLine progress("steps", perState * static_cast<std::int64_t>(states.size()));
  for (u128 c : states) {
    if (!driver.reset()) return finish();
    if (plan.exhaustive) {
      for (std::uint64_t x = 0; x <= fa.codeMask(); ++x)
        for (std::uint64_t y = 0; y <= fb.codeMask(); ++y, ++out.steps) {
          a.set(0, bitsA, x);
          b.set(0, bitsB, y);
          if (!driver.check(a, b, c, coverage)) return finish();
          progress.update(out.steps);
        }
    } else {
      for (std::int64_t i = 0; i < plan.pairsPerState; ++i, ++out.steps) {
        if (spec.params.lanes > 1) {
          laneStimulus.step(a, b);
        } else {
          const auto corner = static_cast<std::size_t>(i);
          const bool isCorner = corner < cornersA.size() * cornersB.size();
          a.set(0, bitsA, isCorner ? cornersA[corner % cornersA.size()] : rng() & fa.codeMask());
          b.set(0, bitsB, isCorner ? cornersB[corner / cornersA.size()] : rng() & fb.codeMask());
        }
        if (!driver.check(a, b, c, coverage)) return finish();
        progress.update(out.steps);
      }
    }
    if (!driver.stream(streamOf(kStreamSteps), out.stalled)) return finish();
    for (int k = 0; partials > 1 && k < kReductionStreams; ++k, ++out.streams) {
      const int length = 1 + k % (2 * partials + 1);
      out.reductions += std::min(length, partials) - 1;
      if (!driver.reset() || !driver.load(c) || !driver.stream(streamOf(length), out.stalled)) return finish();
    }
    if (plan.workload == nullptr) continue;
    // A dot product of the workload from the reset accumulator (+0), as `fmasim run` feeds it.
    if (!driver.reset() ||
        !driver.stream(workloadSteps(*plan.workload, spec.params, out.workloadStreams, kWorkloadSteps), out.stalled))
      return finish();
    ++out.workloadStreams;
  }
  return finish();
}

}  // namespace fmasim
