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

struct SystemCDotResult {
  AccumulatorValue value;
  std::uint8_t flags = 0;
  std::int64_t steps = 0;
  std::int64_t cycles = 0;   // from the first accepted step's cycle to the result's valid cycle
  std::int64_t latency = 0;  // from the first accepted step to its accumulator write being visible
  double initiationInterval = 0;           // mean cycles between accepted steps
  double utilization = 0;                  // accepted steps per cycle
  std::vector<std::int64_t> acceptCycles;  // each accepted step's cycle, relative to the first
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

  // One dot product of K = a.size() products a[k] * b[k]; scaleExp holds each
  // product's block scale exponent, or is empty.
  SystemCDotResult run(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                       std::span<const std::int32_t> scaleExp = {});

  // Clock cycles simulated since construction (resets included).
  std::int64_t simulatedCycles() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fmasim
