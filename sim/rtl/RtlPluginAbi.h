/* The C interface between fmasim and a Verilated rtl/mac.sv built for one config:
   a shared library (rtl/RtlPlugin.cpp compiled with the Verilated model) exporting
   fmasim_rtl_api(). A plain C table, so fmasim loads any config's model with dlopen.
   An operand port carries the step's lanes, lane i at bits [i*BITS, (i+1)*BITS), at
   most 512 bits; accumulator words are at most 128 bits wide, two 64-bit words, the low
   one first (rtl-params checks both). */
#ifndef FMASIM_RTL_PLUGIN_ABI_H
#define FMASIM_RTL_PLUGIN_ABI_H

#include <stdint.h>

#define FMASIM_RTL_ABI_VERSION 3u
#define FMASIM_RTL_PORT_WORDS 16 /* 32-bit words of an operand port, least significant first */

#ifdef __cplusplus
extern "C" {
#endif

/* One clock cycle's ports of module mac. */
struct FmasimRtlPorts {
  /* inputs, sampled at the cycle's rising edge */
  uint8_t rst, in_valid, in_finish, load_valid;
  uint32_t in_a[FMASIM_RTL_PORT_WORDS], in_b[FMASIM_RTL_PORT_WORDS];
  uint64_t load_value[2];
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
