// Runs dot products through the cycle-accurate SystemC pipeline: per dot product a
// reset, ceil(K / lanes) steps through valid/ready (the last padded with zero codes),
// and the finish that reduces the partial accumulators; returns the result with
// the cycles the pipeline took.
//
// SystemC elaborates once per process: construct one engine per process (it builds
// its module hierarchy in the constructor) and run as many dot products as needed.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "datapath/DatapathModel.hpp"

namespace fmasim {

inline constexpr std::size_t kRecordedAccepts = 4096;

struct SystemCDotResult {
  AccumulatorValue value;
  std::uint8_t flags = 0;
  std::int64_t steps = 0;
  std::int64_t cycles = 0;   // from the first accepted step's cycle to the result's valid cycle
  std::int64_t latency = 0;  // from the first accepted step to its accumulator write being visible
  double initiationInterval = 0;           // mean cycles between accepted steps
  double utilization = 0;                  // accepted steps per cycle
  std::vector<std::int64_t> acceptCycles;  // the first kRecordedAccepts steps' cycles, relative to the first
};

class SystemCEngine {
 public:
  struct Options {
    std::string vcdPath;    // non-empty: trace every unit boundary to this VCD file
    int stallInterval = 0;  // cycles between steps when stalling; 0: the spec's (only tests change it)
  };

  explicit SystemCEngine(const DatapathSpec& spec, const Options& options);
  explicit SystemCEngine(const DatapathSpec& spec) : SystemCEngine(spec, Options{}) {}
  ~SystemCEngine();
  SystemCEngine(const SystemCEngine&) = delete;
  SystemCEngine& operator=(const SystemCEngine&) = delete;

  // Streaming, so a dot product of any length needs no more memory than a short one:
  // begin() resets the pipeline; issue() hands it one step (lanes codes of a and b, and
  // the lanes' block scale exponents or nullptr), returning once in_ready took it, with
  // last = true on the final step; end() runs the finish and returns the result.
  void begin();
  void issue(const std::uint64_t* a, const std::uint64_t* b, const std::int32_t* scaleExp, bool last);
  SystemCDotResult end();

  // One dot product of K = a.size() products a[k] * b[k] (begin, issue each step, the
  // last padded with zero codes, end); scaleExp holds each product's block scale
  // exponent, or is empty.
  SystemCDotResult run(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                       std::span<const std::int32_t> scaleExp = {});

  // Clock cycles simulated since construction (resets included).
  std::int64_t simulatedCycles() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fmasim
