// The Verilated mac (prefix Vmac) behind the C interface of sim/rtl/RtlPluginAbi.h,
// compiled into each config's model library by rtl/BuildModel.cmake.
#include <cstddef>
#include <cstdint>

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
// VlWide of 32-bit words; `value` holds two 64-bit words, the low one first (the
// harness keeps the bits above the port's width clear, as Verilator expects).
template <class Port>
void drive(Port& port, const std::uint64_t* value) {
  port = static_cast<Port>(value[0]);
}
template <std::size_t N>
void drive(VlWide<N>& port, const std::uint64_t* value) {
  for (std::size_t i = 0; i < N; ++i) port.at(i) = static_cast<std::uint32_t>(value[i / 2] >> (32 * (i % 2)));
}
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

void cycle(void* model, FmasimRtlPorts* p) {
  Vmac& m = static_cast<Model*>(model)->top;
  m.rst = p->rst;
  m.in_valid = p->in_valid;
  m.in_finish = p->in_finish;
  m.load_valid = p->load_valid;
  drive(m.in_a, &p->in_a);
  drive(m.in_b, &p->in_b);
  drive(m.load_value, p->load_value);
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
