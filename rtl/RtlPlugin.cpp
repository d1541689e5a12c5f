// The Verilated mac (prefix Vmac) behind the C interface of sim/rtl/RtlPluginAbi.h,
// compiled into each config's model library by rtl/BuildModel.cmake.
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "RtlPluginAbi.h"
#include "RtlPluginParameters.h"  // kRtlParameters, written by rtl/BuildModel.cmake
#include "Vmac.h"
#include "Vmac___024root.h"
#include "verilated.h"

namespace {

struct Model {
  VerilatedContext context;
  Vmac top{&context};
};

// The first eval initializes the model; with clk low, the first cycle's is an edge.
void* create() {
  auto* model = new Model;
  model->top.clk = 0;
  model->top.eval();
  return model;
}

void destroy(void* model) { delete static_cast<Model*>(model); }

// A port of up to 64 bits is an integer in the Verilated class, a wider one a
// VlWide of 32-bit words (the harness keeps the bits above the port's width clear, as
// Verilator expects).
template <class Port>
void sample(const Port& port, std::uint64_t* value) {
  value[0] = port;
  value[1] = 0;
}
template <std::size_t N>
void sample(const VlWide<N>& port, std::uint64_t* value) {
  value[0] = value[1] = 0;
  for (std::size_t i = 0; i < N; ++i) value[i / 2] |= static_cast<std::uint64_t>(port.at(i)) << (32 * (i % 2));
}

// A port from its 32-bit words, least significant first.
template <class Port>
void driveWords(Port& port, const std::uint32_t* words) {
  if constexpr (std::is_integral_v<Port>) {
    std::uint64_t v = words[0];
    if constexpr (sizeof(Port) > 4) v |= std::uint64_t{words[1]} << 32;
    port = static_cast<Port>(v);
  } else {
    static_assert(sizeof(Port) <= FMASIM_RTL_PORT_WORDS * sizeof(std::uint32_t));
    for (std::size_t i = 0; i < sizeof(Port) / sizeof(std::uint32_t); ++i) port[i] = words[i];
  }
}

void cycle(void* model, FmasimRtlPorts* p) {
  Vmac& m = static_cast<Model*>(model)->top;
  m.rst = p->rst;
  m.in_valid = p->in_valid;
  m.in_finish = p->in_finish;
  m.load_valid = p->load_valid;
  driveWords(m.in_a, p->in_a);
  driveWords(m.in_b, p->in_b);
  const std::uint32_t load[4] = {static_cast<std::uint32_t>(p->load_value[0]), static_cast<std::uint32_t>(p->load_value[0] >> 32),
                                 static_cast<std::uint32_t>(p->load_value[1]), static_cast<std::uint32_t>(p->load_value[1] >> 32)};
  driveWords(m.load_value, load);
  // One eval a cycle: the rising edge, where the new inputs settle through the input
  // logic before the registers take them (Verilator's ico region runs before the
  // clocked one). The falling edge needs no eval of its own: clk reaches nothing but
  // the registers' edge detection, so lowering clk and Verilator's record of its last
  // value (what that eval would do) is the same. Half of the per-eval overhead goes
  // (scheduling, thread-local lookups, the end-of-eval queue): docs/RTL.md, Speed.
  m.clk = 1;
  m.eval();
  m.clk = 0;
  m.rootp->__Vtrigrprev__TOP__clk = 0;
  p->in_ready = m.in_ready;
  p->out_valid = m.out_valid;
  p->out_flags = m.out_flags;
  sample(m.out_result, p->out_result);
}

const FmasimRtlApi kApi{FMASIM_RTL_ABI_VERSION, kRtlParameters, create, destroy, cycle};

}  // namespace

extern "C" const FmasimRtlApi* fmasim_rtl_api(void) { return &kApi; }
