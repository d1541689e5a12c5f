#include "Components.hpp"

#include <algorithm>
#include <bit>

namespace fmasim {

const char* cellName(Cell c) {
  switch (c) {
    case Cell::Inv: return "inv";
    case Cell::And2: return "and2";
    case Cell::Xor2: return "xor2";
    case Cell::Mux2: return "mux2";
    case Cell::HalfAdder: return "half_adder";
    case Cell::FullAdder: return "full_adder";
    case Cell::Flop: return "flop";
  }
  return "?";
}

int ceilLog2(int n) { return n <= 1 ? 0 : std::bit_width(static_cast<unsigned>(n - 1)); }

GateCount carryPropagateAdder(int bits, AdderArchitecture arch) {
  if (bits <= 0) return {};
  if (arch == AdderArchitecture::Ripple) return cells(Cell::FullAdder, bits);
  // Sklansky prefix adder: a half adder per bit makes generate and propagate, each of
  // the (n/2) log2 n prefix nodes combines two (g, p) pairs with three 2-input gates,
  // and an XOR per bit forms the sum from the carries.
  const double nodes = 0.5 * bits * ceilLog2(bits);
  return cells(Cell::HalfAdder, bits) + cells(Cell::And2, 3 * nodes) + cells(Cell::Xor2, bits);
}

GateCount incrementer(int bits) { return bits <= 0 ? GateCount{} : cells(Cell::HalfAdder, bits); }

GateCount magnitudeComparator(int bits, AdderArchitecture arch) {
  if (bits <= 0) return {};
  // a - b's borrow: b inverted, then the carry chain alone (a majority gate, three
  // 2-input gates, per bit); a prefix comparator adds the prefix tree's nodes.
  GateCount g = cells(Cell::Inv, bits) + cells(Cell::And2, 3.0 * bits);
  if (arch == AdderArchitecture::Prefix) g += cells(Cell::And2, 1.5 * bits * ceilLog2(bits));
  return g;
}

GateCount significandMultiplier(int aBits, int bBits, const Architecture& arch) {
  const int m = std::max(aBits, bBits), n = std::min(aBits, bBits);
  if (n <= 0) return {};
  if (n == 1) return cells(Cell::And2, m);  // a one-bit operand only gates the other
  const int productBits = m + n;
  switch (arch.multiplier) {
    case MultiplierArchitecture::Array:
      // m*n AND partial products and a carry-save array of n rows of m adders: the
      // first row half adders, n-2 rows of full adders, the last row rippling the
      // carries out (n(n-2) full and n half adders for n x n).
      return cells(Cell::And2, m * n) + cells(Cell::FullAdder, m * (n - 2)) + cells(Cell::HalfAdder, m);
    case MultiplierArchitecture::Dadda: {
      // Each full adder removes one bit; the m*n partial-product bits reduce to two
      // rows of m+n-1 bits (Dadda: n^2 - 4n + 3 full and n - 3 half adders for n x n),
      // then a final adder of m+n-2 bits.
      const int full = std::max(0, m * n - 2 * m - 2 * n + 3);
      const int half = std::max(0, n - 3);
      return cells(Cell::And2, m * n) + cells(Cell::FullAdder, full) + cells(Cell::HalfAdder, half) +
             carryPropagateAdder(productBits - 2, arch.adder);
    }
    case MultiplierArchitecture::Booth4: {
      // Radix-4 Booth: n/2+1 rows of m+1 bits, each bit selecting 0, a or 2a (a mux)
      // and negating it (an XOR); an encoder per row; the rows reduce to two with one
      // full adder per removed bit, then the final adder.
      const int rows = n / 2 + 1;
      const int rowBits = m + 1;
      const int reduce = std::max(0, rows * (rowBits + 1) - 2 * productBits);
      return cells(Cell::Mux2, rows * rowBits) + cells(Cell::Xor2, rows * rowBits + 2 * rows) +
             cells(Cell::And2, 2 * rows) + cells(Cell::FullAdder, reduce) +
             carryPropagateAdder(productBits, arch.adder);
    }
  }
  return {};
}

GateCount carrySaveTree(int terms, int bits) {
  return terms <= 2 || bits <= 0 ? GateCount{} : cells(Cell::FullAdder, static_cast<double>(terms - 2) * bits);
}

GateCount shifter(int bits, int maxShift) {
  if (bits <= 0 || maxShift <= 0) return {};
  return cells(Cell::Mux2, static_cast<double>(bits) * ceilLog2(maxShift + 1));
}

GateCount leadingZeroCounter(int bits) {
  // A tree over groups of bits: each level halves the groups, ORing each pair's
  // "all zero" signals and AND-OR-selecting the count's low bits from the half that
  // has the leading one; in total about two 2-input gates per input bit.
  return bits <= 1 ? GateCount{} : cells(Cell::And2, 2.0 * bits);
}

GateCount orReduce(int bits) { return bits <= 1 ? GateCount{} : cells(Cell::And2, bits - 1); }

GateCount conditionalNegate(int bits) { return bits <= 0 ? GateCount{} : cells(Cell::Xor2, bits); }

GateCount negate(int bits) {
  // sign ? -m : m without an incrementer: bit i flips when the sign is set and a bit
  // below it is one (a prefix OR); bit 0 never changes.
  return bits <= 1 ? GateCount{} : cells(Cell::Xor2, bits - 1) + cells(Cell::And2, 2 * (bits - 1) - 1);
}

GateCount placementShifter(int inBits, int outBits, int maxShift) {
  // Level k (a shift by 2^k) needs a mux only where a bit of the value can be by then.
  double muxes = 0;
  for (int k = 0; k < ceilLog2(maxShift + 1); ++k) muxes += std::min(outBits, inBits + (2 << k) - 1);
  return cells(Cell::Mux2, muxes);
}

GateCount maxSelect(int terms, int bits, AdderArchitecture arch) {
  if (terms <= 1) return {};
  return static_cast<double>(terms - 1) * (magnitudeComparator(bits, arch) + multiplexer(2, bits));
}

GateCount multiplexer(int inputs, int bits) {
  return inputs <= 1 || bits <= 0 ? GateCount{} : cells(Cell::Mux2, static_cast<double>(inputs - 1) * bits);
}

GateCount registerBits(int bits) { return bits <= 0 ? GateCount{} : cells(Cell::Flop, bits); }

}  // namespace fmasim
