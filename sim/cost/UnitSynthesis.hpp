// The area model against synthesis of the RTL, unit by unit: rtl/mac.sv with a
// config's parameters is synthesized once, each unit's instances mapped as a module
// of their own, and each unit's GE is set beside the model's (unitAreas) for the
// same DatapathSpec.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cost/AreaModel.hpp"
#include "cost/Technology.hpp"

namespace fmasim {

struct UnitSynthesis {
  std::string name;          // a model unit's name, or "control" / "other" (not modelled)
  bool modelled = false;
  double synthesizedGE = 0;
  double modelGE = 0;
};

struct SynthesisCheck {
  std::vector<UnitSynthesis> units;  // the five units, then what the model leaves out
  double unitsApartGE = 0;           // the sum of `units`: no optimization across their borders
  std::optional<double> wholeGE;     // the whole mac flattened, when asked for
  double modelGE = 0;
};

// `rtlDir` holds mac.sv and its units. Without a Liberty file yosys' generic gates
// are weighted by genericGateGE; with one, GE = area / the library's NAND2 area.
// The model's GE uses `tech`'s cell costs. nullopt with `error` when the RTL does
// not build the datapath yet (error names the config field) or yosys fails. `wholeToo`
// also synthesizes the whole mac flattened (SynthesisJob::wholeToo: slow for wide dots).
std::optional<SynthesisCheck> synthesizeUnits(const DatapathSpec& spec, const Technology& tech,
                                              const std::string& rtlDir, const std::string& liberty,
                                              bool wholeToo, std::string& error);

}  // namespace fmasim
