// Report of `fmasim synth`: per config and unit, the GE of yosys' synthesis of the
// RTL beside the area model's, as a table for people and JSON for scripts.
#pragma once

#include <string>
#include <vector>

#include "cost/UnitSynthesis.hpp"

namespace fmasim {

struct SynthesisRow {
  std::string config;
  SynthesisCheck check;
};

struct SynthesisReport {
  std::string mapping;     // "yosys generic gates" or the Liberty file
  std::string technology;  // the model's technology
  std::vector<SynthesisRow> rows;
};

std::string synthesisTable(const SynthesisReport& report);
std::string synthesisJson(const SynthesisReport& report);

}  // namespace fmasim
