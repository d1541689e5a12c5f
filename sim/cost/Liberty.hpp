// The few facts `fmasim calibrate` needs from a Liberty library: its nominal voltage
// and its smallest NAND2 (area = 1 GE, input capacitance, leakage).
#pragma once

#include <optional>
#include <string>

namespace fmasim {

struct LibertyFacts {
  std::string nand2;           // cell name
  double nand2Area = 0;        // um^2
  double nand2InputFf = 0;     // input pin capacitance, fF
  double nand2LeakageNw = 0;   // nW
  double nominalVoltage = 0;   // V
};

// Reads a .lib (or .lib.gz) file; `plainPath` receives a path yosys can read (the
// file itself, or a decompressed copy in `scratchDir`).
std::optional<LibertyFacts> readLiberty(const std::string& path, const std::string& scratchDir, std::string& plainPath,
                                        std::string& error);

}  // namespace fmasim
