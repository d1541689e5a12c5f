// The configs `fmasim run` uses when given none: INT8 -> INT32, FP8 E4M3 -> FP32,
// FP8 E4M3 -> FP16 and FP8 E4M3 -> exact fixed point, on the same data. Their text
// is embedded at build time from configs/.
#pragma once

#include <span>

namespace fmasim {

struct EmbeddedConfig {
  const char* file;
  const char* text;
};

std::span<const EmbeddedConfig> defaultConfigs();
// The technology descriptors of configs/tech/, for `--tech NAME`.
std::span<const EmbeddedConfig> builtinTechnologies();

}  // namespace fmasim
