// Runs a configured datapath over its workload: every dot product through the
// chosen engine, against an exact reference, with timing and cycle counts.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "accuracy/ErrorStats.hpp"
#include "config/RunConfig.hpp"

namespace fmasim {

enum class EngineKind : std::uint8_t { Functional, SystemC };

struct RunResult {
  std::string name;
  ErrorStats total;          // datapath result vs the exact dot product of the real inputs
  ErrorStats quantization;   // exact dot product of the quantized operands vs the real one
  ErrorStats accumulation;   // datapath result vs the exact dot product of the quantized operands
  double maxUlp = 0, meanUlp = 0;  // accumulation error in ULPs of the accumulator format
  std::uint8_t flags = 0;
  std::int64_t dotProducts = 0, steps = 0, macs = 0;
  std::int64_t cyclesPerDot = 0;  // for one dot product: stated by the functional engine, measured by systemc
  double seconds = 0;
};

// progress(done, total) is called now and then; it may be empty.
using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

// On a workload error returns false with `error` set.
// vcdPath (systemc engine only, may be empty): trace every unit boundary to this file.
bool runConfig(const RunConfig& config, EngineKind engine, const Progress& progress, RunResult& result,
               std::string& error, const std::string& vcdPath = "");

}  // namespace fmasim
