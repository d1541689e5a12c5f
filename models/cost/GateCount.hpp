// GateCount: a circuit as counts of the primitive cells the cost model is built from.
// Area is counted in primitives, not in gate equivalents, so that one set of formulas
// serves every technology: a Technology (Technology.hpp) says what each primitive costs.
#pragma once

#include <array>
#include <cstdint>
#include <cstddef>

namespace fmasim {

enum class Cell : std::uint8_t {
  Inv,        // inverter
  And2,       // 2-input AND/OR/NAND/NOR class
  Xor2,       // 2-input XOR/XNOR
  Mux2,       // 2:1 multiplexer
  HalfAdder,  // sum and carry of two bits
  FullAdder,  // sum and carry of three bits
  Flop,       // D flip-flop (a register bit)
};
inline constexpr std::size_t kCellCount = 7;
const char* cellName(Cell c);

struct GateCount {
  std::array<double, kCellCount> n{};

  double& operator[](Cell c) { return n[static_cast<std::size_t>(c)]; }
  double operator[](Cell c) const { return n[static_cast<std::size_t>(c)]; }
  GateCount& operator+=(const GateCount& o) {
    for (std::size_t i = 0; i < kCellCount; ++i) n[i] += o.n[i];
    return *this;
  }
  friend GateCount operator+(GateCount a, const GateCount& b) { return a += b; }
  friend GateCount operator*(double k, GateCount a) {
    for (double& x : a.n) x *= k;
    return a;
  }
};

inline GateCount cells(Cell c, double count) {
  GateCount g;
  g[c] = count;
  return g;
}

}  // namespace fmasim
