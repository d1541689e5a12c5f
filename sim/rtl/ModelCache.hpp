// `fmasim verify --rtl`: the Verilated model of a config built on demand into a cache
// directory keyed by a hash of its RTL parameters and of the rtl/ sources, and reused
// while both stay the same.
#pragma once

#include <optional>
#include <string>

namespace fmasim {

// The model library for `parameters` (the -G lines of rtl-params) built from
// `configPath`, building it with rtl/BuildModel.cmake when the cache lacks it; prints
// where the build went. nullopt with `error` when the build fails.
std::optional<std::string> cachedRtlModel(const std::string& configPath, const std::string& parameters,
                                          std::string& error);

}  // namespace fmasim
