// Building blocks of the datapath units as counts of primitive cells, from first
// principles (docs/COST_MODEL.md derives each formula). Widths are in bits.
#pragma once

#include <cstdint>

#include "GateCount.hpp"

namespace fmasim {

enum class MultiplierArchitecture : std::uint8_t { Array, Dadda, Booth4 };
enum class AdderArchitecture : std::uint8_t { Ripple, Prefix };

struct Architecture {
  MultiplierArchitecture multiplier = MultiplierArchitecture::Array;
  AdderArchitecture adder = AdderArchitecture::Ripple;
};

int ceilLog2(int n);

GateCount carryPropagateAdder(int bits, AdderArchitecture arch);
GateCount incrementer(int bits);                     // +1 with carry out
GateCount magnitudeComparator(int bits, AdderArchitecture arch);  // a subtraction's borrow
GateCount significandMultiplier(int aBits, int bBits, const Architecture& arch);
GateCount carrySaveTree(int terms, int bits);        // terms -> 2 rows
GateCount shifter(int bits, int maxShift);           // logarithmic barrel shifter
GateCount leadingZeroCounter(int bits);
GateCount orReduce(int bits);
GateCount conditionalNegate(int bits);               // two's complement: invert; the +1 enters as a carry
GateCount negate(int bits);                          // a magnitude under a sign into two's complement
GateCount placementShifter(int inBits, int outBits, int maxShift);  // a narrow value shifted left into a field
GateCount maxSelect(int terms, int bits, AdderArchitecture arch);  // largest of `terms` values
GateCount multiplexer(int inputs, int bits);
GateCount registerBits(int bits);

}  // namespace fmasim
