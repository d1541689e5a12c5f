// The parameters of rtl/mac.sv for a datapath, derived from its DatapathSpec (the one
// source of every width): what `fmasim rtl-params` emits and the RTL builds take.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "datapath/DatapathSpec.hpp"

namespace fmasim {

struct RtlParameter {
  std::string name;
  std::int64_t value = 0;
};

// nullopt when the RTL does not build this datapath yet; `error` then names the
// config field (as a JSON path), what was asked and what the RTL supports.
std::optional<std::vector<RtlParameter>> rtlParameters(const DatapathSpec& spec, std::string& error);

// The parameter set as Verilator arguments (one -GNAME=VALUE a line, for `-f`) and
// as yosys commands (`chparam -set NAME VALUE mac`, one a line).
std::string verilatorParameterArgs(const std::vector<RtlParameter>& params);
std::string yosysParameterCommands(const std::vector<RtlParameter>& params);

}  // namespace fmasim
