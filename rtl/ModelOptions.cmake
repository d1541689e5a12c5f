# How every Verilated model library of rtl/mac.sv is built, shared by rtl/BuildModel.cmake
# (`fmasim verify --rtl`, any config) and rtl/FmasimRtl.cmake (verilate(), the test
# models), so that both build the same model.

# Verilator: -O3 and --x-assign/--x-initial fast for speed (toolchain.md).
set(FMASIM_RTL_VERILATOR_ARGS --top-module mac -O3 --x-assign fast --x-initial fast)
# The C++ compiler: the per-cycle code and the plugin -O3, the construction code -O1,
# Verilator's runtime -O2 (verilated.mk's defaults are -Os).
set(FMASIM_RTL_OPT_FAST -O3)
set(FMASIM_RTL_OPT_SLOW -O1)
set(FMASIM_RTL_OPT_GLOBAL -O2)
# The library's calls to itself bind directly instead of through the PLT (nothing
# interposes them): 937 -> 861 instructions a cycle for the interleaved FP8 MAC
# (docs/RTL.md, Speed).
set(FMASIM_RTL_CXX_FLAGS -fno-semantic-interposition)
set(FMASIM_RTL_LINK_FLAGS -Wl,-Bsymbolic)

# fmasim_rtl_parameters_header(PARAMS_FILE HEADER): writes HEADER (RtlPluginParameters.h)
# with the -G lines of PARAMS_FILE as kRtlParameters, the text `fmasim verify` compares
# with the config's `fmasim rtl-params` output (a first comment line, as the checked-in
# files have, is left out). Rewritten only when it changes: an unchanged model is not
# recompiled.
function(fmasim_rtl_parameters_header params_file header)
  file(READ "${params_file}" params)
  string(REGEX REPLACE "^//[^\n]*\n" "" params "${params}")
  file(WRITE "${header}.new"
       "// Written by rtl/ModelOptions.cmake: the -G lines the model was built with.\n"
       "inline constexpr char kRtlParameters[] = R\"fmasim(${params})fmasim\";\n")
  file(COPY_FILE "${header}.new" "${header}" ONLY_IF_DIFFERENT)
  file(REMOVE "${header}.new")
endfunction()
