/* The C interface between fmasim and a Verilated rtl/mac.sv built for one config:
   a shared library (rtl/RtlPlugin.cpp compiled with the Verilated model) exporting
   fmasim_rtl_api(). A plain C table, so fmasim loads any config's model with dlopen.
   Operand codes are at most 64 bits wide, accumulator words at most 128 (rtl-params
   checks): two 64-bit words, the low one first. */
#ifndef FMASIM_RTL_PLUGIN_ABI_H
#define FMASIM_RTL_PLUGIN_ABI_H

#include <stdint.h>

#define FMASIM_RTL_ABI_VERSION 2u

#ifdef __cplusplus
extern "C" {
#endif

/* One clock cycle's ports of module mac. */
struct FmasimRtlPorts {
  /* inputs, sampled at the cycle's rising edge */
  uint8_t rst, in_valid, in_finish, load_valid;
  uint64_t in_a, in_b, load_value[2];
  /* outputs after the edge (all registers) */
  uint8_t in_ready, out_valid, out_flags;
  uint64_t out_result[2];
};

struct FmasimRtlApi {
  uint32_t abi_version;
  const char* parameters; /* the -G lines the model was built with */
  void* (*create)(void);
  void (*destroy)(void* model);
  void (*cycle)(void* model, struct FmasimRtlPorts* ports);
};

typedef const struct FmasimRtlApi* (*FmasimRtlApiFunction)(void);
const struct FmasimRtlApi* fmasim_rtl_api(void);

#ifdef __cplusplus
}
#endif

#endif
