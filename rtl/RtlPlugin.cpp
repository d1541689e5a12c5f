// The Verilated mac (prefix Vmac) behind the C interface of sim/rtl/RtlPluginAbi.h,
// compiled into each config's model library by rtl/BuildModel.cmake.
#include <cstdint>
#include <type_traits>

#include "RtlPluginAbi.h"
#include "RtlPluginParameters.h"  // kRtlParameters, written by rtl/BuildModel.cmake
#include "Vmac.h"
#include "verilated.h"

namespace {

struct Model {
  VerilatedContext context;
  Vmac top{&context};
};

void* create() { return new Model; }

void destroy(void* model) { delete static_cast<Model*>(model); }

template <class Port>
void drive(Port& port, std::uint64_t value) {
  port = static_cast<Port>(value);
}

// An operand port from its 32-bit words: a CData..QData, or Verilator's VlWide<N>.
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
  drive(m.load_value, p->load_value);
  m.clk = 0;
  m.eval();
  m.clk = 1;
  m.eval();
  p->in_ready = m.in_ready;
  p->out_valid = m.out_valid;
  p->out_flags = m.out_flags;
  p->out_result = m.out_result;
}

const FmasimRtlApi kApi{FMASIM_RTL_ABI_VERSION, kRtlParameters, create, destroy, cycle};

}  // namespace

extern "C" const FmasimRtlApi* fmasim_rtl_api(void) { return &kApi; }
